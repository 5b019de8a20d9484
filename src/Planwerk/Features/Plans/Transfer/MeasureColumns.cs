using System.Globalization;

namespace Planwerk.Features.Plans.Transfer;

public enum MeasureColumn
{
    Key,
    FieldNumber,
    FieldTitle,
    Number,
    Title,
    Goal,
    Description,
    TargetGroups,
    ResponsibleOffice,
    PartnerOrganisations,
    Districts,
    StartDate,
    EndDate,
    EstimatedCost,
    Funding,
    Priority,
    Principles,
    Status,
    Progress,
    Weight,
    IsExample,
}

/// <summary>How a column's cells are typed in a spreadsheet (CSV has only text).</summary>
public enum CellKind
{
    Text,
    WholeNumber,
    Amount,
    Date,
}

/// <summary>One column of the measure table: its German header (written on export) and its English
/// header (also accepted on import).</summary>
public sealed record MeasureColumnInfo(MeasureColumn Column, string German, string English, CellKind Kind, bool Required, string Help);

/// <summary>The documented columns of the measure table (CSV and XLSX), one row per measure, and the
/// cell values of an export. See docs/import-export.md.</summary>
public static class MeasureColumns
{
    public static readonly IReadOnlyList<MeasureColumnInfo> All =
    [
        new(MeasureColumn.Key, "Schlüssel", "Key", CellKind.WholeNumber, false, "Schlüssel im Plan (bleibt beim Umnummerieren gleich): ändert den Eintrag ({1}) mit diesem Schlüssel, legt sonst einen neuen mit ihm an; leer für neue Einträge mit dem nächsten freien Schlüssel. Die Überschrift „id“ älterer Dateien gilt auch."),
        new(MeasureColumn.FieldNumber, "Handlungsfeld-Nummer", "Field number", CellKind.WholeNumber, true, "{0}-Nummer, z. B. 4."),
        new(MeasureColumn.FieldTitle, "Handlungsfeld-Titel", "Field title", CellKind.Text, false, "{0}-Titel: legt zu einer neuen Nummer einen neuen Eintrag an und benennt sonst um."),
        new(MeasureColumn.Number, "Nummer", "Number", CellKind.Text, true, "{1}-Nummer, z. B. 4.3: {0}-Nummer, Punkt, laufende Nummer; im Plan eindeutig."),
        new(MeasureColumn.Title, "Titel", "Title", CellKind.Text, true, "{1}-Titel."),
        new(MeasureColumn.Goal, "Ziel", "Goal", CellKind.Text, false, "Ziel (Markdown)."),
        new(MeasureColumn.Description, "Beschreibung", "Description", CellKind.Text, false, "Beschreibung (Markdown)."),
        new(MeasureColumn.TargetGroups, "Zielgruppen", "Target groups", CellKind.Text, false, "Zielgruppen."),
        new(MeasureColumn.ResponsibleOffice, "Verantwortliche Stelle", "Responsible office", CellKind.Text, false, "Name der federführenden Organisation aus dem Verzeichnis der Organisationen."),
        new(MeasureColumn.PartnerOrganisations, "Partnerorganisationen", "Partner organisations", CellKind.Text, false, "Namen der Partnerorganisationen aus dem Verzeichnis der Organisationen, getrennt durch Semikolon."),
        new(MeasureColumn.Districts, "Stadtbezirke", "Districts", CellKind.Text, false, "Namen der Stadtbezirke und Ortschaften, getrennt durch Semikolon; sie müssen in der Kommune angelegt sein."),
        new(MeasureColumn.StartDate, "Beginn", "Start", CellKind.Date, false, "Beginn als 2019-07-01 (auch 01.07.2019)."),
        new(MeasureColumn.EndDate, "Ende", "End", CellKind.Date, false, "Ende als 2022-12-31 (auch 31.12.2022); nicht vor dem Beginn."),
        new(MeasureColumn.EstimatedCost, "Geschätzte Kosten", "Estimated cost", CellKind.Amount, false, "Geschätzte Kosten in Euro, z. B. 1250000.50 (auch 1.250.000,50)."),
        new(MeasureColumn.Funding, "Finanzierung", "Funding", CellKind.Text, false, "Finanzierung."),
        new(MeasureColumn.Priority, "Priorität", "Priority", CellKind.Text, false, "Hoch, Mittel oder Niedrig (auch High, Medium, Low); leer heißt Mittel."),
        new(MeasureColumn.Principles, "Leitlinien", "Principles", CellKind.Text, false, "Nummern (Positionen) der {2}, getrennt durch Semikolon, z. B. 1; 3."),
        new(MeasureColumn.Status, "Status", "Status", CellKind.Text, false, "Nicht begonnen, In Umsetzung, Abgeschlossen, Verzögert oder Eingestellt (auch NotStarted, InProgress, Completed, Delayed, Discontinued)."),
        new(MeasureColumn.Progress, "Fortschritt", "Progress", CellKind.WholeNumber, false, "Fortschritt in Prozent, 0 bis 100; bei „Abgeschlossen“ 100."),
        new(MeasureColumn.Weight, "Gewicht", "Weight", CellKind.Amount, false, "Gewicht beim gewichteten Zusammenfassen des Fortschritts: 0 bis 1000, höchstens zwei Nachkommastellen, z. B. 1 oder 2,5; 0 heißt: zählt nicht mit. Leer heißt 1."),
        new(MeasureColumn.IsExample, "Beispielinhalt", "Example", CellKind.Text, false, "„ja“ für einen Beispielinhalt, sonst „nein“."),
    ];

    public static MeasureColumnInfo Info(MeasureColumn column) => All[(int)column];

    /// <summary>Separates the names in the districts cell and the positions in the principles cell.</summary>
    public const string ListSeparator = "; ";

    public const string Yes = "ja";
    public const string No = "nein";

    /// <summary>The header of the key column in files exported before keys existed; still accepted
    /// (those ids are the keys: existing measures were given Key = Id).</summary>
    public const string OldKeyHeader = "id";

    /// <summary>The header an export writes for a column, in the plan's own words for its levels
    /// ("Themenfeld-Nummer", "Leitziele").</summary>
    public static string Header(MeasureColumnInfo column, PlanLevels levels) => column.Column switch
    {
        MeasureColumn.FieldNumber => levels.Field.Singular + "-Nummer",
        MeasureColumn.FieldTitle => levels.Field.Singular + "-Titel",
        MeasureColumn.Principles => levels.Principle.Plural,
        _ => column.German,
    };

    /// <summary>The words cities use for the levels, accepted in headers whatever the plan calls them.</summary>
    private static readonly string[] FieldWords =
        ["Handlungsfeld", "Handlungsfelder", "Teilbereich", "Teilbereiche", "Themenfeld", "Themenfelder", "Handlungsbereich", "Bereich", "Field", "Field of action", "Area", "Topic"];
    private static readonly string[] PrincipleWords =
        ["Leitlinie", "Leitlinien", "Leitziel", "Leitziele", "Leitbild", "Leitbilder", "Principle", "Principles", "Guiding principle", "Guiding principles"];
    private static readonly string[] MeasureWords = ["Maßnahme", "Maßnahmen", "Measure", "Measures"];
    private static readonly string[] NumberWords = ["Nummer", "Nr", "Number", "No"];
    private static readonly string[] TitleWords = ["Titel", "Title", "Name", "Bezeichnung"];

    /// <summary>The column a header names, or null. Accepted: the German and English headers, and for the
    /// level columns the common synonyms and the plan's own words ("Themenfeld-Nummer", "Teilbereich Nr.",
    /// "Leitziele", "Massnahme", "Measure number"); any case, with or without umlauts, ß, spaces, hyphens or dots.</summary>
    public static MeasureColumnInfo? Find(string header, PlanLevels? levels = null)
    {
        var key = HeaderKey(header);
        if (key == HeaderKey(OldKeyHeader)) return Info(MeasureColumn.Key);
        var byName = All.FirstOrDefault(c => HeaderKey(c.German) == key || HeaderKey(c.English) == key);
        if (byName is not null) return byName;

        levels ??= PlanLevels.Default;
        var fields = FieldWords.Concat(levels.Field.Words).Select(HeaderKey).ToHashSet(StringComparer.Ordinal);
        var principles = PrincipleWords.Concat(levels.Principle.Words).Select(HeaderKey).ToHashSet(StringComparer.Ordinal);
        var measures = MeasureWords.Concat(levels.Measure.Words).Select(HeaderKey).ToHashSet(StringComparer.Ordinal);
        bool Compound(HashSet<string> words, string[] endings) =>
            endings.Select(HeaderKey).Any(e => key.EndsWith(e, StringComparison.Ordinal) && words.Contains(key[..^e.Length]));

        if (Compound(fields, NumberWords)) return Info(MeasureColumn.FieldNumber);
        if (Compound(fields, TitleWords)) return Info(MeasureColumn.FieldTitle);
        if (principles.Contains(key)) return Info(MeasureColumn.Principles);
        if (Compound(measures, NumberWords)) return Info(MeasureColumn.Number);
        if (measures.Contains(key) || Compound(measures, TitleWords)) return Info(MeasureColumn.Title);
        return null;
    }

    /// <summary>A header folded for comparison: case, umlauts, ß and accents as the search folds them, and
    /// without spaces, hyphens, underscores, dots and a byte order mark.</summary>
    private static string HeaderKey(string header) =>
        new(MeasureSearch.Fold(header.Trim('\uFEFF')).Where(c => c is not (' ' or '-' or '_' or '.')).ToArray());

    /// <summary>The export's cells of one measure, in column order: text as string, integers as int,
    /// amounts as decimal, dates as DateOnly, and null for an empty cell.</summary>
    public static object?[] Cells(FieldDocument field, MeasureDocument m) =>
    [
        m.Key,
        field.Number,
        field.Title,
        m.Number,
        m.Title,
        m.Goal,
        m.Description,
        m.TargetGroups,
        m.Lead,
        m.Partners,
        string.Join(ListSeparator, m.Districts),
        m.StartDate,
        m.EndDate,
        PlanDocument.NormalizeAmount(m.EstimatedCost),
        m.Funding,
        PlanText.Priority(m.Priority),
        string.Join(ListSeparator, m.Principles.Select(p => p.ToString(CultureInfo.InvariantCulture))),
        PlanText.Status(m.Status),
        m.Progress,
        m.Weight ?? Measure.DefaultWeight,
        m.IsExample ? Yes : No,
    ];

    /// <summary>A cell as text, the way CSV writes it: invariant numbers, ISO dates.</summary>
    public static string Text(object? cell) => cell switch
    {
        null => "",
        string s => s,
        int i => i.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>Keeps spreadsheet programs from running cell text as a formula (CSV injection): text
/// starting with = + - @, a tab or a carriage return gets a leading apostrophe on CSV export, as
/// spreadsheet programs themselves mark text. So that this stays lossless, text that already starts
/// with an apostrophe followed by such text gets one more; the import removes exactly one.</summary>
public static class FormulaGuard
{
    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static bool NeedsGuard(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && text[i] == '\'') i++;
        return i < text.Length && IsTrigger(text[i]);
    }

    public static string Protect(string text) => NeedsGuard(text) ? "'" + text : text;

    public static string Unprotect(string text) =>
        text.Length > 1 && text[0] == '\'' && NeedsGuard(text.AsSpan(1)) ? text[1..] : text;
}
