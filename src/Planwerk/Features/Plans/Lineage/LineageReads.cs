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
