using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Statistics.Manage;

/// <summary>Importing a dataset's figures from a CSV or XLSX file in German format (<see cref="FigureImport"/>): upload,
/// check, preview (categories created, figures added, changed and, when the file replaces the table, removed; or every
/// problem by row and column with the cell's text), then apply all of it in one transaction or nothing. The preview
/// keeps no state on the server: the checked file comes back as a hidden field with the dataset's version, and is read
/// and compared again when applied; if the dataset changed meanwhile, nothing is applied and the new preview is shown.</summary>
[Authorize(Policy = Policies.PlanEditor)]
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit, ValueLengthLimit = UploadLimit)]
public sealed class DatasetImportModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    /// <summary>Room for the file (or its Base64 in the preview's form) and a little more, so a slightly too large file still gets a clear message.</summary>
    internal const int UploadLimit = 4 * FigureImport.MaxBytes;

    public const int ProblemsShown = 500;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The file replaces the dataset's figures: those it lacks are removed. Otherwise it adds and changes only.</summary>
    [BindProperty]
    public bool Replace { get; set; }

    /// <summary>The checked file, Base64, carried by the preview's form.</summary>
    [BindProperty]
    public string? FileContent { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public int DatasetId { get; private set; }

    public string DatasetTitle { get; private set; } = "";

    public StatisticsPeriodKind PeriodKind { get; private set; }

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public FigureChanges? Preview { get; private set; }

    public FigureTableShape Shape { get; private set; }

    private StatisticsDataset dataset = null!;

    private List<string> categories = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Checks an uploaded file and shows what applying it would do.</summary>
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        if (Upload is null || Upload.Length == 0)
        {
            Problems = [ImportProblem.InFile(Upload is null ? ImportTexts.NoFile : ImportTexts.EmptyFile)];
            return Page();
        }
        if (Upload.Length > FigureImport.MaxBytes)
        {
            Problems = [ImportProblem.InFile(FigureImportTexts.TooLarge, MeasureFiles.FormatSize(Upload.Length), MeasureFiles.FormatSize(FigureImport.MaxBytes))];
            return Page();
        }
        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        FileName = Path.GetFileName(Upload.FileName);
        if (await CheckAsync(content, ct)) FileContent = Convert.ToBase64String(content);
        Version = dataset.Version;
        return Page();
    }

    /// <summary>Applies a checked file, all of it or nothing.</summary>
    public async Task<IActionResult> OnPostApplyAsync(int id, CancellationToken ct)
    {
        var posted = Version;
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        byte[] content;
        try
        {
            content = Convert.FromBase64String(FileContent ?? "");
        }
        catch (FormatException)
        {
            Problems = [ImportProblem.InFile(FigureImportTexts.BrokenToken)];
            FileContent = null;
            return Page();
        }
        if (content.Length == 0)
        {
            Problems = [ImportProblem.InFile(FigureImportTexts.BrokenToken)];
            FileContent = null;
            return Page();
        }
        if (!await CheckAsync(content, ct))
        {
            FileContent = null;
            return Page();
        }
        if (posted != dataset.Version) return ChangedMeanwhile();

        var changes = Preview!;
        var now = clock.GetUtcNow();
        var shape = Shape;
        return await SaveEditAsync(db, cache, null, async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var tracked = await db.StatisticsDatasets.FirstAsync(d => d.Id == id, ct);
                ExpectVersion(db, tracked, posted);
                DatasetFiguresModel.Touch(db, tracked, now);
                await Figures.ApplyAsync(db, tracked, changes, ct);
                var what = string.Join(", ", new[] { FileName ?? "", shape == FigureTableShape.LongForm ? "lange Tabelle" : "breite Tabelle", Replace ? "ersetzt" : "ergänzt" }.Where(s => s.Length > 0));
                await StatisticsHistory.AddAsync(db, id, tracked.Title, ChangeAction.Updated, null, null, now, ct,
                    [(StatisticsHistory.ImportField, null, what), .. Figures.HistoryFields(changes, PeriodKind)]);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            },
            async () => await db.StatisticsDatasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct),
            async _ =>
            {
                await LoadAsync(id, ct);
                await CheckAsync(content, ct);
                ChangedMeanwhile();
            },
            () => (l["Die Datei wurde übernommen: {0} neue Kategorien, {1} Werte neu, {2} geändert, {3} entfernt.", changes.NewCategories.Count, changes.Added.Count,
                changes.Changed.Count, changes.Removed.Count], StatisticsUrls.Figures(Municipality.Slug, id)));
    }

    private PageResult ChangedMeanwhile()
    {
        ModelState.AddModelError("", l[FigureImportTexts.ChangedMeanwhile]);
        Version = dataset.Version;
        return Page();
    }

    /// <summary>Reads the file and compares it with the stored figures: the preview, or the problems.</summary>
    private async Task<bool> CheckAsync(byte[] content, CancellationToken ct)
    {
        var reading = FigureImport.Read(content, dataset.PeriodKind, dataset.CategoryLabel, categories);
        Shape = reading.Shape;
        if (!reading.Succeeded)
        {
            Problems = reading.Problems;
            Preview = null;
            return false;
        }
        var stored = await Figures.StoredAsync(db, dataset.Id, ct);
        Preview = Figures.Compare(stored, reading.Figures, categories, Replace);
        return true;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await db.StatisticsDatasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (found is null) return false;
        dataset = found;
        (DatasetId, DatasetTitle, PeriodKind) = (found.Id, found.Title, found.PeriodKind);
        categories = await db.StatisticsCategories.AsNoTracking().Where(c => c.DatasetId == id).OrderBy(c => c.Position).Select(c => c.Name).ToListAsync(ct);
        return true;
    }

    /// <summary>A problem in the reader's language, with its place.</summary>
    public string ProblemText(ImportProblem problem)
    {
        var text = l[problem.Message, problem.Arguments.Cast<object>().ToArray()].Value;
        return (problem.Row, problem.Column) switch
        {
            (int r, string c) => l["Zeile {0}, Spalte „{1}“: ", r, c].Value + text,
            (int r, null) => l["Zeile {0}: ", r].Value + text,
            _ => text,
        };
    }

    public string Line(Figure f) => Figures.Line(f, PeriodKind);

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Statistiken"], StatisticsUrls.List(Municipality.Slug)),
        new(DatasetTitle, StatisticsUrls.Edit(Municipality.Slug, DatasetId)), new(l["Werte importieren"]),
    ];
}
