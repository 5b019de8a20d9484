using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Implementation.Manage;

/// <summary>Edit one status of the catalogue (against the version the form was loaded with) or delete it.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class StatusEditModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    [BindProperty]
    public StatusInput Input { get; set; } = new();

    public string StoredName { get; private set; } = "";

    public string ListUrl => ManageUrl("/statuses");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } status) return NotFound();
        Input = StatusInput.From(status);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } status) return NotFound();
        var others = await db.ImplementationStatuses.AsNoTracking().Where(s => s.Id != id).Select(s => s.Name).ToListAsync(ct);
        Input.Validate(ModelState, "Input.", l, others);
        if (status.Version != Input.Version) ShowConflict(status);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        ExpectVersion(db, status, Input.Version);
        Input.ApplyTo(status);
        return await SaveEditAsync(db, cache, reason: null,
            save: () => db.SaveChangesAsync(ct),
            reload: async () => await db.ImplementationStatuses.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct),
            showConflict: ShowConflict,
            saved: () => (l["Der Status „{0}“ wurde gespeichert.", status.Name], ListUrl));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } status) return NotFound();
        if (await db.MeasureReports.AnyAsync(r => r.StatusId == id, ct))
        {
            ModelState.AddModelError("", l["Der Status „{0}“ wird in Berichten verwendet und kann nicht gelöscht werden.", status.Name]);
            Input = StatusInput.From(status);
            return Page();
        }
        db.ImplementationStatuses.Remove(status);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Der Status „{0}“ wurde gelöscht.", status.Name], ListUrl);
    }

    private void ShowConflict(ImplementationStatus stored)
    {
        ModelState.AddModelError("", l["Dieser Eintrag wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = Input.Compare(stored, l);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task<ImplementationStatus?> FindAsync(int id, CancellationToken ct)
    {
        var status = await db.ImplementationStatuses.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (status is not null) StoredName = status.Name;
        return status;
    }
}
