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

namespace Planwerk.Features.Statistics.Manage;

/// <summary>Deleting a dataset with its categories and figures, after confirmation; refused while an indicator of a plan
/// takes its values from it (the page names them). Recorded in the history with the dataset's fields and figures.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class DatasetDeleteModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    [BindProperty]
    public int Version { get; set; }

    public int DatasetId { get; private set; }

    public string DatasetTitle { get; private set; } = "";

    public int FigureCount { get; private set; }

    /// <summary>The indicators fed by the dataset, "Name (Plan)": while there are any, it cannot be deleted.</summary>
    public IReadOnlyList<string> Indicators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var posted = Version;
        if (await LoadAsync(id, ct) is not { } stored) return NotFound();
        if (Indicators.Count > 0)
        {
            ModelState.AddModelError("", l["Der Datensatz lässt sich nicht löschen: Diese Indikatoren beziehen ihre Werte aus ihm: {0}. Ändern Sie zuerst die Indikatoren.", string.Join("; ", Indicators)]);
            return Page();
        }
        if (posted != Version) return Conflicted();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var dataset = await db.StatisticsDatasets.FirstAsync(d => d.Id == id, ct);
            ExpectVersion(db, dataset, posted);
            var figures = await Figures.StoredAsync(db, id, ct);
            var categories = await db.StatisticsCategories.Where(c => c.DatasetId == id).OrderBy(c => c.Position).ToListAsync(ct);
            db.StatisticsObservations.RemoveRange(await db.StatisticsObservations.Where(o => o.DatasetId == id).ToListAsync(ct));
            db.StatisticsCategories.RemoveRange(categories);
            db.StatisticsDatasets.Remove(dataset);
            var removed = new FigureChanges([], [], [], figures, 0);
            List<(string, string?, string?)> extra = categories.Count == 0 ? [] : [(StatisticsHistory.CategoriesField, string.Join("\n", categories.Select(c => c.Name)), null)];
            await StatisticsHistory.AddAsync(db, id, stored.Title, ChangeAction.Deleted, DatasetEntry.Describe(stored), null, now, ct,
                [.. extra, .. Figures.HistoryFields(removed, stored.PeriodKind)]);
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
        catch (DbUpdateException)
        {
            // An indicator was pointed at the dataset while it was being deleted: the database refuses, nothing is deleted.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await LoadAsync(id, ct) is null) return NotFound();
            ModelState.AddModelError("", l["Der Datensatz lässt sich nicht löschen: Diese Indikatoren beziehen ihre Werte aus ihm: {0}. Ändern Sie zuerst die Indikatoren.", string.Join("; ", Indicators)]);
            return Page();
        }
        return await SavedAsync(cache, l["Der Datensatz „{0}“ wurde gelöscht.", stored.Title], StatisticsUrls.List(Municipality.Slug));
    }

    private PageResult Conflicted()
    {
        ModelState.Clear();
        ModelState.AddModelError("", l["Dieser Datensatz wurde inzwischen von jemand anderem geändert. Nichts wurde gelöscht; prüfen Sie den aktuellen Stand und entscheiden Sie dann noch einmal."]);
        return Page();
    }

    private async Task<StatisticsDataset?> LoadAsync(int id, CancellationToken ct)
    {
        var dataset = await db.StatisticsDatasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dataset is null) return null;
        (DatasetId, DatasetTitle) = (dataset.Id, dataset.Title);
        ModelState.Remove(nameof(Version));
        Version = dataset.Version;
        FigureCount = await db.StatisticsObservations.CountAsync(o => o.DatasetId == id, ct);
        Indicators = await DatasetUse.IndicatorsAsync(db, id, null, ct);
        return dataset;
    }

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Statistiken"], StatisticsUrls.List(Municipality.Slug)),
        new(DatasetTitle, StatisticsUrls.Edit(Municipality.Slug, DatasetId)), new(l["Löschen"]),
    ];
}
