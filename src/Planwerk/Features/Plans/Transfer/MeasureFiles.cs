using System.Globalization;
using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;

namespace Planwerk.Features.Plans.Transfer;

/// <summary>A table read from a file: the header row's cells and each further row's cells as text,
/// with its spreadsheet row number (the header is row 1).</summary>
public sealed record Sheet(IReadOnlyList<string> Header, IReadOnlyList<SheetRow> Rows);

public sealed record SheetRow(int Number, IReadOnlyList<string> Cells);

public sealed record SheetReading(Sheet? Sheet, ImportProblem? Problem)
{
    public static SheetReading Refused(string message, params string[] arguments) => new(null, ImportProblem.InFile(message, arguments));
}

public enum MeasureFileFormat
{
    Csv,
    Xlsx,
}

/// <summary>Reads and writes the measure table as CSV and XLSX. Which one an upload is comes from its
/// content (an XLSX is a ZIP archive with a workbook in it; a CSV is text), never from its name.</summary>
public static class MeasureFiles
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 100_000;
    /// <summary>An XLSX is compressed; this bounds what it may unpack to (a "zip bomb" is refused).</summary>
    public const long MaxUnpackedXlsxBytes = 200L * 1024 * 1024;
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetName = "Maßnahmen";

    public static string FormatSize(long bytes) => Infrastructure.Files.FileSizes.Text(bytes);

    /// <summary>Reads an uploaded file as CSV or XLSX, whichever its content is. With <paramref name="germanCells"/>,
    /// XLSX number and date cells come as a German CSV writes them ("12,5", "31.12.2016"), so a reader of German
    /// text reads both kinds of file alike (the statistics import); otherwise invariant ("12.5", "2016-12-31").</summary>
    public static SheetReading Read(ReadOnlySpan<byte> content, bool germanCells = false)
    {
        if (content.Length == 0) return SheetReading.Refused(ImportTexts.EmptyFile);
        if (content.Length > MaxBytes) return SheetReading.Refused(ImportTexts.TooLarge, FormatSize(content.Length), FormatSize(MaxBytes));
        return content.StartsWith("PK\u0003\u0004"u8) ? ReadXlsx(content.ToArray(), germanCells) : ReadCsv(content);
    }

    // ---------------------------------------------------------------- CSV

    /// <summary>The measures as CSV: UTF-8 with byte order mark (so spreadsheet programs read umlauts),
    /// ";" between values, "\r\n" between rows, values quoted where needed (RFC 4180), text that a
    /// spreadsheet would run as a formula guarded by an apostrophe (<see cref="FormulaGuard"/>).</summary>
    public static byte[] WriteCsv(PlanDocument document)
    {
        using var stream = new MemoryStream();
        var options = new CsvWriterOptions
        {
            Separator = ';',
            NewLine = "\r\n",
            // Values with surrounding spaces are quoted too, so that no reader trims them away.
            Quoting = CsvQuoting.WhenNeededOrWhitespace,
            WriteByteOrderMark = true,
            // The guard is ours (FormulaGuard), because it must also be undone on import.
            Injection = CsvInjection.None,
        };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteRecord(MeasureColumns.All.Select(c => MeasureColumns.Header(c, document.LevelNames)).ToArray());
            foreach (var (field, measure) in document.AllMeasures())
            {
                csv.WriteRecord(MeasureColumns.Cells(field, measure).Select(c => FormulaGuard.Protect(MeasureColumns.Text(c))).ToArray());
            }
        }
        return stream.ToArray();
    }

    private static SheetReading ReadCsv(ReadOnlySpan<byte> content)
    {
        var text = Decode(content);
        if (text is null || !LooksLikeText(text)) return SheetReading.Refused(ImportTexts.NotCsvOrXlsx);

        var options = new CsvReaderOptions
        {
            Separator = DetectSeparator(text),
            HasHeader = false,
            SkipEmptyLines = false,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            DetectSeparatorHint = false,
        };
        var records = new List<string[]>();
        try
        {
            using var reader = CsvReader.Create(new StringReader(text), options, leaveOpen: false);
            while (reader.Read())
            {
                if (records.Count > MaxRows) return SheetReading.Refused(ImportTexts.TooManyRows, MaxRows.ToString(CultureInfo.InvariantCulture));
                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++) fields[i] = FormulaGuard.Unprotect(reader.GetString(i));
                records.Add(fields);
            }
        }
        catch (CsvFormatException e)
        {
            return SheetReading.Refused(ImportTexts.CsvBroken, e.RecordNumber.ToString(CultureInfo.InvariantCulture));
        }
        if (records.Count == 0) return SheetReading.Refused(ImportTexts.EmptyFile);
        var rows = records.Skip(1).Select((r, i) => new SheetRow(i + 2, r)).ToList();
        return new SheetReading(new Sheet(records[0], rows), null);
    }

    /// <summary>UTF-8 (with or without byte order mark) or UTF-16 with byte order mark; otherwise
    /// Windows-1252, which spreadsheet programs on German Windows write as "CSV".</summary>
    private static string? Decode(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\uFEFF"u8)) return StrictUtf8(content[3..]);
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return new UnicodeEncoding(false, false, true).GetString(content[2..]);
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return new UnicodeEncoding(true, false, true).GetString(content[2..]);
        return StrictUtf8(content) ?? CodePagesEncodingProvider.Instance.GetEncoding(1252)?.GetString(content);
    }

    private static string? StrictUtf8(ReadOnlySpan<byte> content)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Binary files (images, PDFs, archives) have NUL bytes or many other control bytes; text
    /// has none but tab and line breaks, or a stray one (which the import then reports where it is).</summary>
    private static bool LooksLikeText(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 64 * 1024));
        var controls = 0;
        foreach (var c in sample)
        {
            if (c == '\0') return false;
            if (c < ' ' && c is not ('\t' or '\r' or '\n')) controls++;
        }
        return controls <= Math.Max(8, sample.Length / 100);
    }

    /// <summary>";" or ",", whichever the header line has more of outside quotes (";" when tied).</summary>
    private static char DetectSeparator(string text)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\r' or '\n') break;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == ',') commas++;
        }
        return commas > semicolons ? ',' : ';';
    }

    // ---------------------------------------------------------------- XLSX

    /// <summary>The measures as an XLSX workbook with one sheet. Text cells are typed as text (a
    /// spreadsheet never runs them as formulas; risky ones also carry the quote prefix, so editing the
    /// cell keeps it text), ids, numbers of fields, progress and amounts as numbers, dates as dates.</summary>
    public static byte[] WriteXlsx(PlanDocument document)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(SheetName);
        var columns = MeasureColumns.All;
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = sheet.Cell(1, c + 1);
            cell.SetValue(MeasureColumns.Header(columns[c], document.LevelNames));
            cell.DataType = XLDataType.Text;
            cell.Style.Font.Bold = true;
            // Fixed widths: AdjustToContents would measure text with System.Drawing, which Linux lacks.
            sheet.Column(c + 1).Width = columns[c].Kind == CellKind.Text ? 30 : 14;
        }
        sheet.SheetView.FreezeRows(1);

        var row = 2;
        foreach (var (field, measure) in document.AllMeasures())
        {
            var cells = MeasureColumns.Cells(field, measure);
            for (var c = 0; c < cells.Length; c++) WriteCell(sheet.Cell(row, c + 1), cells[c]);
            row++;
        }
        if (row > 2) sheet.Range(1, 1, row - 1, columns.Count).SetAutoFilter();

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteCell(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string text when text.Length == 0:
                break;
            case string text:
                cell.SetValue(XlsxText(text));
                cell.DataType = XLDataType.Text;
                if (FormulaGuard.NeedsGuard(text)) cell.Style.IncludeQuotePrefix = true;
                break;
            case int number:
                cell.SetValue(number);
                break;
            case decimal amount:
                cell.SetValue(amount);
                cell.Style.NumberFormat.Format = amount == decimal.Truncate(amount) ? "0" : "0.00";
                break;
            case DateOnly date:
                cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
                cell.Style.DateFormat.Format = "yyyy-mm-dd";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "No XLSX cell type for this value.");
        }
    }

    /// <summary>XML keeps no carriage return (every reader turns it into a line feed) and cannot hold
    /// other control characters: line breaks become "\n", the rest U+FFFD. The import refuses control
    /// characters, so only text that came in another way changes here.</summary>
    private static string XlsxText(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001F')) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else if (c < ' ' && c is not ('\n' or '\t')) builder.Append('\uFFFD');
            else builder.Append(c);
        }
        return builder.ToString();
    }

    private static SheetReading ReadXlsx(byte[] content, bool germanCells)
    {
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read))
            {
                if (zip.GetEntry("xl/workbook.xml") is null) return SheetReading.Refused(ImportTexts.NotXlsx);
                if (zip.Entries.Sum(e => e.Length) > MaxUnpackedXlsxBytes)
                    return SheetReading.Refused(ImportTexts.XlsxTooBig, FormatSize(MaxUnpackedXlsxBytes));
            }

            using var workbook = new XLWorkbook(new MemoryStream(content));
            var sheet = workbook.Worksheets.FirstOrDefault();
            if (sheet is null) return SheetReading.Refused(ImportTexts.XlsxNoSheet);
            var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
            var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
            if (lastRow == 0) return SheetReading.Refused(ImportTexts.EmptyFile);
            if (lastRow > MaxRows + 1) return SheetReading.Refused(ImportTexts.TooManyRows, MaxRows.ToString(CultureInfo.InvariantCulture));

            var header = Enumerable.Range(1, lastColumn).Select(c => CellText(sheet.Cell(1, c), germanCells)).ToList();
            var rows = new List<SheetRow>(lastRow);
            for (var r = 2; r <= lastRow; r++)
            {
                rows.Add(new SheetRow(r, Enumerable.Range(1, lastColumn).Select(c => CellText(sheet.Cell(r, c), germanCells)).ToList()));
            }
            return new SheetReading(new Sheet(header, rows), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or ArgumentException or InvalidOperationException or NotSupportedException
            or System.Xml.XmlException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            return SheetReading.Refused(ImportTexts.NotXlsx);
        }
    }

    /// <summary>A cell's value as the text the import parses: numbers invariant and shortest
    /// (1250000.5), dates as yyyy-MM-dd, formulas by the value last calculated (never run here).</summary>
    private static string CellText(IXLCell cell, bool german)
    {
        // Value, not GetString(): ClosedXML 0.95's GetString decodes _xHHHH_ escapes a second time.
        var value = cell.HasFormula ? cell.CachedValue : cell.Value;
        if (german)
        {
            switch (value)
            {
                // At most 14 decimals: what a spreadsheet shows, without the binary noise of "R" (0.30000000000000004).
                case double d: return d.ToString("0.##############", CultureInfo.GetCultureInfo("de-DE"));
                case DateTime t when t.TimeOfDay == TimeSpan.Zero: return t.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
            }
        }
        return value switch
        {
            null => "",
            string s => s,
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            DateTime t => t.TimeOfDay == TimeSpan.Zero
                ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
    }
}
