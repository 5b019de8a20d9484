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

/// <summary>A dataset's figures as one table form: a row per figure (period, category, value in German format, note),
/// blank rows to add figures, a box to remove one. An empty value is a known missing figure and needs a note; the signs
/// of official statistics (".", "x", "…", "/" missing, "-" zero) are understood. Checked as a whole, every problem at
/// its row and column; saved all at once against the dataset's version (a stale form keeps its rows and says so) and
/// recorded in the history with each figure before and after.</summary>
[Authorize(Policy = Policies.PlanEditor)]
[RequestFormLimits(ValueCountLimit = FormValueLimit)]
public sealed class DatasetFiguresModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public const int BlankRows = 5;

    /// <summary>The most figures the table form holds; a larger dataset is changed by import (add or replace), which
    /// checks a file of any length the same way.</summary>
    public const int MaxTableRows = 2000;

    /// <summary>The most rows a form may send: the table and the blank rows asked for with "more".</summary>
    public const int MaxRows = MaxTableRows + 10 * BlankRows;

    /// <summary>Five values a row (period, category, value, note, remove) and a few for the form: the framework's default
    /// of 1,024 values would refuse a table of about 250 figures as too large, and the team's input would be lost.</summary>
    private const int FormValueLimit = MaxRows * 5 + 16;

    public sealed class FigureRow
    {
        public string? Period { get; set; }
        public string? CategoryId { get; set; }
        public string? Value { get; set; }
        public string? Note { get; set; }
        public bool Remove { get; set; }
    }

    [BindProperty]
    public List<FigureRow> Rows { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    public int DatasetId { get; private set; }

    public string DatasetTitle { get; private set; } = "";

    public StatisticsPeriodKind PeriodKind { get; private set; }

    public string CategoryLabel { get; private set; } = "";

    public string Unit { get; private set; } = "";

    /// <summary>The dataset's categories in order: id and name.</summary>
    public IReadOnlyList<(int Id, string Name)> Categories { get; private set; } = [];

    /// <summary>How many figures the dataset has.</summary>
    public int FigureCount { get; private set; }

    /// <summary>Whether the dataset has more figures than the table form holds: the page then points to the import.</summary>
    public bool TooManyForTable => FigureCount > MaxTableRows;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } dataset) return NotFound();
        Version = dataset.Version;
        if (TooManyForTable) return Page();
        await ShowStoredAsync(id, ct);
        return Page();
    }

    /// <summary>The stored figures as the table's rows, and blank rows to add more.</summary>
    private async Task ShowStoredAsync(int id, CancellationToken ct)
    {
        var byName = Categories.ToDictionary(c => c.Name, c => c.Id, StringComparer.Ordinal);
        Rows = (await Figures.StoredAsync(db, id, ct)).Select(f => new FigureRow
        {
            Period = StatisticsValues.FormatPeriod(f.Period, PeriodKind),
            CategoryId = f.Category is null ? "" : byName[f.Category].ToString(CultureInfo.InvariantCulture),
            Value = StatisticsValues.FormatValue(f.Value), Note = f.Note,
        }).ToList();
        AddBlankRows();
    }

    /// <summary>More blank rows, without saving; what was typed stays.</summary>
    public async Task<IActionResult> OnPostMoreAsync(int id, CancellationToken ct)
    {
        var posted = Version;
        if (await LoadAsync(id, ct) is null) return NotFound();
        Version = posted;
        ModelState.Clear();
        if (TooManyForTable) return await TooManyAsync(id, ct);
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var posted = Version;
        if (await LoadAsync(id, ct) is not { } dataset) return NotFound();
        Version = posted;
        ModelState.Clear();
        if (TooManyForTable || Rows.Count > MaxRows) return await TooManyAsync(id, ct);
        var wanted = Read();
        if (!ModelState.IsValid) return Page();
        if (dataset.Version != posted) return Conflicted(dataset.Version);

        var stored = await Figures.StoredAsync(db, id, ct);
        var changes = Figures.Compare(stored, wanted, Categories.Select(c => c.Name).ToList(), removeMissing: true);
        if (!changes.Any) return await SavedAsync(cache, l["Es gab keine Änderung an den Werten."], StatisticsUrls.Figures(Municipality.Slug, id));
        var now = clock.GetUtcNow();
        return await SaveEditAsync(db, cache, null, async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var tracked = await db.StatisticsDatasets.FirstAsync(d => d.Id == id, ct);
                ExpectVersion(db, tracked, posted);
                Touch(db, tracked, now);
                await Figures.ApplyAsync(db, tracked, changes, ct);
                await StatisticsHistory.AddAsync(db, id, tracked.Title, ChangeAction.Updated, null, null, now, ct, Figures.HistoryFields(changes, PeriodKind));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            },
            async () => await db.StatisticsDatasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct),
            s => { Conflicted(s.Version); },
            () => (l["Die Werte wurden gespeichert: {0} neu, {1} geändert, {2} entfernt.", changes.Added.Count, changes.Changed.Count, changes.Removed.Count],
                StatisticsUrls.Figures(Municipality.Slug, id)));
    }

    /// <summary>The dataset counts as changed with its figures, so its version moves and stale forms are caught.</summary>
    internal static void Touch(PlanwerkDbContext db, StatisticsDataset dataset, DateTimeOffset now)
    {
        dataset.ModifiedAt = now;
        db.Entry(dataset).Property(d => d.ModifiedAt).IsModified = true;
    }

    private PageResult Conflicted(int current)
    {
        ModelState.AddModelError("", l["Dieser Datensatz wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert und stehen unten. Prüfen Sie sie gegen den Verlauf oder die gespeicherten Werte; wenn Sie erneut speichern, ersetzt Ihre Tabelle den gespeicherten Stand."]);
        Version = current;
        return Page();
    }

    /// <summary>A table form that the page no longer offers (the dataset grew beyond it) or one with more rows than it
    /// can have: nothing is saved. The page says so and shows the stored figures again (or, for a dataset too large
    /// for the table, points to the import), never an emptied table that would remove figures when saved.</summary>
    private async Task<PageResult> TooManyAsync(int id, CancellationToken ct)
    {
        ModelState.AddModelError("", TooManyForTable
            ? l["Dieser Datensatz hat {0} Werte, mehr als die Tabelle hier fasst ({1}). Ändern Sie die Werte über den Import (ergänzen oder ersetzen); gespeichert wurde nichts.", FigureCount.ToString("N0", CultureInfo.CurrentCulture), MaxTableRows.ToString("N0", CultureInfo.CurrentCulture)]
            : l["Die Tabelle hat mehr als {0} Zeilen. Gespeichert wurde nichts; unten stehen die gespeicherten Werte. Größere Änderungen gehen über den Import.", MaxRows.ToString("N0", CultureInfo.CurrentCulture)]);
        Rows = [];
        if (!TooManyForTable) await ShowStoredAsync(id, ct);
        return Page();
    }

    /// <summary>The rows as figures, each problem in the model state at its row's field.</summary>
    private List<Figure> Read()
    {
        var names = Categories.ToDictionary(c => c.Id.ToString(CultureInfo.InvariantCulture), c => c.Name, StringComparer.Ordinal);
        var figures = new List<Figure>();
        var seen = new Dictionary<(DateOnly, string), int>();
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            var number = i + 1;
            var (periodText, valueText, note) = ((row.Period ?? "").Trim(), (row.Value ?? "").Trim(), (row.Note ?? "").Trim());
            if (row.Remove || (periodText.Length == 0 && valueText.Length == 0 && note.Length == 0)) continue;
            void Problem(string field, string column, string message, params object[] args) =>
                ModelState.AddModelError($"Rows[{i}].{field}", l["Zeile {0}, {1}: ", number, l[column].Value].Value + l[message, args].Value);

            var (period, periodProblem) = StatisticsValues.ReadPeriod(periodText, PeriodKind);
            if (periodText.Length == 0) Problem("Period", "Zeitraum", FigureImportTexts.PeriodMissing);
            else if (periodProblem is not null) Problem("Period", "Zeitraum", periodProblem.Message, periodProblem.Arguments.Cast<object>().ToArray());

            string? category = null;
            var categoryId = (row.CategoryId ?? "").Trim();
            if (categoryId.Length > 0 && !names.TryGetValue(categoryId, out category)) Problem("CategoryId", "Kategorie", "Bitte wählen Sie eine Kategorie aus der Liste.");

            if (note.Length > StatisticsObservation.MaxNoteLength)
                Problem("Note", "Anmerkung", FigureImportTexts.TooLong, note.Length, StatisticsObservation.MaxNoteLength);
            else if (note.FirstOrDefault(char.IsControl) is var control && control != default)
                Problem("Note", "Anmerkung", FigureImportTexts.ControlCharacter, ((int)control).ToString("X4", CultureInfo.InvariantCulture));

            var value = StatisticsValues.ReadValue(valueText);
            decimal? amount = null;
            if (value.Problem is { } p) Problem("Value", "Wert", p.Message, p.Arguments.Cast<object>().ToArray());
            else if (value.IsEmpty && note.Length == 0) Problem("Value", "Wert", FigureImportTexts.ValueMissing);
            else if (value.IsMissing && note.Length == 0) note = value.MissingNote!;
            else amount = value.Value;

            if (period is not { } day) continue;
            var figure = new Figure(day, category, amount, note);
            if (seen.TryGetValue(figure.Key, out var first))
            {
                var what = StatisticsValues.FormatPeriod(day, PeriodKind) + (category is null ? "" : " · " + category);
                Problem("Period", "Zeitraum", FigureImportTexts.DuplicateFigure, what, first);
                continue;
            }
            seen[figure.Key] = number;
            figures.Add(figure);
        }
        return figures;
    }

    private void AddBlankRows()
    {
        for (var i = 0; i < BlankRows && Rows.Count < MaxRows; i++) Rows.Add(new FigureRow());
    }

    private async Task<StatisticsDataset?> LoadAsync(int id, CancellationToken ct)
    {
        var dataset = await db.StatisticsDatasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dataset is null) return null;
        (DatasetId, DatasetTitle, PeriodKind, CategoryLabel, Unit) = (dataset.Id, dataset.Title, dataset.PeriodKind, dataset.CategoryLabel, dataset.Unit);
        FigureCount = await db.StatisticsObservations.CountAsync(o => o.DatasetId == id, ct);
        Categories = (await db.StatisticsCategories.AsNoTracking().Where(c => c.DatasetId == id).OrderBy(c => c.Position).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
        return dataset;
    }

    public string? ErrorAt(int row, string field) => ModelState[$"Rows[{row}].{field}"]?.Errors.FirstOrDefault()?.ErrorMessage;

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Statistiken"], StatisticsUrls.List(Municipality.Slug)),
        new(DatasetTitle, StatisticsUrls.Edit(Municipality.Slug, DatasetId)), new(l["Werte"]),
    ];
}
