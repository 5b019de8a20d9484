using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Implementation;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Time;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Plans;

/// <summary>Every fact of one measure of a published plan. Four SQL commands: the municipality, the
/// measure with its plan, field, principles and districts, its milestones, and its key and the plan's adoption (a fifth
/// for an adopted plan: the adopted version, whose texts it shows with the live status; see
/// <see cref="AdoptedPlanReads"/>).</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class MeasurePageModel(PlanwerkDbContext db, TimeProvider clock) : PageModel
{
    public MeasureFacts Measure { get; private set; } = null!;
    /// <summary>Set for an adopted plan: which of its states the page shows.</summary>
    public AdoptedNote? Adopted { get; private set; }
    /// <summary>Live, like the status: an adopted plan's page shows today's milestones too.</summary>
    public IReadOnlyList<Milestone> Milestones { get; private set; } = [];
    public DateOnly Today => BerlinTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(int planId, int measureId, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking()
            .Where(x => x.Id == measureId && x.PlanId == planId && x.Plan!.IsPublic)
            .Select(PublicPlanReads.Facts)
            .AsSingleQuery()
            .FirstOrDefaultAsync(ct);
        if (measure is null) return NotFound();
        Measure = measure;
        Milestones = await db.Milestones.AsNoTracking().Where(x => x.MeasureId == measureId)
            .OrderBy(x => x.DueOn).ThenBy(x => x.Id).ToListAsync(ct);
        var adoption = await db.Measures.AsNoTracking().Where(x => x.Id == measureId)
            .Select(x => new { x.Key, x.Plan!.AdoptedVersionId, x.Plan.AdoptedOn }).FirstAsync(ct);
        if (adoption is { AdoptedVersionId: int versionId, AdoptedOn: DateOnly adoptedOn })
        {
            var url = HttpContext.Request.Path.Value ?? "";
            var planUrl = PublicPlanLinks.Plan(HttpContext.RequiredMunicipality().Slug, planId);
            if (!AdoptedPlanReads.WantsWorkingState(Request) && await db.AdoptedVersionAsync(versionId, ct) is { } adopted
                && adopted.Document.AllMeasures().FirstOrDefault(x => x.Measure.Key == adoption.Key) is ({ } field, { } frozen))
            {
                Measure = AdoptedPlanReads.Facts(measure, adopted.Document, field, frozen);
                Adopted = new AdoptedNote(adoptedOn, false, adopted.ChangedSince, url, AdoptedPlanReads.WorkingStateUrl(url));
                return Page();
            }
            // A measure added after the adoption is part of the working state only.
            Adopted = new AdoptedNote(adoptedOn, true, true, AdoptedPlanReads.WantsWorkingState(Request) ? url : planUrl, url);
        }
        return Page();
    }
}
