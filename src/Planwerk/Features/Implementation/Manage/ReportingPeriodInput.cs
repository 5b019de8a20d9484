using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation.Manage;

/// <summary>One reporting period as the add form and the edit form hold it: checked and written in one place.</summary>
public sealed class ReportingPeriodInput
{
    public string? Name { get; set; }

    [Display(Name = "Beginn")]
    [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
    public DateOnly? StartsOn { get; set; }

    [Display(Name = "Ende")]
    [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
    public DateOnly? EndsOn { get; set; }

    [Display(Name = "Berichte fällig am")]
    [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
    public DateOnly? DueOn { get; set; }

    public int Version { get; set; }

    public string TrimmedName => Name?.Trim() ?? "";

    public static ReportingPeriodInput From(ReportingPeriod p) => new() { Name = p.Name, StartsOn = p.StartsOn, EndsOn = p.EndsOn, DueOn = p.DueOn, Version = p.Version };

    /// <summary>Adds a message at each field that is wrong, including a name or span shared with another of the plan's
    /// <paramref name="others"/>; <paramref name="prefix"/> is the form's name ("Input.").</summary>
    public void Validate(ModelStateDictionary state, string prefix, IStringLocalizer l, IEnumerable<ReportingPeriod> others)
    {
        state.NameUnreadableDate(prefix + nameof(StartsOn), l["Beginn: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        state.NameUnreadableDate(prefix + nameof(EndsOn), l["Ende: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        state.NameUnreadableDate(prefix + nameof(DueOn), l["Berichte fällig am: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        if (TrimmedName.Length == 0) state.AddModelError(prefix + nameof(Name), l["Bitte geben Sie dem Zeitraum einen Namen, zum Beispiel „2019, 2. Halbjahr“."]);
        else if (TrimmedName.Length > ReportingPeriod.MaxNameLength) state.AddModelError(prefix + nameof(Name), l["Der Name darf höchstens {0} Zeichen lang sein.", ReportingPeriod.MaxNameLength]);
        if (StartsOn is null && !state.HasErrors(prefix + nameof(StartsOn))) state.AddModelError(prefix + nameof(StartsOn), l["Beginn: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        if (EndsOn is null && !state.HasErrors(prefix + nameof(EndsOn))) state.AddModelError(prefix + nameof(EndsOn), l["Ende: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        if (DueOn is null && !state.HasErrors(prefix + nameof(DueOn))) state.AddModelError(prefix + nameof(DueOn), l["Berichte fällig am: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        if (StartsOn is { } start && EndsOn is { } end && !state.HasErrors(prefix + nameof(StartsOn)) && !state.HasErrors(prefix + nameof(EndsOn)))
        {
            if (end < start) state.AddModelError(prefix + nameof(EndsOn), l["Ende: Der Zeitraum endet vor seinem Beginn."]);
            else if (DueOn is { } due && due < start && !state.HasErrors(prefix + nameof(DueOn)))
                state.AddModelError(prefix + nameof(DueOn), l["Berichte fällig am: Die Berichte können nicht vor dem Beginn des Zeitraums fällig sein."]);
            else if (others.FirstOrDefault(o => ReportingPeriod.Overlap(start, end, o.StartsOn, o.EndsOn)) is { } overlapping)
                state.AddModelError(prefix + nameof(StartsOn), l["Der Zeitraum überschneidet sich mit „{0}“ ({1} bis {2}).", overlapping.Name, BerlinTime.Date(overlapping.StartsOn), BerlinTime.Date(overlapping.EndsOn)]);
        }
        if (TrimmedName.Length > 0 && others.Any(o => string.Equals(o.Name, TrimmedName, StringComparison.OrdinalIgnoreCase)))
            state.AddModelError(prefix + nameof(Name), l["Einen Zeitraum „{0}“ gibt es in diesem Plan schon.", TrimmedName]);
    }

    public void ApplyTo(ReportingPeriod p)
    {
        p.Name = TrimmedName;
        p.StartsOn = StartsOn!.Value;
        p.EndsOn = EndsOn!.Value;
        p.DueOn = DueOn!.Value;
    }

    /// <summary>The differences between this input and the stored period, for the conflict view.</summary>
    public EditConflict Compare(ReportingPeriod stored, IStringLocalizer l) => new EditConflict()
        .Compare(l["Name"], Name, stored.Name)
        .Compare(l["Beginn"], Shown(StartsOn), BerlinTime.Date(stored.StartsOn))
        .Compare(l["Ende"], Shown(EndsOn), BerlinTime.Date(stored.EndsOn))
        .Compare(l["Berichte fällig am"], Shown(DueOn), BerlinTime.Date(stored.DueOn));

    private static string Shown(DateOnly? day) => day is { } d ? BerlinTime.Date(d) : "";
}
