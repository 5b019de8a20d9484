using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation;

/// <summary>A published plan's public dashboard: how its measures stand, how far each field has come, and which
/// milestones are overdue, and where each indicator stands against its target. Seven SQL commands whatever the plan's
/// size: the municipality, the plan, its fields, the measures' roll-up rows, the overdue milestones, the indicators and
/// their values (none when there are no indicators); one more counts the overdue milestones when there are more than
/// are listed.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class DashboardModel(PlanwerkDbContext db, TimeProvider clock) : PageModel
{
    public sealed record OverdueMilestone(int MeasureId, string MeasureNumber, string MeasureTitle, string Title, DateOnly DueOn);

    /// <summary>More overdue milestones than this are counted, not listed.</summary>
    public const int MaxListed = 200;

    public PlanHeader Plan { get; private set; } = null!;
    public IReadOnlyList<FieldRow> Fields { get; private set; } = [];
    public PlanRollUp RollUp { get; private set; } = null!;
    public IReadOnlyList<OverdueMilestone> Overdue { get; private set; } = [];
    public int OverdueCount { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<Indicators.IndicatorSummary> Indicators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        var plan = await db.PublishedPlanAsync(planId, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        Today = BerlinTime.Today(clock);
        Fields = await db.FieldsOfPlanAsync(planId, ct);
        RollUp = await PlanRollUps.LoadAsync(db, plan, ct);
        var today = Today;
        var overdue = await db.Milestones.AsNoTracking()
            .Where(x => x.Measure!.PlanId == planId && x.DoneOn == null && x.DueOn < today)
            .OrderBy(x => x.DueOn).ThenBy(x => x.Id)
            .Select(x => new OverdueMilestone(x.MeasureId, x.Measure!.Number, x.Measure.Title, x.Title, x.DueOn))
            .Take(MaxListed + 1).ToListAsync(ct);
        Overdue = overdue.Take(MaxListed).ToList();
        OverdueCount = overdue.Count <= MaxListed ? overdue.Count
            : await db.Milestones.CountAsync(x => x.Measure!.PlanId == planId && x.DoneOn == null && x.DueOn < today, ct);
        Indicators = await Implementation.Indicators.IndicatorReads.OfPlanAsync(db, planId, null, ct);
        return Page();
    }
}
