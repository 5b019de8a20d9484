using Microsoft.EntityFrameworkCore;
using Planwerk.Infrastructure.Time;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Lifecycle;

namespace Planwerk.Features.Council;

/// <summary>Recording a consultation's result, and the resolution rule: the decisive result — the result
/// "approved" or "approved with changes" of the consultation in the role "decision" — of a paper about a
/// plan in deliberation adopts that plan (<see cref="PlanLifecycle.AdoptAsync"/>) in the same save. Once a
/// plan is adopted that way, the result that adopted it can no longer be changed into one that would not
/// have; the adoption stands.</summary>
public static class CouncilResolution
{
    /// <summary>What went wrong, by field ("" for the form as a whole), as German interface keys with arguments.</summary>
    public sealed record Problem(string Field, string Message, params object[] Arguments);

    public static bool IsDecisive(ConsultationRole role, ConsultationResult? result) =>
        role == ConsultationRole.Decision && result is ConsultationResult.Approved or ConsultationResult.ApprovedWithChanges;

    public static string VersionName(DateOnly resolvedOn) => "Beschlossene Fassung vom " + resolvedOn.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One group's (Fraktion's) row of the form; a row left empty is no row.</summary>
    public sealed record GroupVoteEntry(string? Name, int? VotesFor, int? VotesAgainst, int? VotesAbstaining)
    {
        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && VotesFor is null && VotesAgainst is null && VotesAbstaining is null;
    }

    /// <summary>What the clerk records: a built-in result or the municipality's own (by id), or neither; the votes,
    /// in total and per group.</summary>
    public sealed record ResultEntry(ConsultationResult? BuiltIn, int? CustomId, int? VotesFor, int? VotesAgainst, int? VotesAbstaining,
        IReadOnlyList<GroupVoteEntry>? Groups = null);

    /// <summary>A built-in result with its total votes and no groups.</summary>
    public static ResultEntry Entry(ConsultationResult? result, int? votesFor = null, int? votesAgainst = null, int? votesAbstaining = null) =>
        new(result, null, votesFor, votesAgainst, votesAbstaining);

    /// <summary>Checks the result and the votes, applies them to the tracked <paramref name="consultation"/>,
    /// and, when the result is decisive for the first time, adopts the paper's plan. Nothing is saved; on a
    /// problem nothing is changed. A municipality's own result is looked up among this municipality's only.</summary>
    public static async Task<IReadOnlyList<Problem>> RecordAsync(PlanwerkDbContext db, PaperConsultation consultation, ResultEntry entry,
        DateTimeOffset now, string? userId, string userName, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var result = entry.BuiltIn;
        if (result is { } r && !Enum.IsDefined(r)) problems.Add(new("Result", "Bitte wählen Sie das Ergebnis aus der Liste."));
        ConsultationResultKind? custom = null;
        if (entry.CustomId is int customId)
        {
            custom = await db.ConsultationResultKinds.AsNoTracking().FirstOrDefaultAsync(k => k.Id == customId, ct);
            if (custom is null || result is not null) problems.Add(new("Result", "Bitte wählen Sie das Ergebnis aus der Liste."));
        }
        var voted = result is { } v ? ConsultationResults.ByVote(v) : custom?.ByVote == true;
        var totals = new[] { ("VotesFor", entry.VotesFor, "Stimmen dafür"), ("VotesAgainst", entry.VotesAgainst, "Stimmen dagegen"), ("VotesAbstaining", entry.VotesAbstaining, "Enthaltungen") };
        foreach (var (field, value, label) in totals)
        {
            if (value is < 0) problems.Add(new(field, "{0}: Bitte geben Sie keine negative Zahl an.", label));
            else if (value is not null && !voted) problems.Add(new(field, "{0}: Stimmen gibt es nur bei einem Ergebnis, das durch Abstimmung erreicht wird.", label));
        }
        var groups = (entry.Groups ?? []).Select((g, i) => (Row: g, Index: i)).Where(g => !g.Row.IsEmpty).ToList();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, index) in groups)
        {
            var prefix = "Groups[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "].";
            var name = row.Name?.Trim() ?? "";
            if (!voted) { problems.Add(new(prefix + "Name", "Fraktionen: Stimmen gibt es nur bei einem Ergebnis, das durch Abstimmung erreicht wird.")); continue; }
            if (name.Length == 0) problems.Add(new(prefix + "Name", "Fraktion in Zeile {0}: Bitte geben Sie den Namen der Fraktion an.", index + 1));
            else if (name.Length > ConsultationGroupVote.MaxNameLength) problems.Add(new(prefix + "Name", "Fraktion in Zeile {0}: Der Name darf höchstens {1} Zeichen lang sein.", index + 1, ConsultationGroupVote.MaxNameLength));
            else if (!names.Add(name)) problems.Add(new(prefix + "Name", "Die Fraktion „{0}“ steht zweimal in der Liste.", name));
            foreach (var (field, value, label) in new[] { ("VotesFor", row.VotesFor, "Stimmen dafür"), ("VotesAgainst", row.VotesAgainst, "Stimmen dagegen"), ("VotesAbstaining", row.VotesAbstaining, "Enthaltungen") })
                if (value is < 0) problems.Add(new(prefix + field, "Fraktion in Zeile {0}, {1}: Bitte geben Sie keine negative Zahl an.", index + 1, label));
        }
        if (problems.Count == 0 && groups.Count > 0)
        {
            var sums = new[] { groups.Sum(g => g.Row.VotesFor ?? 0), groups.Sum(g => g.Row.VotesAgainst ?? 0), groups.Sum(g => g.Row.VotesAbstaining ?? 0) };
            for (var i = 0; i < totals.Length; i++)
                if (totals[i].Item2 is int total && total != sums[i])
                    problems.Add(new(totals[i].Item1, "{0}: Die Gesamtzahl ({1}) stimmt nicht mit der Summe der Fraktionen ({2}) überein.", totals[i].Item3, total, sums[i]));
        }
        if (problems.Count > 0) return problems;

        var wasDecisive = IsDecisive(consultation.Role, consultation.Result);
        var isDecisive = IsDecisive(consultation.Role, result);
        var paper = await db.Papers.SingleAsync(p => p.Id == consultation.PaperId, ct);
        var plan = paper.PlanId is int planId ? await db.Plans.SingleAsync(p => p.Id == planId, ct) : null;
        if (wasDecisive && !isDecisive && plan is { AdoptedVersionId: not null })
            return [new("Result", "Mit diesem Ergebnis wurde der Plan „{0}“ beschlossen. Es kann nicht mehr in ein Ergebnis geändert werden, das den Beschluss aufhebt.", plan.Title)];
        var adopts = isDecisive && !wasDecisive && plan is not null;
        if (adopts && plan!.State != PlanState.InDeliberation)
            return [new("Result", "Der Plan „{0}“ ist nicht in der Beratung. Der Beschluss kann erst festgehalten werden, wenn der Plan in der Beratung ist; gespeichert wurde nichts.", plan.Title)];

        var any = result is not null || custom is not null;
        // Totals left empty beside the groups' rows are their sums.
        int? Total(int? given, Func<GroupVoteEntry, int?> part) => given ?? (groups.Count > 0 ? groups.Sum(g => part(g.Row) ?? 0) : null);
        consultation.Result = result;
        consultation.CustomResultId = custom?.Id;
        consultation.VotesFor = voted ? Total(entry.VotesFor, g => g.VotesFor) : null;
        consultation.VotesAgainst = voted ? Total(entry.VotesAgainst, g => g.VotesAgainst) : null;
        consultation.VotesAbstaining = voted ? Total(entry.VotesAbstaining, g => g.VotesAbstaining) : null;
        consultation.ResultRecordedAt = any ? now : null;
        consultation.ResultRecordedByUserId = any ? userId : null;
        if (db.Entry(consultation).State != EntityState.Added) await db.Entry(consultation).Collection(c => c.GroupVotes).LoadAsync(ct);
        db.ConsultationGroupVotes.RemoveRange(consultation.GroupVotes);
        consultation.GroupVotes.Clear();
        if (voted)
            consultation.GroupVotes.AddRange(groups.Select((g, i) => new ConsultationGroupVote
            {
                Position = i + 1, GroupName = g.Row.Name!.Trim(),
                VotesFor = g.Row.VotesFor ?? 0, VotesAgainst = g.Row.VotesAgainst ?? 0, VotesAbstaining = g.Row.VotesAbstaining ?? 0,
            }));
        if (adopts)
        {
            var start = consultation.MeetingId is int meetingId
                ? await db.Meetings.Where(m => m.Id == meetingId).Select(m => (DateTimeOffset?)m.Start).FirstOrDefaultAsync(ct)
                : null;
            var resolvedOn = BerlinTime.Day(start ?? now);
            await PlanLifecycle.AdoptAsync(db, plan!.Id, resolvedOn, VersionName(resolvedOn), now, userId, userName, ct);
        }
        return [];
    }
}
