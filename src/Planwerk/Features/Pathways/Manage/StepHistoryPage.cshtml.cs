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

/// <summary>Every recorded change of a step: its texts and conditions, its services and measures.</summary>
[Authorize(Policy = Policies.PathwayEditor)]
public sealed class StepHistoryPageModel(PlanwerkDbContext db, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public int StepId { get; private set; }

    public string StepTitle { get; private set; } = "";

    public IReadOnlyList<ChangeRecord> Records { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var step = await db.PathwaySteps.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Id, s.Title }).FirstOrDefaultAsync(ct);
        if (step is null) return NotFound();
        (StepId, StepTitle) = (step.Id, step.Title);
        Records = await HistoryPages.ReadAsync(db, PathwayHistory.StepType, id, ct);
        return Page();
    }

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Integrationswege"], PathwayUrls.List(Municipality.Slug)),
        new(l["Alle Schritte"], PathwayUrls.Steps(Municipality.Slug)), new(StepTitle, PathwayUrls.Step(Municipality.Slug, StepId)), new(l["Verlauf"]),
    ];
}
