using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Data;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans.Versions;

/// <summary>The named versions of a public plan, and the form to compare two of them ("what changed").</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
[ReadOnlyPage]
public sealed class PublicVersionsModel(PlanwerkDbContext db) : PageModel
{
    public VersionReads.PlanRow Plan { get; private set; } = null!;

    public IReadOnlyList<VersionItem> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        var plan = await db.PlanAsync(planId, publicOnly: true, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        Versions = await db.VersionsOfAsync(planId, ct);
        return Page();
    }
}
