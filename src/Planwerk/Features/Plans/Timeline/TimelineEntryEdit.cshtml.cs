using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Time;
using Planwerk.Data;
using Planwerk.Features.Plans.Manage;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Plans.Timeline;

/// <summary>Adds, changes and deletes one entry of a plan's timeline. Dates are entered as the timeline
/// shows them ("05.07.2019", "März 2019", "2. Quartal 2019", "2017"); links may point only to this
/// plan's rounds and to this municipality's workshops, papers and meetings.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class TimelineEntryEditModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer) : ManagePageModel
{
    public sealed class EntryInput
    {
        [Display(Name = "Art")]
        public TimelineEntryKind Kind { get; set; }

        [Display(Name = "Beginn oder Datum")]
        public string? Start { get; set; }

        [Display(Name = "Ende")]
        public string? End { get; set; }

        [Display(Name = "Titel")]
        [Required(ErrorMessage = "Bitte geben Sie einen Titel für den Eintrag an.")]
        [StringLength(TimelineEntry.MaxTitleLength, ErrorMessage = "Der Titel des Eintrags darf höchstens {1} Zeichen lang sein.")]
        public string? Title { get; set; }

        [Display(Name = "Tätigkeiten")]
        [StringLength(TimelineEntry.MaxActivitiesLength, ErrorMessage = "Die Tätigkeiten dürfen zusammen höchstens {1} Zeichen lang sein.")]
        public string? Activities { get; set; }

        [Display(Name = "Beteiligungsrunde")]
        public int? RoundId { get; set; }

        [Display(Name = "Workshop")]
        public int? WorkshopId { get; set; }

        [Display(Name = "Vorlage")]
        public int? PaperId { get; set; }

        [Display(Name = "Sitzung")]
        public int? MeetingId { get; set; }

        public int Version { get; set; }
    }

    [BindProperty]
    public EntryInput Input { get; set; } = new();

    public int PlanId { get; private set; }

    public string PlanTitle { get; private set; } = "";

    public int? EntryId { get; private set; }

    public bool IsNew => EntryId is null;

    public IReadOnlyList<SelectListItem> Rounds { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Workshops { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Papers { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Meetings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, string entryId, CancellationToken ct)
    {
        if (!TryParseKey(entryId, out var id) || !await LoadPlanAsync(planId, ct)) return NotFound();
        EntryId = id;
        if (id is int existing)
        {
            var entry = await db.TimelineEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == existing && e.PlanId == planId, ct);
            if (entry is null) return NotFound();
            Fill(entry);
        }
        else
        {
            Input.Kind = TimelineEntryKind.Event;
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, string entryId, CancellationToken ct)
    {
        if (!TryParseKey(entryId, out var id) || !await LoadPlanAsync(planId, ct)) return NotFound();
        EntryId = id;
        TimelineEntry? entry = null;
        if (id is int existing)
        {
            entry = await db.TimelineEntries.FirstOrDefaultAsync(e => e.Id == existing && e.PlanId == planId, ct);
            if (entry is null) return NotFound();
        }
        NameTheChoice("Input.Kind", localizer["Bitte wählen Sie die Art des Eintrags aus der Liste."]);
        await LoadChoicesAsync(ct);
        CoarseDate start = default;
        CoarseDate? end = null;
        if (!CoarseDate.TryParse(Input.Start, out start, out var startProblem))
            ModelState.AddModelError("Input.Start", localizer["Beginn oder Datum"] + ": " + localizer[startProblem!, Input.Start ?? ""]);
        if (!string.IsNullOrWhiteSpace(Input.End))
        {
            if (Input.Kind != TimelineEntryKind.Phase)
                ModelState.AddModelError("Input.End", localizer["Ein Ende hat nur eine Phase. Wählen Sie „Phase“ oder lassen Sie das Ende leer."]);
            else if (!CoarseDate.TryParse(Input.End, out var e, out var endProblem))
                ModelState.AddModelError("Input.End", localizer["Ende"] + ": " + localizer[endProblem!, Input.End]);
            else if (startProblem is null && (e.Start < start.Start || e.End < start.End))
                ModelState.AddModelError("Input.End", localizer["Das Ende darf nicht vor dem Beginn liegen."]);
            else end = e;
        }
        Check("Input.RoundId", Input.RoundId, Rounds, "Bitte wählen Sie die Beteiligungsrunde aus der Liste.");
        Check("Input.WorkshopId", Input.WorkshopId, Workshops, "Bitte wählen Sie den Workshop aus der Liste.");
        Check("Input.PaperId", Input.PaperId, Papers, "Bitte wählen Sie die Vorlage aus der Liste.");
        Check("Input.MeetingId", Input.MeetingId, Meetings, "Bitte wählen Sie die Sitzung aus der Liste.");
        if (!ModelState.IsValid) return Page();

        var isNew = entry is null;
        entry ??= db.TimelineEntries.Add(new TimelineEntry { PlanId = planId, Title = "" }).Entity;
        ExpectVersion(db, entry, Input.Version);
        entry.Kind = Input.Kind;
        (entry.StartDate, entry.StartPrecision) = (start.Start, start.Precision);
        (entry.EndDate, entry.EndPrecision) = end is CoarseDate e2 ? (e2.Start, e2.Precision) : ((DateOnly?)null, (DatePrecision?)null);
        entry.Title = Input.Title!.Trim();
        entry.Activities = string.Join("\n", PlanTimeline.Lines((Input.Activities ?? "").Replace("\r", "", StringComparison.Ordinal)));
        entry.RoundId = Input.RoundId;
        entry.WorkshopId = Input.WorkshopId;
        entry.PaperId = Input.PaperId;
        entry.MeetingId = Input.MeetingId;
        var saving = entry;
        return await SaveEditAsync(db, cache, null,
            save: () => db.SaveChangesAsync(ct),
            reload: () => db.TimelineEntries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == saving.Id, ct),
            showConflict: stored => ShowConflict(stored),
            saved: () => (isNew ? localizer["Der Eintrag wurde der Zeitleiste hinzugefügt."] : localizer["Der Eintrag wurde gespeichert."], PlanUrl(planId, "/timeline")));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int planId, string entryId, int version, CancellationToken ct)
    {
        if (!TryParseKey(entryId, out var id) || id is not int existing || !await LoadPlanAsync(planId, ct)) return NotFound();
        var deleted = await db.TimelineEntries.Where(e => e.Id == existing && e.PlanId == planId && e.Version == version).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            var stored = await db.TimelineEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == existing && e.PlanId == planId, ct);
            if (stored is null) return NotFound();
            EntryId = existing;
            Fill(stored);
            await LoadChoicesAsync(ct);
            ModelState.AddModelError("", localizer["Dieser Eintrag wurde inzwischen von jemand anderem geändert und nicht gelöscht. Prüfen Sie ihn und löschen Sie ihn dann erneut."]);
            return Page();
        }
        return await SavedAsync(cache, localizer["Der Eintrag wurde aus der Zeitleiste gelöscht."], PlanUrl(planId, "/timeline"));
    }

    private void Check(string key, int? value, IReadOnlyList<SelectListItem> offered, string message)
    {
        NameTheChoice(key, localizer[message]);
        if (value is int v && offered.All(o => o.Value != v.ToString(CultureInfo.InvariantCulture)))
            ModelState.AddModelError(key, localizer[message]);
    }

    private void Fill(TimelineEntry entry)
    {
        ModelState.Clear();
        Input = new EntryInput
        {
            Kind = entry.Kind,
            Start = new CoarseDate(entry.StartDate, entry.StartPrecision).InputText,
            End = entry.EndDate is DateOnly end ? new CoarseDate(end, entry.EndPrecision ?? DatePrecision.Day).InputText : "",
            Title = entry.Title, Activities = entry.Activities,
            RoundId = entry.RoundId, WorkshopId = entry.WorkshopId, PaperId = entry.PaperId, MeetingId = entry.MeetingId,
            Version = entry.Version,
        };
    }

    private void ShowConflict(TimelineEntry stored)
    {
        ModelState.AddModelError("", localizer["Dieser Eintrag wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = new EditConflict()
            .Compare(localizer["Beginn oder Datum"], Input.Start, new CoarseDate(stored.StartDate, stored.StartPrecision).InputText)
            .Compare(localizer["Ende"], Input.End, stored.EndDate is DateOnly end ? new CoarseDate(end, stored.EndPrecision ?? DatePrecision.Day).InputText : "")
            .Compare(localizer["Titel"], Input.Title, stored.Title)
            .Compare(localizer["Tätigkeiten"], Input.Activities, stored.Activities);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task<bool> LoadPlanAsync(int planId, CancellationToken ct)
    {
        var title = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null) return false;
        (PlanId, PlanTitle) = (planId, title);
        return true;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var none = new SelectListItem(localizer["(keine)"], "");
        static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
        static string When(DateTimeOffset at) => BerlinTime.Date(at);
        var rounds = await db.ConsultationRounds.AsNoTracking().Where(r => r.PlanId == PlanId).OrderBy(r => r.OpensAt)
            .Select(r => new { r.Id, r.Title, r.OpensAt }).ToListAsync(ct);
        Rounds = rounds.Select(r => new SelectListItem($"{r.Title} ({When(r.OpensAt)})", Id(r.Id))).Prepend(none).ToList();
        var workshops = await db.Workshops.AsNoTracking().OrderBy(w => w.StartsAt).Select(w => new { w.Id, w.Title, w.StartsAt }).ToListAsync(ct);
        Workshops = workshops.Select(w => new SelectListItem($"{w.Title} ({When(w.StartsAt)})", Id(w.Id))).Prepend(none).ToList();
        var papers = await db.Papers.AsNoTracking().OrderBy(p => p.Date).ThenBy(p => p.Reference).Select(p => new { p.Id, p.Reference, p.Name }).ToListAsync(ct);
        Papers = papers.Select(p => new SelectListItem($"{p.Reference} {p.Name}", Id(p.Id))).Prepend(none).ToList();
        var meetings = await db.Meetings.AsNoTracking().OrderBy(m => m.Start).Select(m => new { m.Id, m.Name, m.Start }).ToListAsync(ct);
        Meetings = meetings.Select(m => new SelectListItem($"{m.Name} ({When(m.Start)})", Id(m.Id))).Prepend(none).ToList();
    }
}
