using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Implementation.Indicators;

/// <summary>One indicator for the plan team: edit it (against the version the form was loaded with), delete it with its
/// values, see its values and where it stands, and add a value.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class IndicatorEditModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : IndicatorPageModel(db, clock, l)
{
    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    [BindProperty]
    public IndicatorValueInput Value { get; set; } = new();

    public string StoredName { get; private set; } = "";
    public IndicatorSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int planId, int id, CancellationToken ct)
    {
        if (await FindAsync(planId, id, ct) is not { } indicator) return NotFound();
        Input = IndicatorInput.From(indicator, Summary.MeasureNumber);
        Value.On = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, int id, CancellationToken ct)
    {
        if (await FindAsync(planId, id, ct) is not { } indicator) return NotFound();
        Forget(nameof(Value));
        var measure = await ValidateAsync(Input, id, ct);
        if (indicator.Version != Input.Version) ShowConflict(indicator, Summary.MeasureNumber);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        ExpectVersion(Db, indicator, Input.Version);
        Input.ApplyTo(indicator, measure);
        return await SaveEditAsync(Db, cache, reason: null,
            save: () => Db.SaveChangesAsync(ct),
            reload: async () => await Db.Indicators.AsNoTracking().Where(i => i.Id == id && i.PlanId == planId)
                .Select(i => new { Indicator = i, Number = i.Measure == null ? null : i.Measure.Number }).FirstOrDefaultAsync(ct),
            showConflict: stored => ShowConflict(stored.Indicator, stored.Number),
            saved: () => (L["Der Indikator „{0}“ wurde gespeichert.", indicator.Name], EditUrl(id)));
    }

    public async Task<IActionResult> OnPostValueAsync(int planId, int id, CancellationToken ct)
    {
        if (await FindAsync(planId, id, ct) is not { } indicator) return NotFound();
        Forget(nameof(Input));
        Value.Validate(ModelState, "Value.", L, Today);
        if (!ModelState.IsValid)
        {
            Input = IndicatorInput.From(indicator, Summary.MeasureNumber);
            return Page();
        }
        var value = new IndicatorValue { IndicatorId = id, Indicator = indicator };
        Value.ApplyTo(value);
        Db.IndicatorValues.Add(value);
        await Db.SaveChangesAsync(ct);
        return await SavedAsync(cache, L["Der Wert vom {0} wurde eingetragen.", Infrastructure.Time.BerlinTime.Date(value.On)], EditUrl(id) + "#values");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int planId, int id, CancellationToken ct)
    {
        if (await FindAsync(planId, id, ct) is not { } indicator) return NotFound();
        // The values go with it; each is recorded in the history as removed.
        await Db.IndicatorValues.Where(v => v.IndicatorId == id).LoadAsync(ct);
        Db.IndicatorValues.RemoveRange(indicator.Values);
        Db.Indicators.Remove(indicator);
        await Db.SaveChangesAsync(ct);
        return await SavedAsync(cache, L["Der Indikator „{0}“ wurde gelöscht.", indicator.Name], ListUrl);
    }

    private void ShowConflict(Indicator stored, string? storedMeasureNumber)
    {
        ModelState.AddModelError("", L["Dieser Eintrag wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = Input.Compare(stored, storedMeasureNumber, L);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task<Indicator?> FindAsync(int planId, int id, CancellationToken ct)
    {
        if (!await LoadPlanAsync(planId, ct)) return null;
        var indicator = await Db.Indicators.FirstOrDefaultAsync(i => i.Id == id && i.PlanId == planId, ct);
        if (indicator is null) return null;
        Summary = (await IndicatorReads.OfPlanAsync(Db, planId, id, ct))[0];
        StoredName = indicator.Name;
        return indicator;
    }

    /// <summary>Both forms post to this page; the form not sent is not checked.</summary>
    private void Forget(string form)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(form + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }
}
