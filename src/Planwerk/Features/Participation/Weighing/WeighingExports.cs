using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Print;
using Planwerk.Features.Plans.Transfer;

namespace Planwerk.Features.Participation.Weighing;

/// <summary>The weighing table (Abwägungstabelle) as XLSX and PDF. <c>withNames</c> is the plan team's
/// internal table (every statement, the submitters' names, consent and who weighed); without it the
/// public one (only consented statements, organisations or "Privatperson", never a person's name).</summary>
public static class WeighingExports
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string PdfContentType = "application/pdf";

    /// <summary>The most characters a spreadsheet cell holds.</summary>
    private const int MaxCellLength = 32_767;

    public static string FileName(WeighingTable table, string extension, bool withNames) =>
        string.Create(CultureInfo.InvariantCulture, $"Abwaegungstabelle-{table.Round.Id}{(withNames ? "-intern" : "")}.{extension}");

    public static byte[] Xlsx(WeighingTable table, bool withNames, IStringLocalizer l)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(l["Abwägung"]);
        var header = new List<(string Title, double Width)>
        {
            (l["Planteil"], 30), (l["Eingangsnummer"], 14), (l["Eingegangen am"], 16), (l["Eingereicht von"], 28),
        };
        if (withNames) header.Add((l["Zustimmung zur Veröffentlichung"], 14));
        header.AddRange([(l["Zitierte Stelle"], 30), (l["Stellungnahme"], 60), (l["Ergebnis"], 20), (l["Begründung"], 60), (l["Planänderungen"], 40)]);
        if (withNames) header.Add((l["Abgewogen von"], 24));
        for (var c = 0; c < header.Count; c++)
        {
            var cell = sheet.Cell(1, c + 1);
            cell.SetValue(header[c].Title);
            cell.Style.Font.Bold = true;
            // Fixed widths: AdjustToContents would measure text with System.Drawing, which Linux lacks.
            sheet.Column(c + 1).Width = header[c].Width;
        }
        sheet.SheetView.FreezeRows(1);

        var row = 2;
        foreach (var part in table.Parts)
        {
            foreach (var s in part.Statements)
            {
                var cells = new List<string>
                {
                    part.Part.Label, s.ReceiptNumber, WeighingText.Time(s.SubmittedAt), WeighingReads.Submitter(s, withNames, l),
                };
                if (withNames) cells.Add(s.ConsentToPublish ? l["ja"] : l["nein"]);
                cells.AddRange([s.Quote, s.Text, s.Outcome is { } o ? l[WeighingText.Outcome(o)] : l["noch nicht abgewogen"], s.Reasons,
                    string.Join("\n", s.Changes.Select(c => c.Line(l)))]);
                if (withNames) cells.Add(s.WeighedAt is { } at ? $"{s.WeighedByName}, {WeighingText.Time(at)}" : "");
                for (var c = 0; c < cells.Count; c++)
                {
                    var cell = sheet.Cell(row, c + 1);
                    cell.SetValue(CellText(cells[c]));
                    cell.DataType = XLDataType.Text;
                    // A text that starts like a formula stays text in every spreadsheet program.
                    if (FormulaGuard.NeedsGuard(cells[c])) cell.Style.IncludeQuotePrefix = true;
                    cell.Style.Alignment.WrapText = true;
                    cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
                }
                row++;
            }
        }
        if (row > 2) sheet.Range(1, 1, row - 1, header.Count).SetAutoFilter();
        if (table.Withheld > 0)
            sheet.Cell(row + 1, 1).SetValue(WeighingReads.Withheld(table.Withheld, l));

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>XML keeps no control characters but line breaks and tabs; a cell holds at most 32,767 characters.</summary>
    private static string CellText(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else if (c < ' ' && c is not ('\n' or '\t')) sb.Append('\uFFFD');
            else sb.Append(c);
        }
        return sb.Length <= MaxCellLength ? sb.ToString() : sb.ToString(0, MaxCellLength - 1) + "…";
    }

    public static byte[] Pdf(WeighingTable table, bool withNames, string municipalityName, IStringLocalizer l)
    {
        using var layout = new PdfLayout();
        var round = table.Round;
        var title = l["Abwägungstabelle: {0}", round.Title].Value;
        var lines = layout.Text(municipalityName, layout.Small, 0, PdfLayout.Muted);
        lines.AddRange(layout.Heading(title, layout.Heading1, 6));
        lines.AddRange(layout.Text(l["Plan: {0}, Fassung „{1}“", round.PlanTitle, round.VersionName], layout.Body, 6));
        lines.AddRange(layout.Text(l["Beteiligung vom {0} bis {1}", WeighingText.Time(round.OpensAt), WeighingText.Time(round.ClosesAt)], layout.Body, 2));
        if (round.WeighingPublishedAt is { } published)
            lines.AddRange(layout.Text(l["Abwägung veröffentlicht am {0}", WeighingText.Date(published)], layout.Body, 2));
        lines.AddRange(layout.Text(withNames
            ? l["Interne Fassung mit allen {0} Stellungnahmen und den Namen der Einreichenden. Nicht zur Veröffentlichung.", table.Count]
            : l["{0} Stellungnahmen, deren Einreichende der Veröffentlichung zugestimmt haben.", table.Count], layout.SmallBold, 6, PdfLayout.Muted));
        if (table.Withheld > 0)
            lines.AddRange(layout.Text(WeighingReads.Withheld(table.Withheld, l), layout.Small, 2, PdfLayout.Muted));

        IReadOnlyList<TextParagraph> Plain(string? text) => string.IsNullOrWhiteSpace(text) ? [] : [new TextParagraph([new TextRun(text)])];
        void Fact(string label, IReadOnlyList<TextParagraph> value)
        {
            if (value.Count > 0) lines.AddRange(layout.Fact(label, value, 110));
        }
        var partNumber = 0;
        foreach (var part in table.Parts)
        {
            partNumber++;
            lines.AddRange(layout.Heading(part.Part.Label, layout.Heading2, 18, "part-" + partNumber.ToString(CultureInfo.InvariantCulture), 1));
            foreach (var s in part.Statements)
            {
                lines.AddRange(layout.Heading(l["Stellungnahme {0}", s.ReceiptNumber], layout.Heading3, 12));
                Fact(l["Eingereicht von"], Plain(WeighingReads.Submitter(s, withNames, l)));
                Fact(l["Eingegangen am"], Plain(WeighingText.Time(s.SubmittedAt)));
                if (withNames) Fact(l["Veröffentlichung"], Plain(s.ConsentToPublish ? l["zugestimmt"] : l["nicht zugestimmt"]));
                Fact(l["Zitierte Stelle"], Plain(s.Quote));
                Fact(l["Stellungnahme"], MarkdownText.ToParagraphs(s.Text));
                Fact(l["Ergebnis"], Plain(s.Outcome is { } o ? l[WeighingText.Outcome(o)] : l["noch nicht abgewogen"]));
                Fact(l["Begründung"], MarkdownText.ToParagraphs(s.Reasons));
                if (round.WeighingPublishedAt is { } at && s.WeighedAt > at)
                    Fact(l["Korrektur"], Plain(l["nach der Veröffentlichung geändert am {0}", WeighingText.Time(s.WeighedAt.Value)]));
                Fact(l["Planänderungen"], s.Changes.Select(c => new TextParagraph([new TextRun(c.Line(l))], 1, "•")).ToList());
                if (withNames && s.WeighedAt is { } weighed) Fact(l["Abgewogen von"], Plain($"{s.WeighedByName}, {WeighingText.Time(weighed)}"));
                if (lines.Count > 0) lines[^1].RuleBelow = true;
            }
        }
        if (table.Count == 0) lines.AddRange(layout.Text(l["Keine Stellungnahmen."], layout.Body, 12));

        return layout.Render(lines, new PdfRenderOptions(
            Title: title,
            Author: municipalityName,
            Subject: round.PlanTitle,
            Language: CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            RunningHeader: $"{municipalityName} · {title}",
            FirstPageIsTitle: false,
            Footer: (page, pages) => l["Seite {0} von {1}", page, pages]));
    }
}
