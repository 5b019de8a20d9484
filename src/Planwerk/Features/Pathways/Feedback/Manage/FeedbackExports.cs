using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Pathways.Feedback.Manage;

/// <summary>Step feedback as CSV (UTF-8 with byte order mark, ";" between values, as the other exports) and XLSX: one row
/// per entry (rejected ones left out), German column names; a text appears only once approved. Every text that a
/// spreadsheet would read as a formula is kept as text.</summary>
public static class FeedbackExports
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const int MaxCellLength = 32_767;

    public static readonly IReadOnlyList<string> Columns =
    [
        "Eingegangen am", "Integrationsweg", "Schritt", "Hat geklappt", "Was nicht geklappt hat", "Text", "Status",
        "Geprüft von", "Geprüft am", "Sprache", "Übernommen als Stellungnahme", "Begründung der Planänderung (Nr.)",
    ];

    public static IReadOnlyList<string> Cells(FeedbackNote n) =>
    [
        BerlinTime.ExportDateTime(n.CreatedAt), n.PathwayTitle, n.StepTitle, n.Worked ? "ja" : "nein",
        n.Problem == StepProblem.None ? "" : FeedbackText.ProblemShort(n.Problem),
        n.State == FeedbackState.Approved ? n.Text : "", FeedbackText.State(n.State),
        n.ModeratedByName, n.ModeratedAt is { } at ? BerlinTime.ExportDateTime(at) : "", n.Language, n.ReceiptNumber ?? "",
        n.ChangeRecordId is int c ? c.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
    ];

    public static byte[] Csv(IEnumerable<FeedbackNote> notes)
    {
        using var stream = new MemoryStream();
        var options = new CsvWriterOptions
        {
            Separator = ';',
            NewLine = "\r\n",
            Quoting = CsvQuoting.WhenNeededOrWhitespace,
            WriteByteOrderMark = true,
            Injection = CsvInjection.None,
        };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteRecord(Columns.ToArray());
            foreach (var note in notes) csv.WriteRecord(Cells(note).Select(FormulaGuard.Protect).ToArray());
        }
        return stream.ToArray();
    }

    public static byte[] Xlsx(IEnumerable<FeedbackNote> notes)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Rückmeldungen");
        for (var c = 0; c < Columns.Count; c++)
        {
            var cell = sheet.Cell(1, c + 1);
            cell.SetValue(Columns[c]);
            cell.Style.Font.Bold = true;
            // Fixed widths: AdjustToContents would measure text with System.Drawing, which Linux lacks.
            sheet.Column(c + 1).Width = Columns[c] is "Text" ? 60 : Columns[c] is "Integrationsweg" or "Schritt" ? 30 : 16;
        }
        sheet.SheetView.FreezeRows(1);
        var row = 2;
        foreach (var note in notes)
        {
            var cells = Cells(note);
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
        if (row > 2) sheet.Range(1, 1, row - 1, Columns.Count).SetAutoFilter();
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>XML keeps no control characters but line breaks and tabs; a cell holds at most 32,767 characters.</summary>
    private static string CellText(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(c < ' ' && c is not ('\n' or '\t') ? '\uFFFD' : c);
        return sb.Length <= MaxCellLength ? sb.ToString() : sb.ToString(0, MaxCellLength - 1) + "…";
    }
}
