using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans.Transfer;

namespace Planwerk.Features.Implementation.Indicators;

/// <summary>What an import of indicator values did, or why it did nothing.</summary>
public sealed record IndicatorImportResult(IReadOnlyList<ImportProblem> Problems, int Added, int Corrected)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>Reads indicator values from a CSV or XLSX table (the same reader as the measure import: CSV in UTF-8 or
/// Windows-1252 with ";" or ",", recognised by content) with the columns Indikator, Datum, Wert and optionally Quelle and
/// Anmerkung. Every row is checked first; a problem is named by row and column; only a file without any problem is
/// applied, in one save. A value for a day the indicator already has a value for replaces it (a correction).</summary>
public static class IndicatorValueImport
{
    public const string UnknownIndicator = "Der Plan hat keinen Indikator „{0}“. Vorhanden: {1}.";
    public const string NotAValue = "„{0}“ ist keine gültige Zahl. Beispiele: 12,5 oder 1250 oder -3 (höchstens vier Nachkommastellen).";
    public const string FutureDate = "Das Datum {0} liegt in der Zukunft.";
    public const string FedByDataset = "Der Indikator „{0}“ übernimmt seine Werte aus einem Datensatz; Werte werden dort eingetragen.";
    public const string DuplicateValue = "Für diesen Indikator und Tag steht schon in Zeile {0} ein Wert.";
    public const string NoIndicators = "keine";

    private sealed record Column(string Name, string English, bool Required, int MaxLength);

    private static readonly Column IndicatorColumn = new("Indikator", "Indicator", true, Indicator.MaxNameLength);
    private static readonly Column DateColumn = new("Datum", "Date", true, 40);
    private static readonly Column ValueColumn = new("Wert", "Value", true, 60);
    private static readonly Column SourceColumn = new("Quelle", "Source", false, Indicator.MaxSourceLength);
    private static readonly Column NoteColumn = new("Anmerkung", "Note", false, IndicatorValue.MaxNoteLength);
    private static readonly Column[] Columns = [IndicatorColumn, DateColumn, ValueColumn, SourceColumn, NoteColumn];

    public static string KnownColumns => string.Join(", ", Columns.Select(c => c.Name));

    public static async Task<IndicatorImportResult> ImportAsync(PlanwerkDbContext db, int planId, ReadOnlyMemory<byte> content, DateOnly today, CancellationToken ct)
    {
        var reading = MeasureFiles.Read(content.Span);
        if (reading.Sheet is not { } sheet) return Failed(reading.Problem!);

        var problems = new List<ImportProblem>();
        var index = new Dictionary<Column, int>();
        for (var i = 0; i < sheet.Header.Count; i++)
        {
            var header = sheet.Header[i].Trim();
            if (header.Length == 0) continue;
            var column = Columns.FirstOrDefault(c => string.Equals(c.Name, header, StringComparison.OrdinalIgnoreCase) || string.Equals(c.English, header, StringComparison.OrdinalIgnoreCase));
            if (column is null) problems.Add(ImportProblem.At(1, header, ImportTexts.UnknownColumn, KnownColumns));
            else if (!index.TryAdd(column, i)) problems.Add(ImportProblem.At(1, header, ImportTexts.DuplicateColumn, sheet.Header[index[column]]));
        }
        foreach (var missing in Columns.Where(c => c.Required && !index.ContainsKey(c)))
            problems.Add(ImportProblem.At(1, missing.Name, ImportTexts.MissingColumn, missing.Name, missing.English));
        if (problems.Count > 0) return new(problems, 0, 0);

        var indicators = await db.Indicators.Where(i => i.PlanId == planId).ToListAsync(ct);
        var byName = indicators.GroupBy(i => i.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var known = indicators.Count == 0 ? NoIndicators : string.Join(", ", indicators.Select(i => "„" + i.Name + "“"));
        string Cell(SheetRow row, Column column) =>
            index.TryGetValue(column, out var i) && i < row.Cells.Count ? row.Cells[i] : "";

        var rows = new List<(int Row, Indicator Indicator, DateOnly On, decimal Value, string Source, string Note)>();
        var seen = new Dictionary<(int, DateOnly), int>();
        foreach (var row in sheet.Rows)
        {
            if (row.Cells.All(string.IsNullOrWhiteSpace)) continue;
            var ok = true;
            foreach (var column in Columns.Where(index.ContainsKey))
            {
                var text = Cell(row, column).Trim();
                if (column.Required && text.Length == 0) { problems.Add(ImportProblem.At(row.Number, sheet.Header[index[column]], ImportTexts.Required)); ok = false; }
                else if (text.Length > column.MaxLength) { problems.Add(ImportProblem.At(row.Number, sheet.Header[index[column]], ImportTexts.TooLong, text.Length.ToString(CultureInfo.InvariantCulture), column.MaxLength.ToString(CultureInfo.InvariantCulture))); ok = false; }
                else if (text.Any(IsForbidden))
                { problems.Add(ImportProblem.At(row.Number, sheet.Header[index[column]], ImportTexts.ControlCharacter, ((int)text.First(IsForbidden)).ToString("X4", CultureInfo.InvariantCulture))); ok = false; }
            }
            if (!ok) continue;
            var name = Cell(row, IndicatorColumn).Trim();
            if (!byName.TryGetValue(name, out var indicator))
            {
                problems.Add(ImportProblem.At(row.Number, sheet.Header[index[IndicatorColumn]], UnknownIndicator, name, known));
                ok = false;
            }
            else if (indicator.DatasetId is not null)
            {
                problems.Add(ImportProblem.At(row.Number, sheet.Header[index[IndicatorColumn]], FedByDataset, indicator.Name));
                ok = false;
            }
            var date = ValueParsing.Date(Cell(row, DateColumn));
            if (date.Problem is not null) { problems.Add(ImportProblem.At(row.Number, sheet.Header[index[DateColumn]], date.Problem, date.Arguments)); ok = false; }
            else if (date.Value is { } d && d > today) { problems.Add(ImportProblem.At(row.Number, sheet.Header[index[DateColumn]], FutureDate, Infrastructure.Time.BerlinTime.Date(d))); ok = false; }
            else if (date.Value is { } day && (day.Year < 1900 || day.Year > 2100))
            { problems.Add(ImportProblem.At(row.Number, sheet.Header[index[DateColumn]], ImportTexts.NotADate, Cell(row, DateColumn).Trim())); ok = false; }
            var valueText = Cell(row, ValueColumn).Trim();
            var value = IndicatorNumber.Read(valueText);
            if (value is null) { problems.Add(ImportProblem.At(row.Number, sheet.Header[index[ValueColumn]], NotAValue, valueText)); ok = false; }
            if (!ok) continue;
            if (seen.TryGetValue((indicator!.Id, date.Value!.Value), out var earlier))
            {
                problems.Add(ImportProblem.At(row.Number, sheet.Header[index[DateColumn]], DuplicateValue, earlier.ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            seen[(indicator.Id, date.Value.Value)] = row.Number;
            rows.Add((row.Number, indicator, date.Value.Value, value!.Value, Cell(row, SourceColumn).Trim(), Cell(row, NoteColumn).Trim()));
        }
        if (problems.Count > 0) return new(problems, 0, 0);
        if (rows.Count == 0) return Failed(ImportProblem.InFile(ImportTexts.NoRows));

        var ids = rows.Select(r => r.Indicator.Id).Distinct().ToList();
        var existing = (await db.IndicatorValues.Where(v => ids.Contains(v.IndicatorId)).ToListAsync(ct))
            .GroupBy(v => (v.IndicatorId, v.On)).ToDictionary(g => g.Key, g => g.First());
        int added = 0, corrected = 0;
        foreach (var r in rows)
        {
            if (existing.TryGetValue((r.Indicator.Id, r.On), out var stored))
            {
                if (stored.Value == r.Value && stored.Source == r.Source && stored.Note == r.Note) continue;
                (stored.Value, stored.Source, stored.Note) = (r.Value, r.Source, r.Note);
                corrected++;
            }
            else
            {
                db.IndicatorValues.Add(new IndicatorValue { Indicator = r.Indicator, IndicatorId = r.Indicator.Id, On = r.On, Value = r.Value, Source = r.Source, Note = r.Note });
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new([], added, corrected);
    }

    private static bool IsForbidden(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');

    private static IndicatorImportResult Failed(ImportProblem problem) => new([problem], 0, 0);
}
