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
/// values, see its values and where it stands, and add a value; or let it read its values from a dataset series of the
/// municipality (then the dataset's figures are its values, and the typed ones are kept for when it lets go).</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class IndicatorEditModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : IndicatorPageModel(db, clock, l)
{
    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    [BindProperty]
    public IndicatorValueInput Value { get; set; } = new();

    [BindProperty]
    public IndicatorSeriesInput Series { get; set; } = new();

    /// <summary>The datasets the indicator may read.</summary>
    public IReadOnlyList<SeriesChoice> SeriesChoices { get; private set; } = [];

    public string StoredName { get; private set; } = "";
    public IndicatorSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int planId, int id, CancellationToken ct)
    {
        if (await FindAsync(planId, id, ct) is not { } indicator) return NotFound();
        Input = IndicatorInput.From(indicator, Summary.MeasureNumber);
        Series = IndicatorSeriesInput.From(indicator);
        Value.On = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, int id, CancellationToken ct)
    {
        if (await FindAsync(planId, id, ct) is not { } indicator) return NotFound();
        Forget(nameof(Value));
        Forget(nameof(Series));
        Series = IndicatorSeriesInput.From(indicator);
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
        Forget(nameof(Series));
        Series = IndicatorSeriesInput.From(indicator);
        if (indicator.DatasetId is not null)
            ModelState.AddModelError("Value." + nameof(IndicatorValueInput.Value), L["Dieser Indikator übernimmt seine Werte aus einem Datensatz. Wählen Sie unter „Herkunft der Werte“ die Eingabe von Hand, um Werte einzutragen."]);
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

    /// <summary>Chooses where the values come from: a dataset series, or typed by hand. Typed values are kept either way.</summary>
    public async Task<IActionResult> OnPostSeriesAsync(int planId, int id, CancellationToken ct)
    {
        if (await FindAsync(planId, id, ct) is not { } indicator) return NotFound();
        Forget(nameof(Input));
        Forget(nameof(Value));
        Input = IndicatorInput.From(indicator, Summary.MeasureNumber);
        Value.On = Today;
        Series.Validate(ModelState, "Series.", L, SeriesChoices);
        if (indicator.Version != Series.Version) ShowSeriesConflict(indicator);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        ExpectVersion(Db, indicator, Series.Version);
        Series.ApplyTo(indicator);
        return await SaveEditAsync(Db, cache, reason: null,
            save: () => Db.SaveChangesAsync(ct),
            reload: async () => await Db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.PlanId == planId, ct),
            showConflict: ShowSeriesConflict,
            saved: () => (indicator.DatasetId is null
                ? L["Der Indikator „{0}“ zeigt wieder die von Hand eingetragenen Werte.", indicator.Name]
                : L["Der Indikator „{0}“ übernimmt seine Werte jetzt aus dem Datensatz.", indicator.Name], EditUrl(id) + "#values"));
    }

    /// <summary>Whether <see cref="Infrastructure.Editing.ManagePageModel.Conflict"/> is the series form's (shown there) or the indicator form's.</summary>
    public bool ConflictIsSeries { get; private set; }

    private void ShowSeriesConflict(Indicator stored)
    {
        ConflictIsSeries = true;
        ModelState.AddModelError("", L["Dieser Eintrag wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = new Infrastructure.Editing.EditConflict().Compare(L["Herkunft der Werte"],
            IndicatorSeriesInput.Describe(Series.DatasetId, Series.CategoryId, SeriesChoices, L),
            IndicatorSeriesInput.Describe(stored.DatasetId, stored.DatasetCategoryId, SeriesChoices, L));
        ModelState.Remove("Series.Version");
        Series.Version = stored.Version;
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
        SeriesChoices = await IndicatorSeriesInput.ChoicesAsync(Db, ct);
        StoredName = indicator.Name;
        return indicator;
    }

    /// <summary>Both forms post to this page; the form not sent is not checked.</summary>
    private void Forget(string form)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(form + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }
}
