using System.Globalization;
using System.Text.RegularExpressions;

namespace Planwerk.Features.Statistics;

/// <summary>What a text means as a figure: nothing, a number, or a known missing value (an official sign such as
/// "." for "unknown or secret", with the sign's meaning as the note); or why it cannot be read.</summary>
public sealed record ValueReading(bool IsEmpty, decimal? Value, string? MissingNote, TextProblem? Problem)
{
    public bool IsMissing => MissingNote is not null;
}

/// <summary>Why a text cannot be read: a German interface text (a SharedResource key) with {0}-placeholders.</summary>
public sealed record TextProblem(string Message, params string[] Arguments)
{
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Message, Arguments.Cast<object>().ToArray());
}

/// <summary>Figures and periods as German statistics offices write them, read and written: numbers with a decimal comma
/// and a thousands dot ("4.178", "12,5"), the signs of official statistics for figures that are missing ("." unknown or
/// secret, "x" not sensible, "…" not yet available, "/" not reliable) or nothing ("-": zero), years ("2016") and days
/// ("31.12.2016", also "2016-12-31"). Shared by the editing table and the import, so both read a cell alike.</summary>
public static partial class StatisticsValues
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;
    public const int MaxDecimals = 4;
    /// <summary>The column holds 18 digits, four of them after the comma.</summary>
    public const decimal MaxMagnitude = 99_999_999_999_999.9999m;

    public const string NotANumber = "„{0}“ ist keine Zahl. Schreiben Sie Zahlen im deutschen Format: Punkt zwischen den Tausendern, Komma vor den Nachkommastellen, z. B. 4.178 oder 12,5.";
    public const string DotAsDecimal = "„{0}“ ist im deutschen Format keine Zahl: Der Punkt trennt nur Tausender in Dreiergruppen (4.178). Nachkommastellen stehen nach einem Komma, z. B. 12,5.";
    public const string TooManyDecimals = "„{0}“ hat mehr als vier Nachkommastellen.";
    public const string TooLarge = "„{0}“ ist zu groß (höchstens 99.999.999.999.999,9999).";
    public const string NotAYear = "„{0}“ ist kein Jahr. Schreiben Sie das Jahr vierstellig, z. B. 2016.";
    public const string YearOutOfRange = "Das Jahr {0} liegt nicht zwischen 1900 und 2100.";
    public const string DateInYearDataset = "„{0}“ ist ein Tag, dieser Datensatz hat aber Jahreswerte. Geben Sie nur das Jahr an, z. B. 2016.";
    public const string NotADay = "„{0}“ ist kein gültiges Datum. Schreiben Sie es als 31.12.2016 oder 2016-12-31.";

    public const string NoteUnknown = "Zahlenwert unbekannt oder geheim zu halten";
    public const string NoteNotSensible = "Tabellenfach gesperrt, weil Aussage nicht sinnvoll";
    public const string NoteLater = "Angabe fällt später an";
    public const string NoteNotReliable = "Keine Angabe, da Zahlenwert nicht sicher genug";

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    [GeneratedRegex(@"^[+\-\u2212]?(?<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?<frac>\d+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex GermanNumber();

    [GeneratedRegex(@"^[+\-\u2212]?\d+\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex DotDecimal();

    [GeneratedRegex(@"^(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{1,6})$", RegexOptions.CultureInvariant)]
    private static partial Regex GermanDate();

    [GeneratedRegex(@"^(?<y>\d{4,6})-(?<m>\d{1,2})-(?<d>\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    /// <summary>The meaning of an official sign for a missing figure, or null when the text is none.</summary>
    public static string? MissingSign(string text) => text switch
    {
        "." => NoteUnknown,
        "x" or "X" => NoteNotSensible,
        "…" or "..." => NoteLater,
        "/" => NoteNotReliable,
        _ => null,
    };

    private static bool IsZeroSign(string text) => text is "-" or "–" or "—";

    /// <summary>Reads a figure in German format; spaces (also non-breaking ones) between the digits are allowed.</summary>
    public static ValueReading ReadValue(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) return new(true, null, null, null);
        if (MissingSign(trimmed) is { } note) return new(false, null, note, null);
        if (IsZeroSign(trimmed)) return new(false, 0m, null, null);
        var compact = trimmed.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
        var match = GermanNumber().Match(compact);
        if (!match.Success)
        {
            var message = DotDecimal().IsMatch(compact) ? DotAsDecimal : NotANumber;
            return new(false, null, null, new TextProblem(message, Shown(trimmed)));
        }
        if (match.Groups["frac"].Length > MaxDecimals) return new(false, null, null, new TextProblem(TooManyDecimals, Shown(trimmed)));
        var invariant = (compact[0] is '-' or '\u2212' ? "-" : "") + match.Groups["int"].Value.Replace(".", "", StringComparison.Ordinal)
            + (match.Groups["frac"].Success ? "." + match.Groups["frac"].Value : "");
        if (!decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || Math.Abs(value) > MaxMagnitude)
            return new(false, null, null, new TextProblem(TooLarge, Shown(trimmed)));
        return new(false, value, null, null);
    }

    /// <summary>Reads a period of a dataset of <paramref name="kind"/>: a year "2016", or a day "31.12.2016" / "2016-12-31".
    /// Years outside <see cref="MinYear"/>–<see cref="MaxYear"/> are refused.</summary>
    public static (DateOnly? Period, TextProblem? Problem) ReadPeriod(string? text, StatisticsPeriodKind kind)
    {
        var trimmed = (text ?? "").Trim();
        if (kind == StatisticsPeriodKind.Year)
        {
            if (trimmed.Length > 0 && trimmed.Length <= 9 && trimmed.All(char.IsAsciiDigit))
            {
                var year = int.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture);
                if (year is < MinYear or > MaxYear) return (null, new TextProblem(YearOutOfRange, year.ToString(CultureInfo.InvariantCulture)));
                return (new DateOnly(year, 1, 1), null);
            }
            if (GermanDate().IsMatch(trimmed) || IsoDate().IsMatch(trimmed)) return (null, new TextProblem(DateInYearDataset, Shown(trimmed)));
            return (null, new TextProblem(NotAYear, Shown(trimmed)));
        }
        var match = GermanDate().Match(trimmed);
        if (!match.Success) match = IsoDate().Match(trimmed);
        if (!match.Success) return (null, new TextProblem(NotADay, Shown(trimmed)));
        var y = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var m = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (y is < MinYear or > MaxYear) return (null, new TextProblem(YearOutOfRange, y.ToString(CultureInfo.InvariantCulture)));
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return (null, new TextProblem(NotADay, Shown(trimmed)));
        return (new DateOnly(y, m, d), null);
    }

    /// <summary>A figure in German format with thousands dots: "4.178", "12,5"; empty for none.</summary>
    public static string FormatValue(decimal? value) => value is { } v ? v.ToString("#,##0.####", German) : "";

    /// <summary>"2016" for a year, "31.12.2016" for a day.</summary>
    public static string FormatPeriod(DateOnly period, StatisticsPeriodKind kind) =>
        kind == StatisticsPeriodKind.Year ? period.Year.ToString(CultureInfo.InvariantCulture) : period.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>A cell's text as a message quotes it: at most 60 characters.</summary>
    public static string Shown(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
