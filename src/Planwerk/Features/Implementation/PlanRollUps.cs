using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans;

namespace Planwerk.Features.Implementation;

/// <summary>Reads what a plan's roll-up needs and adds it up by <see cref="RollUp.Compute"/>: the one way the dashboard
/// and the read API get their numbers, so they cannot differ. One SQL command whatever the plan's size: four small
/// columns per measure.</summary>
public static class PlanRollUps
{
    public static Task<PlanRollUp> LoadAsync(PlanwerkDbContext db, PlanHeader plan, CancellationToken ct) =>
        LoadAsync(db, plan.Id, plan.RollUpMethod, ct);

    public static async Task<PlanRollUp> LoadAsync(PlanwerkDbContext db, int planId, RollUpMethod method, CancellationToken ct)
    {
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == planId)
            .Select(m => new RollUpMeasure(m.FieldOfActionId, m.Status, m.Progress, m.Weight)).ToListAsync(ct);
        return RollUp.Compute(measures, method);
    }
}
