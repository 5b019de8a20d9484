using System.Globalization;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Print;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation.YearlyReports;

/// <summary>The yearly report as a PDF, from the same <see cref="YearlyReportContent"/> and in the same order as the print
/// view: title page, contents with page numbers, foreword, overview with the two charts (bars drawn as rectangles, each
/// row with its label and value as text), each field with its measures and their reports, milestones and indicators.
/// Made by <see cref="PdfLayout"/>, so it is tagged and titled like the plan's PDF.</summary>
public static class YearlyReportPdf
{
    private static readonly XColor FieldBar = XColor.FromArgb(8, 58, 102);

    private static XColor StatusBar(MeasureStatus status) => status switch
    {
        MeasureStatus.NotStarted => XColor.FromArgb(95, 99, 104),
        MeasureStatus.Completed => XColor.FromArgb(30, 107, 52),
        MeasureStatus.Delayed => XColor.FromArgb(154, 91, 0),
        MeasureStatus.Discontinued => XColor.FromArgb(161, 29, 29),
        _ => FieldBar,
    };

    public static byte[] Render(YearlyReportContent c, string municipalityName, IStringLocalizer l)
    {
        using var layout = new PdfLayout();
        var title = YearlyReportText.Title(c.Year, l);
        var year = c.Year.ToString(CultureInfo.InvariantCulture);
        var levels = c.Levels;
        var lines = new List<PdfLine>();
        IReadOnlyList<TextParagraph> Plain(string? text) => string.IsNullOrWhiteSpace(text) ? [] : [new TextParagraph([new TextRun(text)])];
        void Fact(string label, IReadOnlyList<TextParagraph> value)
        {
            if (value.Count > 0) lines.AddRange(layout.Fact(label, value));
        }

        // Title page
        lines.AddRange(layout.Text(municipalityName, layout.Subtitle, 0, PdfLayout.Muted));
        if (c.IsDraft) lines.AddRange(layout.Text(l["Entwurf"] + " – " + l["nicht veröffentlicht. Nur das Planungsteam sieht diese Vorschau."], layout.SmallBold, 12, PdfLayout.Muted));
        lines.Add(PdfLayout.Space(150));
        lines.AddRange(layout.Heading(title, layout.Title, 0));
        lines.AddRange(layout.Text(c.PlanPeriod.Length > 0 ? $"{c.PlanTitle} ({c.PlanPeriod})" : c.PlanTitle, layout.Subtitle, 12));
        lines.AddRange(layout.Text(l["Veröffentlicht am"] + ": " + (c.PublishedOn is { } on ? BerlinTime.Date(on) : l["noch nicht (Entwurf)"]), layout.Body, 28));
        if (c.YearRuns) lines.AddRange(layout.Text(l["Stand"] + ": " + l["{0} (das Jahr läuft noch)", BerlinTime.Date(c.StateDay)], layout.Body, 4));

        // Contents
        lines.AddRange(layout.Heading(l["Inhalt"], layout.Heading1, 0, "contents", 1, breakBefore: true));
        lines.Add(PdfLayout.Space(6));
        if (c.Foreword.Length > 0) lines.AddRange(layout.TocEntry(l["Vorwort"], "foreword", 0, layout.BodyBold));
        lines.AddRange(layout.TocEntry(l["Überblick"], "overview", 0, layout.BodyBold));
        foreach (var f in c.Fields)
            lines.AddRange(layout.TocEntry($"{YearlyReportText.FieldLabel(levels, f.Number)}: {f.Title}", FieldAnchor(f), 0, layout.BodyBold));
        lines.AddRange(layout.TocEntry(l["Meilensteine"], "milestones", 0, layout.BodyBold));
        lines.AddRange(layout.TocEntry(l["Indikatoren"], "indicators", 0, layout.BodyBold));

        if (c.Foreword.Length > 0)
        {
            lines.AddRange(layout.Heading(l["Vorwort"], layout.Heading1, 0, "foreword", 1, breakBefore: true));
            lines.AddRange(layout.Paragraphs(MarkdownText.ToParagraphs(c.Foreword), 0, PdfLayout.ContentWidth, layout.Body, layout.BodyBold, 8));
        }

        // Overview: key figures and the two charts with their summaries; each bar row carries its label and value.
        var rollUp = c.RollUp;
        lines.AddRange(layout.Heading(l["Überblick: Stand Ende {0}", year], layout.Heading1, 0, "overview", 1, breakBefore: true));
        lines.AddRange(layout.Text(YearlyReportText.Method(c, l), layout.Body, 8));
        lines.AddRange(layout.Text(YearlyReportText.Basis(c, l), layout.Body, 4));
        lines.Add(PdfLayout.Space(4));
        Fact(levels.Measure.Many, Plain(rollUp.Plan.Count.ToString(CultureInfo.CurrentCulture)));
        Fact(l["Fortschritt des Plans"], Plain(YearlyReportText.Percent(rollUp.Plan.Progress, l)));
        Fact(l["Berichtszeiträume des Jahres"], Plain(c.Periods.Count == 0 ? l["keine"] : string.Join(", ", c.Periods.Select(p => p.Name))));
        Fact(l["Veröffentlichte Berichte des Jahres"], Plain(c.PublishedReports.ToString(CultureInfo.CurrentCulture)));
        Fact(l["Überfällige Meilensteine"], Plain(c.MilestonesOverdue.Count.ToString(CultureInfo.CurrentCulture)));

        var statusChart = YearlyReportText.StatusChart(c, l);
        lines.AddRange(Chart(layout, statusChart, rollUp.Plan.ByStatus.Select(s => StatusBar(s.Status)).ToList()));
        var fieldChart = YearlyReportText.FieldChart(c, l);
        lines.AddRange(Chart(layout, fieldChart, fieldChart.Bars.Select(_ => FieldBar).ToList()));
        lines.AddRange(layout.Heading(l["{0} mit Fortschritt und Status ihrer {1}", levels.Field.Many, levels.Measure.ManyInSentence], layout.Heading3, 14));
        foreach (var f in c.Fields)
        {
            var r = rollUp.Field(f.Id);
            var counts = string.Join(", ", r.ByStatus.Select(s => $"{YearlyReportText.Status(s.Status, l)} {s.Count.ToString(CultureInfo.CurrentCulture)}"));
            Fact(YearlyReportText.FieldLabel(levels, f.Number), Plain($"{f.Title}: {levels.Measure.Counted(r.Count)}, {YearlyReportText.Percent(r.Progress, l)}; {counts}"));
        }

        // Fields with their measures and the reports of the year's periods
        foreach (var f in c.Fields)
        {
            var r = rollUp.Field(f.Id);
            lines.AddRange(layout.Heading($"{YearlyReportText.FieldLabel(levels, f.Number)}: {f.Title}", layout.Heading1, 0, FieldAnchor(f), 1, breakBefore: true));
            lines.AddRange(layout.Text(l["{0}; Fortschritt Ende {1}: {2}.", levels.Measure.Counted(r.Count), year, YearlyReportText.Percent(r.Progress, l)], layout.Body, 6));
            foreach (var m in f.Measures)
            {
                lines.AddRange(layout.Heading($"{m.Number} {m.Title}", layout.Heading3, 18));
                Fact(l["Federführung"], Plain(m.Lead.Length > 0 ? m.Lead : l["keine"]));
                Fact(l["Stand Ende {0}", year], Plain($"{YearlyReportText.Status(m.Status, l)}, {PlanFormat.Percent(m.Progress)} ({YearlyReportText.BasisOf(m, l)})"));
                for (var i = 0; i < c.Periods.Count; i++)
                {
                    var heading = layout.Text(l["Bericht {0}", c.Periods[i].Name], layout.BodyBold, 8);
                    foreach (var h in heading) h.KeepWithNext = true;
                    lines.AddRange(heading);
                    if (m.Reports[i] is not { } report)
                    {
                        lines.AddRange(layout.Text(l["Kein veröffentlichter Bericht."], layout.Body, 2, PdfLayout.Muted));
                        continue;
                    }
                    Fact(l["Status"], Plain(report.StatusName.Length > 0 ? report.StatusName : l["nicht angegeben"]));
                    Fact(l["Fortschritt"], Plain(report.Progress is int p ? PlanFormat.Percent(p) : l["nicht angegeben"]));
                    if (report.Spent is decimal spent) Fact(l["Bisher ausgegeben"], Plain(PlanFormat.Euro(spent)));
                    if (report.PublishedOn is { } publishedOn) Fact(l["Veröffentlicht am"], Plain(BerlinTime.Date(publishedOn)));
                    Fact(l["Was wurde getan?"], MarkdownText.ToParagraphs(report.Done));
                    Fact(l["Nächste Schritte"], MarkdownText.ToParagraphs(report.NextSteps));
                    Fact(l["Hindernisse"], MarkdownText.ToParagraphs(report.Obstacles));
                    Fact(l["Links"], MeasureReport.SplitLinks(report.Links).Select(link => new TextParagraph([new TextRun(link)])).ToList());
                }
                if (lines.Count > 0) lines[^1].RuleBelow = true;
            }
        }

        // Milestones
        lines.AddRange(layout.Heading(l["Meilensteine"], layout.Heading1, 0, "milestones", 1, breakBefore: true));
        lines.AddRange(layout.Heading(l["Fällig in {0}", year], layout.Heading2, 10));
        if (c.MilestonesDue.Count == 0) lines.AddRange(layout.Text(l["Kein Meilenstein war in diesem Jahr fällig."], layout.Body, 4));
        foreach (var x in c.MilestonesDue) Fact(BerlinTime.Date(x.DueOn), Plain(Milestone(x, c.StateDay, l)));
        lines.AddRange(layout.Heading(c.YearRuns ? l["Heute überfällig"] : l["Überfällig am Jahresende"], layout.Heading2, 16));
        lines.AddRange(layout.Text(c.MilestonesOverdue.Count == 0 ? l["Kein Meilenstein ist überfällig."]
            : l.Count(c.MilestonesOverdue.Count, "1 Meilenstein ist überfällig.", "{0} Meilensteine sind überfällig."), layout.Body, 4));
        foreach (var x in c.MilestonesOverdue) Fact(BerlinTime.Date(x.DueOn), Plain(Milestone(x with { DoneOn = null }, c.StateDay, l)));

        // Indicators
        lines.AddRange(layout.Heading(l["Indikatoren"], layout.Heading1, 0, "indicators", 1, breakBefore: true));
        if (c.Indicators.Count == 0) lines.AddRange(layout.Text(l["Der Plan hat keine Indikatoren."], layout.Body, 8));
        else lines.AddRange(layout.Text(l["Der letzte Wert bis Ende {0} im Vergleich mit dem Weg vom Ausgangswert zum Zielwert.", year], layout.Body, 8));
        foreach (var i in c.Indicators)
        {
            lines.AddRange(layout.Heading(i.Name, layout.Heading3, 14));
            Fact(l["Bezug"], Plain(YearlyReportText.IndicatorScope(i, levels, l)));
            Fact(l["Ausgangswert"], Plain($"{YearlyReportContent.Value(i.Baseline, i.Unit)} ({BerlinTime.Date(i.BaselineOn)})"));
            Fact(l["Zielwert"], Plain($"{YearlyReportContent.Value(i.Target, i.Unit)} ({BerlinTime.Date(i.TargetOn)})"));
            Fact(l["Letzter Wert"], Plain(i.Track.Latest is { } latest ? $"{YearlyReportContent.Value(latest.Value, i.Unit)} ({BerlinTime.Date(latest.On)})" : l["–"]));
            Fact(l["Stand"], Plain(YearlyReportText.Track(i.Track.State, l)));
        }

        var documentTitle = $"{title}: {c.PlanTitle}";
        return layout.Render(lines, new PdfRenderOptions(
            Title: c.IsDraft ? $"{l["Entwurf"]}: {documentTitle}" : documentTitle,
            Author: municipalityName,
            Subject: documentTitle,
            Language: CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            RunningHeader: c.IsDraft ? $"{municipalityName} · {documentTitle} · {l["Entwurf"]}" : $"{municipalityName} · {documentTitle}",
            FirstPageIsTitle: true,
            Footer: (page, pages) => l["Seite {0} von {1}", page, pages]));
    }

    private static string FieldAnchor(YearlyField f) => "field-" + f.Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>A chart: its title, the sentence that says the same, and one bar row per bar.</summary>
    private static List<PdfLine> Chart(PdfLayout layout, BarChart chart, List<XColor> colors)
    {
        var lines = layout.Heading(chart.Title, layout.Heading3, 14);
        lines.AddRange(layout.Text(chart.Summary, layout.Body, 4));
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var row = layout.BarRow(bar.Label, chart.Max <= 0 ? 0 : bar.Value / chart.Max, bar.ValueText, colors[i]);
            if (i == 0) row.SpaceBefore = 6;
            lines.Add(row);
        }
        return lines;
    }

    private static string Milestone(YearlyMilestone x, DateOnly stateDay, IStringLocalizer l)
    {
        var state = x.DoneOn is { } done ? l["erledigt am {0}", BerlinTime.Date(done)]
            : Implementation.Milestone.IsOverdue(x.DueOn, null, stateDay) ? l["überfällig seit {0}", BerlinTime.Date(x.DueOn)]
            : l["offen"];
        return $"{x.MeasureNumber} {x.MeasureTitle}: {x.Title} – {state}";
    }
}
