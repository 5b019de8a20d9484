using System.Globalization;
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

/// <summary>A dataset's categories (its one dimension, e.g. the districts): added, renamed, moved up or down, and
/// removed together with their figures once the editor confirms (refused while an indicator takes its values from the
/// category). Every form carries the dataset's version; each change is recorded in the history.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class DatasetCategoriesModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed record Row(int Id, string Name, int Figures);

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int CategoryId { get; set; }

    public int DatasetId { get; private set; }

    public string DatasetTitle { get; private set; } = "";

    public string CategoryLabel { get; private set; } = "";

    public IReadOnlyList<Row> Categories { get; private set; } = [];

    /// <summary>The category whose removal waits for confirmation.</summary>
    public Row? ToRemove { get; private set; }

    private StatisticsDataset dataset = null!;

    public async Task<IActionResult> OnGetAsync(int id, int? remove, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (remove is int r) ToRemove = Categories.FirstOrDefault(c => c.Id == r);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        var posted = Version;
        if (!await LoadAsync(id, ct)) return NotFound();
        var name = (Name ?? "").Trim();
        if (CheckName(name, null) is { } problem)
        {
            ModelState.AddModelError(nameof(Name), problem);
            return Page();
        }
        return await ChangeAsync(posted, async tracked =>
        {
            var position = Categories.Count == 0 ? 0 : await db.StatisticsCategories.Where(c => c.DatasetId == id).MaxAsync(c => c.Position, ct) + 1;
            db.StatisticsCategories.Add(new StatisticsCategory { DatasetId = id, Name = name, Position = position });
            return [(StatisticsHistory.CategoriesAddedField, null, name)];
        }, l["Die Kategorie „{0}“ wurde angelegt.", name], ct);
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, CancellationToken ct)
    {
        var posted = Version;
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Categories.FirstOrDefault(c => c.Id == CategoryId) is not { } category) return NotFound();
        var name = (Name ?? "").Trim();
        if (CheckName(name, category.Id) is { } problem)
        {
            ModelState.AddModelError("name-" + category.Id.ToString(CultureInfo.InvariantCulture), problem);
            return Page();
        }
        if (name == category.Name) return Redirect(StatisticsUrls.Categories(Municipality.Slug, id));
        return await ChangeAsync(posted, async _ =>
        {
            var row = await db.StatisticsCategories.FirstAsync(c => c.Id == category.Id, ct);
            row.Name = name;
            return [(StatisticsHistory.CategoriesField, category.Name, name)];
        }, l["Die Kategorie „{0}“ heißt jetzt „{1}“.", category.Name, name], ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, string direction, CancellationToken ct)
    {
        var posted = Version;
        if (!await LoadAsync(id, ct)) return NotFound();
        var index = Categories.ToList().FindIndex(c => c.Id == CategoryId);
        if (index < 0) return NotFound();
        var target = direction == "up" ? index - 1 : index + 1;
        if (target < 0 || target >= Categories.Count) return Redirect(StatisticsUrls.Categories(Municipality.Slug, id));
        var order = Categories.Select(c => c.Id).ToList();
        (order[index], order[target]) = (order[target], order[index]);
        return await ChangeAsync(posted, async _ =>
        {
            var rows = await db.StatisticsCategories.Where(c => c.DatasetId == id).ToListAsync(ct);
            foreach (var row in rows) row.Position = order.IndexOf(row.Id);
            var before = string.Join("\n", Categories.Select(c => c.Name));
            var after = string.Join("\n", order.Select(o => rows.First(r => r.Id == o).Name));
            return [(StatisticsHistory.CategoriesField, before, after)];
        }, l["Die Reihenfolge der Kategorien wurde geändert."], ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var posted = Version;
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Categories.FirstOrDefault(c => c.Id == CategoryId) is not { } category) return NotFound();
        var users = await DatasetUse.IndicatorsAsync(db, id, category.Id, ct);
        if (users.Count > 0)
        {
            ModelState.AddModelError("", l["Die Kategorie „{0}“ lässt sich nicht entfernen: Diese Indikatoren beziehen ihre Werte aus ihr: {1}. Ändern Sie zuerst die Indikatoren.", category.Name, string.Join("; ", users)]);
            return Page();
        }
        return await ChangeAsync(posted, async _ =>
        {
            var figures = await db.StatisticsObservations.Where(o => o.CategoryId == category.Id).ToListAsync(ct);
            var lines = figures.OrderBy(f => f.Period).Select(f => new Figure(f.Period, category.Name, f.Value, f.Note)).ToList();
            db.StatisticsObservations.RemoveRange(figures);
            db.StatisticsCategories.Remove(await db.StatisticsCategories.FirstAsync(c => c.Id == category.Id, ct));
            var changes = new FigureChanges([], [], [], lines, 0);
            return [(StatisticsHistory.CategoriesField, category.Name, null), .. Figures.HistoryFields(changes, dataset.PeriodKind)];
        }, l["Die Kategorie „{0}“ wurde mit ihren Werten entfernt.", category.Name], ct);
    }

    /// <summary>Runs a change of the categories in one transaction against the version the form was loaded with, and records it.</summary>
    private async Task<IActionResult> ChangeAsync(int posted, Func<StatisticsDataset, Task<List<(string, string?, string?)>>> change, string notice, CancellationToken ct)
    {
        if (posted != dataset.Version) return Conflicted(dataset.Version);
        var now = clock.GetUtcNow();
        var id = dataset.Id;
        return await SaveEditAsync(db, cache, null, async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var tracked = await db.StatisticsDatasets.FirstAsync(d => d.Id == id, ct);
                ExpectVersion(db, tracked, posted);
                DatasetFiguresModel.Touch(db, tracked, now);
                var fields = await change(tracked);
                await StatisticsHistory.AddAsync(db, id, tracked.Title, ChangeAction.Updated, null, null, now, ct, fields);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            },
            async () => await db.StatisticsDatasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct),
            async s =>
            {
                await LoadAsync(id, ct);
                Conflicted(s.Version);
            },
            () => (notice, StatisticsUrls.Categories(Municipality.Slug, id)));
    }

    private PageResult Conflicted(int current)
    {
        ModelState.AddModelError("", l["Dieser Datensatz wurde inzwischen von jemand anderem geändert. Es wurde nichts gespeichert; unten steht der jetzige Stand. Bitte wiederholen Sie Ihre Änderung."]);
        Version = current;
        return Page();
    }

    private string? CheckName(string name, int? self)
    {
        if (name.Length == 0) return l["Name: Bitte geben Sie einen Namen an."];
        if (name.Length > StatisticsCategory.MaxNameLength) return l["Name: Bitte kürzen Sie den Namen auf höchstens {0} Zeichen.", StatisticsCategory.MaxNameLength];
        if (name.Any(char.IsControl)) return l["Name: Der Name enthält ein unzulässiges Steuerzeichen."];
        if (Categories.Any(c => c.Id != self && c.Name == name)) return l["Name: Die Kategorie „{0}“ gibt es in diesem Datensatz schon.", name];
        return null;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await db.StatisticsDatasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (found is null) return false;
        dataset = found;
        (DatasetId, DatasetTitle, CategoryLabel) = (found.Id, found.Title, found.CategoryLabel);
        ModelState.Remove(nameof(Version));
        Version = found.Version;
        Categories = await db.StatisticsCategories.AsNoTracking().Where(c => c.DatasetId == id).OrderBy(c => c.Position).ThenBy(c => c.Id)
            .Select(c => new Row(c.Id, c.Name, db.StatisticsObservations.Count(o => o.CategoryId == c.Id))).ToListAsync(ct);
        return true;
    }

    public string? ErrorAt(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Statistiken"], StatisticsUrls.List(Municipality.Slug)),
        new(DatasetTitle, StatisticsUrls.Edit(Municipality.Slug, DatasetId)), new(l["Kategorien"]),
    ];
}
