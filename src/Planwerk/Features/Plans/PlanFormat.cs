using System.Globalization;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Plans;

/// <summary>How the public pages write numbers, money, dates and percentages: in the interface
/// language's own way (German 01.07.2019 and 2.400.000 €, English 1 July 2019 and €2,400,000; dates as <see cref="BerlinTime"/> writes them).
/// Costs are always euros, whatever the language.</summary>
public static class PlanFormat
{
    public static string Date(DateOnly date) => BerlinTime.Date(date);

    /// <summary>The ISO date for <c>&lt;time datetime&gt;</c>.</summary>
    public static string IsoDate(DateOnly date) => BerlinTime.ExportDate(date);

    public static string Euro(decimal amount, CultureInfo? culture = null)
    {
        var format = (NumberFormatInfo)(culture ?? CultureInfo.CurrentCulture).NumberFormat.Clone();
        format.CurrencySymbol = "€";
        return amount.ToString(decimal.Truncate(amount) == amount ? "C0" : "C2", format);
    }

    /// <summary>0 to 100 as "42 %" (German) or "42%" (English).</summary>
    public static string Percent(double value, CultureInfo? culture = null) =>
        (Math.Round(value) / 100.0).ToString("P0", culture ?? CultureInfo.CurrentCulture);

    /// <summary>A number for an HTML or SVG attribute: always with a dot, never a decimal comma.</summary>
    public static string Attribute(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
