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
/// fields, the measures (and the sections, the named versions). For an adopted plan the adopted version
/// (see <see cref="AdoptedPlanReads"/>) takes the place of the sections' command. A retrospective section adds
/// at most three (<see cref="Retrospective.LoadAsync"/>).</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = [AdoptedPlanReads.StandKey])]
public sealed class PlanPageModel(PlanwerkDbContext db, Planwerk.Infrastructure.Markdown.MarkdownRenderer markdown,
    Microsoft.Extensions.Localization.IStringLocalizer<Planwerk.Infrastructure.Localization.SharedResource> l) : PageModel
{
    public PlanHeader Plan { get; private set; } = null!;
    public IReadOnlyList<FieldWithMeasures> Fields { get; private set; } = [];
    public StatusSummary Summary { get; private set; } = null!;
    public SectionsView Sections { get; private set; } = new([], _ => null);
    /// <summary>Set for an adopted plan: which of its states the page shows.</summary>
    public AdoptedNote? Adopted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        var plan = await db.PublishedPlanAsync(planId, ct);
        if (plan is null) return NotFound();
        var slug = HttpContext.RequiredMunicipality().Slug;
        var fields = await db.FieldsOfPlanAsync(planId, ct);
        var measures = await db.Measures.Where(m => m.PlanId == planId).MeasureRows(ct);
        if (plan.AdoptedVersionId is int versionId && plan.AdoptedOn is DateOnly adoptedOn)
        {
            var url = PublicPlanLinks.Plan(slug, planId);
            if (!AdoptedPlanReads.WantsWorkingState(Request) && await db.AdoptedPlanAsync(versionId, ct) is { } adopted)
            {
                // The adopted texts with the live status of each measure: measures added since are not part of it.
                Plan = AdoptedPlanReads.Header(plan, adopted.Document);
                Fields = AdoptedPlanReads.Fields(adopted.Document, fields, measures);
                Summary = StatusSummary.Of(Fields.SelectMany(f => f.Measures).ToList());
                Sections = await WithRetrospectiveAsync(AdoptedPlanReads.Sections(adopted.Document, slug, planId, versionId), slug, plan, ct);
                Adopted = new AdoptedNote(adoptedOn, false, adopted.ChangedSince, url, AdoptedPlanReads.WorkingStateUrl(url));
                return Page();
            }
            Adopted = new AdoptedNote(adoptedOn, true, true, url, AdoptedPlanReads.WorkingStateUrl(url));
        }
        Sections = await WithRetrospectiveAsync(await db.SectionsViewAsync(markdown, slug, planId, ct), slug, plan, ct);
        Plan = plan;
        Fields = PublicPlanReads.GroupByField(fields, measures);
        Summary = StatusSummary.Of(measures);
        return Page();
    }

    /// <summary>The live figures and assessments of the retrospective sections, also for the adopted version.</summary>
    private async Task<SectionsView> WithRetrospectiveAsync(SectionsView sections, string slug, PlanHeader plan, CancellationToken ct) =>
        sections with { Retrospective = await Retrospective.LoadAsync(db, l, slug, plan.Id, plan.PublicPredecessorId, sections.Sections, ct) };
}
