using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Time;
using System.Globalization;

namespace Planwerk.Features.Council;

/// <summary>German interface words and addresses of the council pages; the words are keys of the shared
/// resource, so views render them through <c>L[...]</c>.</summary>
public static class CouncilText
{
    public const string ExampleNote = "Beispielinhalt";

    public static string Classification(BodyClassification c) => c switch
    {
        BodyClassification.CityCouncil => "Stadtrat / Gemeinderat",
        BodyClassification.Committee => "Ausschuss",
        BodyClassification.DistrictAdvisoryCouncil => "Stadtbezirksbeirat",
        BodyClassification.LocalCouncil => "Ortschaftsrat",
        BodyClassification.CouncilOfElders => "Ältestenrat",
        BodyClassification.AdvisoryCouncil => "Beirat",
        BodyClassification.ParliamentaryGroup => "Fraktion",
        _ => c.ToString(),
    };

    public static string State(MeetingState s) => s switch
    {
        MeetingState.Scheduled => "geplant",
        MeetingState.Invited => "eingeladen",
        MeetingState.Held => "durchgeführt",
        MeetingState.Cancelled => "ausgefallen",
        _ => s.ToString(),
    };

    public static string Role(ConsultationRole r) => r switch
    {
        ConsultationRole.PreliminaryConsultation => "Vorberatung",
        ConsultationRole.Decision => "Beschlussfassung",
        ConsultationRole.ForInformation => "Kenntnisnahme",
        _ => r.ToString(),
    };

    public static string Result(ConsultationResult r) => r switch
    {
        ConsultationResult.Approved => "zugestimmt",
        ConsultationResult.Rejected => "abgelehnt",
        ConsultationResult.ApprovedWithChanges => "mit Änderungen zugestimmt",
        ConsultationResult.Postponed => "vertagt",
        ConsultationResult.Noted => "zur Kenntnis genommen",
        ConsultationResult.ReferredBack => "zurückverwiesen",
        ConsultationResult.Withdrawn => "zurückgezogen",
        ConsultationResult.FirstReadingHeld => "erste Lesung erfolgt",
        ConsultationResult.TakenOver => "von der Verwaltung übernommen",
        _ => r.ToString(),
    };

    public static string MembershipRole(MembershipRole r) => r switch
    {
        Council.MembershipRole.Chair => "Vorsitz",
        Council.MembershipRole.DeputyChair => "stellvertretender Vorsitz",
        Council.MembershipRole.Member => "Mitglied",
        Council.MembershipRole.DeputyMember => "stellvertretendes Mitglied",
        _ => r.ToString(),
    };

    public static string PersonUrl(string slug, int id) => ManageUrl(slug, string.Create(CultureInfo.InvariantCulture, $"/people/{id}"));

    /// <summary>Who brought a paper in: the body's or group's name, or the administration (an interface key).</summary>
    public static string Originator(IStringLocalizer l, string? bodyName) => bodyName ?? l["Verwaltung"].Value;

    /// <summary>The results an amendment's consultation may carry that change the plan: adopted (as is or as amended),
    /// or taken over by the administration.</summary>
    public static bool ChangesPlan(ConsultationResult? r) =>
        r is ConsultationResult.Approved or ConsultationResult.ApprovedWithChanges or ConsultationResult.TakenOver;

    /// <summary>The text of a recorded result: a built-in one as an interface key (to be localised), a municipality's
    /// own by its name (shown as entered); null when none is recorded.</summary>
    public static (string Text, bool IsKey)? ResultName(ConsultationResult? builtIn, string? customName) =>
        builtIn is { } r ? (Result(r), true) : customName is not null ? (customName, false) : null;

    public static string Reading(Reading r) => r switch
    {
        Council.Reading.None => "keine Lesung",
        Council.Reading.First => "1. Lesung",
        Council.Reading.Second => "2. Lesung",
        _ => r.ToString(),
    };

    /// <summary>A date on the council pages: "05.07.2019" (the one display format, <see cref="BerlinTime.Date(DateOnly)"/>).</summary>
    public static string Date(DateOnly day) => BerlinTime.Date(day);

    /// <summary>A meeting's start on the council pages: "05.07.2019, 16:00 Uhr", or the date alone when only the day is known.</summary>
    public static string MeetingStart(DateTimeOffset start, bool timeUnknown) => timeUnknown ? BerlinTime.Date(start) : BerlinTime.DateAndTime(start);

    /// <summary>A meeting's time span: the start as <see cref="MeetingStart"/>, and the end's time alone when it is the same day.</summary>
    public static string MeetingTime(DateTimeOffset start, DateTimeOffset? end, bool timeUnknown) => end is not { } e
        ? MeetingStart(start, timeUnknown)
        : MeetingStart(start, timeUnknown) + " – " + (BerlinTime.Day(e) == BerlinTime.Day(start) && !timeUnknown ? BerlinTime.TimeOfDay(e) : BerlinTime.DateAndTime(e));

    /// <summary>The one input format of the council pages: a date field takes "2019-07-05" (<c>type="date"</c>, which the
    /// browser shows as TT.MM.JJJJ), a time field "16:00" (<c>type="time"</c>, HH:MM, 24 hours).</summary>
    public const string TimeInputFormat = "HH:mm";

    /// <summary>The Berlin time of day of a moment, as a time field's value.</summary>
    public static string TimeInput(DateTimeOffset utc) => BerlinTime.ToLocal(utc).ToString(TimeInputFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a time field: "16:00" (also "9:30" and "16:00:00", as browsers send them); null when it is none.</summary>
    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    /// <summary>The moment a meeting starts or ends: the Berlin day and time; without a time, the day's first moment.
    /// Null for a time skipped when the clocks go forward.</summary>
    public static DateTimeOffset? Moment(DateOnly day, TimeOnly? time) =>
        time is { } t ? BerlinTime.FromLocal(day.ToDateTime(t)) : BerlinTime.StartOfDay(day);

    /// <summary>A recorded result as the reader sees it: a built-in one in the reader's language, a municipality's own as
    /// entered; null when none is recorded.</summary>
    public static string? ResultText(IStringLocalizer l, ConsultationResult? builtIn, string? customName) =>
        ResultName(builtIn, customName) is { } n ? (n.IsKey ? l[n.Text].Value : n.Text) : null;

    /// <summary>Recorded votes in words ("12 dafür, 3 dagegen, 1 Enthaltung"); null when none are recorded.</summary>
    public static string? VotesText(IStringLocalizer l, int? votesFor, int? votesAgainst, int? votesAbstaining) =>
        votesFor is null && votesAgainst is null && votesAbstaining is null ? null
            : l["{0} dafür, {1} dagegen, {2}", votesFor ?? 0, votesAgainst ?? 0, l.Count(votesAbstaining ?? 0, "1 Enthaltung", "{0} Enthaltungen")].Value;

    public static string ResultsUrl(string slug) => ManageUrl(slug, "/results");

    public static string ManageUrl(string slug, string path = "") => "/" + slug + "/manage/council" + path;

    public static string BodyUrl(string slug, int id) => ManageUrl(slug, string.Create(CultureInfo.InvariantCulture, $"/bodies/{id}"));

    public static string MeetingUrl(string slug, int id) => ManageUrl(slug, string.Create(CultureInfo.InvariantCulture, $"/meetings/{id}"));

    public static string PaperUrl(string slug, int id) => ManageUrl(slug, string.Create(CultureInfo.InvariantCulture, $"/papers/{id}"));

    public static string PublicPaperUrl(string slug, int id) => string.Create(CultureInfo.InvariantCulture, $"/{slug}/council/papers/{id}");

    public static string PublicMeetingUrl(string slug, int id) => string.Create(CultureInfo.InvariantCulture, $"/{slug}/council/meetings/{id}");

    public static string PublicPapersUrl(string slug) => "/" + slug + "/council/papers";

    public static string PublicMeetingsUrl(string slug) => "/" + slug + "/council/meetings";

    /// <summary>The municipality's entry to the OParl API (its OParl body).</summary>
    public static string OParlBodyUrl(string slug) => OParl.OParlUrls.Prefix + "/bodies/" + slug;

    public static string FileUrl(string slug, int id) => string.Create(CultureInfo.InvariantCulture, $"/{slug}/council/files/{id}");

    public static string VersionUrl(string slug, int planId, int versionId) => string.Create(CultureInfo.InvariantCulture, $"/{slug}/plans/{planId}/versions/{versionId}");
}
