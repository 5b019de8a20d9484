using System.Globalization;
using Planwerk.Features.Plans.Transfer;

namespace Planwerk.Features.Statistics.Manage;

/// <summary>The two shapes of table a statistics office publishes: long (one figure a row) or wide (one period a row,
/// one category a column).</summary>
public enum FigureTableShape
{
    LongForm,
    WideForm,
}

/// <summary>A file read as figures: the table's shape, the figures and every problem, by row and column.</summary>
public sealed record FigureReading(FigureTableShape Shape, IReadOnlyList<Figure> Figures, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>The German texts of the statistics import's problems (SharedResource keys; English in SharedResource.en.resx).</summary>
public static class FigureImportTexts
{
    public const string TooLarge = "Die Datei ist zu groß ({0}). Erlaubt sind höchstens {1}.";
    public const string TooManyFigures = "Die Datei enthält mehr als {0} Werte.";
    public const string NoPeriodColumn = "Die Spalte des Zeitraums fehlt. In einer langen Tabelle heißt sie „Jahr“, „Datum“, „Stichtag“ oder „Zeitraum“.";
    public const string UnknownColumn = "Unbekannte Spalte. In einer langen Tabelle gibt es die Spalten Zeitraum (Jahr, Datum, Stichtag), Kategorie, Wert und Anmerkung.";
    public const string DuplicateColumn = "Die Spalte kommt doppelt vor.";
    public const string UnnamedColumn = "Die Spalte {0} hat Werte, aber keine Überschrift (den Namen ihrer Kategorie).";
    public const string NoValueColumns = "Die Tabelle hat neben dem Zeitraum keine Spalte mit Werten.";
    public const string PeriodMissing = "Der Zeitraum fehlt.";
    public const string ValueMissing = "Der Wert fehlt. Leer darf er nur sein, wenn die Anmerkung sagt, warum (ein bekannt fehlender Wert), oder mit einem Zeichen der amtlichen Statistik wie „.“.";
    public const string DuplicateFigure = "Für {0} steht schon in Zeile {1} ein Wert.";
    public const string TooLong = "Der Text ist zu lang: {0} Zeichen, erlaubt sind höchstens {1}.";
    public const string ControlCharacter = "Der Text enthält ein unzulässiges Steuerzeichen (U+{0}).";
    public const string ChangedMeanwhile = "Der Datensatz wurde geändert, seit die Datei geprüft wurde. Es wurde nichts übernommen. Unten steht die Prüfung gegen den jetzigen Stand; übernehmen Sie sie, wenn sie stimmt.";
    public const string BrokenToken = "Die geprüfte Datei ließ sich nicht wieder lesen. Bitte laden Sie sie noch einmal hoch.";
}

/// <summary>Reads an uploaded table (CSV or XLSX, read by <see cref="MeasureFiles.Read"/>, so both encodings and the
/// content-not-name rule are the measure import's) as the figures of a dataset, in German format. The shape is told by
/// the header: a column named like a value ("Wert", "Anzahl", "Value") makes it long, otherwise it is wide. Categories
/// the dataset lacks are created (the preview lists them). Nothing is read halfway: every problem is collected.</summary>
public static class FigureImport
{
    /// <summary>Figures in a statistics table are small: 2 MB hold some 100,000 of them, and the checked file travels
    /// back with the preview as a hidden form field (its Base64 stays below the form's value limit).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxFigures = 100_000;

    private static readonly string[] PeriodNames = ["zeitraum", "jahr", "datum", "stichtag", "periode", "berichtsjahr", "period", "year", "date"];
    private static readonly string[] CategoryNames = ["kategorie", "category"];
    private static readonly string[] ValueNames = ["wert", "anzahl", "value", "count"];
    private static readonly string[] NoteNames = ["anmerkung", "hinweis", "fußnote", "bemerkung", "note", "footnote", "remark"];

    private enum Column { Period, Category, Value, Note }

    public static FigureReading Read(ReadOnlySpan<byte> content, StatisticsPeriodKind kind, string categoryLabel, IReadOnlyCollection<string> categories)
    {
        if (content.Length > MaxBytes)
            return Failed(ImportProblem.InFile(FigureImportTexts.TooLarge, MeasureFiles.FormatSize(content.Length), MeasureFiles.FormatSize(MaxBytes)));
        var reading = MeasureFiles.Read(content, germanCells: true);
        if (reading.Sheet is not { } sheet) return Failed(reading.Problem!);
        var header = sheet.Header.Select(h => h.Trim()).ToList();
        while (header.Count > 0 && header[^1].Length == 0 && sheet.Rows.All(r => r.Cells.Count < header.Count || r.Cells[header.Count - 1].Trim().Length == 0))
            header.RemoveAt(header.Count - 1);
        if (header.Count == 0) return Failed(ImportProblem.InFile(ImportTexts.NoHeader));
        var rows = sheet.Rows.Where(r => r.Cells.Any(c => c.Trim().Length > 0)).ToList();
        if (rows.Count == 0) return Failed(ImportProblem.InFile(ImportTexts.NoRows));

        var label = categoryLabel.Trim().ToLowerInvariant();
        Column? Named(string h)
        {
            var name = h.ToLowerInvariant();
            if (PeriodNames.Contains(name)) return Column.Period;
            if (CategoryNames.Contains(name) || (label.Length > 0 && name == label)) return Column.Category;
            if (ValueNames.Contains(name)) return Column.Value;
            if (NoteNames.Contains(name)) return Column.Note;
            return null;
        }
        var isLong = header.Any(h => Named(h) == Column.Value);
        return isLong ? ReadLong(header, rows, kind, Named) : ReadWide(header, rows, kind, categories);
    }

    private static FigureReading Failed(ImportProblem problem) => new(FigureTableShape.LongForm, [], [problem]);

    private static FigureReading ReadLong(List<string> header, List<SheetRow> rows, StatisticsPeriodKind kind, Func<string, Column?> named)
    {
        var problems = new List<ImportProblem>();
        var columns = new Dictionary<Column, int>();
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Length == 0)
            {
                if (rows.Any(r => Cell(r, i).Length > 0)) problems.Add(ImportProblem.InRow(1, FigureImportTexts.UnnamedColumn, (i + 1).ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            if (named(header[i]) is not { } column) problems.Add(ImportProblem.At(1, header[i], FigureImportTexts.UnknownColumn));
            else if (!columns.TryAdd(column, i)) problems.Add(ImportProblem.At(1, header[i], FigureImportTexts.DuplicateColumn));
        }
        if (!columns.ContainsKey(Column.Period)) problems.Add(ImportProblem.InFile(FigureImportTexts.NoPeriodColumn));
        if (problems.Count > 0) return new(FigureTableShape.LongForm, [], problems);

        var figures = new List<Figure>();
        var seen = new Dictionary<(DateOnly, string), int>();
        foreach (var row in rows)
        {
            var periodColumn = header[columns[Column.Period]];
            var period = ReadPeriod(row, columns[Column.Period], periodColumn, kind, problems);
            string? category = null;
            if (columns.TryGetValue(Column.Category, out var c))
            {
                var text = ReadText(row, c, header[c], StatisticsCategory.MaxNameLength, problems);
                category = text.Length == 0 ? null : text;
            }
            var note = columns.TryGetValue(Column.Note, out var n) ? ReadText(row, n, header[n], StatisticsObservation.MaxNoteLength, problems) : "";
            var v = columns[Column.Value];
            var value = StatisticsValues.ReadValue(Cell(row, v));
            decimal? amount = null;
            var ok = true;
            if (value.Problem is { } p) { problems.Add(ImportProblem.At(row.Number, header[v], p.Message, p.Arguments.ToArray())); ok = false; }
            else if (value.IsEmpty && note.Length == 0) { problems.Add(ImportProblem.At(row.Number, header[v], FigureImportTexts.ValueMissing)); ok = false; }
            else if (value.IsMissing && note.Length == 0) note = value.MissingNote!;
            else amount = value.Value;
            // A period twice is reported even where the value is wrong too.
            if (period is not { } day) continue;
            Add(new Figure(day, category, amount, note), row.Number, periodColumn, kind, figures, seen, problems, keep: ok);
        }
        return Finish(FigureTableShape.LongForm, figures, problems);
    }

    private static FigureReading ReadWide(List<string> header, List<SheetRow> rows, StatisticsPeriodKind kind, IReadOnlyCollection<string> categories)
    {
        var problems = new List<ImportProblem>();
        var names = new Dictionary<int, string?>();
        var seenNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < header.Count; i++)
        {
            if (header[i].Length == 0)
            {
                if (rows.Any(r => Cell(r, i).Length > 0)) problems.Add(ImportProblem.InRow(1, FigureImportTexts.UnnamedColumn, (i + 1).ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            if (!seenNames.Add(header[i])) { problems.Add(ImportProblem.At(1, header[i], FigureImportTexts.DuplicateColumn)); continue; }
            if (header[i].Length > StatisticsCategory.MaxNameLength)
                problems.Add(ImportProblem.At(1, header[i], FigureImportTexts.TooLong, header[i].Length.ToString(CultureInfo.InvariantCulture), StatisticsCategory.MaxNameLength.ToString(CultureInfo.InvariantCulture)));
            else if (header[i].FirstOrDefault(char.IsControl) is var control && control != default)
                problems.Add(ImportProblem.At(1, header[i], FigureImportTexts.ControlCharacter, ((int)control).ToString("X4", CultureInfo.InvariantCulture)));
            names[i] = header[i];
        }
        if (names.Count == 0 && problems.Count == 0) problems.Add(ImportProblem.InFile(FigureImportTexts.NoValueColumns));
        if (problems.Count > 0) return new(FigureTableShape.WideForm, [], problems);
        // One column of figures in a dataset without categories is the dataset's own series ("Jahr;Zugewiesene"), not a category.
        if (names.Count == 1 && categories.Count == 0) names[names.Keys.Single()] = null;

        var figures = new List<Figure>();
        var seen = new Dictionary<(DateOnly, string), int>();
        foreach (var row in rows)
        {
            var period = ReadPeriod(row, 0, header[0].Length > 0 ? header[0] : "1", kind, problems);
            foreach (var (i, category) in names)
            {
                var value = StatisticsValues.ReadValue(Cell(row, i));
                if (value.Problem is { } p) { problems.Add(ImportProblem.At(row.Number, header[i], p.Message, p.Arguments.ToArray())); continue; }
                // An empty cell of a wide table is a gap: no figure was published.
                if (value.IsEmpty || period is not { } day) continue;
                Add(new Figure(day, category, value.Value, value.MissingNote ?? ""), row.Number, header[i], kind, figures, seen, problems);
            }
        }
        return Finish(FigureTableShape.WideForm, figures, problems);
    }

    private static FigureReading Finish(FigureTableShape shape, List<Figure> figures, List<ImportProblem> problems)
    {
        if (figures.Count > MaxFigures) problems.Insert(0, ImportProblem.InFile(FigureImportTexts.TooManyFigures, MaxFigures.ToString(CultureInfo.InvariantCulture)));
        return new(shape, problems.Count == 0 ? figures : [], problems);
    }

    private static void Add(Figure figure, int row, string column, StatisticsPeriodKind kind, List<Figure> figures, Dictionary<(DateOnly, string), int> seen,
        List<ImportProblem> problems, bool keep = true)
    {
        if (seen.TryGetValue(figure.Key, out var first))
        {
            var what = StatisticsValues.FormatPeriod(figure.Period, kind) + (figure.Category is null ? "" : " · " + figure.Category);
            problems.Add(ImportProblem.At(row, column, FigureImportTexts.DuplicateFigure, what, first.ToString(CultureInfo.InvariantCulture)));
            return;
        }
        seen[figure.Key] = row;
        if (keep) figures.Add(figure);
    }

    private static string Cell(SheetRow row, int index) => index < row.Cells.Count ? row.Cells[index].Trim() : "";

    private static DateOnly? ReadPeriod(SheetRow row, int index, string column, StatisticsPeriodKind kind, List<ImportProblem> problems)
    {
        var text = Cell(row, index);
        if (text.Length == 0)
        {
            problems.Add(ImportProblem.At(row.Number, column, FigureImportTexts.PeriodMissing));
            return null;
        }
        var (period, problem) = StatisticsValues.ReadPeriod(text, kind);
        if (problem is not null) problems.Add(ImportProblem.At(row.Number, column, problem.Message, problem.Arguments.ToArray()));
        return period;
    }

    private static string ReadText(SheetRow row, int index, string column, int max, List<ImportProblem> problems)
    {
        var text = Cell(row, index);
        if (text.Length > max)
        {
            problems.Add(ImportProblem.At(row.Number, column, FigureImportTexts.TooLong, text.Length.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture)));
            return "";
        }
        if (text.FirstOrDefault(c => char.IsControl(c)) is var control && control != default)
        {
            problems.Add(ImportProblem.At(row.Number, column, FigureImportTexts.ControlCharacter, ((int)control).ToString("X4", CultureInfo.InvariantCulture)));
            return "";
        }
        return text;
    }
}
