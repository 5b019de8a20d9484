using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Pathways.Manage;

/// <summary>Every recorded change of a pathway: its fields, its stages and steps (as the outline before and after),
/// publishing and withdrawing.</summary>
[Authorize(Policy = Policies.PathwayEditor)]
public sealed class PathwayHistoryPageModel(PlanwerkDbContext db, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public int PathwayId { get; private set; }

    public string PathwayTitle { get; private set; } = "";

    public IReadOnlyList<ChangeRecord> Records { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var pathway = await db.Pathways.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Title }).FirstOrDefaultAsync(ct);
        if (pathway is null) return NotFound();
        (PathwayId, PathwayTitle) = (pathway.Id, pathway.Title);
        Records = await HistoryPages.ReadAsync(db, PathwayHistory.PathwayType, id, ct);
        return Page();
    }

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Integrationswege"], PathwayUrls.List(Municipality.Slug)),
        new(PathwayTitle, PathwayUrls.Edit(Municipality.Slug, PathwayId)), new(l["Verlauf"]),
    ];
}
