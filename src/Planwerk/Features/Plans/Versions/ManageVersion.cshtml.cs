using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Planwerk.Data;
using Planwerk.Features.Plans.Manage;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Plans.Versions;

/// <summary>One named version for the plan team, public plan or not. Read only: versions cannot be
/// changed or deleted, so this page has no form. One row read.</summary>
[Authorize(Policy = Policies.PlanEditor)]
[ReadOnlyPage]
public sealed class ManageVersionModel(PlanwerkDbContext db) : ManagePageModel
{
    public VersionView View { get; private set; } = null!;

    public int PlanId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int planId, int versionId, CancellationToken ct)
    {
        var view = await db.VersionAsync(planId, versionId, publicOnly: false, ct);
        if (view is null) return NotFound();
        View = view;
        PlanId = planId;
        return Page();
    }
}
