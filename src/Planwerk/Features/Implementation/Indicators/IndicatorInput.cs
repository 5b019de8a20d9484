using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation.Indicators;

/// <summary>An indicator as the add form and the edit form hold it: checked and written in one place. What it belongs
/// to is the plan (empty <see cref="FieldId"/> and <see cref="MeasureNumber"/>), a field of action, or a measure named
/// by its number (its field follows from it).</summary>
public sealed class IndicatorInput
{
    public string? Name { get; set; }
    public string? Definition { get; set; }
    public string? Unit { get; set; }
    public string? Source { get; set; }
    public IndicatorDirection Direction { get; set; } = IndicatorDirection.HigherIsBetter;
    public int? FieldId { get; set; }
    public string? MeasureNumber { get; set; }
    public string? Baseline { get; set; }

    [Display(Name = "Ausgangswert vom")]
    [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
    public DateOnly? BaselineOn { get; set; }

    public string? Target { get; set; }

    [Display(Name = "Zielwert bis")]
    [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
    public DateOnly? TargetOn { get; set; }

    public int Version { get; set; }

    public string TrimmedName => Name?.Trim() ?? "";
    public string TrimmedMeasureNumber => MeasureNumber?.Trim() ?? "";

    public static IndicatorInput From(Indicator i, string? measureNumber) => new()
    {
        Name = i.Name, Definition = i.Definition, Unit = i.Unit, Source = i.Source, Direction = i.Direction,
        FieldId = i.MeasureId is null ? i.FieldOfActionId : null, MeasureNumber = measureNumber,
        Baseline = IndicatorNumber.Format(i.BaselineValue), BaselineOn = i.BaselineOn,
        Target = IndicatorNumber.Format(i.TargetValue), TargetOn = i.TargetOn, Version = i.Version,
    };

    /// <summary>Adds a message at each field that is wrong; <paramref name="prefix"/> is the form's name ("Input.").
    /// <paramref name="fieldIds"/> are the plan's fields; <paramref name="nameTaken"/> says whether another indicator
    /// of the plan has the name.</summary>
    public void Validate(ModelStateDictionary state, string prefix, IStringLocalizer l, IReadOnlySet<int> fieldIds, Func<string, bool> nameTaken)
    {
        state.NameUnreadableDate(prefix + nameof(BaselineOn), l["Ausgangswert vom: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        state.NameUnreadableDate(prefix + nameof(TargetOn), l["Zielwert bis: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        if (TrimmedName.Length == 0) state.AddModelError(prefix + nameof(Name), l["Bitte geben Sie dem Indikator einen Namen."]);
        else if (TrimmedName.Length > Indicator.MaxNameLength) state.AddModelError(prefix + nameof(Name), l["Der Name darf höchstens {0} Zeichen lang sein.", Indicator.MaxNameLength]);
        else if (nameTaken(TrimmedName)) state.AddModelError(prefix + nameof(Name), l["Der Plan hat schon einen Indikator „{0}“. Bitte wählen Sie einen anderen Namen.", TrimmedName]);
        if ((Definition?.Trim().Length ?? 0) > Indicator.MaxDefinitionLength)
            state.AddModelError(prefix + nameof(Definition), l["Die Definition darf höchstens {0} Zeichen lang sein.", Indicator.MaxDefinitionLength]);
        if ((Unit?.Trim().Length ?? 0) > Indicator.MaxUnitLength)
            state.AddModelError(prefix + nameof(Unit), l["Die Einheit darf höchstens {0} Zeichen lang sein.", Indicator.MaxUnitLength]);
        if ((Source?.Trim().Length ?? 0) > Indicator.MaxSourceLength)
            state.AddModelError(prefix + nameof(Source), l["Die Quelle darf höchstens {0} Zeichen lang sein.", Indicator.MaxSourceLength]);
        if (!Enum.IsDefined(Direction)) state.AddModelError(prefix + nameof(Direction), l["Bitte wählen Sie, ob ein höherer oder ein niedrigerer Wert besser ist."]);
        if (FieldId is int field && !fieldIds.Contains(field))
            state.AddModelError(prefix + nameof(FieldId), l["Dieses Handlungsfeld gibt es im Plan nicht (mehr). Bitte wählen Sie neu."]);
        if (IndicatorNumber.Read(Baseline) is null)
            state.AddModelError(prefix + nameof(Baseline), l["Ausgangswert: Bitte geben Sie eine Zahl an, zum Beispiel 12,5 oder 1250 (höchstens vier Nachkommastellen)."]);
        if (IndicatorNumber.Read(Target) is null)
            state.AddModelError(prefix + nameof(Target), l["Zielwert: Bitte geben Sie eine Zahl an, zum Beispiel 12,5 oder 1250 (höchstens vier Nachkommastellen)."]);
        if (BaselineOn is null && !state.HasErrors(prefix + nameof(BaselineOn)))
            state.AddModelError(prefix + nameof(BaselineOn), l["Ausgangswert vom: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        if (TargetOn is null && !state.HasErrors(prefix + nameof(TargetOn)))
            state.AddModelError(prefix + nameof(TargetOn), l["Zielwert bis: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        if (BaselineOn is { } from && TargetOn is { } to && to <= from && !state.HasErrors(prefix + nameof(TargetOn)))
            state.AddModelError(prefix + nameof(TargetOn), l["Zielwert bis: Das Zieldatum muss nach dem Datum des Ausgangswerts liegen."]);
        if (IndicatorNumber.Read(Baseline) is { } b && IndicatorNumber.Read(Target) is { } t && b == t && !state.HasErrors(prefix + nameof(Target)))
            state.AddModelError(prefix + nameof(Target), l["Zielwert: Der Zielwert ist gleich dem Ausgangswert; ein Indikator soll eine Veränderung messen."]);
    }

    /// <summary>Writes the checked input; <paramref name="measure"/> is the measure named by number (with its field), if any.</summary>
    public void ApplyTo(Indicator i, (int Id, int FieldId)? measure)
    {
        i.Name = TrimmedName;
        i.Definition = Definition?.Trim() ?? "";
        i.Unit = Unit?.Trim() ?? "";
        i.Source = Source?.Trim() ?? "";
        i.Direction = Direction;
        (i.MeasureId, i.FieldOfActionId) = measure is { } m ? ((int?)m.Id, (int?)m.FieldId) : ((int?)null, FieldId);
        i.BaselineValue = IndicatorNumber.Read(Baseline)!.Value;
        i.BaselineOn = BaselineOn!.Value;
        i.TargetValue = IndicatorNumber.Read(Target)!.Value;
        i.TargetOn = TargetOn!.Value;
    }

    /// <summary>The differences between this input and the stored indicator, for the conflict view.</summary>
    public EditConflict Compare(Indicator stored, string? storedMeasureNumber, IStringLocalizer l) => new EditConflict()
        .Compare(l["Name"], Name, stored.Name)
        .Compare(l["Definition"], Definition, stored.Definition)
        .Compare(l["Einheit"], Unit, stored.Unit)
        .Compare(l["Quelle"], Source, stored.Source)
        .Compare(l["Besser ist"], l[DirectionText(Direction)], l[DirectionText(stored.Direction)])
        .Compare(l["Maßnahme"], MeasureNumber, storedMeasureNumber)
        .Compare(l["Ausgangswert"], Baseline, IndicatorNumber.Format(stored.BaselineValue))
        .Compare(l["Ausgangswert vom"], BaselineOn is { } bo ? BerlinTime.Date(bo) : "", BerlinTime.Date(stored.BaselineOn))
        .Compare(l["Zielwert"], Target, IndicatorNumber.Format(stored.TargetValue))
        .Compare(l["Zielwert bis"], TargetOn is { } to ? BerlinTime.Date(to) : "", BerlinTime.Date(stored.TargetOn));

    public static string DirectionText(IndicatorDirection d) => d == IndicatorDirection.LowerIsBetter ? "ein niedrigerer Wert" : "ein höherer Wert";
}

/// <summary>A value of an indicator as its add and edit forms hold it.</summary>
public sealed class IndicatorValueInput
{
    [Display(Name = "Datum")]
    [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
    public DateOnly? On { get; set; }

    public string? Value { get; set; }
    public string? Note { get; set; }
    public string? Source { get; set; }
    public int Version { get; set; }

    public static IndicatorValueInput From(IndicatorValue v) => new()
    {
        On = v.On, Value = IndicatorNumber.Format(v.Value), Note = v.Note, Source = v.Source, Version = v.Version,
    };

    public void Validate(ModelStateDictionary state, string prefix, IStringLocalizer l, DateOnly today)
    {
        state.NameUnreadableDate(prefix + nameof(On), l["Datum: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        if (On is null && !state.HasErrors(prefix + nameof(On))) state.AddModelError(prefix + nameof(On), l["Datum: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        else if (On > today) state.AddModelError(prefix + nameof(On), l["Datum: Das Datum liegt in der Zukunft. Ein Wert wird eingetragen, wenn er gemessen ist."]);
        if (IndicatorNumber.Read(Value) is null)
            state.AddModelError(prefix + nameof(Value), l["Wert: Bitte geben Sie eine Zahl an, zum Beispiel 12,5 oder 1250 (höchstens vier Nachkommastellen)."]);
        if ((Note?.Trim().Length ?? 0) > IndicatorValue.MaxNoteLength)
            state.AddModelError(prefix + nameof(Note), l["Die Anmerkung darf höchstens {0} Zeichen lang sein.", IndicatorValue.MaxNoteLength]);
        if ((Source?.Trim().Length ?? 0) > Indicator.MaxSourceLength)
            state.AddModelError(prefix + nameof(Source), l["Die Quelle darf höchstens {0} Zeichen lang sein.", Indicator.MaxSourceLength]);
    }

    public void ApplyTo(IndicatorValue v)
    {
        v.On = On!.Value;
        v.Value = IndicatorNumber.Read(Value)!.Value;
        v.Note = Note?.Trim() ?? "";
        v.Source = Source?.Trim() ?? "";
    }

    public EditConflict Compare(IndicatorValue stored, IStringLocalizer l) => new EditConflict()
        .Compare(l["Datum"], On is { } on ? BerlinTime.Date(on) : "", BerlinTime.Date(stored.On))
        .Compare(l["Wert"], Value, IndicatorNumber.Format(stored.Value))
        .Compare(l["Anmerkung"], Note, stored.Note)
        .Compare(l["Quelle"], Source, stored.Source);

}
