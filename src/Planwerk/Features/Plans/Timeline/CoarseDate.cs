using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Plans.Timeline;

/// <summary>A date known to a day, a month, a quarter or a year, as the plan team enters it ("05.07.2019",
/// "März 2019", "2. Quartal 2019", "2017") and as the timeline shows it. Stored as the first day of the
/// period meant and its precision.</summary>
public readonly record struct CoarseDate(DateOnly Start, DatePrecision Precision)
{
    public const int FirstYear = 1900;
    public const int LastYear = 2100;

    private static readonly string[] GermanMonths = ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"];
    private static readonly string[] EnglishMonths = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>The last day of the period meant.</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Day => Start,
        DatePrecision.Month => Start.AddMonths(1).AddDays(-1),
        DatePrecision.Quarter => Start.AddMonths(3).AddDays(-1),
        _ => Start.AddYears(1).AddDays(-1),
    };

    public int Quarter => (Start.Month - 1) / 3 + 1;

    /// <summary>The value of an HTML <c>datetime</c> attribute: a day, a month or a year (a quarter as its first month).</summary>
    public string MachineText => Precision switch
    {
        DatePrecision.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DatePrecision.Year => Start.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };

    /// <summary>The text the form shows again: German, in the forms <see cref="TryParse"/> reads.</summary>
    public string InputText => Precision switch
    {
        DatePrecision.Day => Start.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => Start.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("de-DE")),
        DatePrecision.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Quarter}. Quartal {Start.Year}"),
        _ => Start.Year.ToString(CultureInfo.InvariantCulture),
    };

    public static CoarseDate Day(DateOnly day) => new(day, DatePrecision.Day);

    /// <summary>The first day of the period containing <paramref name="day"/> at the given precision.</summary>
    public static CoarseDate Of(DateOnly day, DatePrecision precision) => precision switch
    {
        DatePrecision.Day => new(day, precision),
        DatePrecision.Month => new(new DateOnly(day.Year, day.Month, 1), precision),
        DatePrecision.Quarter => new(new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1), precision),
        _ => new(new DateOnly(day.Year, 1, 1), precision),
    };

    /// <summary>Reads "05.07.2019" (also "2019-07-05"), "März 2019" (also "03.2019", "03/2019", "March 2019"),
    /// "2. Quartal 2019" (also "Q2 2019", "II/2019" is not read) and "2017". Returns the German message
    /// (a resource key, "{0}" the text) when the text is none of them.</summary>
    public static bool TryParse(string? text, out CoarseDate date, out string? problem)
    {
        date = default;
        problem = null;
        var t = Regex.Replace((text ?? "").Trim(), @"\s+", " ");
        if (t.Length == 0 || t.Length > 40)
        {
            problem = "Bitte geben Sie das Datum als Tag (05.07.2019), Monat (März 2019), Quartal (2. Quartal 2019) oder Jahr (2017) an.";
            return false;
        }
        Match m;
        int year;
        if ((m = Regex.Match(t, @"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")).Success || (m = Regex.Match(t, @"^(\d{4})-(\d{2})-(\d{2})$")).Success)
        {
            var iso = t.Contains('-', StringComparison.Ordinal);
            var (d, mo, y) = iso ? (Int(m.Groups[3]), Int(m.Groups[2]), Int(m.Groups[1])) : (Int(m.Groups[1]), Int(m.Groups[2]), Int(m.Groups[3]));
            if (!InRange(y, out problem)) return false;
            if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
            {
                problem = "„{0}“ ist kein Tag des Kalenders.";
                return false;
            }
            date = new CoarseDate(new DateOnly(y, mo, d), DatePrecision.Day);
            return true;
        }
        if ((m = Regex.Match(t, @"^(\d)\.? ?Quartal (\d{4})$", RegexOptions.IgnoreCase)).Success || (m = Regex.Match(t, @"^Q ?(\d) ?/? ?(\d{4})$", RegexOptions.IgnoreCase)).Success)
        {
            var q = Int(m.Groups[1]);
            year = Int(m.Groups[2]);
            if (!InRange(year, out problem)) return false;
            if (q is < 1 or > 4)
            {
                problem = "Ein Jahr hat nur vier Quartale: „{0}“ gibt es nicht.";
                return false;
            }
            date = new CoarseDate(new DateOnly(year, (q - 1) * 3 + 1, 1), DatePrecision.Quarter);
            return true;
        }
        if ((m = Regex.Match(t, @"^(\p{L}+)\.? (\d{4})$")).Success)
        {
            var name = m.Groups[1].Value.ToLowerInvariant();
            var month = Array.FindIndex(GermanMonths, n => n == name || (name.Length >= 3 && n.StartsWith(name, StringComparison.Ordinal))) + 1;
            if (month == 0) month = Array.FindIndex(EnglishMonths, n => n == name || (name.Length >= 3 && n.StartsWith(name, StringComparison.Ordinal))) + 1;
            year = Int(m.Groups[2]);
            if (month == 0)
            {
                problem = "„{0}“: Der Monat ist nicht zu erkennen. Schreiben Sie ihn aus, zum Beispiel „März 2019“.";
                return false;
            }
            if (!InRange(year, out problem)) return false;
            date = new CoarseDate(new DateOnly(year, month, 1), DatePrecision.Month);
            return true;
        }
        if ((m = Regex.Match(t, @"^(\d{1,2})[./](\d{4})$")).Success)
        {
            var month = Int(m.Groups[1]);
            year = Int(m.Groups[2]);
            if (!InRange(year, out problem)) return false;
            if (month is < 1 or > 12)
            {
                problem = "„{0}“ ist kein Monat des Kalenders.";
                return false;
            }
            date = new CoarseDate(new DateOnly(year, month, 1), DatePrecision.Month);
            return true;
        }
        if ((m = Regex.Match(t, @"^(\d{4})$")).Success)
        {
            year = Int(m.Groups[1]);
            if (!InRange(year, out problem)) return false;
            date = new CoarseDate(new DateOnly(year, 1, 1), DatePrecision.Year);
            return true;
        }
        problem = "„{0}“ ist kein Datum, das Planwerk lesen kann. Bitte geben Sie einen Tag (05.07.2019), einen Monat (März 2019), ein Quartal (2. Quartal 2019) oder ein Jahr (2017) an.";
        return false;
    }

    private static int Int(Group g) => int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool InRange(int year, out string? problem)
    {
        problem = year is < FirstYear or > LastYear ? "Das Jahr in „{0}“ muss zwischen 1900 und 2100 liegen." : null;
        return problem is null;
    }

    /// <summary>The date as the timeline shows it: "05.07.2019", "März 2019", "2. Quartal 2019", "2017"
    /// (English: "5 July 2019", "March 2019", "Q2 2019", "2017").</summary>
    public string Text(IStringLocalizer localizer)
    {
        var culture = CultureInfo.CurrentUICulture;
        var german = culture.TwoLetterISOLanguageName == "de";
        return Precision switch
        {
            DatePrecision.Day => BerlinTime.Date(Start),
            DatePrecision.Month => Start.ToString("MMMM yyyy", german ? CultureInfo.GetCultureInfo("de-DE") : CultureInfo.GetCultureInfo("en-GB")),
            DatePrecision.Quarter => localizer["{0}. Quartal {1}", Quarter, Start.Year.ToString(CultureInfo.InvariantCulture)],
            _ => Start.Year.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A period from <paramref name="start"/> to <paramref name="end"/>: "2. bis 4. Quartal 2018",
    /// otherwise "{start} bis {end}"; a single date when there is no end or it is the same period.</summary>
    public static string RangeText(CoarseDate start, CoarseDate? end, IStringLocalizer localizer)
    {
        if (end is not CoarseDate e || e == start) return start.Text(localizer);
        if (start.Precision == DatePrecision.Quarter && e.Precision == DatePrecision.Quarter && start.Start.Year == e.Start.Year)
            return localizer["{0}. bis {1}. Quartal {2}", start.Quarter, e.Quarter, start.Start.Year.ToString(CultureInfo.InvariantCulture)];
        return localizer["{0} bis {1}", start.Text(localizer), e.Text(localizer)];
    }
}
