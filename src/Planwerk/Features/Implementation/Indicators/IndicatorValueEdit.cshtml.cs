using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation.Indicators;

/// <summary>Correct one value of an indicator (against the version the form was loaded with) or delete it.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class IndicatorValueEditModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : IndicatorPageModel(db, clock, l)
{
    [BindProperty]
    public IndicatorValueInput Input { get; set; } = new();

    public int IndicatorId { get; private set; }
    public string IndicatorName { get; private set; } = "";
    public DateOnly StoredOn { get; private set; }

    public async Task<IActionResult> OnGetAsync(int planId, int id, int valueId, CancellationToken ct)
    {
        if (await FindAsync(planId, id, valueId, ct) is not { } value) return NotFound();
        Input = IndicatorValueInput.From(value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, int id, int valueId, CancellationToken ct)
    {
        if (await FindAsync(planId, id, valueId, ct) is not { } value) return NotFound();
        Input.Validate(ModelState, "Input.", L, Today);
        if (value.Version != Input.Version) ShowConflict(value);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        ExpectVersion(Db, value, Input.Version);
        Input.ApplyTo(value);
        return await SaveEditAsync(Db, cache, reason: null,
            save: () => Db.SaveChangesAsync(ct),
            reload: async () => await Db.IndicatorValues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == valueId && v.IndicatorId == id, ct),
            showConflict: stored => ShowConflict(stored),
            saved: () => (L["Der Wert vom {0} wurde gespeichert.", BerlinTime.Date(value.On)], EditUrl(id) + "#values"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int planId, int id, int valueId, CancellationToken ct)
    {
        if (await FindAsync(planId, id, valueId, ct) is not { } value) return NotFound();
        Db.IndicatorValues.Remove(value);
        await Db.SaveChangesAsync(ct);
        return await SavedAsync(cache, L["Der Wert vom {0} wurde gelöscht.", BerlinTime.Date(value.On)], EditUrl(id) + "#values");
    }

    private void ShowConflict(IndicatorValue stored)
    {
        ModelState.AddModelError("", L["Dieser Eintrag wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = Input.Compare(stored, L);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task<IndicatorValue?> FindAsync(int planId, int id, int valueId, CancellationToken ct)
    {
        if (!await LoadPlanAsync(planId, ct)) return null;
        var value = await Db.IndicatorValues.Include(v => v.Indicator)
            .FirstOrDefaultAsync(v => v.Id == valueId && v.IndicatorId == id && v.Indicator!.PlanId == planId
                // While the indicator reads a dataset, its typed values are kept but neither shown nor edited.
                && v.Indicator.DatasetId == null, ct);
        if (value is null) return null;
        (IndicatorId, IndicatorName, StoredOn) = (id, value.Indicator!.Name, value.On);
        return value;
    }
}
