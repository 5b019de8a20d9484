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

/// <summary>Edits one agenda item of a meeting: number, order, name, public or not, reading, the paper it treats and its
/// result. Saved against the version the form was loaded with, so a second clerk's change is shown, not overwritten.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AgendaItemModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> l) : CouncilPageModel
{
    /// <summary>What came from the council information system is not changed here (<see cref="OParlImport.ImportedCouncilObjects"/>).</summary>
    public override Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next) =>
        base.OnPageHandlerExecutionAsync(context, async () => (await OParlImport.ImportedCouncilObjects.GuardAsync(this, context, next, OParlImport.ImportedKind.AgendaItem, "itemId"))!);

    [BindProperty]
    public AgendaItemInput Item { get; set; } = new();

    public int MeetingId { get; private set; }

    public string MeetingName { get; private set; } = "";

    public string StoredName { get; private set; } = "";

    public IReadOnlyList<MeetingModel.SelectListItemData> Papers { get; private set; } = [];

    public IReadOnlyList<AgendaItemUses.PaperUse> UsedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int meetingId, int itemId, CancellationToken ct)
    {
        if (await FindAsync(meetingId, itemId, ct) is not { } item) return NotFound();
        Item = AgendaItemInput.Of(item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int meetingId, int itemId, CancellationToken ct)
    {
        if (await FindAsync(meetingId, itemId, ct) is not { } item) return NotFound();
        NameTheChoice("Item.Order", l["Reihenfolge: Bitte geben Sie eine ganze Zahl an."]);
        NameTheChoice("Item.PaperId", l["Bitte wählen Sie die Vorlage aus der Liste."]);
        NameTheChoice("Item.Reading", l["Lesung: Bitte wählen Sie aus der Liste."]);
        Item.Validate(ModelState, "Item.", Papers.Select(p => p.Id), l);
        if (item.Version != Item.Version) ShowConflict(item);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        ExpectVersion(db, item, Item.Version);
        Item.ApplyTo(item);
        return await SaveEditAsync(db, cache, null,
            save: () => db.SaveChangesAsync(ct),
            reload: () => db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct),
            showConflict: ShowConflict,
            saved: () => (l["Der Tagesordnungspunkt „{0}“ wurde gespeichert.", item.Name], CouncilText.MeetingUrl(Municipality.Slug, meetingId) + "#agenda"));
    }

    private void ShowConflict(AgendaItem stored)
    {
        ModelState.AddModelError("", l["Dieser Tagesordnungspunkt wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        string Paper(int? id) => id is int p ? Papers.FirstOrDefault(x => x.Id == p)?.Text ?? "" : "";
        Conflict = new EditConflict()
            .Compare(l["Nummer"], Item.TrimmedNumber, stored.Number)
            .Compare(l["Reihenfolge"], Item.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.Order.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Compare(l["Name"], Item.TrimmedName, stored.Name)
            .Compare(l["Öffentlich"], Item.IsPublic ? l["ja"] : l["nein"], stored.IsPublic ? l["ja"] : l["nein"])
            .Compare(l["Lesung"], l[CouncilText.Reading(Item.Reading)], l[CouncilText.Reading(stored.Reading)])
            .Compare(l["Vorlage"], Paper(Item.PaperId), Paper(stored.PaperId))
            .Compare(l["Ergebnis in Worten"], Item.TrimmedResult, stored.Result);
        ModelState.Remove("Item.Version");
        Item.Version = stored.Version;
    }

    private async Task<AgendaItem?> FindAsync(int meetingId, int itemId, CancellationToken ct)
    {
        var item = await db.AgendaItems.Include(i => i.Meeting).FirstOrDefaultAsync(i => i.Id == itemId && i.MeetingId == meetingId, ct);
        if (item is null) return null;
        MeetingId = meetingId;
        MeetingName = item.Meeting!.Name;
        StoredName = item.Name;
        Papers = await db.Papers.AsNoTracking().OrderBy(p => p.Reference).Select(p => new MeetingModel.SelectListItemData(p.Id, p.Reference + " " + p.Name)).ToListAsync(ct);
        UsedBy = await AgendaItemUses.PapersAsync(db, itemId, ct);
        return item;
    }
}
