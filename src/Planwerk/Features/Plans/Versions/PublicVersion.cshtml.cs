using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Data;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans.Versions;

/// <summary>One named version of a public plan, read only, at an address that never changes. One row read.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
[ReadOnlyPage]
public sealed class PublicVersionModel(PlanwerkDbContext db) : PageModel
{
    public VersionView View { get; private set; } = null!;

    public int PlanId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int planId, int versionId, CancellationToken ct)
    {
        var view = await db.VersionAsync(planId, versionId, publicOnly: true, ct);
        if (view is null) return NotFound();
        View = view;
        PlanId = planId;
        return Page();
    }
}
