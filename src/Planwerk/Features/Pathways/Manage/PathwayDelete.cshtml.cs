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

/// <summary>Deleting a pathway (plan team only): its stages, their translations and its publications go with it; its
/// steps stay (they may stand elsewhere, and can be deleted on their own once unused). Recorded in the history.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class PathwayDeleteModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    [BindProperty]
    public int Version { get; set; }

    public int PathwayId { get; private set; }

    public string PathwayTitle { get; private set; } = "";

    public PathwayStatus Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var posted = Version;
        if (await LoadAsync(id, ct) is not { } stored) return NotFound();
        if (posted != Version) return Conflicted();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var pathway = await db.Pathways.FirstAsync(p => p.Id == id, ct);
        ExpectVersion(db, pathway, posted);
        var now = clock.GetUtcNow();
        try
        {
            // The pathway points at its current publication, which points back: first let go, then delete.
            pathway.CurrentPublicationId = null;
            pathway.ModifiedAt = now;
            await db.SaveChangesAsync(ct);
            var stageIds = await db.PathwayStages.Where(s => s.PathwayId == id).Select(s => s.Id).ToListAsync(ct);
            db.ContentTranslations.RemoveRange(await db.ContentTranslations
                .Where(t => (t.Kind == PathwayTexts.PathwayKind && t.EntityId == id) || (t.Kind == PathwayTexts.StageKind && stageIds.Contains(t.EntityId))).ToListAsync(ct));
            db.Pathways.Remove(pathway);
            await PathwayHistory.AddAsync(db, PathwayHistory.PathwayType, id, stored.Title, ChangeAction.Deleted,
                PathwayEntry.Describe(PathwayEntry.ToInput(stored)), null, now, ct,
                (PathwayHistory.StructureField, await PathwayEntry.OutlineAsync(db, id, ct), null));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await LoadAsync(id, ct) is null) return NotFound();
            return Conflicted();
        }
        return await SavedAsync(cache, l["Der Integrationsweg „{0}“ wurde gelöscht. Seine Schritte bleiben erhalten.", stored.Title], PathwayUrls.List(Municipality.Slug));
    }

    private PageResult Conflicted()
    {
        ModelState.Clear();
        ModelState.AddModelError("", l["Dieser Integrationsweg wurde inzwischen von jemand anderem geändert. Nichts wurde gelöscht; prüfen Sie den aktuellen Stand und entscheiden Sie dann noch einmal."]);
        return Page();
    }

    private async Task<Pathway?> LoadAsync(int id, CancellationToken ct)
    {
        var pathway = await db.Pathways.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pathway is null) return null;
        (PathwayId, PathwayTitle, Status) = (pathway.Id, pathway.Title, pathway.Status);
        ModelState.Remove(nameof(Version));
        Version = pathway.Version;
        return pathway;
    }

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Integrationswege"], PathwayUrls.List(Municipality.Slug)),
        new(PathwayTitle, PathwayUrls.Edit(Municipality.Slug, PathwayId)), new(l["Löschen"]),
    ];
}
