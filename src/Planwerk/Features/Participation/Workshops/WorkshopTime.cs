using System.Globalization;

namespace Planwerk.Features.Participation.Workshops;

/// <summary>Workshop times are stored in UTC and entered and shown in Europe/Berlin.</summary>
public static class WorkshopTime
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The value of a <c>datetime-local</c> field.</summary>
    public const string InputFormat = "yyyy-MM-ddTHH:mm";

    public static DateTime ToBerlin(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Berlin).DateTime;

    /// <summary>"27.11.2017, 09:30 Uhr" style without the word, in Berlin time.</summary>
    public static string Format(DateTimeOffset utc) => ToBerlin(utc).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string FormatTime(DateTimeOffset utc) => ToBerlin(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string ToInput(DateTimeOffset utc) => ToBerlin(utc).ToString(InputFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a Berlin wall-clock time ("2017-11-27T09:30" or "27.11.2017 09:30"). A time that does not
    /// exist (the hour skipped when the clocks go forward) is refused; a time that exists twice (the hour
    /// repeated in autumn) is taken as the earlier one, in summer time.</summary>
    public static bool TryParse(string? text, out DateTimeOffset utc)
    {
        utc = default;
        string[] formats = [InputFormat, "yyyy-MM-ddTHH:mm:ss", "dd.MM.yyyy HH:mm", "d.M.yyyy H:mm"];
        if (!DateTime.TryParseExact(text?.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        if (Berlin.IsInvalidTime(local)) return false;
        var offset = Berlin.IsAmbiguousTime(local) ? Berlin.GetAmbiguousTimeOffsets(local).Max() : Berlin.GetUtcOffset(local);
        utc = new DateTimeOffset(local, offset).ToUniversalTime();
        return true;
    }
}
