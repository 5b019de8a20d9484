using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Planwerk.Data;
using Planwerk.Features.Plans.Manage;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Plans.Versions;

/// <summary>The plan team's comparison of two versions (or a version and the current state), public plan or not.</summary>
[Authorize(Policy = Policies.PlanEditor)]
[ReadOnlyPage]
public sealed class ManageCompareModel(PlanwerkDbContext db) : ManagePageModel
{
    public ComparePage Comparison { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int planId, string? from, string? to, CancellationToken ct)
    {
        var page = await db.CompareAsync(planId, from, to, publicOnly: false, ct);
        if (page is null) return NotFound();
        Comparison = page;
        return Page();
    }
}
