using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation.Indicators;

/// <summary>What the indicator pages share: the plan (title, level words, fields), the trail, the addresses, and the
/// lookup of a measure by its number.</summary>
public abstract class IndicatorPageModel(PlanwerkDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    protected PlanwerkDbContext Db { get; } = db;
    protected IStringLocalizer<SharedResource> L { get; } = l;

    public int PlanId { get; private set; }
    public PlanHeading Plan { get; private set; } = null!;
    public IReadOnlyList<FieldRow> Fields { get; private set; } = [];
    public DateOnly Today => BerlinTime.Today(clock);

    public string ListUrl => PlanUrl(PlanId, "/indicators");
    public string EditUrl(int id) => ListUrl + "/" + id.ToString(CultureInfo.InvariantCulture);
    public string ValueUrl(int indicatorId, int valueId) => EditUrl(indicatorId) + "/values/" + valueId.ToString(CultureInfo.InvariantCulture);
    public string ImportUrl => ListUrl + "/import";

    /// <summary>The plan of this municipality with its fields; false when there is none (the page answers 404).</summary>
    protected async Task<bool> LoadPlanAsync(int planId, CancellationToken ct)
    {
        var plan = await Db.Plans.AsNoTracking().Where(p => p.Id == planId).SelectHeading().FirstOrDefaultAsync(ct);
        if (plan is null) return false;
        (PlanId, Plan) = (planId, plan);
        Fields = await Db.FieldsOfPlanAsync(planId, ct);
        return true;
    }

    /// <summary>The plan's measure with this number (and its field), or null.</summary>
    protected async Task<(int Id, int FieldId)?> MeasureAsync(string number, CancellationToken ct)
    {
        if (number.Length == 0) return null;
        var found = await Db.Measures.AsNoTracking().Where(m => m.PlanId == PlanId && m.Number == number)
            .Select(m => new { m.Id, m.FieldOfActionId }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Id, found.FieldOfActionId);
    }

    /// <summary>Whether another indicator of the plan has this name (ignoring case).</summary>
    protected async Task<bool> NameTakenAsync(string name, int exceptId, CancellationToken ct)
    {
        // Compared here, not in SQL, so that SQLite and PostgreSQL ignore case alike (also beyond ASCII).
        var names = await Db.Indicators.AsNoTracking().Where(i => i.PlanId == PlanId && i.Id != exceptId).Select(i => i.Name).ToListAsync(ct);
        return names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Checks the form and finds its measure; the measure number's message is added here.</summary>
    protected async Task<(int Id, int FieldId)?> ValidateAsync(IndicatorInput input, int exceptId, CancellationToken ct)
    {
        var taken = input.TrimmedName.Length > 0 && await NameTakenAsync(input.TrimmedName, exceptId, ct);
        input.Validate(ModelState, "Input.", L, Fields.Select(f => f.Id).ToHashSet(), _ => taken);
        var measure = await MeasureAsync(input.TrimmedMeasureNumber, ct);
        if (input.TrimmedMeasureNumber.Length > 0 && measure is null)
            ModelState.AddModelError("Input." + nameof(IndicatorInput.MeasureNumber), L["Der Plan hat keine {0} mit der Nummer „{1}“.", Plan.Levels.Measure.One, input.TrimmedMeasureNumber]);
        return measure;
    }

    /// <summary>"Plan", "Handlungsfeld 3" or "Maßnahme 3.2", in the plan's words.</summary>
    public string BelongsTo(int? fieldId, string? measureNumber)
    {
        if (measureNumber is not null) return Plan.Levels.Measure.One + " " + measureNumber;
        if (fieldId is int id && Fields.FirstOrDefault(f => f.Id == id) is { } field)
            return Plan.Levels.Field.One + " " + field.Number.ToString(CultureInfo.CurrentCulture);
        return L["ganzer Plan"];
    }

    public Crumb[] Crumbs(string? page, string? indicator = null, string? indicatorUrl = null)
    {
        Crumb[] trail = [new(L["Verwaltung"].Value, ManageUrl()), new(Plan.Title, PlanUrl(PlanId)), new(L["Indikatoren"].Value, page is null && indicator is null ? null : ListUrl)];
        if (indicator is not null) trail = [.. trail, new Crumb(indicator, page is null ? null : indicatorUrl)];
        return page is null ? trail : [.. trail, new Crumb(page)];
    }
}
