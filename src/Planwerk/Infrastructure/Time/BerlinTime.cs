using System.Globalization;

namespace Planwerk.Infrastructure.Time;

/// <summary>The application's one clock face: moments are stored in UTC and entered, shown and counted in
/// days in the municipalities' time zone, Europe/Berlin. "Now" always comes from the injected
/// <see cref="TimeProvider"/>, so tests can set it. Shown dates follow the interface language: German
/// "05.07.2019" and "05.07.2019, 18:00 Uhr", English "5 July 2019" and "5 July 2019, 18:00". Exports and
/// machine-read values use ISO 8601.</summary>
public static class BerlinTime
{
    public static readonly TimeZoneInfo Zone = Find();

    /// <summary>The value of a <c>datetime-local</c> field.</summary>
    public const string InputFormat = "yyyy-MM-ddTHH:mm";

    /// <summary>The value of a <c>date</c> field, and the date in exports.</summary>
    public const string DateInputFormat = "yyyy-MM-dd";

    /// <summary>The years any date entered in Planwerk may lie in: a plan's history reaches back, its
    /// measures and meetings ahead, but a year 0001 or 9999 is a typing slip.</summary>
    public const int FirstYear = 1900;

    public const int LastYear = 2100;

    public static readonly DateOnly Earliest = new(FirstYear, 1, 1);

    public static readonly DateOnly Latest = new(LastYear, 12, 31);

    /// <summary>The <c>min</c> and <c>max</c> of a <c>date</c> field, and the limits of
    /// <c>[Range(typeof(DateOnly), DateMin, DateMax, ErrorMessage = OutOfRange, ParseLimitsInInvariantCulture = true)]</c>
    /// on a form's date.</summary>
    public const string DateMin = "1900-01-01";

    public const string DateMax = "2100-12-31";

    /// <summary>The <c>min</c> and <c>max</c> of a <c>datetime-local</c> field.</summary>
    public const string InputMin = DateMin + "T00:00";

    public const string InputMax = DateMax + "T23:59";

    /// <summary>The message for a date outside <see cref="FirstYear"/>..<see cref="LastYear"/>; {0} is the field.</summary>
    public const string OutOfRange = "{0}: Bitte geben Sie ein Datum zwischen 1900 und 2100 an.";

    public static bool InRange(DateOnly day) => day >= Earliest && day <= Latest;

    public static DateTime ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone).DateTime;

    /// <summary>The moment with Berlin's offset, e.g. for ISO 8601 with <c>+02:00</c>.</summary>
    public static DateTimeOffset InZone(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    /// <summary>The Berlin calendar day of a moment.</summary>
    public static DateOnly Day(DateTimeOffset utc) => DateOnly.FromDateTime(ToLocal(utc));

    public static DateOnly Today(TimeProvider clock) => Day(clock.GetUtcNow());

    /// <summary>The first moment of a Berlin calendar day.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where the clocks jump over midnight, the day begins at the first moment that exists.
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static string ToInput(DateTimeOffset utc) => ToLocal(utc).ToString(InputFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a local date and time as typed; null when it is no such moment (unreadable, outside
    /// <see cref="FirstYear"/>..<see cref="LastYear"/>, or a time skipped when the clocks go forward). An
    /// ambiguous hour in autumn is taken as summer time, the earlier of the two.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string[] formats = [InputFormat, "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "dd.MM.yyyy HH:mm", "d.M.yyyy H:mm"];
        if (!DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        if (!InRange(DateOnly.FromDateTime(local))) return null;
        return FromLocal(local);
    }

    /// <summary>The moment of a Berlin wall-clock time; null for a time skipped when the clocks go forward.
    /// An hour that exists twice in autumn is taken as summer time, the earlier of the two.</summary>
    public static DateTimeOffset? FromLocal(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local)) return null;
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>"05.07.2019" or "5 July 2019".</summary>
    public static string Date(DateOnly day) => English
        ? day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))
        : day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>The Berlin day of a moment, as <see cref="Date(DateOnly)"/>.</summary>
    public static string Date(DateTimeOffset utc) => Date(Day(utc));

    /// <summary>"18:00 Uhr" or "18:00".</summary>
    public static string TimeOfDay(DateTimeOffset utc)
    {
        var time = ToLocal(utc).ToString("HH:mm", CultureInfo.InvariantCulture);
        return English ? time : time + " Uhr";
    }

    /// <summary>"05.07.2019, 18:00 Uhr" or "5 July 2019, 18:00".</summary>
    public static string DateAndTime(DateTimeOffset utc) => Date(utc) + ", " + TimeOfDay(utc);

    /// <summary>An end or deadline: a moment at midnight is the end of the day before, shown as that day's
    /// date alone ("bis 28.02.2019", not "bis 01.03.2019, 00:00 Uhr"); any other moment as <see cref="DateAndTime"/>.</summary>
    public static string Until(DateTimeOffset utc)
    {
        var local = ToLocal(utc);
        return local.TimeOfDay == TimeSpan.Zero ? Date(DateOnly.FromDateTime(local).AddDays(-1)) : DateAndTime(utc);
    }

    /// <summary>A date in exports and machine-read files: "2019-07-05".</summary>
    public static string ExportDate(DateOnly day) => day.ToString(DateInputFormat, CultureInfo.InvariantCulture);

    /// <summary>A moment in exports: Berlin time, "2019-07-05 18:00".</summary>
    public static string ExportDateTime(DateTimeOffset utc) => ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A moment in ISO 8601 with Berlin's offset: "2019-07-05T18:00:00+02:00".</summary>
    public static string Iso(DateTimeOffset utc) => InZone(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
