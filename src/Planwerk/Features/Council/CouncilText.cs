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
        _ => r.ToString(),
    };

    public static string AmendmentResult(AmendmentResult r) => r switch
    {
        Council.AmendmentResult.Adopted => "angenommen",
        Council.AmendmentResult.Rejected => "abgelehnt",
        Council.AmendmentResult.Withdrawn => "zurückgezogen",
        _ => r.ToString(),
    };

    /// <summary>Results that carry a vote count: a vote was taken.</summary>
    public static bool IsVote(ConsultationResult r) => ConsultationResults.ByVote(r);

    /// <summary>The text of a recorded result: a built-in one as an interface key (to be localised), a municipality's
    /// own by its name (shown as entered); null when none is recorded.</summary>
    public static (string Text, bool IsKey)? ResultName(ConsultationResult? builtIn, string? customName) =>
        builtIn is { } r ? (Result(r), true) : customName is not null ? (customName, false) : null;

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
