using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Plans.Lineage;

/// <summary>Where a measure went on: the measure of a later plan that names it as its origin.</summary>
public sealed record Continuation(int MeasureId, int PlanId, string PlanTitle, bool PlanIsPublic, string Number);

/// <summary>Where a measure came from: the measure of the earlier plan it continues.</summary>
public sealed record Origin(int MeasureId, int PlanId, string PlanTitle, bool PlanIsPublic, string Number, MeasureOutcome? Outcome, string OutcomeText);

public static class LineageReads
{
    /// <summary>For each of <paramref name="measureIds"/> that has been carried over, where it continues (the earliest
    /// continuing plan when there are several). One command.</summary>
    public static async Task<IReadOnlyDictionary<int, Continuation>> CarriedIntoAsync(PlanwerkDbContext db, IReadOnlyList<int> measureIds, CancellationToken ct)
    {
        if (measureIds.Count == 0) return new Dictionary<int, Continuation>();
        var rows = await db.Measures.AsNoTracking().Where(m => m.CarriedFromMeasureId != null && measureIds.Contains(m.CarriedFromMeasureId.Value))
            .Select(m => new { From = m.CarriedFromMeasureId!.Value, Continuation = new Continuation(m.Id, m.PlanId, m.Plan!.Title, m.Plan.IsPublic, m.Number) })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Continuation.PlanId).GroupBy(r => r.From).ToDictionary(g => g.Key, g => g.First().Continuation);
    }

    /// <summary>The same for every measure of a plan, in one command.</summary>
    public static async Task<IReadOnlyDictionary<int, Continuation>> CarriedIntoFromPlanAsync(PlanwerkDbContext db, int planId, CancellationToken ct)
    {
        var rows = await db.Measures.AsNoTracking().Where(m => m.CarriedFrom != null && m.CarriedFrom.PlanId == planId)
            .Select(m => new { From = m.CarriedFromMeasureId!.Value, Continuation = new Continuation(m.Id, m.PlanId, m.Plan!.Title, m.Plan.IsPublic, m.Number) })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Continuation.PlanId).GroupBy(r => r.From).ToDictionary(g => g.Key, g => g.First().Continuation);
    }
}

/// <summary>The other end of a measure's line as the public may see it: for a measure of a public plan its number,
/// plan and closing assessment; for one of a plan that is not public nothing but that it exists (<see cref="IsPublic"/>
/// false, every text empty), so an unpublished plan is never named.</summary>
public sealed record PublicLineEnd(int MeasureId, int PlanId, string PlanTitle, string Number, MeasureOutcome? Outcome, string OutcomeText, bool IsPublic)
{
    public static PublicLineEnd? Shown(PublicLineEnd? end) =>
        end is null || end.IsPublic ? end : new PublicLineEnd(0, 0, "", "", null, "", false);
}

/// <summary>What the public measure page says about the measure's line: its own closing assessment, where it came
/// from and where it goes on (a public continuation before one that is not, then the earliest).</summary>
public sealed record PublicLineage(MeasureOutcome? Outcome, string OutcomeText, PublicLineEnd? From, PublicLineEnd? Into)
{
    public bool IsEmpty => Outcome is null && From is null && Into is null;
}

/// <summary>What the measure page needs to find the adopted text: the measure's key and its plan's adoption.</summary>
public sealed record MeasureAdoption(int Key, int? AdoptedVersionId, DateOnly? AdoptedOn);

public static class PublicLineageReads
{
    /// <summary>The measure's line, read live (an adopted plan's page shows it too), and in the same command its key and
    /// its plan's adoption, which the measure page reads anyway: the line costs the page no command of its own.</summary>
    public static async Task<(PublicLineage Line, MeasureAdoption Adoption)> OfMeasureAsync(PlanwerkDbContext db, int measureId, CancellationToken ct)
    {
        var row = await db.Measures.AsNoTracking().Where(m => m.Id == measureId)
            .Select(m => new
            {
                m.Key,
                m.Plan!.AdoptedVersionId,
                m.Plan.AdoptedOn,
                m.Outcome,
                m.OutcomeText,
                From = m.CarriedFrom == null ? null : new PublicLineEnd(m.CarriedFrom.Id, m.CarriedFrom.PlanId, m.CarriedFrom.Plan!.Title, m.CarriedFrom.Number,
                    m.CarriedFrom.Outcome, m.CarriedFrom.OutcomeText, m.CarriedFrom.Plan.IsPublic),
                Into = db.Measures.Where(x => x.CarriedFromMeasureId == m.Id).OrderByDescending(x => x.Plan!.IsPublic).ThenBy(x => x.PlanId)
                    .Select(x => new PublicLineEnd(x.Id, x.PlanId, x.Plan!.Title, x.Number, x.Outcome, x.OutcomeText, x.Plan.IsPublic)).FirstOrDefault(),
            })
            .FirstAsync(ct);
        return (new PublicLineage(row.Outcome, row.OutcomeText, PublicLineEnd.Shown(row.From), PublicLineEnd.Shown(row.Into)),
            new MeasureAdoption(row.Key, row.AdoptedVersionId, row.AdoptedOn));
    }
}
