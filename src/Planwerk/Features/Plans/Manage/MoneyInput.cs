using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Plans.Manage;

/// <summary>The result of reading an amount typed by a person.</summary>
public sealed record MoneyReading(decimal? Value, string? Problem);

/// <summary>Reads and writes euro amounts the way people type them in the interface language:
/// in German "1.250.000,50", "1250000,5" or "1250000" (the dot groups thousands, the comma
/// starts the cents); in English "1,250,000.50". A stray "€" and spaces are ignored. Anything
/// ambiguous (like "1250.50" in German) is refused rather than guessed.</summary>
public static partial class MoneyInput
{
    public const decimal Maximum = 999_999_999_999.99m;
    public const string NotAnAmount = "Die geschätzten Kosten sind kein gültiger Betrag. Beispiele: 1.250.000,50 oder 1250000.";
    public const string Negative = "Die geschätzten Kosten dürfen nicht negativ sein.";
    public const string TooManyDecimals = "Die geschätzten Kosten dürfen höchstens zwei Nachkommastellen haben.";
    public const string TooLarge = "Die geschätzten Kosten sind zu hoch (höchstens 999.999.999.999,99 €).";

    public static MoneyReading Read(string? text, CultureInfo culture)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(null, null);
        var compact = new StringBuilder();
        foreach (var c in text.Trim())
        {
            if (!char.IsWhiteSpace(c) && c != '€') compact.Append(c);
        }
        var s = compact.ToString();
        if (s.EndsWith("EUR", StringComparison.OrdinalIgnoreCase)) s = s[..^3];
        if (s.StartsWith('-') || s.StartsWith('−')) return new(null, Negative);
        if (s.StartsWith('+')) s = s[1..];

        var format = culture.NumberFormat;
        var decimalSeparator = format.NumberDecimalSeparator;
        var groupSeparator = format.NumberGroupSeparator;
        if (string.IsNullOrWhiteSpace(groupSeparator)) groupSeparator = decimalSeparator == "," ? "." : ",";

        var parts = s.Split(decimalSeparator);
        if (parts.Length > 2) return new(null, NotAnAmount);
        var whole = parts[0];
        var fraction = parts.Length == 2 ? parts[1] : "";
        if (parts.Length == 2 && (fraction.Length == 0 || !Digits().IsMatch(fraction))) return new(null, NotAnAmount);
        if (whole.Length == 0) whole = "0";

        if (!Digits().IsMatch(whole))
        {
            var groups = whole.Split(groupSeparator);
            var wellGrouped = groups.Length > 1
                && groups[0].Length is >= 1 and <= 3 && Digits().IsMatch(groups[0])
                && groups.Skip(1).All(g => g.Length == 3 && Digits().IsMatch(g));
            if (!wellGrouped) return new(null, NotAnAmount);
            whole = string.Concat(groups);
        }
        if (fraction.Length > 2) return new(null, TooManyDecimals);
        if (whole.TrimStart('0').Length > 12) return new(null, TooLarge);

        var value = decimal.Parse(fraction.Length == 0 ? whole : whole + "." + fraction, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return value > Maximum ? new(null, TooLarge) : new(value, null);
    }

    /// <summary>The amount as the form shows it: grouped, with cents only where there are any.</summary>
    public static string Format(decimal? value, CultureInfo culture) => value switch
    {
        null => "",
        decimal v when v == decimal.Truncate(v) => v.ToString("#,0", culture),
        decimal v => v.ToString("#,0.00", culture),
    };

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex Digits();
}
