using System.ComponentModel.DataAnnotations;
using Planwerk.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Council.Manage;

/// <summary>A meeting of a body (times entered in Europe/Berlin) with its agenda items.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MeetingModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> l) : CouncilPageModel
{
    /// <summary>What came from the council information system is not changed here (<see cref="OParlImport.ImportedCouncilObjects"/>).</summary>
    public override Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next) =>
        base.OnPageHandlerExecutionAsync(context, async () => (await OParlImport.ImportedCouncilObjects.GuardAsync(this, context, next, OParlImport.ImportedKind.Meeting, "key"))!);

    public sealed class MeetingInput
    {
        public int BodyId { get; set; }
        public string? Name { get; set; }
        [Display(Name = "Datum")]
        [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
        public DateOnly? StartDate { get; set; }
        /// <summary>Empty when only the day is known.</summary>
        public string? StartTime { get; set; }
        /// <summary>Empty for the day of the start.</summary>
        [Display(Name = "Ende (Datum)")]
        [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
        public DateOnly? EndDate { get; set; }
        public string? EndTime { get; set; }
        public bool IsSpecialSession { get; set; }
        public string? Location { get; set; }
        public MeetingState State { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    [BindProperty]
    public AgendaItemInput Item { get; set; } = new();

    public int? MeetingId { get; private set; }

    public string StoredName { get; private set; } = "";

    public IReadOnlyList<AgendaItem> Items { get; private set; } = [];

    /// <summary>The consultation each item treats, whose recorded result is shown where the item has no result in words.</summary>
    public IReadOnlyDictionary<int, AgendaItemResults.Treated> Treated { get; private set; } = new Dictionary<int, AgendaItemResults.Treated>();

    /// <summary>The papers whose path named the item a removal was refused for, to be offered as links.</summary>
    public IReadOnlyList<AgendaItemUses.PaperUse> BlockedRemoval { get; private set; } = [];

    public IReadOnlyList<SelectListItemData> Bodies { get; private set; } = [];

    public IReadOnlyList<SelectListItemData> Papers { get; private set; } = [];

    public sealed record SelectListItemData(int Id, string Text);

    public async Task<IActionResult> OnGetAsync(string key, int? body, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        await OptionsAsync(ct);
        if (id is null)
        {
            if (body is int b) Input.BodyId = b;
            return Page();
        }
        if (await FindAsync(id.Value, ct) is not { } meeting) return NotFound();
        Fill(meeting);
        Item = AgendaItemInput.Blank(Items.Count == 0 ? 1 : Items.Max(i => i.Order) + 1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        Meeting? meeting = null;
        if (id is not null && (meeting = await FindAsync(id.Value, ct)) is null) return NotFound();
        await OptionsAsync(ct);
        ClearItem();
        NameTheChoice("Input.State", l["Bitte wählen Sie den Stand der Sitzung aus der Liste."]);
        NameTheChoice("Input.BodyId", l["Bitte wählen Sie das Gremium aus der Liste."]);
        var name = Input.Name?.Trim() ?? "";
        var location = Input.Location?.Trim() ?? "";
        if (Bodies.All(b => b.Id != Input.BodyId)) ModelState.AddModelError("Input.BodyId", l["Bitte wählen Sie das Gremium aus der Liste."]);
        if (name.Length == 0) ModelState.AddModelError("Input.Name", l["Bitte geben Sie den Namen der Sitzung an."]);
        else if (name.Length > Meeting.MaxNameLength) ModelState.AddModelError("Input.Name", l["Der Name darf höchstens {0} Zeichen lang sein.", Meeting.MaxNameLength]);
        if (location.Length > 500) ModelState.AddModelError("Input.Location", l["Der Ort darf höchstens {0} Zeichen lang sein.", 500]);
        var (start, timeUnknown, end) = ReadTimes();
        if (!Enum.IsDefined(Input.State)) ModelState.AddModelError("Input.State", l["Bitte wählen Sie den Stand der Sitzung aus der Liste."]);
        if (meeting is not null && meeting.Version != Input.Version) ShowConflict(meeting);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        if (meeting is null)
        {
            meeting = new Meeting { Name = name };
            db.Meetings.Add(meeting);
        }
        else ExpectVersion(db, meeting, Input.Version);
        meeting.BodyId = Input.BodyId;
        meeting.Name = name;
        meeting.Start = start!.Value;
        meeting.StartTimeUnknown = timeUnknown;
        meeting.End = end;
        meeting.IsSpecialSession = Input.IsSpecialSession;
        meeting.Location = location;
        meeting.State = Input.State;
        return await SaveEditAsync(db, cache, null,
            save: () => db.SaveChangesAsync(ct),
            reload: () => db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meeting.Id, ct),
            showConflict: ShowConflict,
            saved: () => (l["Die Sitzung „{0}“ wurde gespeichert.", name], CouncilText.MeetingUrl(Municipality.Slug, meeting.Id)));
    }

    public async Task<IActionResult> OnPostAddItemAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null || await FindAsync(id.Value, ct) is not { } meeting) return NotFound();
        await OptionsAsync(ct);
        foreach (var k in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList()) ModelState.Remove(k);
        Fill(meeting);
        NameTheChoice("Item.Order", l["Reihenfolge: Bitte geben Sie eine ganze Zahl an."]);
        NameTheChoice("Item.PaperId", l["Bitte wählen Sie die Vorlage aus der Liste."]);
        NameTheChoice("Item.Reading", l["Lesung: Bitte wählen Sie aus der Liste."]);
        Item.Validate(ModelState, "Item.", Papers.Select(p => p.Id), l);
        if (!ModelState.IsValid) return Page();
        var item = new AgendaItem { MeetingId = meeting.Id, Name = "" };
        Item.ApplyTo(item);
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Der Tagesordnungspunkt „{0}“ wurde hinzugefügt.", item.Name], CouncilText.MeetingUrl(Municipality.Slug, meeting.Id) + "#agenda");
    }

    public async Task<IActionResult> OnPostRemoveItemAsync(string key, int itemId, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null || await FindAsync(id.Value, ct) is null) return NotFound();
        var item = await db.AgendaItems.FirstOrDefaultAsync(i => i.Id == itemId && i.MeetingId == id, ct);
        if (item is null) return NotFound();
        // A paper's path names the item; removing it would silently take the item out of that path.
        var users = await AgendaItemUses.PapersAsync(db, item.Id, ct);
        if (users.Count > 0)
        {
            await OptionsAsync(ct);
            ModelState.Clear();
            Fill(await FindAsync(id.Value, ct) ?? throw new InvalidOperationException("The meeting went away."));
            ClearItem();
            ModelState.AddModelError("", l["Der Tagesordnungspunkt „{0}“ wird in der Beratungsfolge der Vorlage {1} genannt und wurde deshalb nicht entfernt. Wählen Sie dort zuerst einen anderen Tagesordnungspunkt (oder keinen), oder ändern Sie diesen Punkt, statt ihn zu entfernen.",
                item.Name, string.Join(", ", users.Select(u => u.Reference))]);
            BlockedRemoval = users;
            return Page();
        }
        db.AgendaItems.Remove(item);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Der Tagesordnungspunkt „{0}“ wurde entfernt.", item.Name], CouncilText.MeetingUrl(Municipality.Slug, id.Value) + "#agenda");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null || await FindAsync(id.Value, ct) is not { } meeting) return NotFound();
        if (await db.PaperConsultations.AnyAsync(c => c.MeetingId == meeting.Id, ct))
        {
            await OptionsAsync(ct);
            ModelState.Clear();
            Fill(meeting);
            ClearItem();
            ModelState.AddModelError("", l["Die Sitzung „{0}“ ist in der Beratungsfolge einer Vorlage genannt und kann deshalb nicht gelöscht werden.", meeting.Name]);
            return Page();
        }
        // Loaded, so that their deletion is seen and kept for OParl (CouncilChanges).
        await db.AgendaItems.Where(i => i.MeetingId == meeting.Id).LoadAsync(ct);
        db.Meetings.Remove(meeting);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Die Sitzung „{0}“ wurde gelöscht.", meeting.Name], CouncilText.ManageUrl(Municipality.Slug));
    }

    /// <summary>Reads the date and times of the form, naming each field that is wrong: the date is required, its time
    /// optional (only the day known); an end needs a time (its date defaults to the start's) and a start with a time.</summary>
    private (DateTimeOffset? Start, bool TimeUnknown, DateTimeOffset? End) ReadTimes()
    {
        const string DateMessage = "Datum: Bitte geben Sie das Datum der Sitzung an (TT.MM.JJJJ).";
        NameTheChoice("Input.StartDate", l[DateMessage]);
        NameTheChoice("Input.EndDate", l["Ende (Datum): Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        if (Input.StartDate is null && (!ModelState.TryGetValue("Input.StartDate", out var entry) || entry.Errors.Count == 0))
            ModelState.AddModelError("Input.StartDate", l[DateMessage]);
        var startTime = CouncilText.ParseTime(Input.StartTime);
        if (!string.IsNullOrWhiteSpace(Input.StartTime) && startTime is null)
            ModelState.AddModelError("Input.StartTime", l["Uhrzeit: Bitte geben Sie die Uhrzeit als SS:MM an (z. B. 16:00) oder lassen Sie das Feld leer."]);
        var endTime = CouncilText.ParseTime(Input.EndTime);
        if (!string.IsNullOrWhiteSpace(Input.EndTime) && endTime is null)
            ModelState.AddModelError("Input.EndTime", l["Ende (Uhrzeit): Bitte geben Sie die Uhrzeit als SS:MM an (z. B. 18:00)."]);
        else if (endTime is null && Input.EndDate is not null)
            ModelState.AddModelError("Input.EndTime", l["Ende (Uhrzeit): Bitte geben Sie zum Datum des Endes auch die Uhrzeit an."]);
        else if (endTime is not null && startTime is null && string.IsNullOrWhiteSpace(Input.StartTime))
            ModelState.AddModelError("Input.EndTime", l["Ende (Uhrzeit): Ein Ende mit Uhrzeit setzt die Uhrzeit des Beginns voraus."]);
        if (Input.StartDate is not { } day || !BerlinTime.InRange(day) || (startTime is null && !string.IsNullOrWhiteSpace(Input.StartTime))) return (null, false, null);
        var start = CouncilText.Moment(day, startTime);
        if (start is null)
        {
            ModelState.AddModelError("Input.StartTime", l["Uhrzeit: Diese Uhrzeit gibt es an diesem Tag nicht (Umstellung auf Sommerzeit)."]);
            return (null, false, null);
        }
        if (endTime is null || startTime is null || (Input.EndDate is { } ed && !BerlinTime.InRange(ed))) return (start, startTime is null, null);
        var end = CouncilText.Moment(Input.EndDate ?? day, endTime);
        if (end is null) ModelState.AddModelError("Input.EndTime", l["Ende (Uhrzeit): Diese Uhrzeit gibt es an diesem Tag nicht (Umstellung auf Sommerzeit)."]);
        else if (end < start) ModelState.AddModelError("Input.EndTime", l["Ende: Das Ende darf nicht vor dem Beginn liegen."]);
        return (start, false, end);
    }

    private void Fill(Meeting meeting) => Input = new MeetingInput
    {
        BodyId = meeting.BodyId, Name = meeting.Name, StartDate = BerlinTime.Day(meeting.Start),
        StartTime = meeting.StartTimeUnknown ? "" : CouncilText.TimeInput(meeting.Start),
        EndDate = meeting.End is { } e && BerlinTime.Day(e) != BerlinTime.Day(meeting.Start) ? BerlinTime.Day(e) : null,
        EndTime = meeting.End is { } e2 ? CouncilText.TimeInput(e2) : "",
        IsSpecialSession = meeting.IsSpecialSession, Location = meeting.Location, State = meeting.State, Version = meeting.Version,
    };

    private void ClearItem()
    {
        foreach (var k in ModelState.Keys.Where(k => k.StartsWith("Item.", StringComparison.Ordinal)).ToList()) ModelState.Remove(k);
        Item = AgendaItemInput.Blank(Items.Count == 0 ? 1 : Items.Max(i => i.Order) + 1);
    }

    private void ShowConflict(Meeting stored)
    {
        ModelState.AddModelError("", l["Diese Sitzung wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = new EditConflict()
            .Compare(l["Gremium"], Bodies.FirstOrDefault(b => b.Id == Input.BodyId)?.Text, Bodies.FirstOrDefault(b => b.Id == stored.BodyId)?.Text)
            .Compare(l["Name"], Input.Name?.Trim(), stored.Name)
            .Compare(l["Beginn"], Input.StartDate is { } d ? CouncilText.MeetingStart(CouncilText.Moment(d, CouncilText.ParseTime(Input.StartTime)) ?? BerlinTime.StartOfDay(d), CouncilText.ParseTime(Input.StartTime) is null) : "",
                CouncilText.MeetingStart(stored.Start, stored.StartTimeUnknown))
            .Compare(l["Ende"], CouncilText.ParseTime(Input.EndTime) is { } et && Input.StartDate is { } sd ? CouncilText.Moment(Input.EndDate ?? sd, et) is { } em ? BerlinTime.DateAndTime(em) : "" : "",
                stored.End is { } e ? BerlinTime.DateAndTime(e) : "")
            .Compare(l["Sondersitzung"], Input.IsSpecialSession ? l["ja"] : l["nein"], stored.IsSpecialSession ? l["ja"] : l["nein"])
            .Compare(l["Ort"], Input.Location?.Trim(), stored.Location)
            .Compare(l["Stand"], l[CouncilText.State(Input.State)], l[CouncilText.State(stored.State)]);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task OptionsAsync(CancellationToken ct)
    {
        Bodies = await db.CouncilBodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new SelectListItemData(b.Id, b.Name)).ToListAsync(ct);
        Papers = await db.Papers.AsNoTracking().OrderBy(p => p.Reference).Select(p => new SelectListItemData(p.Id, p.Reference + " " + p.Name)).ToListAsync(ct);
    }

    private async Task<Meeting?> FindAsync(int id, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return null;
        MeetingId = id;
        StoredName = meeting.Name;
        Items = await db.AgendaItems.AsNoTracking().Include(i => i.Paper).Where(i => i.MeetingId == id).OrderBy(i => i.Order).ThenBy(i => i.Id).ToListAsync(ct);
        Treated = await AgendaItemResults.TreatedAsync(db, Items.Select(i => i.Id).ToList(), ct);
        return meeting;
    }
}
