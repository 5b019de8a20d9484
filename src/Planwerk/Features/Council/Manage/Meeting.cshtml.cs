using Planwerk.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.Manage;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Council.Manage;

/// <summary>A meeting of a body (times entered in Europe/Berlin) with its agenda items.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MeetingModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> l) : CouncilPageModel
{
    public sealed class MeetingInput
    {
        public int BodyId { get; set; }
        public string? Name { get; set; }
        public string? Start { get; set; }
        public string? End { get; set; }
        public string? Location { get; set; }
        public MeetingState State { get; set; }
        public int Version { get; set; }
    }

    public sealed class ItemInput
    {
        public string? Number { get; set; }
        public int Order { get; set; }
        public string? Name { get; set; }
        public bool IsPublic { get; set; } = true;
        public int? PaperId { get; set; }
        public string? Result { get; set; }
    }

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    [BindProperty]
    public ItemInput Item { get; set; } = new();

    public int? MeetingId { get; private set; }

    public string StoredName { get; private set; } = "";

    public IReadOnlyList<AgendaItem> Items { get; private set; } = [];

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
        Item.Order = Items.Count == 0 ? 1 : Items.Max(i => i.Order) + 1;
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
        var start = BerlinTime.Parse(Input.Start);
        if (start is null) ModelState.AddModelError("Input.Start", l["Beginn: Bitte geben Sie Datum und Uhrzeit zwischen 1900 und 2100 an (TT.MM.JJJJ HH:MM)."]);
        DateTimeOffset? end = null;
        if (!string.IsNullOrWhiteSpace(Input.End))
        {
            end = BerlinTime.Parse(Input.End);
            if (end is null) ModelState.AddModelError("Input.End", l["Ende: Bitte geben Sie Datum und Uhrzeit zwischen 1900 und 2100 an (TT.MM.JJJJ HH:MM)."]);
            else if (start is not null && end < start) ModelState.AddModelError("Input.End", l["Ende: Das Ende darf nicht vor dem Beginn liegen."]);
        }
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
        meeting.End = end;
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
        var number = Item.Number?.Trim() ?? "";
        var name = Item.Name?.Trim() ?? "";
        var result = Item.Result?.Trim() ?? "";
        if (number.Length > 40) ModelState.AddModelError("Item.Number", l["Die Nummer darf höchstens {0} Zeichen lang sein.", 40]);
        if (name.Length == 0) ModelState.AddModelError("Item.Name", l["Bitte geben Sie den Namen des Tagesordnungspunkts an."]);
        else if (name.Length > Paper.MaxNameLength) ModelState.AddModelError("Item.Name", l["Der Name darf höchstens {0} Zeichen lang sein.", Paper.MaxNameLength]);
        if (result.Length > 1000) ModelState.AddModelError("Item.Result", l["Das Ergebnis darf höchstens {0} Zeichen lang sein.", 1000]);
        if (Item.PaperId is int p && Papers.All(x => x.Id != p)) ModelState.AddModelError("Item.PaperId", l["Bitte wählen Sie die Vorlage aus der Liste."]);
        if (!ModelState.IsValid) return Page();
        db.AgendaItems.Add(new AgendaItem { MeetingId = meeting.Id, Number = number, Order = Item.Order, Name = name, IsPublic = Item.IsPublic, PaperId = Item.PaperId, Result = result });
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Der Tagesordnungspunkt „{0}“ wurde hinzugefügt.", name], CouncilText.MeetingUrl(Municipality.Slug, meeting.Id) + "#agenda");
    }

    public async Task<IActionResult> OnPostRemoveItemAsync(string key, int itemId, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null || await FindAsync(id.Value, ct) is null) return NotFound();
        var item = await db.AgendaItems.FirstOrDefaultAsync(i => i.Id == itemId && i.MeetingId == id, ct);
        if (item is null) return NotFound();
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
            ModelState.AddModelError("", l["Die Sitzung „{0}“ ist in der Beratungsfolge einer Vorlage genannt und kann deshalb nicht gelöscht werden.", meeting.Name]);
            return Page();
        }
        db.Meetings.Remove(meeting);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Die Sitzung „{0}“ wurde gelöscht.", meeting.Name], CouncilText.ManageUrl(Municipality.Slug));
    }

    private void Fill(Meeting meeting) => Input = new MeetingInput
    {
        BodyId = meeting.BodyId, Name = meeting.Name, Start = BerlinTime.ToInput(meeting.Start), End = meeting.End is { } e ? BerlinTime.ToInput(e) : "",
        Location = meeting.Location, State = meeting.State, Version = meeting.Version,
    };

    private void ClearItem()
    {
        foreach (var k in ModelState.Keys.Where(k => k.StartsWith("Item.", StringComparison.Ordinal)).ToList()) ModelState.Remove(k);
        Item = new ItemInput { Order = Items.Count == 0 ? 1 : Items.Max(i => i.Order) + 1 };
    }

    private void ShowConflict(Meeting stored)
    {
        ModelState.AddModelError("", l["Diese Sitzung wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = new EditConflict()
            .Compare(l["Gremium"], Bodies.FirstOrDefault(b => b.Id == Input.BodyId)?.Text, Bodies.FirstOrDefault(b => b.Id == stored.BodyId)?.Text)
            .Compare(l["Name"], Input.Name?.Trim(), stored.Name)
            .Compare(l["Beginn"], Input.Start, BerlinTime.ToInput(stored.Start))
            .Compare(l["Ende"], Input.End ?? "", stored.End is { } e ? BerlinTime.ToInput(e) : "")
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
        return meeting;
    }
}
