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

/// <summary>A dataset's own fields (new at <c>…/statistics/new</c>): what it counts, its source and licence, the time it
/// covers, how often it is updated, whether it has years or days, what its categories are and whether it is public.
/// Checked as a whole, each problem at its field; saved against the version the form was loaded with (a stale form
/// shows what changed and keeps the input) and recorded in the dataset's history.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class DatasetEditModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    [BindProperty]
    public DatasetInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public int? DatasetId { get; private set; }

    public string StoredTitle { get; private set; } = "";

    public int FigureCount { get; private set; }

    private StatisticsDataset? stored;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refusal) return refusal;
        if (stored is not null)
        {
            Input = DatasetEntry.ToInput(stored);
            Version = stored.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refusal) return refusal;
        NameTheChoice("Input.Frequency", l["Aktualisierung: Bitte wählen Sie aus der Liste."]);
        NameTheChoice("Input.PeriodKind", l["Art des Zeitraums: Bitte wählen Sie aus der Liste."]);
        NameTheChoice("Input.ChartKind", l["Diagramm: Bitte wählen Sie aus der Liste."]);
        if (!ModelState.IsValid) return Page();
        var code = Input.Code?.Trim() ?? "";
        var taken = await db.StatisticsDatasets.AnyAsync(d => d.Code == code && d.Id != (DatasetId ?? 0), ct);
        var problems = DatasetEntry.Check(Input, taken, stored?.PeriodKind, FigureCount > 0, nameof(Input));
        foreach (var problem in problems) ModelState.AddModelError(problem.Key, l[problem.Text, problem.Args]);
        if (problems.Count > 0) return Page();
        if (stored is not null && stored.Version != Version) return ShowConflict(stored);

        var now = clock.GetUtcNow();
        StatisticsDataset? saved = null;
        return await SaveEditAsync(db, cache, null, async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var before = stored is null ? null : DatasetEntry.Describe(stored);
                if (stored is null)
                {
                    saved = new StatisticsDataset { Code = "", Title = "", CreatedAt = now, ModifiedAt = now };
                    db.StatisticsDatasets.Add(saved);
                }
                else
                {
                    saved = await db.StatisticsDatasets.FirstAsync(d => d.Id == stored.Id, ct);
                    ExpectVersion(db, saved, Version);
                    saved.ModifiedAt = now;
                }
                DatasetEntry.Apply(saved, Input);
                await db.SaveChangesAsync(ct);
                await StatisticsHistory.AddAsync(db, saved.Id, saved.Title, stored is null ? ChangeAction.Created : ChangeAction.Updated,
                    before, DatasetEntry.Describe(saved), now, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            },
            async () => stored is null ? null : await db.StatisticsDatasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == stored.Id, ct),
            s => { ShowConflict(s); },
            () => (l["Der Datensatz „{0}“ wurde gespeichert.", saved!.Title], StatisticsUrls.Edit(Municipality.Slug, saved.Id)));
    }

    /// <summary>Someone saved the dataset since the form was loaded: the stored fields beside the editor's, whose input stays.</summary>
    private PageResult ShowConflict(StatisticsDataset current)
    {
        ModelState.Clear();
        ModelState.AddModelError("", l["Dieser Datensatz wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = new EditConflict();
        var mine = new StatisticsDataset { Code = "", Title = "" };
        DatasetEntry.Apply(mine, Input);
        var theirs = DatasetEntry.Describe(current);
        foreach (var part in DatasetEntry.Describe(mine)) Conflict.Compare(l[part.Label], part.Value, theirs.First(p => p.Field == part.Field).Value);
        Version = current.Version;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        if (id is int datasetId)
        {
            stored = await db.StatisticsDatasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == datasetId, ct);
            if (stored is null) return NotFound();
            (DatasetId, StoredTitle) = (stored.Id, stored.Title);
            FigureCount = await db.StatisticsObservations.CountAsync(o => o.DatasetId == datasetId, ct);
        }
        return null;
    }

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Statistiken"], StatisticsUrls.List(Municipality.Slug)),
        new(DatasetId is null ? l["Neuer Datensatz"] : StoredTitle),
    ];
}
