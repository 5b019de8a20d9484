using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Data;
using Planwerk.Features.Plans.Sections;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Plans;

/// <summary>A published plan: its facts, principles, status summary and every field with its measures.
/// Four SQL commands whatever the plan's size: the municipality, the plan with its principles, the
/// fields, the measures.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class PlanPageModel(PlanwerkDbContext db, Planwerk.Infrastructure.Markdown.MarkdownRenderer markdown) : PageModel
{
    public PlanHeader Plan { get; private set; } = null!;
    public IReadOnlyList<FieldWithMeasures> Fields { get; private set; } = [];
    public StatusSummary Summary { get; private set; } = null!;
    public SectionsView Sections { get; private set; } = new([], _ => null);

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        var plan = await db.PublishedPlanAsync(planId, ct);
        if (plan is null) return NotFound();
        var fields = await db.FieldsOfPlanAsync(planId, ct);
        var measures = await db.Measures.Where(m => m.PlanId == planId).MeasureRows(ct);
        Sections = await db.SectionsViewAsync(markdown, HttpContext.RequiredMunicipality().Slug, planId, ct);
        Plan = plan;
        Fields = PublicPlanReads.GroupByField(fields, measures);
        Summary = StatusSummary.Of(measures);
        return Page();
    }
}
