using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Implementation.Manage;

public enum ReportingRhythm
{
    HalfYearly,
    Quarterly,
    Yearly,
}

/// <summary>Many periods at once: every half-year (or quarter, or year) from a first to a last one, reports due a number
/// of weeks after each period's end. "Halbjährlich von 2019, 2. Halbjahr bis 2022, 2. Halbjahr" makes seven periods.</summary>
public sealed class ReportingPeriodSeries
{
    public const int MaxPeriods = 100;

    public ReportingRhythm Rhythm { get; set; } = ReportingRhythm.HalfYearly;

    [Range(1900, 2100, ErrorMessage = "{0}: Bitte geben Sie ein Jahr zwischen {1} und {2} an.")]
    [Display(Name = "Erster Zeitraum, Jahr")]
    public int? FirstYear { get; set; }

    /// <summary>1 or 2 for half-years, 1 to 4 for quarters; ignored for years.</summary>
    public int FirstPart { get; set; } = 1;

    [Range(1900, 2100, ErrorMessage = "{0}: Bitte geben Sie ein Jahr zwischen {1} und {2} an.")]
    [Display(Name = "Letzter Zeitraum, Jahr")]
    public int? LastYear { get; set; }

    public int LastPart { get; set; } = 2;

    [Range(0, 52, ErrorMessage = "{0}: Bitte geben Sie eine ganze Zahl von {1} bis {2} an.")]
    [Display(Name = "Berichte fällig, Wochen nach Ende")]
    public int? WeeksToReport { get; set; } = 6;

    public int PartsPerYear => Rhythm switch { ReportingRhythm.Quarterly => 4, ReportingRhythm.Yearly => 1, _ => 2 };

    /// <summary>Adds a message at each field that is wrong; <paramref name="prefix"/> is the form's name ("Series.").</summary>
    public void Validate(ModelStateDictionary state, string prefix, IStringLocalizer l)
    {
        if (!Enum.IsDefined(Rhythm)) state.AddModelError(prefix + nameof(Rhythm), l["Bitte wählen Sie einen Rhythmus."]);
        if (FirstYear is null && !state.HasErrors(prefix + nameof(FirstYear))) state.AddModelError(prefix + nameof(FirstYear), l["Erster Zeitraum: Bitte geben Sie ein Jahr an."]);
        if (LastYear is null && !state.HasErrors(prefix + nameof(LastYear))) state.AddModelError(prefix + nameof(LastYear), l["Letzter Zeitraum: Bitte geben Sie ein Jahr an."]);
        if (WeeksToReport is null && !state.HasErrors(prefix + nameof(WeeksToReport))) state.AddModelError(prefix + nameof(WeeksToReport), l["Bitte geben Sie an, wie viele Wochen nach dem Ende die Berichte fällig sind."]);
        if (!Enum.IsDefined(Rhythm)) return;
        if (Rhythm == ReportingRhythm.Yearly) { FirstPart = 1; LastPart = 1; }
        if (FirstPart < 1 || FirstPart > PartsPerYear) state.AddModelError(prefix + nameof(FirstPart), l["Erster Zeitraum: Bitte wählen Sie ein Halbjahr oder Quartal des Rhythmus."]);
        if (LastPart < 1 || LastPart > PartsPerYear) state.AddModelError(prefix + nameof(LastPart), l["Letzter Zeitraum: Bitte wählen Sie ein Halbjahr oder Quartal des Rhythmus."]);
        if (FirstYear is { } first && LastYear is { } last && state.IsValid)
        {
            var count = (last - first) * PartsPerYear + LastPart - FirstPart + 1;
            if (count < 1) state.AddModelError(prefix + nameof(LastYear), l["Der letzte Zeitraum liegt vor dem ersten."]);
            else if (count > MaxPeriods) state.AddModelError(prefix + nameof(LastYear), l["Es können höchstens {0} Zeiträume auf einmal angelegt werden.", MaxPeriods]);
        }
    }

    /// <summary>The periods of a valid series, in order, named in German (the plan team may rename them).</summary>
    public IReadOnlyList<(string Name, DateOnly StartsOn, DateOnly EndsOn, DateOnly DueOn)> Periods()
    {
        var months = 12 / PartsPerYear;
        var list = new List<(string, DateOnly, DateOnly, DateOnly)>();
        for (int year = FirstYear!.Value, part = FirstPart; year < LastYear!.Value || (year == LastYear && part <= LastPart);)
        {
            var start = new DateOnly(year, (part - 1) * months + 1, 1);
            var end = start.AddMonths(months).AddDays(-1);
            var name = Rhythm switch
            {
                ReportingRhythm.Yearly => year.ToString(CultureInfo.InvariantCulture),
                ReportingRhythm.Quarterly => string.Create(CultureInfo.InvariantCulture, $"{year}, {part}. Quartal"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{year}, {part}. Halbjahr"),
            };
            list.Add((name, start, end, end.AddDays(7 * WeeksToReport!.Value)));
            if (++part > PartsPerYear) { part = 1; year++; }
        }
        return list;
    }
}
