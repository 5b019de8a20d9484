using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Implementation.Manage;

/// <summary>Edit one reporting period (against the version the form was loaded with) or delete it.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class ReportingPeriodEditModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : ReportingPeriodPageModel(db, clock, l)
{
    [BindProperty]
    public ReportingPeriodInput Input { get; set; } = new();

    public string StoredName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int planId, int id, CancellationToken ct)
    {
        if (await FindAsync(planId, id, ct) is not { } period) return NotFound();
        Input = ReportingPeriodInput.From(period);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, int id, CancellationToken ct)
    {
        if (await FindAsync(planId, id, ct) is not { } period) return NotFound();
        Input.Validate(ModelState, "Input.", L, Periods.Where(p => p.Id != id));
        if (period.Version != Input.Version) ShowConflict(period);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        ExpectVersion(Db, period, Input.Version);
        Input.ApplyTo(period);
        return await SaveEditAsync(Db, cache, reason: null,
            save: () => Db.SaveChangesAsync(ct),
            reload: async () => await Db.ReportingPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.PlanId == planId, ct),
            showConflict: ShowConflict,
            saved: () => (L["Der Berichtszeitraum „{0}“ wurde gespeichert.", period.Name], ListUrl));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int planId, int id, CancellationToken ct)
    {
        if (await FindAsync(planId, id, ct) is not { } period) return NotFound();
        Db.ReportingPeriods.Remove(period);
        await Db.SaveChangesAsync(ct);
        return await SavedAsync(cache, L["Der Berichtszeitraum „{0}“ wurde gelöscht.", period.Name], ListUrl);
    }

    private void ShowConflict(ReportingPeriod stored)
    {
        ModelState.AddModelError("", L["Dieser Eintrag wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = Input.Compare(stored, L);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task<ReportingPeriod?> FindAsync(int planId, int id, CancellationToken ct)
    {
        if (!await LoadPlanAsync(planId, ct)) return null;
        var period = await Db.ReportingPeriods.FirstOrDefaultAsync(p => p.Id == id && p.PlanId == planId, ct);
        if (period is not null) StoredName = period.Name;
        return period;
    }
}
