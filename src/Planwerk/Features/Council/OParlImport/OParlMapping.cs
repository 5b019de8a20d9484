namespace Planwerk.Features.Council.OParlImport;

/// <summary>How the words of a council information system map to Planwerk's: a consultation's role, a result
/// given in words (the consultation's keyword or the agenda item's result) to the results catalogue, and an
/// organization's classification to a body's kind. What cannot be mapped stays unmapped: no result is guessed.</summary>
public static class OParlMapping
{
    private static readonly Dictionary<string, ConsultationResult> Words = new(StringComparer.Ordinal)
    {
        ["zugestimmt"] = ConsultationResult.Approved,
        ["beschlossen"] = ConsultationResult.Approved,
        ["ungeändert beschlossen"] = ConsultationResult.Approved,
        ["einstimmig beschlossen"] = ConsultationResult.Approved,
        ["mehrheitlich beschlossen"] = ConsultationResult.Approved,
        ["angenommen"] = ConsultationResult.Approved,
        ["einstimmig zugestimmt"] = ConsultationResult.Approved,
        ["mehrheitlich zugestimmt"] = ConsultationResult.Approved,
        ["mit änderungen zugestimmt"] = ConsultationResult.ApprovedWithChanges,
        ["mit änderungen beschlossen"] = ConsultationResult.ApprovedWithChanges,
        ["mit änderung beschlossen"] = ConsultationResult.ApprovedWithChanges,
        ["geändert beschlossen"] = ConsultationResult.ApprovedWithChanges,
        ["abgelehnt"] = ConsultationResult.Rejected,
        ["vertagt"] = ConsultationResult.Postponed,
        ["zurückgestellt"] = ConsultationResult.Postponed,
        ["verschoben"] = ConsultationResult.Postponed,
        ["zurückverwiesen"] = ConsultationResult.ReferredBack,
        ["zur kenntnis genommen"] = ConsultationResult.Noted,
        ["kenntnis genommen"] = ConsultationResult.Noted,
        ["zurückgezogen"] = ConsultationResult.Withdrawn,
        ["erste lesung erfolgt"] = ConsultationResult.FirstReadingHeld,
        ["erste lesung"] = ConsultationResult.FirstReadingHeld,
        ["1. lesung"] = ConsultationResult.FirstReadingHeld,
        ["von der verwaltung übernommen"] = ConsultationResult.TakenOver,
        ["übernommen"] = ConsultationResult.TakenOver,
    };

    private static string Normal(string text) => string.Join(' ', text.Trim().TrimEnd('.').ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The first of <paramref name="texts"/> that names a result: one of the municipality's own (by name) or a built-in.</summary>
    public static (ConsultationResult? BuiltIn, int? CustomId) Result(IEnumerable<string> texts, IReadOnlyList<ConsultationResultKind> own)
    {
        foreach (var text in texts.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            var normal = Normal(text);
            if (own.FirstOrDefault(k => Normal(k.Name) == normal) is { } kind) return (null, kind.Id);
            if (Words.TryGetValue(normal, out var r)) return (r, null);
        }
        return (null, null);
    }

    public static ConsultationRole Role(string role, bool authoritative)
    {
        var normal = Normal(role);
        if (authoritative || normal is "entscheidung" or "beschlussfassung" or "beschluss" or "abschließende beratung") return ConsultationRole.Decision;
        if (normal.Contains("kenntnis", StringComparison.Ordinal) || normal.Contains("information", StringComparison.Ordinal)) return ConsultationRole.ForInformation;
        return ConsultationRole.PreliminaryConsultation;
    }

    public static BodyClassification Classification(string classification, string name)
    {
        var normal = Normal(classification + " " + name);
        if (normal.Contains("fraktion", StringComparison.Ordinal)) return BodyClassification.ParliamentaryGroup;
        if (normal.Contains("ältestenrat", StringComparison.Ordinal)) return BodyClassification.CouncilOfElders;
        if (normal.Contains("ausschuss", StringComparison.Ordinal)) return BodyClassification.Committee;
        if (normal.Contains("bezirksbeirat", StringComparison.Ordinal) || normal.Contains("bezirksvertretung", StringComparison.Ordinal)) return BodyClassification.DistrictAdvisoryCouncil;
        if (normal.Contains("ortschaftsrat", StringComparison.Ordinal) || normal.Contains("ortsbeirat", StringComparison.Ordinal)) return BodyClassification.LocalCouncil;
        if (normal.Contains("beirat", StringComparison.Ordinal)) return BodyClassification.AdvisoryCouncil;
        if (normal.Contains("stadtrat", StringComparison.Ordinal) || normal.Contains("gemeinderat", StringComparison.Ordinal) || normal.Contains("rat der stadt", StringComparison.Ordinal)) return BodyClassification.CityCouncil;
        return BodyClassification.Committee;
    }

    public static MeetingState State(string state, bool cancelled, DateTimeOffset start, DateTimeOffset now) => cancelled ? MeetingState.Cancelled : Normal(state) switch
    {
        "terminiert" or "geplant" => MeetingState.Scheduled,
        "eingeladen" => MeetingState.Invited,
        "durchgeführt" or "abgeschlossen" or "stattgefunden" => MeetingState.Held,
        "abgesagt" or "ausgefallen" => MeetingState.Cancelled,
        _ => start <= now ? MeetingState.Held : MeetingState.Scheduled,
    };
}
