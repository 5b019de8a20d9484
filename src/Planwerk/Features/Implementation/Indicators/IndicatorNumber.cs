using System.Globalization;
using System.Text;

namespace Planwerk.Features.Implementation.Indicators;

/// <summary>Reads and writes an indicator's numbers (baseline, target, values). Unlike amounts of money they may be
/// negative and have up to four decimals. Read in German ("1.234,5", "-3,25") or as exported ("1234.5"); a single dot
/// followed by exactly three digits ("1.250") is refused as ambiguous rather than guessed.</summary>
public static class IndicatorNumber
{
    public const decimal Limit = 99_999_999_999_999m;
    public const int MaxDecimals = 4;

    /// <summary>The number, or null when <paramref name="text"/> is not one (empty is not one either).</summary>
    public static decimal? Read(string? text)
    {
        var compact = new StringBuilder();
        foreach (var c in (text ?? "").Trim())
        {
            if (c is ' ' or '\u00a0' or '\u202f' or '\'') continue;
            compact.Append(c == '−' ? '-' : c);
        }
        var s = compact.ToString();
        if (s.Length is 0 or > 40) return null;
        var negative = s[0] == '-';
        if (s[0] is '-' or '+') s = s[1..];
        if (s.Length == 0) return null;

        string whole, fraction;
        if (s.Contains(','))
        {
            var parts = s.Split(',');
            if (parts.Length != 2) return null;
            (whole, fraction) = (parts[0], parts[1]);
            if (whole.Contains('.'))
            {
                if (!Grouped(whole)) return null;
                whole = whole.Replace(".", "", StringComparison.Ordinal);
            }
        }
        else
        {
            var dots = s.Count(c => c == '.');
            if (dots > 1)
            {
                if (!Grouped(s)) return null;
                (whole, fraction) = (s.Replace(".", "", StringComparison.Ordinal), "");
            }
            else if (dots == 1)
            {
                var parts = s.Split('.');
                (whole, fraction) = (parts[0], parts[1]);
                if (fraction.Length == 3 && whole.Length is >= 1 and <= 3) return null;
            }
            else
            {
                (whole, fraction) = (s, "");
            }
        }
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit)) return null;
        if (s.EndsWith('.') || s.EndsWith(',')) return null;
        if (fraction.TrimEnd('0').Length > MaxDecimals || whole.TrimStart('0').Length > 14) return null;
        var value = decimal.Parse(fraction.Length == 0 ? whole : whole + "." + fraction, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (value > Limit) return null;
        return negative ? -value : value;
    }

    /// <summary>"1.234,5" in German, "1,234.5" in English: grouped, with the decimals it has and no trailing zeros.</summary>
    public static string Format(decimal value, CultureInfo? culture = null) =>
        value.ToString("#,##0.####", culture ?? CultureInfo.CurrentCulture);

    /// <summary>As exported and in the history: "1234.5".</summary>
    public static string Invariant(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>"1.234,5 %" or "1.234,5" when there is no unit.</summary>
    public static string WithUnit(decimal value, string unit, CultureInfo? culture = null) =>
        unit.Length == 0 ? Format(value, culture) : Format(value, culture) + "\u00a0" + unit;

    /// <summary>Groups of three digits after the first group of one to three ("1.234.567").</summary>
    private static bool Grouped(string s)
    {
        var groups = s.Split('.');
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }
}
