using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Time;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Council.Manage;

/// <summary>A council body (Gremium): create, edit, or delete it while no meeting or consultation names it.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class BodyModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> l) : CouncilPageModel
{
    public sealed class BodyInput
    {
        public string? Name { get; set; }
        public string? ShortName { get; set; }
        public BodyClassification Classification { get; set; } = BodyClassification.Committee;
        [Display(Name = "Beginn")]
        [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
        public DateOnly? StartDate { get; set; }
        [Display(Name = "Ende")]
        [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
        public DateOnly? EndDate { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public BodyInput Input { get; set; } = new();

    public int? BodyId { get; private set; }

    public string StoredName { get; private set; } = "";

    /// <summary>Whether something keeps the body (<see cref="CouncilBodyUses"/>), so it cannot be deleted.</summary>
    public bool InUse { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        if (id is null) return Page();
        if (await FindAsync(id.Value, ct) is not { } body) return NotFound();
        Input = new BodyInput { Name = body.Name, ShortName = body.ShortName, Classification = body.Classification, StartDate = body.StartDate, EndDate = body.EndDate, Version = body.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        CouncilBody? body = null;
        if (id is not null && (body = await FindAsync(id.Value, ct)) is null) return NotFound();
        NameTheChoice("Input.Classification", l["Bitte wählen Sie die Art des Gremiums aus der Liste."]);
        NameTheChoice("Input.StartDate", l["Beginn: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        NameTheChoice("Input.EndDate", l["Ende: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        var name = Input.Name?.Trim() ?? "";
        var shortName = Input.ShortName?.Trim() ?? "";
        if (name.Length == 0) ModelState.AddModelError("Input.Name", l["Bitte geben Sie den Namen des Gremiums an."]);
        else if (name.Length > CouncilBody.MaxNameLength) ModelState.AddModelError("Input.Name", l["Der Name darf höchstens {0} Zeichen lang sein.", CouncilBody.MaxNameLength]);
        else if (await db.CouncilBodies.AnyAsync(b => b.Name == name && b.Id != (id ?? 0), ct))
            ModelState.AddModelError("Input.Name", l["Ein Gremium „{0}“ gibt es schon.", name]);
        if (shortName.Length > 50) ModelState.AddModelError("Input.ShortName", l["Die Kurzbezeichnung darf höchstens {0} Zeichen lang sein.", 50]);
        if (!Enum.IsDefined(Input.Classification)) ModelState.AddModelError("Input.Classification", l["Bitte wählen Sie die Art des Gremiums aus der Liste."]);
        if (Input.StartDate is { } s && Input.EndDate is { } e && e < s) ModelState.AddModelError("Input.EndDate", l["Ende: Das Ende darf nicht vor dem Beginn liegen."]);
        if (body is not null && body.Version != Input.Version) ShowConflict(body);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        if (body is null)
        {
            body = new CouncilBody { Name = name };
            db.CouncilBodies.Add(body);
        }
        else ExpectVersion(db, body, Input.Version);
        body.Name = name;
        body.ShortName = shortName;
        body.Classification = Input.Classification;
        body.StartDate = Input.StartDate;
        body.EndDate = Input.EndDate;
        return await SaveEditAsync(db, cache, null,
            save: () => db.SaveChangesAsync(ct),
            reload: () => db.CouncilBodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == body.Id, ct),
            showConflict: ShowConflict,
            saved: () => (l["Das Gremium „{0}“ wurde gespeichert.", name], CouncilText.BodyUrl(Municipality.Slug, body.Id)));
    }

    public async Task<IActionResult> OnPostDeleteAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null || await FindAsync(id.Value, ct) is not { } body) return NotFound();
        ModelState.Clear();
        Input = new BodyInput { Name = body.Name, ShortName = body.ShortName, Classification = body.Classification, StartDate = body.StartDate, EndDate = body.EndDate, Version = body.Version };
        if (InUse)
        {
            ModelState.AddModelError("", l["Das Gremium „{0}“ hat Sitzungen, Beratungen, Mitglieder oder eingebrachte Vorlagen und kann deshalb nicht gelöscht werden.", body.Name]);
            return Page();
        }
        db.CouncilBodies.Remove(body);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Das Gremium „{0}“ wurde gelöscht.", body.Name], CouncilText.ManageUrl(Municipality.Slug));
    }

    private void ShowConflict(CouncilBody stored)
    {
        ModelState.AddModelError("", l["Dieses Gremium wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = new EditConflict()
            .Compare(l["Name"], Input.Name?.Trim(), stored.Name)
            .Compare(l["Kurzbezeichnung"], Input.ShortName?.Trim(), stored.ShortName)
            .Compare(l["Art"], l[CouncilText.Classification(Input.Classification)], l[CouncilText.Classification(stored.Classification)])
            .Compare(l["Beginn"], Input.StartDate is { } a ? BerlinTime.Date(a) : "", stored.StartDate is { } b ? BerlinTime.Date(b) : "")
            .Compare(l["Ende"], Input.EndDate is { } c ? BerlinTime.Date(c) : "", stored.EndDate is { } d ? BerlinTime.Date(d) : "");
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task<CouncilBody?> FindAsync(int id, CancellationToken ct)
    {
        var body = await db.CouncilBodies.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (body is null) return null;
        BodyId = id;
        StoredName = body.Name;
        InUse = await CouncilBodyUses.AnyAsync(db, id, ct);
        return body;
    }
}
