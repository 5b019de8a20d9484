using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Manage;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Markdown;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Plans.Sections;

/// <summary>Create or edit a narrative section of a plan; a stale form shows both versions side by side. A retrospective
/// also names which of the municipality's datasets it shows, in order (a draft may be chosen; it is shown once public).
/// A change of the datasets alone also raises the section's version and is recorded in the plan's history as the
/// section's field <see cref="DatasetsField"/>.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class SectionEditModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer, MarkdownRenderer markdown,
    TimeProvider clock) : ManagePageModel
{
    public const string DatasetsField = "Datasets";

    public sealed class SectionInput
    {
        [Display(Name = "Titel")]
        [Required(ErrorMessage = "Bitte geben Sie einen Titel für den Abschnitt an.")]
        [StringLength(PlanSection.MaxTitleLength, ErrorMessage = "Der Titel des Abschnitts darf höchstens {1} Zeichen lang sein.")]
        public string? Title { get; set; }

        [Display(Name = "Text")]
        public string? Body { get; set; }

        [Display(Name = "Art des Abschnitts")]
        public PlanSectionKind Kind { get; set; }

        /// <summary>One row per dataset of the municipality, as the form lists them.</summary>
        public List<DatasetChoice> Datasets { get; set; } = [];

        [Display(Name = "Grund der Änderung")]
        [StringLength(1000, ErrorMessage = "Der Grund der Änderung darf höchstens {1} Zeichen lang sein.")]
        public string? Reason { get; set; }

        public int Version { get; set; }
    }

    public sealed class DatasetChoice
    {
        public int DatasetId { get; set; }
        public bool Chosen { get; set; }
        [Range(1, 999, ErrorMessage = "Die Position einer Datenreihe ist eine Zahl von 1 bis 999.")]
        public int? Position { get; set; }
    }

    /// <summary>A dataset the team can choose: drafts too, marked as such.</summary>
    public sealed record DatasetOption(int Id, string Code, string Title, bool IsPublic);

    [BindProperty]
    public SectionInput Input { get; set; } = new();

    public int PlanId { get; private set; }

    public string PlanTitle { get; private set; } = "";

    public int? SectionId { get; private set; }

    public bool IsNew => SectionId is null;

    public IReadOnlyDictionary<int, DatasetOption> Options { get; private set; } = new Dictionary<int, DatasetOption>();

    public static string RowKey(int index, string field) => string.Create(CultureInfo.InvariantCulture, $"Input.Datasets[{index}].{field}");

    public async Task<IActionResult> OnGetAsync(int planId, string id, CancellationToken ct)
    {
        if (!TryParseKey(id, out var key) || !await LoadAsync(planId, key, ct)) return NotFound();
        List<int> chosen = [];
        if (key is int existing)
        {
            var s = await db.PlanSections.AsNoTracking().FirstAsync(x => x.Id == existing, ct);
            Input = new SectionInput { Title = s.Title, Body = s.Body, Kind = s.Kind, Version = s.Version };
            chosen = await ChosenAsync(existing, ct);
        }
        Input.Datasets = Rows(chosen);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, string id, CancellationToken ct)
    {
        if (!TryParseKey(id, out var key) || !await LoadAsync(planId, key, ct)) return NotFound();
        var section = key is int existing ? await db.PlanSections.FirstAsync(x => x.Id == existing, ct) : null;
        var wanted = WantedDatasets();
        if (section is not null && section.Version != Input.Version) await ShowConflictAsync(section);
        await CheckImageReferencesAsync(planId, ct);
        if (!ModelState.IsValid || Conflict is not null || wanted is null)
        {
            KeepRows();
            return Page();
        }

        var isNew = section is null;
        if (section is null)
        {
            var last = await db.PlanSections.Where(x => x.PlanId == planId).MaxAsync(x => (int?)x.Position, ct) ?? 0;
            section = db.PlanSections.Add(new PlanSection { PlanId = planId, Title = "", Position = last + 1 }).Entity;
        }
        db.Entry(section).Property(x => x.Version).OriginalValue = Input.Version;
        section.Title = Input.Title!.Trim();
        section.Body = Input.Body ?? "";
        section.Kind = Input.Kind;
        var stored = isNew ? [] : await db.PlanSectionDatasets.Where(x => x.SectionId == section.Id).OrderBy(x => x.Position).ThenBy(x => x.Id).ToListAsync(ct);
        var before = stored.Select(x => x.DatasetId).ToList();
        var datasetsChanged = !before.SequenceEqual(wanted);
        if (datasetsChanged)
        {
            db.PlanSectionDatasets.RemoveRange(stored.Where(x => !wanted.Contains(x.DatasetId)));
            for (var i = 0; i < wanted.Count; i++)
            {
                if (stored.FirstOrDefault(x => x.DatasetId == wanted[i]) is { } row) row.Position = i + 1;
                else section.Datasets.Add(new PlanSectionDataset { DatasetId = wanted[i], Position = i + 1 });
            }
            // The rows are the section's: a change of them alone is a change of the section (its version, its history).
            if (!isNew) db.Entry(section).Property(x => x.Version).IsModified = true;
        }
        var sectionId = section.Id;
        return await SaveEditAsync(db, cache, Input.Reason, async () =>
            {
                await db.SaveChangesAsync(ct);
                if (!datasetsChanged) return;
                var record = await ChangeRecords.AddAsync(db, ChangeEntityTypes.Section, section.Id, section.Title, ChangeAction.Updated,
                    clock.GetUtcNow(), [new ChangeRecordField { Field = DatasetsField, OldValue = Names(before), NewValue = Names(wanted) }], ct);
                record.PlanId = planId;
                await db.SaveChangesAsync(ct);
            },
            () => db.PlanSections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == sectionId, ct), async stored =>
            {
                await ShowConflictAsync(stored);
                KeepRows();
            },
            () => (isNew ? localizer["Der Abschnitt „{0}“ wurde angelegt.", section.Title] : localizer["Der Abschnitt „{0}“ wurde gespeichert.", section.Title],
                PlanUrl(planId, "/sections")));
    }

    /// <summary>The chosen datasets' ids in the chosen order (by position, then as listed); none for a text section.
    /// Null, with a message, when a row names a dataset that is not one of the municipality's (a forged form) or names one twice.</summary>
    private List<int>? WantedDatasets()
    {
        var seen = new HashSet<int>();
        var ok = true;
        for (var i = 0; i < Input.Datasets.Count; i++)
        {
            var row = Input.Datasets[i];
            if (!Options.ContainsKey(row.DatasetId) || !seen.Add(row.DatasetId))
            {
                ModelState.AddModelError("", localizer["Die Datenreihe Nr. {0} gibt es in dieser Kommune nicht oder sie ist doppelt genannt. Es wurde nichts gespeichert; laden Sie die Seite neu und wählen Sie erneut.", row.DatasetId]);
                ok = false;
            }
        }
        if (!ok) return null;
        if (Input.Kind != PlanSectionKind.Retrospective) return [];
        return Input.Datasets.Select((row, index) => (row, index)).Where(x => x.row.Chosen)
            .OrderBy(x => x.row.Position ?? int.MaxValue).ThenBy(x => x.index).Select(x => x.row.DatasetId).ToList();
    }

    private string? Names(List<int> ids) =>
        ids.Count == 0 ? null : string.Join("; ", ids.Select(i => Options.TryGetValue(i, out var o) ? o.Title + " (" + o.Code + ")" : i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The form's rows: the chosen datasets in their order first, then the others by title.</summary>
    private List<DatasetChoice> Rows(List<int> chosen) =>
        chosen.Where(Options.ContainsKey).Select((id, i) => new DatasetChoice { DatasetId = id, Chosen = true, Position = i + 1 })
            .Concat(Options.Values.Where(o => !chosen.Contains(o.Id)).Select(o => new DatasetChoice { DatasetId = o.Id }))
            .ToList();

    /// <summary>After a refused post the form keeps the editor's rows; rows that do not name one of the municipality's
    /// datasets are dropped, and datasets the form did not list are added unchosen.</summary>
    private void KeepRows()
    {
        var kept = Input.Datasets.Where(r => Options.ContainsKey(r.DatasetId)).DistinctBy(r => r.DatasetId).ToList();
        kept.AddRange(Options.Keys.Where(id => kept.All(r => r.DatasetId != id)).Select(id => new DatasetChoice { DatasetId = id }));
        Input.Datasets = kept;
    }

    private Task<List<int>> ChosenAsync(int sectionId, CancellationToken ct) =>
        db.PlanSectionDatasets.AsNoTracking().Where(x => x.SectionId == sectionId).OrderBy(x => x.Position).ThenBy(x => x.Id).Select(x => x.DatasetId).ToListAsync(ct);

    /// <summary>Every <c>image:N</c> the text refers to must be an image of this plan.</summary>
    private async Task CheckImageReferencesAsync(int planId, CancellationToken ct)
    {
        var wanted = markdown.ImageNumbers(Input.Body).Distinct().ToList();
        if (wanted.Count == 0) return;
        var existing = await db.PlanImages.AsNoTracking().Where(i => i.PlanId == planId && wanted.Contains(i.Number)).Select(i => i.Number).ToListAsync(ct);
        foreach (var number in wanted.Except(existing))
        {
            ModelState.AddModelError("Input.Body", localizer["Der Text verweist auf Bild {0} ({1}), aber dieser Plan hat kein Bild {0}. Laden Sie es unter „Bilder“ hoch oder korrigieren Sie die Nummer.",
                number, MarkdownRenderer.ImagePrefix + number.ToString(CultureInfo.InvariantCulture)]);
        }
    }

    private async Task ShowConflictAsync(PlanSection stored)
    {
        ModelState.AddModelError("", localizer["Dieser Abschnitt wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        var storedDatasets = await ChosenAsync(stored.Id, HttpContext.RequestAborted);
        var mine = Input.Kind == PlanSectionKind.Retrospective
            ? Input.Datasets.Select((row, index) => (row, index)).Where(x => x.row.Chosen && Options.ContainsKey(x.row.DatasetId))
                .OrderBy(x => x.row.Position ?? int.MaxValue).ThenBy(x => x.index).Select(x => x.row.DatasetId).ToList()
            : [];
        Conflict = new EditConflict()
            .Compare(localizer["Titel"], Input.Title, stored.Title)
            .Compare(localizer["Text"], Input.Body, stored.Body)
            .Compare(localizer["Art des Abschnitts"], localizer[KindText(Input.Kind)], localizer[KindText(stored.Kind)])
            .Compare(localizer["Datenreihen"], Names(mine), Names(storedDatasets));
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    /// <summary>The German name (a text key) of a kind of section.</summary>
    public static string KindText(PlanSectionKind kind) => kind == PlanSectionKind.Retrospective ? "Rückblick" : "Text";

    private async Task<bool> LoadAsync(int planId, int? sectionId, CancellationToken ct)
    {
        var title = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null) return false;
        if (sectionId is int id && !await db.PlanSections.AnyAsync(x => x.Id == id && x.PlanId == planId, ct)) return false;
        (PlanId, PlanTitle, SectionId) = (planId, title, sectionId);
        // The query filter keeps to the municipality: another's dataset is never an option.
        Options = (await db.StatisticsDatasets.AsNoTracking().OrderBy(d => d.Title).ThenBy(d => d.Code)
            .Select(d => new DatasetOption(d.Id, d.Code, d.Title, d.IsPublic)).ToListAsync(ct)).ToDictionary(d => d.Id);
        return true;
    }
}

/// <summary>The plan's sections in order: move up or down, delete.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class SectionListModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer) : ManagePageModel
{
    public sealed record Row(int Id, string Title, int Version);

    public int PlanId { get; private set; }

    public string PlanTitle { get; private set; } = "";

    public IReadOnlyList<Row> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct) =>
        await LoadAsync(planId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int planId, int sectionId, string direction, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        var sections = await db.PlanSections.Where(x => x.PlanId == planId).OrderBy(x => x.Position).ThenBy(x => x.Id).ToListAsync(ct);
        var index = sections.FindIndex(x => x.Id == sectionId);
        if (index < 0) return NotFound();
        var other = direction == "Up" ? index - 1 : index + 1;
        if (other >= 0 && other < sections.Count)
        {
            (sections[index], sections[other]) = (sections[other], sections[index]);
            for (var i = 0; i < sections.Count; i++) sections[i].Position = i + 1;
            await db.SaveChangesAsync(ct);
        }
        return await SavedAsync(cache, localizer["Die Reihenfolge der Abschnitte wurde gespeichert."], PlanUrl(planId, "/sections"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int planId, int sectionId, int version, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        var section = await db.PlanSections.FirstOrDefaultAsync(x => x.Id == sectionId && x.PlanId == planId, ct);
        if (section is null) return NotFound();
        db.Entry(section).Property(x => x.Version).OriginalValue = version;
        db.Remove(section);
        db.Author.Because(reason);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", localizer["Dieser Abschnitt wurde inzwischen von jemand anderem geändert. Prüfen Sie ihn und löschen Sie ihn gegebenenfalls erneut."]);
            await LoadAsync(planId, ct);
            return Page();
        }
        return await SavedAsync(cache, localizer["Der Abschnitt „{0}“ wurde gelöscht.", section.Title], PlanUrl(planId, "/sections"));
    }

    private async Task<bool> LoadAsync(int planId, CancellationToken ct)
    {
        var title = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null) return false;
        (PlanId, PlanTitle) = (planId, title);
        Sections = await db.PlanSections.AsNoTracking().Where(x => x.PlanId == planId).OrderBy(x => x.Position).ThenBy(x => x.Id)
            .Select(x => new Row(x.Id, x.Title, x.Version)).ToListAsync(ct);
        return true;
    }

    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
