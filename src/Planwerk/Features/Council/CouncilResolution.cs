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

    /// <summary>Checks the result and the votes, applies them to the tracked <paramref name="consultation"/>,
    /// and, when the result is decisive for the first time, adopts the paper's plan. Nothing is saved; on a
    /// problem nothing is changed.</summary>
    public static async Task<IReadOnlyList<Problem>> RecordAsync(PlanwerkDbContext db, PaperConsultation consultation,
        ConsultationResult? result, int? votesFor, int? votesAgainst, int? votesAbstaining,
        DateTimeOffset now, string? userId, string userName, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (result is { } r && !Enum.IsDefined(r)) problems.Add(new("Result", "Bitte wählen Sie das Ergebnis aus der Liste."));
        var voted = result is { } v && CouncilText.IsVote(v);
        foreach (var (field, value, label) in new[] { ("VotesFor", votesFor, "Stimmen dafür"), ("VotesAgainst", votesAgainst, "Stimmen dagegen"), ("VotesAbstaining", votesAbstaining, "Enthaltungen") })
        {
            if (value is < 0) problems.Add(new(field, "{0}: Bitte geben Sie keine negative Zahl an.", label));
            else if (value is not null && !voted) problems.Add(new(field, "{0}: Stimmen gibt es nur bei einer Abstimmung (zugestimmt, abgelehnt oder mit Änderungen zugestimmt).", label));
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

        consultation.Result = result;
        consultation.VotesFor = voted ? votesFor : null;
        consultation.VotesAgainst = voted ? votesAgainst : null;
        consultation.VotesAbstaining = voted ? votesAbstaining : null;
        consultation.ResultRecordedAt = result is null ? null : now;
        consultation.ResultRecordedByUserId = result is null ? null : userId;
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
