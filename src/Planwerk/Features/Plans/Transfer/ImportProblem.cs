using System.Globalization;

namespace Planwerk.Features.Plans.Transfer;

/// <summary>One thing wrong with an uploaded file: where (the spreadsheet row, 1-based with the
/// header as row 1, and the column's header as the file spells it; or a place in a JSON document)
/// and why. <see cref="Message"/> is a German interface text (a SharedResource key) with
/// {0}-placeholders for <see cref="Arguments"/>, so pages can show it in the reader's language.</summary>
public sealed record ImportProblem(int? Row, string? Column, string Message, IReadOnlyList<string> Arguments)
{
    public static ImportProblem InFile(string message, params string[] arguments) => new(null, null, message, arguments);

    public static ImportProblem At(int row, string column, string message, params string[] arguments) => new(row, column, message, arguments);

    public static ImportProblem InRow(int row, string message, params string[] arguments) => new(row, null, message, arguments);

    /// <summary>The problem's own text, without its place.</summary>
    public string Text(string? localizedMessage = null) =>
        string.Format(CultureInfo.InvariantCulture, localizedMessage ?? Message, Arguments.Cast<object>().ToArray());

    /// <summary>The whole sentence in German, e.g. "Zeile 7, Spalte „Status“: „fertig“ ist kein gültiger Status. Erlaubt: …".</summary>
    public override string ToString()
    {
        var place = (Row, Column) switch
        {
            (int r, string c) => $"Zeile {r}, Spalte „{c}“: ",
            (int r, null) => $"Zeile {r}: ",
            (null, string c) => $"{c}: ",
            _ => "",
        };
        return place + Text();
    }
}

/// <summary>The German texts of every import problem (SharedResource keys; English in SharedResource.en.resx).</summary>
public static class ImportTexts
{
    // The file as a whole.
    public const string NoFile = "Bitte wählen Sie eine Datei aus.";
    public const string EmptyFile = "Die Datei ist leer.";
    public const string TooLarge = "Die Datei ist zu groß ({0}). Erlaubt sind höchstens {1}.";
    public const string NotCsvOrXlsx = "Die Datei ist weder eine CSV-Datei noch eine Excel-Arbeitsmappe (XLSX). Erkannt wird der Inhalt, nicht der Dateiname.";
    public const string NotXlsx = "Die Datei sieht wie ein ZIP-Archiv aus, ist aber keine lesbare Excel-Arbeitsmappe (XLSX).";
    public const string XlsxTooBig = "Die Excel-Arbeitsmappe ist entpackt zu groß (mehr als {0}).";
    public const string XlsxNoSheet = "Die Excel-Arbeitsmappe enthält kein Tabellenblatt.";
    public const string CsvBroken = "Die CSV-Datei ist fehlerhaft (Datensatz {0}): Ein Anführungszeichen ist nicht geschlossen oder steht mitten in einem Wert.";
    public const string NoHeader = "Die erste Zeile muss die Spaltenüberschriften enthalten; sie ist leer.";
    public const string NoRows = "Die Datei enthält nur die Überschriftenzeile.";
    public const string TooManyRows = "Die Datei enthält mehr als {0} Zeilen.";
    public const string NotJson = "Die Datei ist kein gültiges JSON (Zeile {0}, Zeichen {1}).";
    public const string JsonNotPlanwerk = "Die Datei ist kein Planwerk-Plan: „format“ muss „planwerk-plan“ sein.";
    public const string JsonVersionUnsupported = "Die Formatversion {0} wird nicht unterstützt. Unterstützt werden die Versionen {1} bis {2}.";
    public const string JsonInvalid = "Der Wert passt nicht zum Format „planwerk-plan“ (erwartet wird dort {0}).";
    public const string JsonUnknownProperty = "Unbekannte Eigenschaft „{0}“.";
    public const string JsonMissingProperty = "Die Eigenschaft „{0}“ fehlt oder ist leer (null).";

    // Header row.
    public const string UnknownColumn = "Unbekannte Spalte. Bekannte Spalten: {0}.";
    public const string DuplicateColumn = "Die Spalte kommt doppelt vor (auch als „{0}“).";
    public const string MissingColumn = "Die Pflichtspalte fehlt. Erlaubte Überschriften: „{0}“ oder „{1}“.";
    public const string UnnamedColumn = "Die Spalte {0} hat Werte, aber keine Überschrift.";

    // Cells. The plan's words for its levels are arguments too (the last ones), so a message reads
    // "Themenfeld 7 …" in a plan of Themenfelder; the wording works with any noun, whatever its gender.
    public const string Required = "Bitte geben Sie einen Wert an.";
    public const string TooLong = "Der Wert ist zu lang: {0} Zeichen, erlaubt sind höchstens {1}.";
    public const string ControlCharacter = "Der Wert enthält ein unzulässiges Steuerzeichen (U+{0}).";
    public const string NotAFieldNumber = "„{0}“ ist keine gültige {1}-Nummer (eine ganze Zahl von 1 bis 999).";
    public const string UnknownField = "{1} {0} gibt es in diesem Plan nicht. Ein Titel in der Spalte „{2}“ legt {1} {0} an.";
    public const string FieldTitleDiffers = "Für {2} {0} steht in Zeile {1} ein anderer Titel.";
    public const string NotANumber = "„{0}“ ist keine gültige {1}-Nummer. Sie hat die Form „4.3“: {2}-Nummer, Punkt, laufende Nummer.";
    public const string NumberOutsideField = "Die Nummer „{0}“ muss mit der {2}-Nummer beginnen: {1}.";
    public const string DuplicateNumber = "Die Nummer {0} kommt schon in Zeile {1} vor.";
    public const string NumberTaken = "Die Nummer {0} ist in diesem Plan schon vergeben: {3} „{1}“ (Schlüssel {2}), von dieser Datei nicht geändert.";
    public const string NotADate = "„{0}“ ist kein gültiges Datum. Schreiben Sie es als 2019-07-01 oder 01.07.2019.";
    public const string EndBeforeStart = "Das Ende ({0}) liegt vor dem Beginn ({1}).";
    public const string NotAnAmount = "„{0}“ ist kein gültiger Betrag. Beispiele: 1250000.50 oder 1.250.000,50.";
    public const string AmbiguousAmount = "„{0}“ ist mehrdeutig. Schreiben Sie den Betrag ohne Tausenderpunkt (z. B. 1250) oder mit Komma für die Cent (z. B. 1,25).";
    public const string NegativeAmount = "Der Betrag darf nicht negativ sein.";
    public const string TooManyDecimals = "Der Betrag darf höchstens zwei Nachkommastellen haben.";
    public const string AmountTooLarge = "Der Betrag ist zu hoch (höchstens 999.999.999.999,99).";
    public const string NotAPriority = "„{0}“ ist keine gültige Priorität. Erlaubt: {1}.";
    public const string NotAStatus = "„{0}“ ist kein gültiger Status. Erlaubt: {1}.";
    public const string NotAState = "„{0}“ ist kein gültiger Stand des Plans. Erlaubt: {1}.";
    public const string NotAProgress = "„{0}“ ist kein gültiger Fortschritt: eine ganze Zahl von 0 bis 100.";
    public const string CompletedBelowFull = "Der Status ist „Abgeschlossen“, der Fortschritt aber {0} statt 100 Prozent.";
    public const string NotAWeight = "„{0}“ ist kein gültiges Gewicht: eine Zahl von 0 bis 1000 mit höchstens zwei Nachkommastellen, z. B. 1 oder 2,5.";
    public const string NotAYesNo = "„{0}“ ist weder „ja“ noch „nein“.";
    public const string UnknownOrganisation = "Die Organisation „{0}“ steht nicht im Verzeichnis der Organisationen. Legen Sie sie dort an, oder wählen Sie beim Import „Fehlende Organisationen anlegen“.";
    public const string LeadAlsoPartner = "Die Organisation „{0}“ ist schon federführend und kann nicht zugleich Partner sein.";
    public const string UnknownDistrict = "Den Stadtbezirk „{0}“ gibt es in dieser Kommune nicht. Bekannt sind: {1}.";
    public const string NotAPrinciple = "„{0}“ ist keine gültige {1}-Nummer.";
    public const string UnknownPrinciple = "{2} {0} gibt es in diesem Plan nicht. Vorhanden: {1}.";
    public const string NoPrinciples = "{1} {0} gibt es in diesem Plan nicht; er hat keine {2}.";
    public const string NoDistricts = "keine";

    // JSON documents.
    public const string PeriodOutOfRange = "Das Jahr {0} liegt nicht zwischen {1} und {2}.";
    public const string PeriodEndBeforeStart = "Das letzte Jahr des Zeitraums liegt vor dem ersten.";
    public const string DuplicatePosition = "{1}: Die Position {0} kommt doppelt vor.";
    public const string NotAPosition = "{0}: Die Position muss eine ganze Zahl größer als 0 sein.";
    public const string DuplicateFieldNumber = "{1}: Die Nummer {0} kommt doppelt vor.";
    public const string DuplicateDistrict = "Der Stadtbezirk „{0}“ ist doppelt aufgeführt.";
    public const string DistrictNotListed = "Der Stadtbezirk „{0}“ steht nicht in der Liste „districts“ des Dokuments.";
    public const string DistrictSeparator = "Der Name eines Stadtbezirks darf kein Semikolon enthalten (es trennt die Stadtbezirke in CSV und XLSX).";

    // Keys, sections and images (format version 2).
    public const string NotAKey = "„{0}“ ist kein gültiger Schlüssel (eine ganze Zahl größer als 0).";
    public const string DuplicateKeyAt = "Der Schlüssel {0} kommt schon bei {1} vor.";
    public const string DuplicateKeyRow = "Der Schlüssel {0} kommt schon in Zeile {1} vor.";
    public const string NotAnImageNumber = "„{0}“ ist keine gültige Nummer eines Bildes (eine ganze Zahl größer als 0).";
    public const string DuplicateImageNumber = "Die Nummer {0} kommt bei den Bildern doppelt vor.";
    public const string ImageTooLarge = "Das Bild ist zu groß ({0}). Erlaubt sind höchstens {1}.";
    public const string ImageNotRecognised = "Die Bilddaten sind kein PNG-, JPEG-, GIF- oder WebP-Bild.";
    public const string ImageTypeDiffers = "Die Bilddaten sind vom Typ „{0}“, angegeben ist aber „{1}“.";
    public const string ImageNotListed = "Der Text zeigt das Bild {0}, das nicht in der Liste „images“ des Dokuments steht.";

    // Outcome.
    public const string ChangedMeanwhile = "Während des Imports hat jemand anderes den Plan geändert. Es wurde nichts übernommen; bitte laden Sie die Datei noch einmal hoch.";
}
