using System.Globalization;

namespace Planwerk.Infrastructure.Time;

/// <summary>Rounds are entered and shown in German time (Europe/Berlin) and stored in UTC.</summary>
public static class BerlinTime
{
    public static readonly TimeZoneInfo Zone = Find();

    /// <summary>The value of a <c>datetime-local</c> field.</summary>
    public const string InputFormat = "yyyy-MM-ddTHH:mm";

    public static DateTime ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone).DateTime;

    /// <summary>"31.01.2018, 18:00 Uhr" style, without the word (the view adds it in its language).</summary>
    public static string Format(DateTimeOffset utc) => ToLocal(utc).ToString("dd.MM.yyyy, HH:mm", CultureInfo.InvariantCulture);

    public static string ToInput(DateTimeOffset utc) => ToLocal(utc).ToString(InputFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a local date and time as typed; null when it is no such moment (unreadable, or a
    /// time skipped when the clocks go forward). An ambiguous hour in autumn is taken as summer time.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string[] formats = [InputFormat, "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "dd.MM.yyyy HH:mm"];
        if (!DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local)) return null;
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

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
