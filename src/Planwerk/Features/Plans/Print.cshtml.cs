using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans;

/// <summary>The whole published plan on one page for printing: facts, principles, and every field with
/// every measure and all its facts. Six SQL commands whatever the plan's size: the municipality, the plan
/// with its principles, the fields, and the measures in three (facts, principles, districts).</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class PrintModel(PlanwerkDbContext db) : PageModel
{
    public sealed record PrintField(FieldRow Field, IReadOnlyList<MeasureFacts> Measures);

    public PlanHeader Plan { get; private set; } = null!;
    public IReadOnlyList<PrintField> Fields { get; private set; } = [];
    public StatusSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        var plan = await db.PublishedPlanAsync(planId, ct);
        if (plan is null) return NotFound();
        var fields = await db.FieldsOfPlanAsync(planId, ct);
        // Split: each measure's principles and districts come in their own statement, so long texts
        // are not repeated for every principle-district pair.
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == planId).Select(PublicPlanReads.Facts).AsSplitQuery().ToListAsync(ct);
        var byField = measures.ToLookup(m => m.FieldOfActionId);
        Plan = plan;
        Fields = fields.Select(f => new PrintField(f, byField[f.Id].InPlanOrder(m => m.Position, m => m.Number).ToList())).ToList();
        Summary = StatusSummary.Of(measures.Select(m => new MeasureRow(m.Id, m.FieldOfActionId, m.Position, m.Number, m.Title, m.Status, m.Progress, m.IsExample)).ToList());
        return Page();
    }
}
