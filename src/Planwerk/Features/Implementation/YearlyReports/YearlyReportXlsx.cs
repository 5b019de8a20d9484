using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Planwerk.Features.Plans.Transfer;

namespace Planwerk.Features.Implementation.YearlyReports;

/// <summary>The reports of a yearly report as an XLSX sheet: one row per measure and reporting period that ends in the
/// year, in plan order, with the columns of a report. A period without a published report has its row with the state
/// "kein veröffentlichter Bericht" and no content, so the sheet shows what is missing too. Text cells are typed as text
/// (a spreadsheet never runs them as formulas; text that starts like one also carries the quote prefix, so editing the
/// cell keeps it text); progress and money are numbers, the day of publication a date.</summary>
public static class YearlyReportXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The most characters a spreadsheet cell holds.</summary>
    private const int MaxCellLength = 32_767;

    public static byte[] Write(YearlyReportContent c, IStringLocalizer l)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(l["Berichte {0}", c.Year.ToString(CultureInfo.InvariantCulture)]);
        var levels = c.Levels;
        (string Title, double Width)[] header =
        [
            (l["Nummer"], 10), (levels.Measure.One, 36), (levels.Field.One, 28), (l["Federführung"], 28), (l["Berichtszeitraum"], 20),
            (l["Stand des Berichts"], 22), (l["Status"], 20), (l["Fortschritt in %"], 12), (l["Was wurde getan?"], 50), (l["Nächste Schritte"], 50),
            (l["Hindernisse"], 50), (l["Bisher ausgegeben in Euro"], 16), (l["Links"], 40), (l["Veröffentlicht am"], 14),
        ];
        for (var i = 0; i < header.Length; i++)
        {
            var cell = sheet.Cell(1, i + 1);
            cell.SetValue(header[i].Title);
            cell.DataType = XLDataType.Text;
            cell.Style.Font.Bold = true;
            // Fixed widths: AdjustToContents would measure text with System.Drawing, which Linux lacks.
            sheet.Column(i + 1).Width = header[i].Width;
        }
        sheet.SheetView.FreezeRows(1);

        var row = 2;
        foreach (var f in c.Fields)
        {
            var field = $"{YearlyReportText.FieldLabel(levels, f.Number)}: {f.Title}";
            foreach (var m in f.Measures)
            {
                for (var p = 0; p < c.Periods.Count; p++)
                {
                    var r = m.Reports[p];
                    Text(sheet.Cell(row, 1), m.Number);
                    Text(sheet.Cell(row, 2), m.Title);
                    Text(sheet.Cell(row, 3), field);
                    Text(sheet.Cell(row, 4), m.Lead);
                    Text(sheet.Cell(row, 5), c.Periods[p].Name);
                    Text(sheet.Cell(row, 6), r is null ? l["kein veröffentlichter Bericht"] : l["veröffentlicht"]);
                    if (r is not null)
                    {
                        Text(sheet.Cell(row, 7), r.StatusName);
                        if (r.Progress is int progress) sheet.Cell(row, 8).SetValue(progress);
                        Text(sheet.Cell(row, 9), r.Done);
                        Text(sheet.Cell(row, 10), r.NextSteps);
                        Text(sheet.Cell(row, 11), r.Obstacles);
                        if (r.Spent is decimal spent)
                        {
                            var cell = sheet.Cell(row, 12);
                            cell.SetValue(spent);
                            cell.Style.NumberFormat.Format = "#,##0.00";
                        }
                        Text(sheet.Cell(row, 13), string.Join("\n", MeasureReport.SplitLinks(r.Links)));
                        if (r.PublishedOn is { } on)
                        {
                            var cell = sheet.Cell(row, 14);
                            cell.SetValue(on.ToDateTime(TimeOnly.MinValue));
                            cell.Style.DateFormat.Format = "yyyy-mm-dd";
                        }
                    }
                    row++;
                }
            }
        }
        if (row > 2) sheet.Range(1, 1, row - 1, header.Length).SetAutoFilter();

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Text(IXLCell cell, string text)
    {
        if (text.Length == 0) return;
        cell.SetValue(CellText(text));
        cell.DataType = XLDataType.Text;
        // A text that starts like a formula stays text in every spreadsheet program.
        if (FormulaGuard.NeedsGuard(text)) cell.Style.IncludeQuotePrefix = true;
        cell.Style.Alignment.WrapText = true;
        cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }

    /// <summary>XML keeps no control characters but line breaks and tabs; a cell holds at most 32,767 characters.</summary>
    private static string CellText(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\r')
            {
                sb.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else if (ch < ' ' && ch is not ('\n' or '\t')) sb.Append('\uFFFD');
            else sb.Append(ch);
        }
        return sb.Length <= MaxCellLength ? sb.ToString() : sb.ToString(0, MaxCellLength - 1) + "…";
    }
}
