using System.Globalization;
using Microsoft.Extensions.Localization;
using Planwerk.Features.Plans;

namespace Planwerk.Features.Implementation.YearlyReports;

/// <summary>The addresses of the yearly report's pages and files.</summary>
public static class YearlyReportUrls
{
    public static string List(string municipality, int planId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{municipality}/manage/plans/{planId}/yearly-reports");

    public static string Edit(string municipality, int planId, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"/{municipality}/manage/plans/{planId}/yearly-reports/{year}");

    public static string View(string municipality, int planId, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"/{municipality}/plans/{planId}/yearly-reports/{year}");

    public static string Pdf(string municipality, int planId, int year) => View(municipality, planId, year) + ".pdf";

    public static string Xlsx(string municipality, int planId, int year) => View(municipality, planId, year) + ".xlsx";
}

/// <summary>The words, charts and file names the print view, the PDF and the XLSX share, so they say the same.</summary>
public static class YearlyReportText
{
    public static string Title(int year, IStringLocalizer l) => l["Jahresbericht {0}", year.ToString(CultureInfo.InvariantCulture)];

    public static string Percent(double? value, IStringLocalizer l) => value is { } v ? PlanFormat.Percent(v) : l["–"];

    public static string Status(MeasureStatus status, IStringLocalizer l) => l[PlanText.Status(status)];

    public static string FieldLabel(PlanLevels levels, int number) => levels.Field.One + " " + number.ToString(CultureInfo.CurrentCulture);

    /// <summary>How the roll-up adds up, as the dashboard says it.</summary>
    public static string Method(YearlyReportContent c, IStringLocalizer l) => c.RollUp.Method == RollUpMethod.Weighted
        ? l["Fortschritt: Durchschnitt der {0}, jede nach ihrem Gewicht gezählt; eingestellte zählen nicht mit.", c.Levels.Measure.ManyInSentence]
        : l["Fortschritt: Durchschnitt der {0}, jede gleich gezählt; eingestellte zählen nicht mit.", c.Levels.Measure.ManyInSentence];

    /// <summary>Where the status and progress at the year's end come from.</summary>
    public static string Basis(YearlyReportContent c, IStringLocalizer l) =>
        l["Stand Ende {0}: Status und Fortschritt jeder {1} aus ihrem zuletzt veröffentlichten Bericht eines Berichtszeitraums, der bis Ende {0} endet ({2}); ohne einen solchen Bericht ihr aktueller Stand ({3}).",
            c.Year.ToString(CultureInfo.InvariantCulture), c.Levels.Measure.OneInSentence, c.FromReports, c.FromLiveValues];

    /// <summary>Where a measure's status at the year's end comes from.</summary>
    public static string BasisOf(YearlyMeasure m, IStringLocalizer l) => m.BasisPeriod is { } period
        ? l["laut Bericht „{0}“", period]
        : l["aktueller Stand, kein veröffentlichter Bericht bis zum Jahresende"];

    public static BarChart StatusChart(YearlyReportContent c, IStringLocalizer l)
    {
        var plan = c.RollUp.Plan;
        return new BarChart("status-chart", l["{0} nach Status", c.Levels.Measure.Many],
            l["{0} {1} insgesamt: {2}.", plan.Count, c.Levels.Measure.ManyInSentence, string.Join(", ", plan.ByStatus.Select(s => $"{s.Count} {Status(s.Status, l)}"))],
            plan.ByStatus.Select(s => new Bar(Status(s.Status, l), s.Count, s.Count.ToString(CultureInfo.CurrentCulture), "bar-" + s.Status)).ToList(),
            Math.Max(1, plan.ByStatus.Max(s => s.Count)));
    }

    public static BarChart FieldChart(YearlyReportContent c, IStringLocalizer l)
    {
        var rollUp = c.RollUp;
        var withProgress = c.Fields.Where(f => rollUp.Field(f.Id).Progress is not null).OrderByDescending(f => rollUp.Field(f.Id).Progress).ToList();
        var summary = withProgress.Count == 0 ? l["Noch kein Fortschritt gemeldet."].Value
            : l["Am weitesten: {0} ({1}). Am wenigsten weit: {2} ({3}).", FieldLabel(c.Levels, withProgress[0].Number), Percent(rollUp.Field(withProgress[0].Id).Progress, l),
                FieldLabel(c.Levels, withProgress[^1].Number), Percent(rollUp.Field(withProgress[^1].Id).Progress, l)].Value;
        return new BarChart("field-chart", l["Fortschritt je {0}", c.Levels.Field.One], summary,
            c.Fields.Select(f => new Bar(FieldLabel(c.Levels, f.Number), rollUp.Field(f.Id).Progress ?? 0, Percent(rollUp.Field(f.Id).Progress, l))).ToList(), 100);
    }

    /// <summary>What an indicator belongs to: the plan, a field or a measure, in the plan's words.</summary>
    public static string IndicatorScope(YearlyIndicator i, PlanLevels levels, IStringLocalizer l) =>
        i.MeasureNumber is { } number ? levels.Measure.One + " " + number
        : i.FieldNumber is int field ? FieldLabel(levels, field)
        : l["ganzer Plan"];

    /// <summary>Where an indicator stands, in the indicator pages' words.</summary>
    public static string Track(TrackState state, IStringLocalizer l) => l[Indicators.IndicatorText.State(state)];

    /// <summary>"Jahresbericht-2020-Fachplan-Asyl-und-Integration-2022.pdf".</summary>
    public static string FileName(YearlyReportContent c, string extension)
    {
        var plan = Plans.Print.PlanPdf.Slug(c.PlanTitle);
        var year = c.Year.ToString(CultureInfo.InvariantCulture);
        return (plan.Length == 0 ? $"Jahresbericht-{year}" : $"Jahresbericht-{year}-{plan}") + "." + extension;
    }
}
