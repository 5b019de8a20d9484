using System.Globalization;

namespace Planwerk.Features.Services.Hsds;

/// <summary>One thing wrong with an imported HSDS file, and where: <see cref="Where"/> is the CSV file (then <see cref="Row"/> is
/// its row, the header being row 1) or the place of the object in a JSON document (<c>services[3].service_at_locations[0]</c>);
/// <see cref="Field"/> the column or property. <see cref="Message"/> is a German interface text (a SharedResource key) with
/// {0}-placeholders for <see cref="Arguments"/>.</summary>
public sealed record HsdsProblem(string? Where, int? Row, string? Field, string Message, IReadOnlyList<string> Arguments)
{
    public static HsdsProblem InFile(string message, params string[] arguments) => new(null, null, null, message, arguments);

    public static HsdsProblem At(HsdsPlace place, string? field, string message, params string[] arguments) => new(place.Where, place.Row, field, message, arguments);

    /// <summary>The whole sentence in German, e.g. "services.csv, Zeile 4, Feld „organization_id“: …".</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Where is not null) parts.Add(Where);
        if (Row is { } row) parts.Add("Zeile " + row.ToString(CultureInfo.InvariantCulture));
        if (Field is not null) parts.Add("Feld „" + Field + "“");
        var text = string.Format(CultureInfo.InvariantCulture, Message, Arguments.Cast<object>().ToArray());
        return parts.Count == 0 ? text : string.Join(", ", parts) + ": " + text;
    }
}

/// <summary>Where an object was read: a CSV file and row, or a JSON path (row null).</summary>
public readonly record struct HsdsPlace(string Where, int? Row)
{
    public override string ToString() => Row is { } row ? Where + ", Zeile " + row.ToString(CultureInfo.InvariantCulture) : Where;
}

/// <summary>The German texts of every exchange problem (SharedResource keys; English in SharedResource.en.resx).</summary>
public static class HsdsTexts
{
    public const string NoFile = "Bitte wählen Sie eine Datei aus.";
    public const string EmptyFile = "Die Datei ist leer.";
    public const string TooLarge = "Die Datei ist zu groß ({0}). Erlaubt sind höchstens {1}.";
    public const string NotHsds = "„{0}“ ist weder eine HSDS-JSON-Datei noch ein ZIP-Archiv mit CSV-Dateien. Erkannt wird der Inhalt, nicht der Dateiname.";
    public const string IsPdf = "„{0}“ ist ein PDF-Dokument, keine HSDS-Datei. Laden Sie eine JSON-Datei oder ein ZIP-Archiv mit CSV-Dateien hoch.";
    public const string NotJson = "Die Datei ist kein gültiges JSON (Zeile {0}, Zeichen {1}).";
    public const string NotADocument = "Die JSON-Datei muss ein Objekt mit den Listen „organizations“, „services“ und „taxonomy_terms“ sein.";
    public const string VersionUnsupported = "Die HSDS-Version „{0}“ wird nicht unterstützt; gelesen wird HSDS 3.0.";
    public const string NotAZip = "Das ZIP-Archiv ist beschädigt oder keines.";
    public const string ZipTooManyEntries = "Das ZIP-Archiv enthält {0} Dateien; erlaubt sind höchstens {1}.";
    public const string ZipTooBig = "Das ZIP-Archiv ist entpackt zu groß (mehr als {0}).";
    public const string ZipNoServices = "Das ZIP-Archiv enthält keine Datei „services.csv“.";
    public const string ZipUnknownFile = "Unbekannte Datei im ZIP-Archiv. Gelesen werden: {0}.";
    public const string CsvNotText = "Die Datei ist keine CSV-Datei in UTF-8.";
    public const string CsvBroken = "Die CSV-Datei ist fehlerhaft (Datensatz {0}): Ein Anführungszeichen ist nicht geschlossen oder steht mitten in einem Wert.";
    public const string CsvMissingColumn = "Die Pflichtspalte „{0}“ fehlt.";
    public const string CsvUnknownColumn = "Unbekannte Spalte. Bekannte Spalten: {0}.";
    public const string CsvDuplicateColumn = "Die Spalte kommt doppelt vor.";
    public const string TooManyObjects = "Die Datei enthält mehr als {0} Einträge einer Art.";

    public const string Required = "Bitte geben Sie einen Wert an.";
    public const string WrongType = "Der Wert hat den falschen Typ: erwartet wird {0}.";
    public const string TooLong = "Der Wert ist zu lang: {0} Zeichen, erlaubt sind höchstens {1}.";
    public const string NotAnId = "„{0}“ ist keine gültige ID (eine UUID wie 3f2b8c1e-…).";
    public const string DuplicateId = "Die ID {0} kommt schon vor ({1}).";
    public const string Dangling = "Die ID {0} verweist auf ein Objekt „{1}“, das es in der Datei nicht gibt.";
    public const string UnknownLinkEntity = "„{0}“ ist keine bekannte Art von Objekt. Erlaubt: service, location, taxonomy_term.";
    public const string NotADate = "„{0}“ ist kein gültiges Datum (JJJJ-MM-TT).";
    public const string NotAMoment = "„{0}“ ist kein gültiger Zeitpunkt (JJJJ-MM-TTThh:mm:ssZ).";
    public const string NotATime = "„{0}“ ist keine gültige Uhrzeit (hh:mm).";
    public const string NotANumber = "„{0}“ ist keine gültige Zahl.";
    public const string NotAnAge = "„{0}“ ist kein gültiges Alter (eine ganze Zahl von 0 bis 150).";
    public const string NotABoolean = "„{0}“ ist weder „true“ noch „false“.";
    public const string NotAStatus = "„{0}“ ist kein gültiger Status. Erlaubt: active, inactive, defunct, temporarily closed.";
    public const string NotALatitude = "„{0}“ ist keine gültige Breite (−90 bis 90).";
    public const string NotALongitude = "„{0}“ ist keine gültige Länge (−180 bis 180).";
    public const string UnknownLanguage = "„{0}“ ist kein bekannter Sprachcode nach ISO 639.";
    public const string SourceLanguage = "Deutsch ist die Ausgangssprache; eine Übersetzung ins Deutsche gibt es nicht.";
    public const string UnknownTranslatedField = "„{0}“ ist kein übersetzbares Feld. Erlaubt: {1}.";
    public const string DuplicateTranslation = "Die Übersetzung von „{0}“ in „{1}“ kommt doppelt vor.";
    public const string AgesReversed = "Das Mindestalter ({0}) ist höher als das Höchstalter ({1}).";
    public const string ClosesBeforeOpens = "Die Schließzeit ({0}) liegt nicht nach der Öffnungszeit ({1}).";
    public const string EndBeforeStart = "„valid_to“ ({0}) liegt vor „valid_from“ ({1}).";
    public const string OnlyOneTime = "Öffnungs- und Schließzeit gehören zusammen: Bitte geben Sie beide oder keine an.";
    public const string NotAWeekday = "„{0}“ ist kein Wochentag. Erlaubt ist genau einer von MO, TU, WE, TH, FR, SA, SU.";
    public const string UnsupportedFrequency = "„{0}“ wird nicht unterstützt: Planwerk liest wöchentliche Zeiten (WEEKLY) und Ausnahmen ohne „freq“.";
    public const string NotAServiceLink = "Ein Merkmal (attribute) eines Angebots muss „link_entity“ „service“ haben, nicht „{0}“.";
    public const string TopicCycle = "Das Thema ist sein eigenes Oberthema (über „parent_id“).";
    public const string DuplicateCode = "Der Code „{0}“ kommt schon vor ({1}).";
    public const string CodeTaken = "Der Code „{0}“ gehört in dieser Kommune schon dem Thema „{1}“ mit einer anderen ID.";
    public const string IdTakenElsewhere = "Die ID {0} gehört in dieser Kommune schon zu einem anderen Hilfeangebot.";
}
