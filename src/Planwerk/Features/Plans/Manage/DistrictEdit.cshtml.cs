using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Plans.Manage;

/// <summary>Rename a district or locality, change its kind, or delete it while no measure names it.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class DistrictEditModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer) : ManagePageModel
{
    [BindProperty]
    public DistrictsModel.DistrictInput Input { get; set; } = new();

    public int DistrictId { get; private set; }

    public string StoredName { get; private set; } = "";

    public int MeasureCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } district) return NotFound();
        Input = new DistrictsModel.DistrictInput { Name = district.Name, Kind = district.Kind, Version = district.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } district) return NotFound();
        NameTheChoice("Input.Kind", localizer["Bitte wählen Sie die Art aus der Liste: Stadtbezirk oder Ortschaft."]);
        var name = Input.Name?.Trim();
        if (name is not null && await DistrictNames.TakenAsync(db, name, id, ct) is { } taken)
            ModelState.AddModelError("Input.Name", localizer["Den Namen „{0}“ gibt es in dieser Kommune schon.", taken]);
        if (district.Version != Input.Version) ShowConflict(district);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        db.Entry(district).Property(d => d.Version).OriginalValue = Input.Version;
        district.Name = name!;
        district.Kind = Input.Kind;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (await FindAsync(id, ct) is not { } stored) return NotFound();
            ShowConflict(stored);
            return Page();
        }
        return await SavedAsync(cache, localizer["„{0}“ wurde gespeichert.", district.Name], ManageUrl("/districts"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } district) return NotFound();
        ModelState.Clear();
        Input = new DistrictsModel.DistrictInput { Name = district.Name, Kind = district.Kind, Version = district.Version };
        if (MeasureCount > 0)
        {
            ModelState.AddModelError("", localizer["„{0}“ ist noch {1} Maßnahmen zugeordnet und kann deshalb nicht gelöscht werden. Entfernen Sie die Zuordnung bei diesen Maßnahmen zuerst, oder benennen Sie den Eintrag um.", district.Name, MeasureCount]);
            return Page();
        }
        db.Districts.Remove(district);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", localizer["„{0}“ wurde gerade einer Maßnahme zugeordnet und deshalb nicht gelöscht.", district.Name]);
            return Page();
        }
        return await SavedAsync(cache, localizer["„{0}“ wurde gelöscht.", district.Name], ManageUrl("/districts"));
    }

    private void ShowConflict(District stored)
    {
        ModelState.AddModelError("", localizer["Dieser Eintrag wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = new EditConflict()
            .Compare(localizer["Name"], Input.Name, stored.Name)
            .Compare(localizer["Art"], localizer[PlanText.DistrictKind(Input.Kind)], localizer[PlanText.DistrictKind(stored.Kind)]);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task<District?> FindAsync(int id, CancellationToken ct)
    {
        var district = await db.Districts.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (district is null) return null;
        DistrictId = id;
        StoredName = district.Name;
        MeasureCount = await db.Measures.CountAsync(m => m.Districts.Any(d => d.Id == id), ct);
        return district;
    }
}
