using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans.Manage;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Plans.Timeline;

/// <summary>The plan's timeline as the plan team sees it: every entry with its date, the automatic
/// ones marked, links to edit (for editors) and to the public page.</summary>
[Authorize(Policy = Policies.PlanTeam)]
public sealed class ManageTimelineModel(PlanwerkDbContext db, IStringLocalizer<SharedResource> localizer) : ManagePageModel
{
    public sealed record EntryRow(int Id, CoarseDate Start, CoarseDate? End, TimelineEntryKind Kind, string Title);

    public int PlanId { get; private set; }

    public string PlanTitle { get; private set; } = "";

    public bool IsPublic { get; private set; }

    /// <summary>Editors change entries; moderators only read.</summary>
    public bool MayEdit { get; private set; }

    public IReadOnlyList<TimelineItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Title, p.IsPublic, p.AdoptedOn }).FirstOrDefaultAsync(ct);
        if (plan is null) return NotFound();
        (PlanId, PlanTitle, IsPublic) = (plan.Id, plan.Title, plan.IsPublic);
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        MayEdit = await db.Memberships.AnyAsync(m => m.UserId == userId && (m.Role == MunicipalityRole.PlanEditor || m.Role == MunicipalityRole.Administrator), ct);
        Items = await PlanTimeline.ReadAsync(db, Municipality.Slug, planId, plan.AdoptedOn, localizer, ct);
        return Page();
    }
}
