using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Transfer;

namespace Planwerk.Features.Implementation.Reports;

public enum ReportColumn
{
    Key,
    Number,
    Title,
    Status,
    Progress,
    Done,
    NextSteps,
    Obstacles,
    Spent,
    Links,
}

/// <summary>One column of an office's report table: the German header (written in the template), the English one,
/// further headers offices use, and what it holds (a SharedResource key).</summary>
public sealed record ReportColumnInfo(ReportColumn Column, string German, string English, IReadOnlyList<string> Aliases, string Help);

/// <summary>A measure the uploader may report on, with the state of its report in the chosen period (null: none yet).</summary>
public sealed record ReportableMeasure(int Id, int Key, string Number, string Title, ReportState? State);

/// <summary>A status of the municipality's catalogue, matched by its German or English name.</summary>
public sealed record ReportStatus(int Id, string Name, string NameEn);

/// <summary>What a table is checked against: the plan's words, whether the plan team uploads (then every measure of the
/// plan is <see cref="Measures"/>, else only the uploader's organisations' ones), the catalogue, and the stored reports
/// of the period (their values stay where the table has no column).</summary>
public sealed record ReportSheetContext(PlanLevels Levels, bool PlanTeam, IReadOnlyList<ReportableMeasure> Measures, IReadOnlyList<ReportStatus> Statuses,
    IReadOnlyDictionary<int, MeasureReport> Stored);

/// <summary>An accepted row: the measure, the report as the form would hold it, and the move it gets.</summary>
public sealed record ReportSheetRow(int Row, ReportableMeasure Measure, ReportInput Input, ReportMove Move);

public sealed record ReportSheetResult(IReadOnlyList<ImportProblem> Problems, IReadOnlyList<ReportSheetRow> Rows, int Skipped)
{
    public bool Succeeded => Problems.Count == 0;

    public static ReportSheetResult Failed(params ImportProblem[] problems) => new(problems, [], 0);
}

/// <summary>Reads an office's own table of reports (CSV or XLSX, recognised by content through <see cref="MeasureFiles.Read"/>)
/// and checks every row before anything is written: the measure by its number or key, a status of the catalogue, the
/// progress, the amount spent, the texts and links by the report form's own rules (<see cref="ReportInput.Validate"/>),
/// and whether the uploader may report on the measure at all. Also writes the template an office fills in. See the
/// section "Tabellen der Ämter hochladen" in docs/implementation.md.</summary>
public static class ReportSheet
{
    /// <summary>A plan has tens to hundreds of measures; a table of this many rows is surely something else.</summary>
    public const int MaxRows = 5_000;
    public const int MaxBytes = 5 * 1024 * 1024;
    public const string SheetName = "Berichte";
    public const string CatalogueSheetName = "Statuskatalog";

    public static readonly IReadOnlyList<ReportColumnInfo> Columns =
    [
        new(ReportColumn.Key, "Schlüssel", "Key", ["id"], "Schlüssel im Plan (bleibt beim Umnummerieren gleich); statt oder neben der Nummer."),
        new(ReportColumn.Number, "Nummer", "Number", ["Nr", "Maßnahmennummer", "Measure number", "Measure no"], "Nummer wie im Plan, z. B. 4.3."),
        new(ReportColumn.Title, "Titel", "Title", ["Bezeichnung", "Name", "Maßnahme", "Measure"], "Titel; nur zur Orientierung, er wird beim Hochladen nicht gelesen."),
        new(ReportColumn.Status, "Status", "Status", ["Stand", "Umsetzungsstand"], "Ein Status aus dem Statuskatalog der Kommune (Pflicht in jeder ausgefüllten Zeile)."),
        new(ReportColumn.Progress, "Fortschritt", "Progress", ["Fortschritt in Prozent", "Progress in percent"], "Fortschritt in Prozent, 0 bis 100, z. B. 40 oder 40 %; leer: der Fortschritt, den der Status vorschlägt."),
        new(ReportColumn.Done, "Was wurde getan", "Done", ["Was wurde getan?", "Getan", "What was done", "Umgesetzt"], "Was wurde getan? (Markdown)"),
        new(ReportColumn.NextSteps, "Nächste Schritte", "Next steps", ["Weitere Schritte"], "Nächste Schritte (Markdown)."),
        new(ReportColumn.Obstacles, "Hindernisse", "Obstacles", ["Probleme", "Schwierigkeiten"], "Hindernisse (Markdown)."),
        new(ReportColumn.Spent, "Ausgaben", "Spent", ["Bisher ausgegeben", "Bisher ausgegeben in Euro", "Ausgaben in Euro", "Ausgaben EUR", "Expenses"], "Bisher ausgegeben, in Euro, z. B. 1.234,50 oder 1234.50."),
        new(ReportColumn.Links, "Links", "Links", ["Link", "Weblinks", "Nachweise"], "Links (http:// oder https://), getrennt durch Zeilenumbruch, Leerzeichen oder Semikolon."),
    ];

    /// <summary>The columns the template has, in its order.</summary>
    public static readonly IReadOnlyList<ReportColumn> TemplateColumns =
        [ReportColumn.Number, ReportColumn.Title, ReportColumn.Status, ReportColumn.Progress, ReportColumn.Done, ReportColumn.NextSteps, ReportColumn.Obstacles, ReportColumn.Spent, ReportColumn.Links];

    public static ReportColumnInfo Info(ReportColumn column) => Columns[(int)column];

    /// <summary>The columns that say something about the report (a row without any of them is not filled in).</summary>
    private static readonly ReportColumn[] ReportValues =
        [ReportColumn.Status, ReportColumn.Progress, ReportColumn.Done, ReportColumn.NextSteps, ReportColumn.Obstacles, ReportColumn.Spent, ReportColumn.Links];

    /// <summary>The column a header names, or null: the German and English headers and the aliases, and for number and title
    /// also the plan's word for its measures ("Projekt-Nr."); any case, with or without umlauts, spaces and punctuation.</summary>
    public static ReportColumnInfo? Find(string header, PlanLevels levels)
    {
        var key = HeaderKey(header);
        if (key.Length == 0) return null;
        var found = Columns.FirstOrDefault(c => HeaderKey(c.German) == key || HeaderKey(c.English) == key || c.Aliases.Any(a => HeaderKey(a) == key));
        if (found is not null) return found;
        foreach (var word in levels.Measure.Words.Select(HeaderKey).Where(w => w.Length > 0))
        {
            if (key == word) return Info(ReportColumn.Title);
            if (key.StartsWith(word, StringComparison.Ordinal) && key[word.Length..] is "nummer" or "nr" or "number" or "no") return Info(ReportColumn.Number);
            if (key.StartsWith(word, StringComparison.Ordinal) && key[word.Length..] is "titel" or "title") return Info(ReportColumn.Title);
        }
        return null;
    }

    /// <summary>A header folded for comparison: as the search folds text (case, umlauts, ß, accents), and only its letters
    /// and digits ("Fortschritt (%)" = "fortschritt", "Was wurde getan?" = "waswurdegetan").</summary>
    private static string HeaderKey(string header) => new(MeasureSearch.Fold(header.Trim('\uFEFF')).Where(char.IsLetterOrDigit).ToArray());

    // ------------------------------------------------------------------ reading and checking

    /// <summary>Reads and checks an uploaded file. Every problem is reported (row, column as the file spells it, reason);
    /// only a file without any gives rows.</summary>
    public static ReportSheetResult Check(ReadOnlySpan<byte> content, ReportSheetContext context, IStringLocalizer l)
    {
        if (content.Length > MaxBytes)
            return ReportSheetResult.Failed(ImportProblem.InFile(ImportTexts.TooLarge, MeasureFiles.FormatSize(content.Length), MeasureFiles.FormatSize(MaxBytes)));
        var reading = MeasureFiles.Read(content);
        if (reading.Problem is not null) return ReportSheetResult.Failed(reading.Problem);
        return Check(reading.Sheet!, context, l);
    }

    public static ReportSheetResult Check(Sheet sheet, ReportSheetContext context, IStringLocalizer l)
    {
        var problems = new List<ImportProblem>();
        var columns = ReadHeader(sheet, context.Levels, problems);
        if (problems.Count > 0) return new ReportSheetResult(problems, [], 0);

        var filled = sheet.Rows.Where(r => !r.Cells.All(string.IsNullOrWhiteSpace)).ToList();
        if (filled.Count > MaxRows) return ReportSheetResult.Failed(ImportProblem.InFile(ImportTexts.TooManyRows, Str(MaxRows)));
        if (filled.Count == 0) return ReportSheetResult.Failed(ImportProblem.InFile(ImportTexts.NoRows));

        var byNumber = context.Measures.ToDictionary(m => m.Number, StringComparer.Ordinal);
        var byKey = context.Measures.ToDictionary(m => m.Key);
        var statusIds = context.Statuses.Select(s => s.Id).ToList();
        var firstRow = new Dictionary<int, int>();
        var rows = new List<ReportSheetRow>();
        var skipped = 0;
        foreach (var row in filled)
        {
            if (row.Cells.Count > sheet.Header.Count && row.Cells.Skip(sheet.Header.Count).Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                problems.Add(ImportProblem.InRow(row.Number, MeasureImport.ExtraCells, Str(row.Cells.Count), Str(sheet.Header.Count)));
                continue;
            }
            string Cell(ReportColumn column) =>
                columns.TryGetValue(column, out var c) && c.Index < row.Cells.Count ? row.Cells[c.Index] : "";
            if (!ReportValues.Any(c => columns.ContainsKey(c) && !string.IsNullOrWhiteSpace(Cell(c))))
            {
                // A template row nobody filled in: no report for this measure from this file.
                skipped++;
                continue;
            }
            var before = problems.Count;
            void Problem(ReportColumn column, string message, params string[] arguments) =>
                problems.Add(ImportProblem.At(row.Number, Header(columns, column), message, arguments));

            var measure = FindMeasure(row.Number, columns, Cell, byNumber, byKey, context, problems);
            if (measure is not null && firstRow.TryGetValue(measure.Id, out var earlier))
            {
                Problem(IdentifyingColumn(columns, Cell), ReportSheetTexts.DuplicateMeasure, context.Levels.Measure.One, measure.Number, Str(earlier));
                measure = null;
            }
            else if (measure is not null)
            {
                firstRow[measure.Id] = row.Number;
                if (RefusedState(measure.State, context.PlanTeam) is { } refused) Problem(IdentifyingColumn(columns, Cell), refused);
            }

            // The report as the form would hold it: the stored one's values where the table has no column.
            var input = measure is not null && context.Stored.TryGetValue(measure.Id, out var stored)
                ? ReportInput.From(stored, CultureInfo.InvariantCulture)
                : new ReportInput();

            var statusText = Cell(ReportColumn.Status).Trim();
            var allowed = string.Join(", ", context.Statuses.Select(s => s.Name));
            if (statusText.Length == 0) Problem(ReportColumn.Status, ReportSheetTexts.StatusRequired, allowed);
            else if (FindStatus(context.Statuses, statusText) is { } status) input.StatusId = status.Id;
            else Problem(ReportColumn.Status, ReportSheetTexts.UnknownStatus, statusText, allowed);

            if (columns.ContainsKey(ReportColumn.Progress))
            {
                var text = Cell(ReportColumn.Progress).Trim();
                if (text.Length == 0) input.Progress = null;
                else if (ValueParsing.Progress(text) is { Problem: null } progress) input.Progress = progress.Value;
                else Problem(ReportColumn.Progress, ImportTexts.NotAProgress, text);
            }
            if (columns.ContainsKey(ReportColumn.Spent))
            {
                var spent = ValueParsing.Amount(Cell(ReportColumn.Spent));
                if (spent.Problem is null) input.Spent = spent.Value?.ToString(CultureInfo.InvariantCulture);
                else Problem(ReportColumn.Spent, spent.Problem, spent.Arguments);
            }
            foreach (var (column, set) in new (ReportColumn, Action<string>)[]
            {
                (ReportColumn.Done, v => input.Done = v), (ReportColumn.NextSteps, v => input.NextSteps = v),
                (ReportColumn.Obstacles, v => input.Obstacles = v), (ReportColumn.Links, v => input.Links = JoinLinks(v)),
            })
            {
                if (!columns.ContainsKey(column)) continue;
                var text = Cell(column);
                if (ValueParsing.ControlCharacter(text) is char c) Problem(column, ImportTexts.ControlCharacter, ValueParsing.Hex(c));
                else set(text);
            }

            // The form's own rules for the texts and links (and, again, the status).
            var state = new ModelStateDictionary();
            input.Validate(state, "", l, statusIds, submitting: false, CultureInfo.InvariantCulture);
            foreach (var (key, entry) in state)
            {
                var column = FormColumn(key);
                if (column is { } c && problems.Skip(before).Any(p => p.Column == Header(columns, c))) continue;
                foreach (var error in entry.Errors)
                {
                    problems.Add(column is { } at && columns.ContainsKey(at)
                        ? ImportProblem.At(row.Number, Header(columns, at), error.ErrorMessage)
                        : ImportProblem.InRow(row.Number, error.ErrorMessage));
                }
            }

            if (problems.Count == before && measure is not null)
            {
                var move = MeasureReport.Allows(measure.State ?? ReportState.Draft, ReportMove.Submit, context.PlanTeam) ? ReportMove.Submit : ReportMove.Save;
                rows.Add(new ReportSheetRow(row.Number, measure, input, move));
            }
        }
        if (problems.Count == 0 && rows.Count == 0) problems.Add(ImportProblem.InFile(ReportSheetTexts.NothingFilled));
        return problems.Count > 0 ? new ReportSheetResult(problems, [], skipped) : new ReportSheetResult([], rows, skipped);
    }

    /// <summary>Why a report in <paramref name="state"/> is not written from a table, or null when it is: accepted and
    /// published reports are final here; a submitted one only the plan team may change (as on the form).</summary>
    private static string? RefusedState(ReportState? state, bool planTeam) => state switch
    {
        ReportState.Accepted => ReportSheetTexts.AlreadyAccepted,
        ReportState.Published => ReportSheetTexts.AlreadyPublished,
        ReportState.Submitted when !planTeam => ReportSheetTexts.AlreadySubmitted,
        _ => null,
    };

    /// <summary>The measure a row names by its key, its number, or both (then both must name the same one). A reporter
    /// is told only that he may not report on a number or key that is not his organisations', whether it exists or not.</summary>
    private static ReportableMeasure? FindMeasure(int row, Dictionary<ReportColumn, (int Index, string Header)> columns, Func<ReportColumn, string> cell,
        Dictionary<string, ReportableMeasure> byNumber, Dictionary<int, ReportableMeasure> byKey, ReportSheetContext context, List<ImportProblem> problems)
    {
        var levels = context.Levels;
        var keyText = columns.ContainsKey(ReportColumn.Key) ? cell(ReportColumn.Key).Trim() : "";
        var number = columns.ContainsKey(ReportColumn.Number) ? cell(ReportColumn.Number).Trim() : "";
        if (keyText.Length == 0 && number.Length == 0)
        {
            problems.Add(ImportProblem.At(row, Header(columns, columns.ContainsKey(ReportColumn.Number) ? ReportColumn.Number : ReportColumn.Key), ImportTexts.Required));
            return null;
        }
        ReportableMeasure? byKeyFound = null;
        if (keyText.Length > 0)
        {
            var key = ValueParsing.Key(keyText);
            if (key.Problem is not null)
            {
                problems.Add(ImportProblem.At(row, Header(columns, ReportColumn.Key), key.Problem, key.Arguments));
                return null;
            }
            byKeyFound = byKey.GetValueOrDefault(key.Value ?? 0);
            if (byKeyFound is null)
            {
                problems.Add(ImportProblem.At(row, Header(columns, ReportColumn.Key), context.PlanTeam ? ReportSheetTexts.UnknownKey : ReportSheetTexts.NotYours,
                    context.PlanTeam ? [keyText, levels.Measure.One] : [keyText, levels.Measure.ManyInSentence]));
                return null;
            }
        }
        if (number.Length == 0) return byKeyFound;
        var byNumberFound = byNumber.GetValueOrDefault(number);
        if (byNumberFound is null)
        {
            problems.Add(ImportProblem.At(row, Header(columns, ReportColumn.Number), context.PlanTeam ? ReportSheetTexts.UnknownNumber : ReportSheetTexts.NotYours,
                context.PlanTeam ? [number, levels.Measure.One] : [number, levels.Measure.ManyInSentence]));
            return null;
        }
        if (byKeyFound is not null && byKeyFound.Id != byNumberFound.Id)
        {
            problems.Add(ImportProblem.At(row, Header(columns, ReportColumn.Number), ReportSheetTexts.KeyAndNumberDiffer, keyText, number, byKeyFound.Number));
            return null;
        }
        return byNumberFound;
    }

    private static ReportColumn IdentifyingColumn(Dictionary<ReportColumn, (int Index, string Header)> columns, Func<ReportColumn, string> cell) =>
        columns.ContainsKey(ReportColumn.Number) && cell(ReportColumn.Number).Trim().Length > 0 ? ReportColumn.Number : ReportColumn.Key;

    /// <summary>By its German name, else its English one; exactly after trimming, else ignoring case.</summary>
    private static ReportStatus? FindStatus(IReadOnlyList<ReportStatus> statuses, string text) =>
        statuses.FirstOrDefault(s => s.Name == text)
        ?? statuses.FirstOrDefault(s => string.Equals(s.Name, text, StringComparison.OrdinalIgnoreCase))
        ?? statuses.FirstOrDefault(s => s.NameEn.Length > 0 && string.Equals(s.NameEn, text, StringComparison.OrdinalIgnoreCase));

    /// <summary>Links as the form takes them, one a line: a cell may separate them by line breaks, spaces or semicolons.</summary>
    private static string JoinLinks(string cell) =>
        string.Join("\n", cell.Split([' ', '\t', '\r', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The column of a key of the report form's model state.</summary>
    private static ReportColumn? FormColumn(string key) => key switch
    {
        nameof(ReportInput.StatusId) => ReportColumn.Status,
        nameof(ReportInput.Progress) => ReportColumn.Progress,
        nameof(ReportInput.Done) => ReportColumn.Done,
        nameof(ReportInput.NextSteps) => ReportColumn.NextSteps,
        nameof(ReportInput.Obstacles) => ReportColumn.Obstacles,
        nameof(ReportInput.Spent) => ReportColumn.Spent,
        nameof(ReportInput.Links) => ReportColumn.Links,
        _ => null,
    };

    private static Dictionary<ReportColumn, (int Index, string Header)> ReadHeader(Sheet sheet, PlanLevels levels, List<ImportProblem> problems)
    {
        var columns = new Dictionary<ReportColumn, (int Index, string Header)>();
        if (sheet.Header.All(string.IsNullOrWhiteSpace))
        {
            problems.Add(ImportProblem.InRow(1, ImportTexts.NoHeader));
            return columns;
        }
        var known = string.Join(", ", Columns.Select(c => c.German));
        for (var i = 0; i < sheet.Header.Count; i++)
        {
            var header = sheet.Header[i].Trim();
            if (header.Length == 0)
            {
                if (sheet.Rows.Any(r => i < r.Cells.Count && !string.IsNullOrWhiteSpace(r.Cells[i])))
                    problems.Add(ImportProblem.InRow(1, ImportTexts.UnnamedColumn, ColumnLetters(i)));
                continue;
            }
            var info = Find(header, levels);
            if (info is null) problems.Add(ImportProblem.At(1, header, ImportTexts.UnknownColumn, known));
            else if (columns.TryGetValue(info.Column, out var earlier)) problems.Add(ImportProblem.At(1, header, ImportTexts.DuplicateColumn, earlier.Header));
            else columns[info.Column] = (i, header);
        }
        if (!columns.ContainsKey(ReportColumn.Number) && !columns.ContainsKey(ReportColumn.Key))
            problems.Add(ImportProblem.At(1, Info(ReportColumn.Number).German, ImportTexts.MissingColumn, Info(ReportColumn.Number).German, Info(ReportColumn.Key).German));
        if (!columns.ContainsKey(ReportColumn.Status))
            problems.Add(ImportProblem.At(1, Info(ReportColumn.Status).German, ImportTexts.MissingColumn, Info(ReportColumn.Status).German, Info(ReportColumn.Status).Aliases[0]));
        return columns;
    }

    private static string Header(Dictionary<ReportColumn, (int Index, string Header)> columns, ReportColumn column) =>
        columns.TryGetValue(column, out var c) ? c.Header : Info(column).German;

    private static string ColumnLetters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ the template

    /// <summary>The template as CSV: UTF-8 with byte order mark, ";" between values, the measures' numbers and titles
    /// (guarded against formulas as the measure export guards them), every other column empty.</summary>
    public static byte[] TemplateCsv(IEnumerable<ReportableMeasure> measures)
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
            csv.WriteRecord(TemplateColumns.Select(c => Info(c).German).ToArray());
            foreach (var m in measures)
            {
                csv.WriteRecord(TemplateColumns.Select(c => c switch
                {
                    ReportColumn.Number => FormulaGuard.Protect(m.Number),
                    ReportColumn.Title => FormulaGuard.Protect(m.Title),
                    _ => "",
                }).ToArray());
            }
        }
        return stream.ToArray();
    }

    /// <summary>The template as an XLSX workbook: the sheet "Berichte" (read on upload) with numbers and titles as text
    /// cells and a choice from the catalogue in the status column, and the sheet "Statuskatalog" listing the statuses
    /// with the progress each proposes.</summary>
    public static byte[] TemplateXlsx(IEnumerable<ReportableMeasure> measures, IReadOnlyList<(string Name, int? DefaultProgress)> statuses)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(SheetName);
        for (var c = 0; c < TemplateColumns.Count; c++)
        {
            var column = TemplateColumns[c];
            var cell = sheet.Cell(1, c + 1);
            cell.SetValue(Info(column).German);
            cell.DataType = XLDataType.Text;
            cell.Style.Font.Bold = true;
            sheet.Column(c + 1).Width = column is ReportColumn.Number or ReportColumn.Progress or ReportColumn.Spent ? 12 : column == ReportColumn.Status ? 20 : 40;
            if (column is not (ReportColumn.Number or ReportColumn.Progress or ReportColumn.Spent)) sheet.Column(c + 1).Style.Alignment.WrapText = true;
        }
        sheet.SheetView.FreezeRows(1);
        var row = 2;
        foreach (var m in measures)
        {
            Text(sheet.Cell(row, 1), m.Number);
            Text(sheet.Cell(row, 2), m.Title);
            row++;
        }

        var catalogue = workbook.AddWorksheet(CatalogueSheetName);
        Text(catalogue.Cell(1, 1), "Status");
        Text(catalogue.Cell(1, 2), "Vorgeschlagener Fortschritt");
        catalogue.Row(1).Style.Font.Bold = true;
        catalogue.Column(1).Width = 30;
        catalogue.Column(2).Width = 26;
        for (var i = 0; i < statuses.Count; i++)
        {
            Text(catalogue.Cell(i + 2, 1), statuses[i].Name);
            if (statuses[i].DefaultProgress is int p) catalogue.Cell(i + 2, 2).SetValue(p);
        }
        if (statuses.Count > 0 && row > 2)
        {
            var status = TemplateColumns.ToList().IndexOf(ReportColumn.Status) + 1;
            var validation = sheet.Range(2, status, row - 1, status).SetDataValidation();
            validation.List(catalogue.Range(2, 1, statuses.Count + 1, 1), true);
            validation.IgnoreBlanks = true;
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>A text cell a spreadsheet never runs as a formula; formula-like text also carries the quote prefix.</summary>
    private static void Text(IXLCell cell, string text)
    {
        if (text.Length == 0) return;
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
        if (FormulaGuard.NeedsGuard(text)) cell.Style.IncludeQuotePrefix = true;
    }
}

/// <summary>The German texts of the problems only a report table has (SharedResource keys; English in SharedResource.en.resx).</summary>
public static class ReportSheetTexts
{
    public const string StatusRequired = "Bitte geben Sie einen Status an. Erlaubt: {0}.";
    public const string UnknownStatus = "„{0}“ steht nicht im Statuskatalog. Erlaubt: {1}.";
    public const string UnknownNumber = "{1} {0} gibt es in diesem Plan nicht.";
    public const string UnknownKey = "Den Schlüssel {0} hat in diesem Plan kein Eintrag ({1}).";
    public const string NotYours = "Über „{0}“ können Sie nicht berichten. Sie berichten über die {1}, die Ihre Organisation federführend oder als Partner umsetzt.";
    public const string KeyAndNumberDiffer = "Der Schlüssel {0} und die Nummer {1} nennen verschiedene Einträge (der Schlüssel gehört zur Nummer {2}).";
    public const string DuplicateMeasure = "{0} {1} kommt schon in Zeile {2} vor.";
    public const string AlreadyAccepted = "Der Bericht für diesen Berichtszeitraum ist schon angenommen und wird nicht mehr geändert.";
    public const string AlreadyPublished = "Der Bericht für diesen Berichtszeitraum ist schon veröffentlicht und wird nicht mehr geändert.";
    public const string AlreadySubmitted = "Der Bericht für diesen Berichtszeitraum ist schon eingereicht. Das Planungsteam kann ihn zurückgeben; dann können Sie ihn wieder ändern.";
    public const string NothingFilled = "Die Datei enthält keine ausgefüllte Zeile: Jede Zeile mit einem Bericht braucht mindestens einen Status.";
    public const string ChangedMeanwhile = "Während des Hochladens hat jemand anderes einen dieser Berichte geändert. Es wurde nichts übernommen; bitte laden Sie die Datei noch einmal hoch.";
}
