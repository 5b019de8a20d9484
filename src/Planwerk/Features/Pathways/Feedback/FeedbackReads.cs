using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Pathways.Feedback;

/// <summary>Which feedback the plan team looks at: one pathway or all, and a period of Berlin calendar days. A value that
/// cannot be read is left out (and <see cref="Unreadable"/> says so), so a hand-edited address never fails.</summary>
public sealed record FeedbackFilter(int? PathwayId, DateOnly? From, DateOnly? To, bool Unreadable = false)
{
    public static FeedbackFilter Read(string? pathway, string? from, string? to)
    {
        var unreadable = false;
        int? pathwayId = null;
        if (!string.IsNullOrWhiteSpace(pathway))
        {
            if (int.TryParse(pathway, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) pathwayId = id;
            else unreadable = true;
        }
        DateOnly? Day(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && BerlinTime.InRange(day)) return day;
            unreadable = true;
            return null;
        }
        return new FeedbackFilter(pathwayId, Day(from), Day(to), unreadable);
    }

    public IQueryable<StepFeedback> Apply(IQueryable<StepFeedback> query)
    {
        if (PathwayId is int id) query = query.Where(f => f.PathwayId == id);
        if (From is DateOnly from)
        {
            var start = BerlinTime.StartOfDay(from);
            query = query.Where(f => f.CreatedAt >= start);
        }
        if (To is DateOnly to)
        {
            var end = BerlinTime.StartOfDay(to.AddDays(1));
            query = query.Where(f => f.CreatedAt < end);
        }
        return query;
    }

    /// <summary>The filter as a query string ("?pathway=3&amp;from=2026-01-01"), empty when nothing is chosen.</summary>
    public string Query(string? extra = null)
    {
        var parts = new List<string>();
        if (extra is not null) parts.Add(extra);
        if (PathwayId is int id) parts.Add("pathway=" + id.ToString(CultureInfo.InvariantCulture));
        if (From is DateOnly from) parts.Add("from=" + BerlinTime.ExportDate(from));
        if (To is DateOnly to) parts.Add("to=" + BerlinTime.ExportDate(to));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}

public sealed record ProblemCount(StepProblem Problem, int Count);

public sealed record PathwayCount(int? PathwayId, string PathwayTitle, int Worked, int Failed, IReadOnlyList<ProblemCount> Problems);

/// <summary>One feedback entry as the plan team reads it. <see cref="Text"/> is empty unless the caller asked for texts
/// not yet reviewed.</summary>
public sealed record FeedbackNote(int Id, int StepId, string StepTitle, int? PathwayId, string PathwayTitle, bool Worked, StepProblem Problem,
    string Text, string Language, FeedbackState State, DateTimeOffset CreatedAt, DateTimeOffset? ModeratedAt, string ModeratedByName,
    int? RoundId, int? StatementId, string? ReceiptNumber, int? ChangeRecordId);

/// <summary>How one step fared: how often it worked and failed, the reasons counted, over all pathways it stands in and per
/// pathway, with the approved texts.</summary>
public sealed record StepStatistics(int StepId, string StepTitle, int Worked, int Failed, IReadOnlyList<ProblemCount> Problems,
    IReadOnlyList<PathwayCount> PerPathway, IReadOnlyList<FeedbackNote> Notes)
{
    public int Total => Worked + Failed;
}

/// <summary>The plan team's reads of step feedback. Rejected entries count nowhere; entries waiting for review count in
/// the yes/no figures (their choice needs no review), their texts are shown only in the queue.</summary>
public static class FeedbackReads
{
    /// <summary>The entries as the plan team reads them; order (and take) before, as nothing can be ordered by after.</summary>
    public static IQueryable<FeedbackNote> Notes(IQueryable<StepFeedback> query, PlanwerkDbContext db) =>
        query.Select(f => new FeedbackNote(f.Id, f.StepId, f.Step!.Title, f.PathwayId, f.Pathway != null ? f.Pathway.Title : "", f.Worked, f.Problem,
            f.Text, f.Language, f.State, f.CreatedAt, f.ModeratedAt, f.ModeratedByName, f.ConsultationRoundId, f.StatementId,
            db.Statements.Where(s => s.Id == f.StatementId).Select(s => s.ReceiptNumber).FirstOrDefault(), f.ChangeRecordId));

    /// <summary>The pathways of the municipality for the filter, by their order.</summary>
    public static Task<List<(int Id, string Title)>> PathwaysAsync(PlanwerkDbContext db, CancellationToken ct) =>
        db.Pathways.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Id).Select(p => new ValueTuple<int, string>(p.Id, p.Title)).ToListAsync(ct);

    /// <summary>Every step with feedback in the filter, the most failures first. Three queries whatever the number.</summary>
    public static async Task<IReadOnlyList<StepStatistics>> StatisticsAsync(PlanwerkDbContext db, FeedbackFilter filter, CancellationToken ct)
    {
        var counted = filter.Apply(db.StepFeedback.AsNoTracking().Where(f => f.State != FeedbackState.Rejected));
        var groups = await counted.GroupBy(f => new { f.StepId, f.PathwayId, f.Worked, f.Problem })
            .Select(g => new { g.Key.StepId, g.Key.PathwayId, g.Key.Worked, g.Key.Problem, Count = g.Count() })
            .ToListAsync(ct);
        var stepIds = groups.Select(g => g.StepId).Distinct().ToList();
        var titles = await db.PathwaySteps.AsNoTracking().Where(s => stepIds.Contains(s.Id)).Select(s => new { s.Id, s.Title }).ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        var pathwayTitles = (await PathwaysAsync(db, ct)).ToDictionary(p => p.Id, p => p.Title);
        var notes = (await Notes(counted.Where(f => f.State == FeedbackState.Approved && f.Text != "").OrderBy(f => f.CreatedAt).ThenBy(f => f.Id), db)
            .ToListAsync(ct)).ToLookup(n => n.StepId);

        static IReadOnlyList<ProblemCount> Problems<T>(IEnumerable<T> rows, Func<T, StepProblem> problem, Func<T, int> count) =>
            rows.GroupBy(problem).Select(g => new ProblemCount(g.Key, g.Sum(count))).OrderByDescending(p => p.Count).ThenBy(p => p.Problem).ToList();

        return groups.GroupBy(g => g.StepId).Select(step =>
        {
            var failed = step.Where(g => !g.Worked).ToList();
            var perPathway = step.GroupBy(g => g.PathwayId).Select(p => new PathwayCount(p.Key,
                    p.Key is int id && pathwayTitles.TryGetValue(id, out var t) ? t : "",
                    p.Where(g => g.Worked).Sum(g => g.Count), p.Where(g => !g.Worked).Sum(g => g.Count),
                    Problems(p.Where(g => !g.Worked), g => g.Problem, g => g.Count)))
                .OrderByDescending(p => p.Failed).ThenBy(p => p.PathwayTitle, StringComparer.CurrentCulture).ToList();
            return new StepStatistics(step.Key, titles.TryGetValue(step.Key, out var title) ? title : "",
                step.Where(g => g.Worked).Sum(g => g.Count), failed.Sum(g => g.Count), Problems(failed, g => g.Problem, g => g.Count),
                perPathway, notes[step.Key].ToList());
        })
        .OrderByDescending(s => s.Failed).ThenBy(s => s.StepTitle, StringComparer.CurrentCulture).ToList();
    }
}
