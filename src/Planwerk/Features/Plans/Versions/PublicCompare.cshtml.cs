using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Data;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans.Versions;

/// <summary>What changed between two versions of a public plan, or between a version and the current state.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = ["from", "to"])]
[ReadOnlyPage]
public sealed class PublicCompareModel(PlanwerkDbContext db) : PageModel
{
    public ComparePage Comparison { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int planId, string? from, string? to, CancellationToken ct)
    {
        var page = await db.CompareAsync(planId, from, to, publicOnly: true, ct);
        if (page is null) return NotFound();
        Comparison = page;
        return Page();
    }
}
