using Microsoft.AspNetCore.Mvc;
using Planwerk.Data;

namespace Planwerk.Features.Plans.Versions;

/// <summary>The "what changed" block of the public plan page: the plan's named versions and the
/// compare form. One query (the version list, without documents).</summary>
public sealed class PlanVersionsViewComponent(PlanwerkDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string municipality, int planId)
    {
        var versions = await db.VersionsOfAsync(planId, HttpContext.RequestAborted);
        return View("/Features/Plans/Versions/_PlanVersionsBlock.cshtml", new VersionList(municipality, planId, versions, Manage: false));
    }
}
