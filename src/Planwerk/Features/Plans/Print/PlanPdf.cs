using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Time;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Infrastructure.Localization;

namespace Planwerk.Features.Plans.Print;

/// <summary>Composes the PDF of a plan, a field of action or a measure from a <see cref="PrintDocument"/>:
/// the same content and order as the print view. The whole plan gets a title page, a table of
/// contents with page numbers, its narrative sections with their PNG and JPEG images, the principles
/// and the fields with their measures; every page a "Seite n von m" footer.</summary>
public static class PlanPdf
{
    public static byte[] Render(PrintDocument document, IStringLocalizer<SharedResource> l)
    {
        using var layout = new PdfLayout();
        var lines = document.Scope switch
        {
            DocumentScope.Plan => WholePlan(layout, document, l),
            DocumentScope.Field => OneField(layout, document, l),
            _ => OneMeasure(layout, document, l),
        };
        var subject = document.Scope switch
        {
            DocumentScope.Field => FieldHeading(document.Plan, document.Field),
            DocumentScope.Measure => MeasureHeading(document.Measure),
            _ => document.Title,
        };
        var header = string.IsNullOrEmpty(document.Period) ? document.Title : $"{document.Title} ({document.Period})";
        return layout.Render(lines, new PdfRenderOptions(
            Title: document.Scope == DocumentScope.Plan ? document.Title : $"{subject} – {document.Title}",
            Author: document.MunicipalityName,
            Subject: subject,
            Language: CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            RunningHeader: $"{document.MunicipalityName} · {header}",
            FirstPageIsTitle: document.Scope == DocumentScope.Plan,
            Footer: (page, pages) => l["Seite {0} von {1}", page, pages]));
    }

    /// <summary>"Fachplan-Asyl-und-Integration-2022.pdf": the plan's title in letters, digits and hyphens,
    /// with the plan's word for the level and the field or measure number appended for a part
    /// ("…-Themenfeld-4.pdf").</summary>
    public static string FileName(PrintDocument document)
    {
        var name = Slug(document.Title);
        if (name.Length == 0) name = "Fachplan-" + document.PlanId.ToString(CultureInfo.InvariantCulture);
        return document.Scope switch
        {
            DocumentScope.Field => $"{name}-{LevelSlug(document.Plan.LevelNames.Field, PlanLevels.Default.Field)}-{document.Field.Number.ToString(CultureInfo.InvariantCulture)}.pdf",
            DocumentScope.Measure => $"{name}-{LevelSlug(document.Plan.LevelNames.Measure, PlanLevels.Default.Measure)}-{Slug(document.Measure.Number)}.pdf",
            _ => name + ".pdf",
        };
    }

    /// <summary>The level's word as a file name part; a word with nothing left ("<>") takes the default's.</summary>
    private static string LevelSlug(LevelWords words, LevelWords fallback)
    {
        var slug = Slug(words.One).Replace(".", "", StringComparison.Ordinal);
        return slug.Length > 0 ? slug : Slug(fallback.One);
    }

    /// <summary>Text as a file name part: umlauts spelt out, anything but letters, digits and dots a hyphen, at most 80 characters.</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var replacement = c switch
            {
                'ä' => "ae", 'ö' => "oe", 'ü' => "ue", 'Ä' => "Ae", 'Ö' => "Oe", 'Ü' => "Ue", 'ß' => "ss",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                '.' => ".",
                _ => "-",
            };
            sb.Append(replacement);
        }
        var slug = string.Join('-', sb.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries)).Trim('.', '-');
        return slug.Length > 80 ? slug[..80].TrimEnd('-', '.') : slug;
    }

    public static string FieldHeading(PlanDocument plan, FieldDocument field) =>
        $"{plan.LevelNames.Field.One} {field.Number.ToString(CultureInfo.InvariantCulture)}: {field.Title}";

    public static string MeasureHeading(MeasureDocument measure) => $"{measure.Number} {measure.Title}";

    private static List<PdfLine> WholePlan(PdfLayout layout, PrintDocument d, IStringLocalizer l)
    {
        var lines = new List<PdfLine>();

        // Title page
        lines.AddRange(layout.Text(d.MunicipalityName, layout.Subtitle, 0, PdfLayout.Muted));
        lines.Add(PdfLayout.Space(170));
        lines.AddRange(layout.Heading(d.Title, layout.Title, 0));
        if (!string.IsNullOrEmpty(d.Period)) lines.AddRange(layout.Text(d.Period, layout.Subtitle, 12));
        lines.AddRange(layout.Text(l["Status: {0}", l[PlanText.State(d.Plan.State)]], layout.Body, 28));
        if (d.AdoptedOn is { } adoptedOn) lines.AddRange(layout.Text(l["Beschlossene Fassung vom {0}", BerlinTime.Date(adoptedOn)], layout.Body, 4));
        lines.AddRange(layout.Text(l["Stand: {0}", BerlinTime.Date(d.AsOf)], layout.Body, 4));
        if (d.HasExamples)
            lines.AddRange(layout.Text(l["Beispielinhalt: Dieses Dokument enthält erfundene Beispieltexte, nicht den Text der Kommune."], layout.SmallBold, 28, PdfLayout.Muted));

        // Table of contents
        var toc = layout.Heading(l["Inhalt"], layout.Heading1, 0, "contents", 1, breakBefore: true);
        lines.AddRange(toc);
        lines.Add(PdfLayout.Space(6));
        if (d.HasSummary) lines.AddRange(layout.TocEntry(l["Zusammenfassung"], "summary", 0, layout.BodyBold));
        for (var i = 0; i < d.Plan.Sections.Count; i++)
            lines.AddRange(layout.TocEntry(d.Plan.Sections[i].Title, PrintDocument.SectionAnchor(i), 0, layout.BodyBold));
        if (d.Plan.Principles.Count > 0) lines.AddRange(layout.TocEntry(d.Plan.LevelNames.Principle.Many, "principles", 0, layout.BodyBold));
        foreach (var field in d.Fields)
        {
            lines.AddRange(layout.TocEntry(FieldHeading(d.Plan, field), PrintDocument.FieldAnchor(field), 0, layout.BodyBold));
            foreach (var measure in field.Measures)
                lines.AddRange(layout.TocEntry(MeasureHeading(measure), PrintDocument.MeasureAnchor(measure), 1, layout.Body));
        }

        // Summary, narrative sections (each on a new page) and principles
        if (d.HasSummary)
        {
            lines.AddRange(layout.Heading(l["Zusammenfassung"], layout.Heading1, 0, "summary", 1, breakBefore: true));
            lines.AddRange(layout.Paragraphs(MarkdownText.ToParagraphs(d.Plan.Summary), 0, PdfLayout.ContentWidth, layout.Body, layout.BodyBold, 8));
        }
        var images = new Dictionary<int, PdfSharp.Drawing.XImage?>();
        PdfSharp.Drawing.XImage? Image(ImageReference reference)
        {
            if (!images.TryGetValue(reference.Number, out var image))
                images[reference.Number] = image = d.Image(reference.Number) is { } stored ? layout.LoadImage(stored.Data) : null;
            return image;
        }
        for (var i = 0; i < d.Plan.Sections.Count; i++)
        {
            var section = d.Plan.Sections[i];
            lines.AddRange(layout.Heading(section.Title, layout.Heading1, 0, PrintDocument.SectionAnchor(i), 1, breakBefore: true));
            lines.AddRange(layout.Paragraphs(MarkdownText.ToParagraphs(section.Body), 0, PdfLayout.ContentWidth, layout.Body, layout.BodyBold, 8, Image));
            if (d.RetrospectiveOf(i) is { } retrospective) lines.AddRange(RetrospectiveLines(layout, retrospective, l));
        }
        if (d.Plan.Principles.Count > 0)
        {
            var first = !d.HasSummary || d.Plan.Sections.Count > 0;
            lines.AddRange(layout.Heading(d.Plan.LevelNames.Principle.Many, layout.Heading1, 24, "principles", 1, breakBefore: first));
            foreach (var principle in d.Plan.Principles)
            {
                var title = new TextParagraph([new TextRun(principle.Title, Bold: true)], 1, principle.Position.ToString(CultureInfo.InvariantCulture) + ".");
                var text = MarkdownText.ToParagraphs(principle.Description).Select(p => p with { Level = p.Level + 1 });
                lines.AddRange(layout.Paragraphs([title, .. text], 0, PdfLayout.ContentWidth, layout.Body, layout.BodyBold, 8));
            }
        }

        foreach (var field in d.Fields)
        {
            lines.AddRange(FieldLines(layout, d, field, l, breakBefore: true));
        }
        return lines;
    }

    /// <summary>What Planwerk adds to a retrospective: the earlier plan's measures by their assessment as text, then each
    /// chosen dataset's chart as vector graphics with its caption and text summary.</summary>
    private static List<PdfLine> RetrospectiveLines(PdfLayout layout, Sections.RetrospectivePart part, IStringLocalizer l)
    {
        var lines = new List<PdfLine>();
        if (part.Earlier is { MeasureCount: > 0 } earlier)
        {
            lines.AddRange(layout.Heading(l["Die {0} des Vorgängerplans nach ihrer Bewertung", earlier.MeasureWords.Many] + " (" + earlier.Title + ")", layout.Heading2, 16));
            foreach (var group in earlier.Groups)
            {
                lines.AddRange(layout.Heading($"{Sections.Retrospective.GroupHeading(group.Outcome, l)} ({group.Measures.Count.ToString(CultureInfo.CurrentCulture)})", layout.Heading3, 10));
                var paragraphs = new List<TextParagraph>();
                foreach (var m in group.Measures)
                {
                    paragraphs.Add(new TextParagraph([new TextRun(m.Number + " " + m.Title, Bold: true)], 1, "–"));
                    if (m.OutcomeText.Length > 0) paragraphs.Add(new TextParagraph([new TextRun(m.OutcomeText)], 1));
                    if (m.ContinuedNumber is not null)
                        paragraphs.Add(new TextParagraph([new TextRun(l["Fortgeführt in diesem Plan als"] + " " + m.ContinuedNumber + " " + m.ContinuedTitle)], 1));
                }
                lines.AddRange(layout.Paragraphs(paragraphs, 0, PdfLayout.ContentWidth, layout.Body, layout.BodyBold, 4));
            }
        }
        if (part.Charts.Count > 0)
        {
            lines.AddRange(layout.Heading(l["Zahlen"], layout.Heading2, 16));
            foreach (var chart in part.Charts)
            {
                lines.AddRange(layout.Heading(chart.Caption, layout.Heading3, 12));
                if (chart.Layout is not { } chartLayout)
                {
                    lines.AddRange(layout.Text(l["Es liegen noch keine Zahlen vor."], layout.Body, 4));
                    continue;
                }
                var caption = chart.HasMissing ? l["Fehlende Zahlen sind mit „keine Angabe“ markiert, nicht als Null gezeichnet."].Value : "";
                lines.AddRange(layout.DrawingBlock((gfx, box) => Statistics.Charts.ChartPdf.Draw(gfx, chartLayout, box), chartLayout.Height / chartLayout.Width,
                    chartLayout.Description, caption));
                lines.AddRange(layout.Paragraphs([new TextParagraph([new TextRun(chartLayout.Description)])], 0, PdfLayout.ContentWidth, layout.Small, layout.SmallBold, 6));
            }
        }
        return lines;
    }

    private static List<PdfLine> OneField(PdfLayout layout, PrintDocument d, IStringLocalizer l)
    {
        var lines = Context(layout, d, l, withField: false);
        lines.AddRange(FieldLines(layout, d, d.Field, l, breakBefore: false));
        return lines;
    }

    private static List<PdfLine> OneMeasure(PdfLayout layout, PrintDocument d, IStringLocalizer l)
    {
        var lines = Context(layout, d, l, withField: true);
        lines.AddRange(MeasureLines(layout, d, d.Measure, l, layout.Heading1, outlineLevel: 1));
        return lines;
    }

    /// <summary>Where a printed part comes from: municipality, plan, and for a measure its field.</summary>
    private static List<PdfLine> Context(PdfLayout layout, PrintDocument d, IStringLocalizer l, bool withField)
    {
        var lines = layout.Text(d.MunicipalityName, layout.Small, 0, PdfLayout.Muted);
        lines.AddRange(layout.Text(string.IsNullOrEmpty(d.Period) ? d.Title : $"{d.Title} ({d.Period})", layout.SmallBold, 2, PdfLayout.Muted));
        if (withField) lines.AddRange(layout.Text(FieldHeading(d.Plan, d.Field), layout.Small, 2, PdfLayout.Muted));
        lines.AddRange(layout.Text(l["Stand: {0}", BerlinTime.Date(d.AsOf)], layout.Small, 2, PdfLayout.Muted));
        return lines;
    }

    private static List<PdfLine> FieldLines(PdfLayout layout, PrintDocument d, FieldDocument field, IStringLocalizer l, bool breakBefore)
    {
        var lines = layout.Heading(FieldHeading(d.Plan, field), layout.Heading1, 14, PrintDocument.FieldAnchor(field), 1, breakBefore);
        lines.AddRange(layout.Paragraphs(MarkdownText.ToParagraphs(field.Description), 0, PdfLayout.ContentWidth, layout.Body, layout.BodyBold, 6));
        foreach (var measure in field.Measures)
            lines.AddRange(MeasureLines(layout, d, measure, l, layout.Heading3, outlineLevel: 2));
        return lines;
    }

    private static List<PdfLine> MeasureLines(PdfLayout layout, PrintDocument d, MeasureDocument m, IStringLocalizer l, PdfSharp.Drawing.XFont headingFont, int outlineLevel)
    {
        var lines = layout.Heading(MeasureHeading(m), headingFont, 20, PrintDocument.MeasureAnchor(m), outlineLevel);
        if (m.IsExample)
        {
            var tag = layout.Text(l["Beispielinhalt"], layout.SmallBold, 1, PdfLayout.Muted);
            foreach (var t in tag) t.KeepWithNext = true;
            lines.AddRange(tag);
        }
        var culture = CultureInfo.CurrentCulture;
        void Fact(string label, IReadOnlyList<TextParagraph> value)
        {
            if (value.Count > 0) lines.AddRange(layout.Fact(label, value));
        }
        IReadOnlyList<TextParagraph> Plain(string? text) => string.IsNullOrWhiteSpace(text) ? [] : [new TextParagraph([new TextRun(text)])];

        Fact(l["Ziel"], MarkdownText.ToParagraphs(m.Goal));
        Fact(l["Beschreibung"], MarkdownText.ToParagraphs(m.Description));
        Fact(l["Zielgruppen"], Plain(m.TargetGroups));
        Fact(l["Verantwortlich"], Plain(m.Lead));
        Fact(l["Partner"], Plain(m.Partners));
        Fact(l["Stadtbezirke und Ortschaften"], Plain(m.Districts.Count == 0 ? l["gesamtes Stadtgebiet"] : Districts(m)));
        Fact(l["Zeitraum"], Plain(TimeFrame(m.StartDate, m.EndDate, l)));
        Fact(l["Kosten (geschätzt)"], Plain(m.EstimatedCost is decimal cost ? Cost(cost) : null));
        Fact(l["Finanzierung"], Plain(m.Funding));
        Fact(l["Priorität"], Plain(l[PlanText.Priority(m.Priority)]));
        Fact(d.Plan.LevelNames.Principle.Many, d.PrinciplesOf(m).Select(p => new TextParagraph([new TextRun(p.Title)], 1, p.Position.ToString(CultureInfo.InvariantCulture) + ".")).ToList());
        Fact(l["Status"], Plain(l[PlanText.Status(m.Status)]));
        Fact(l["Umsetzungsstand"], Plain(m.Progress.ToString(culture) + " %"));
        if (lines.Count > 0) lines[^1].RuleBelow = true;
        return lines;
    }

    public static string TimeFrame(DateOnly? start, DateOnly? end, IStringLocalizer l)
    {
        return (start, end) switch
        {
            (DateOnly s, DateOnly e) => $"{BerlinTime.Date(s)} – {BerlinTime.Date(e)}",
            (DateOnly s, null) => l["ab {0}", BerlinTime.Date(s)],
            (null, DateOnly e) => l["bis {0}", BerlinTime.Date(e)],
            _ => "",
        };
    }

    /// <summary>Euros without cents, grouped the reader's way: "120.000 €" or "120,000 €".</summary>
    public static string Cost(decimal cost) => cost.ToString("N0", CultureInfo.CurrentCulture) + " €";

    /// <summary>A measure's districts and localities, ordered the reader's way.</summary>
    public static string Districts(MeasureDocument m) => string.Join(", ", m.Districts.Order(StringComparer.CurrentCulture));
}
