using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Plans.Timeline;

/// <summary>The path of a published plan, year by year: the plan team's entries and what rounds,
/// workshops, the council's consultations, the adoption and published yearly reports add by themselves. Seven SQL
/// commands whatever its length: the municipality, the plan, and the five of <see cref="PlanTimeline"/>.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class PublicTimelineModel(PlanwerkDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public int PlanId { get; private set; }

    public string PlanTitle { get; private set; } = "";

    public bool IsExample { get; private set; }

    public IReadOnlyList<IGrouping<int, TimelineItem>> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId && p.IsPublic)
            .Select(p => new { p.Id, p.Title, p.IsExample, p.AdoptedOn }).FirstOrDefaultAsync(ct);
        if (plan is null) return NotFound();
        PlanId = plan.Id;
        PlanTitle = plan.Title;
        IsExample = plan.IsExample;
        var items = await PlanTimeline.ReadAsync(db, HttpContext.RequiredMunicipality().Slug, planId, plan.AdoptedOn, localizer, ct);
        Years = items.GroupBy(i => i.Year).ToList();
        return Page();
    }
}
