using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Pathways.Manage;

/// <summary>A stage's title and summary. A stage is part of its pathway: the form carries the pathway's version, and the
/// change is recorded in the pathway's history (its outline, and the stage's texts).</summary>
[Authorize(Policy = Policies.PathwayEditor)]
public sealed class StageEditModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    [BindProperty]
    public StageInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public int PathwayId { get; private set; }

    public string PathwayTitle { get; private set; } = "";

    public string StoredTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, int stageId, CancellationToken ct)
    {
        if (await LoadAsync(id, stageId, ct) is not { } stage) return NotFound();
        Input = new StageInput { Title = stage.Title, Summary = stage.Summary };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int stageId, CancellationToken ct)
    {
        var posted = Version;
        if (await LoadAsync(id, stageId, ct) is not { } stored) return NotFound();
        var problems = PathwayEntry.Check(Input, nameof(Input));
        foreach (var problem in problems) ModelState.AddModelError(problem.Key, l[problem.Text, problem.Args]);
        if (problems.Count > 0)
        {
            Version = posted;
            return Page();
        }
        if (posted != Version) return ShowConflict(stored);
        var now = clock.GetUtcNow();
        return await SaveEditAsync(db, cache, null, async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var pathway = await db.Pathways.FirstAsync(p => p.Id == id, ct);
                var stage = await db.PathwayStages.FirstAsync(s => s.Id == stageId, ct);
                var before = await PathwayEntry.OutlineAsync(db, id, ct);
                var summaryBefore = stage.Summary;
                ExpectVersion(db, pathway, posted);
                pathway.ModifiedAt = now;
                db.Entry(pathway).Property(p => p.ModifiedAt).IsModified = true;
                stage.Title = PathwayEntry.Clean(Input.Title);
                stage.Summary = PathwayEntry.Clean(Input.Summary);
                await db.SaveChangesAsync(ct);
                await PathwayHistory.AddAsync(db, PathwayHistory.PathwayType, pathway.Id, pathway.Title, ChangeAction.Updated, null, null, now, ct,
                    (PathwayHistory.StructureField, before, await PathwayEntry.OutlineAsync(db, id, ct)),
                    ("StageSummary", summaryBefore, stage.Summary));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            },
            async () => await db.PathwayStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct),
            async s =>
            {
                await LoadAsync(id, stageId, ct);
                ShowConflict(s);
            },
            () => (l["Der Abschnitt wurde gespeichert."].Value, PathwayUrls.Stages(Municipality.Slug, id)));
    }

    private PageResult ShowConflict(PathwayStage current)
    {
        ModelState.Clear();
        ModelState.AddModelError("", l["Dieser Integrationsweg wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = new EditConflict()
            .Compare(l["Titel des Abschnitts"], PathwayEntry.Clean(Input.Title), current.Title)
            .Compare(l["Kurzbeschreibung des Abschnitts"], PathwayEntry.Clean(Input.Summary), current.Summary);
        return Page();
    }

    /// <summary>Reads the stage of the pathway (null when either is not here) and takes over the pathway's version.</summary>
    private async Task<PathwayStage?> LoadAsync(int id, int stageId, CancellationToken ct)
    {
        var pathway = await db.Pathways.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        var stage = await db.PathwayStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId && s.PathwayId == id, ct);
        if (pathway is null || stage is null) return null;
        (PathwayId, PathwayTitle, StoredTitle) = (pathway.Id, pathway.Title, stage.Title);
        ModelState.Remove(nameof(Version));
        Version = pathway.Version;
        return stage;
    }

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Integrationswege"], PathwayUrls.List(Municipality.Slug)),
        new(PathwayTitle, PathwayUrls.Edit(Municipality.Slug, PathwayId)), new(l["Abschnitte und Schritte"], PathwayUrls.Stages(Municipality.Slug, PathwayId)),
        new(StoredTitle),
    ];
}
