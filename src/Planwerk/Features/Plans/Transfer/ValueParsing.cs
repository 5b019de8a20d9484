using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Planwerk.Features.Plans.Transfer;

/// <summary>A value read from a cell, or the reason it could not be read (a message with its arguments).</summary>
public readonly record struct Parsed<T>(T Value, string? Problem, string[] Arguments);

public static class Parsed
{
    public static Parsed<T> Ok<T>(T value) => new(value, null, []);
    public static Parsed<T> Fail<T>(string problem, params string[] arguments) => new(default!, problem, arguments);
}

/// <summary>Reads the cells of the measure table: the formats the export writes, and the usual
/// German ways of writing dates, amounts and the enumerations' words.</summary>
public static partial class ValueParsing
{
    public const decimal MaxAmount = 999_999_999_999.99m;
    public const int MaxFieldNumber = 999;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"];

    public static Parsed<DateOnly?> Date(string cell)
    {
        var text = cell.Trim();
        if (text.Length == 0) return Parsed.Ok<DateOnly?>(null);
        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Parsed.Ok<DateOnly?>(date)
            : Parsed.Fail<DateOnly?>(ImportTexts.NotADate, text);
    }

    /// <summary>Invariant ("1250000.50", as exported) or German ("1.250.000,50", "1250000,5"). A single
    /// dot followed by exactly three digits ("1.250") is refused as ambiguous rather than guessed.</summary>
    public static Parsed<decimal?> Amount(string cell)
    {
        var builder = new StringBuilder();
        foreach (var c in cell)
        {
            if (!char.IsWhiteSpace(c) && c != '€') builder.Append(c);
        }
        var text = builder.ToString();
        if (text.EndsWith("EUR", StringComparison.OrdinalIgnoreCase)) text = text[..^3];
        if (text.Length == 0) return Parsed.Ok<decimal?>(null);
        var shown = cell.Trim();
        if (text[0] is '-' or '−') return Parsed.Fail<decimal?>(ImportTexts.NegativeAmount);

        string whole, fraction;
        if (text.Contains(',', StringComparison.Ordinal))
        {
            // German: the comma starts the cents, dots group thousands.
            var parts = text.Split(',');
            if (parts.Length != 2) return Parsed.Fail<decimal?>(ImportTexts.NotAnAmount, shown);
            (whole, fraction) = (parts[0], parts[1]);
            if (whole.Contains('.', StringComparison.Ordinal))
            {
                if (!GermanGrouped().IsMatch(whole)) return Parsed.Fail<decimal?>(ImportTexts.NotAnAmount, shown);
                whole = whole.Replace(".", "", StringComparison.Ordinal);
            }
        }
        else
        {
            var dots = text.Count(c => c == '.');
            if (dots > 1)
            {
                if (!GermanGrouped().IsMatch(text)) return Parsed.Fail<decimal?>(ImportTexts.NotAnAmount, shown);
                (whole, fraction) = (text.Replace(".", "", StringComparison.Ordinal), "");
            }
            else if (dots == 1)
            {
                var parts = text.Split('.');
                (whole, fraction) = (parts[0], parts[1]);
                if (fraction.Length == 3 && whole.Length is >= 1 and <= 3 && Digits().IsMatch(fraction) && Digits().IsMatch(whole))
                    return Parsed.Fail<decimal?>(ImportTexts.AmbiguousAmount, shown);
            }
            else
            {
                (whole, fraction) = (text, "");
            }
        }
        if (whole.Length == 0) whole = "0";
        if (!Digits().IsMatch(whole) || (fraction.Length > 0 && !Digits().IsMatch(fraction)) || (text.EndsWith('.') || text.EndsWith(',')))
            return Parsed.Fail<decimal?>(ImportTexts.NotAnAmount, shown);
        if (fraction.TrimEnd('0').Length > 2) return Parsed.Fail<decimal?>(ImportTexts.TooManyDecimals);
        if (whole.TrimStart('0').Length > 12) return Parsed.Fail<decimal?>(ImportTexts.AmountTooLarge);
        var value = decimal.Parse(fraction.Length == 0 ? whole : whole + "." + fraction, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return value > MaxAmount ? Parsed.Fail<decimal?>(ImportTexts.AmountTooLarge) : Parsed.Ok<decimal?>(PlanDocument.NormalizeAmount(value));
    }

    /// <summary>A field's number; <paramref name="fieldWord"/> is the plan's word for a field, for the message.</summary>
    public static Parsed<int> FieldNumber(string cell, string fieldWord)
    {
        var text = cell.Trim();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxFieldNumber
            ? Parsed.Ok<int>(n)
            : Parsed.Fail<int>(ImportTexts.NotAFieldNumber, text, fieldWord);
    }

    public static Parsed<int?> Key(string cell)
    {
        var text = cell.Trim();
        if (text.Length == 0) return Parsed.Ok<int?>(null);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? Parsed.Ok<int?>(n)
            : Parsed.Fail<int?>(ImportTexts.NotAKey, text);
    }

    /// <summary>0 to 100, optionally with a "%"; empty is 0.</summary>
    public static Parsed<int> Progress(string cell)
    {
        var text = cell.Trim();
        if (text.Length == 0) return Parsed.Ok<int>(0);
        var number = text.TrimEnd('%').TrimEnd();
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 100
            ? Parsed.Ok<int>(n)
            : Parsed.Fail<int>(ImportTexts.NotAProgress, text);
    }

    /// <summary>A measure's weight, 0 to 1000 with at most two decimals, with a decimal point or comma ("2.5", "2,5");
    /// empty is <see cref="Measure.DefaultWeight"/>.</summary>
    public static Parsed<decimal> Weight(string cell)
    {
        var text = cell.Trim();
        if (text.Length == 0) return Parsed.Ok(Measure.DefaultWeight);
        var number = text.Replace(',', '.');
        return number.Length <= 12 && WeightPattern().IsMatch(number)
            && decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight) && Measure.IsValidWeight(weight)
            ? Parsed.Ok(PlanDocument.NormalizeWeight(weight))
            : Parsed.Fail<decimal>(ImportTexts.NotAWeight, text);
    }

    public static Parsed<bool> YesNo(string cell)
    {
        var text = cell.Trim();
        return text.ToUpperInvariant() switch
        {
            "" or "NEIN" or "NO" or "FALSE" or "FALSCH" or "0" => Parsed.Ok<bool>(false),
            "JA" or "YES" or "TRUE" or "WAHR" or "1" or "X" => Parsed.Ok<bool>(true),
            _ => Parsed.Fail<bool>(ImportTexts.NotAYesNo, text),
        };
    }

    /// <summary>An enumeration value by its German word (as <see cref="PlanText"/> gives it) or its English
    /// name, ignoring case, spaces, hyphens and underscores ("in umsetzung", "InProgress", "in_progress").
    /// Empty gives <paramref name="empty"/>.</summary>
    public static Parsed<T> Enum<T>(string cell, Func<T, string> german, T empty, string problem) where T : struct, System.Enum
    {
        var text = cell.Trim();
        if (text.Length == 0) return Parsed.Ok<T>(empty);
        var key = Squash(text);
        foreach (var value in System.Enum.GetValues<T>())
        {
            if (string.Equals(Squash(german(value)), key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Squash(value.ToString()), key, StringComparison.OrdinalIgnoreCase))
                return Parsed.Ok<T>(value);
        }
        return Parsed.Fail<T>(problem, text, string.Join(", ", System.Enum.GetValues<T>().Select(german)));
    }

    private static string Squash(string text) =>
        string.Concat(text.Normalize(NormalizationForm.FormC).Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '_')));

    /// <summary>The items of a ";"-separated cell (a "," separates too), trimmed, empty ones dropped.</summary>
    public static IReadOnlyList<string> ListItems(string cell, bool commaSeparates) =>
        cell.Split(commaSeparates ? [';', ','] : [';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The first control character (other than tab and line breaks) in the text, or null.</summary>
    public static char? ControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' && c is not ('\t' or '\r' or '\n')) return c;
        }
        return null;
    }

    public static string Hex(char c) => ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex Digits();

    [GeneratedRegex("^[0-9]+(\\.[0-9]+)?$")]
    private static partial Regex WeightPattern();

    [GeneratedRegex("^[0-9]{1,3}(\\.[0-9]{3})+$")]
    private static partial Regex GermanGrouped();
}
