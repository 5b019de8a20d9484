using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Implementation.YearlyReports;

/// <summary>The year of a new yearly report: one in which a reporting period of the plan ends, and not taken yet.</summary>
public sealed class YearlyReportCreateInput
{
    public int? Year { get; set; }

    /// <summary>Adds a message at the field when the year is missing, has no period of the plan ending in it, or has a
    /// report already; <paramref name="prefix"/> is the form's name ("Input.").</summary>
    public void Validate(ModelStateDictionary state, string prefix, IStringLocalizer l, IReadOnlyList<int> periodYears, IReadOnlyCollection<int> taken)
    {
        var key = prefix + nameof(Year);
        if (state.HasErrors(key))
        {
            // A year that is no number at all: the framework's message only repeats it.
            state[key]!.Errors.Clear();
            state.AddModelError(key, l["Jahr: Bitte wählen Sie ein Jahr aus der Liste."]);
            return;
        }
        if (Year is not int year)
            state.AddModelError(key, l["Jahr: Bitte wählen Sie ein Jahr aus der Liste."]);
        else if (!periodYears.Contains(year))
            state.AddModelError(key, periodYears.Count == 0
                ? l["Jahr: Der Plan hat noch keine Berichtszeiträume. Legen Sie zuerst die Berichtszeiträume an."]
                : l["Jahr: In {0} endet kein Berichtszeitraum des Plans. Möglich sind: {1}.", year.ToString(CultureInfo.InvariantCulture),
                    string.Join(", ", periodYears.Select(y => y.ToString(CultureInfo.InvariantCulture)))]);
        else if (taken.Contains(year))
            state.AddModelError(key, Duplicate(year, l));
    }

    public static string Duplicate(int year, IStringLocalizer l) =>
        l["Jahr: Für {0} gibt es schon einen Jahresbericht.", year.ToString(CultureInfo.InvariantCulture)];
}

/// <summary>The foreword as the edit form holds it: checked and written in one place.</summary>
public sealed class YearlyReportInput
{
    public string? Foreword { get; set; }

    public int Version { get; set; }

    public string TrimmedForeword => Foreword?.Trim() ?? "";

    public static YearlyReportInput From(YearlyReport r) => new() { Foreword = r.Foreword, Version = r.Version };

    public void Validate(ModelStateDictionary state, string prefix, IStringLocalizer l)
    {
        if (TrimmedForeword.Length > YearlyReport.MaxForewordLength)
            state.AddModelError(prefix + nameof(Foreword), l["Das Vorwort darf höchstens {0} Zeichen lang sein; es hat {1}.",
                YearlyReport.MaxForewordLength.ToString("N0", CultureInfo.CurrentCulture), TrimmedForeword.Length.ToString("N0", CultureInfo.CurrentCulture)]);
    }

    public void ApplyTo(YearlyReport r) => r.Foreword = TrimmedForeword;

    /// <summary>The differences between this input and the stored report, for the conflict view.</summary>
    public EditConflict Compare(YearlyReport stored, IStringLocalizer l) => new EditConflict()
        .Compare(l["Vorwort"], TrimmedForeword, stored.Foreword);
}
