using System.Text.RegularExpressions;
using Planwerk.Features.Services.Manage;

namespace Planwerk.Features.Statistics.Manage;

/// <summary>The form of a dataset's own fields. Dates and figures are text, so that what cannot be read gets a message
/// at its field that quotes it.</summary>
public sealed class DatasetInput
{
    public string? Code { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Unit { get; set; }
    public string? SourceName { get; set; }
    public string? SourceUrl { get; set; }
    public string? Licence { get; set; } = StatisticsLicences.Default;
    public string? Publisher { get; set; }
    public string? Keywords { get; set; }
    public string? CoversFrom { get; set; }
    public string? CoversTo { get; set; }
    public StatisticsFrequency Frequency { get; set; }
    public StatisticsPeriodKind PeriodKind { get; set; }
    public string? CategoryLabel { get; set; }
    public StatisticsChartKind ChartKind { get; set; }
    public bool IsPublic { get; set; }
}

/// <summary>Reading a dataset into the form, checking the form (every problem at its field), applying it and
/// describing it for the history and the conflict view.</summary>
public static partial class DatasetEntry
{
    /// <summary>Codes that are addresses of their own below the public statistics pages.</summary>
    public static readonly IReadOnlySet<string> ReservedCodes = new HashSet<string>(StringComparer.Ordinal)
        { "new", "api", "catalog", "catalogue", "katalog", "dcat", "csv", "json", "print", "pdf" };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    /// <summary>The German labels (text keys) of the fields, by their names in the history.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Code"] = "Adresskürzel", ["Title"] = "Titel", ["Description"] = "Beschreibung", ["Unit"] = "Einheit", ["SourceName"] = "Quelle",
        ["SourceUrl"] = "Internetadresse der Quelle", ["Licence"] = "Lizenz", ["Publisher"] = "Veröffentlichende Stelle", ["Keywords"] = "Schlagwörter",
        ["CoversFrom"] = "Zeitraum von", ["CoversTo"] = "Zeitraum bis", ["Frequency"] = "Aktualisierung", ["PeriodKind"] = "Art des Zeitraums",
        ["CategoryLabel"] = "Bezeichnung der Kategorien", ["ChartKind"] = "Diagramm", ["IsPublic"] = "Öffentlich",
    };

    public static string FrequencyText(StatisticsFrequency f) => f switch
    {
        StatisticsFrequency.Annual => "jährlich",
        StatisticsFrequency.Semiannual => "halbjährlich",
        StatisticsFrequency.Quarterly => "vierteljährlich",
        StatisticsFrequency.Monthly => "monatlich",
        StatisticsFrequency.Irregular => "unregelmäßig",
        StatisticsFrequency.Never => "abgeschlossen, keine Aktualisierung",
        _ => "unbekannt",
    };

    public static string PeriodKindText(StatisticsPeriodKind k) => k == StatisticsPeriodKind.Year ? "Jahre (z. B. 2016)" : "Stichtage (z. B. 31.12.2016)";

    public static string ChartKindText(StatisticsChartKind k) => k switch
    {
        StatisticsChartKind.Line => "Linie",
        StatisticsChartKind.Bar => "Säulen",
        StatisticsChartKind.StackedBar => "gestapelte Säulen",
        StatisticsChartKind.GroupedBar => "gruppierte Säulen",
        _ => "automatisch nach Form der Daten",
    };

    public static DatasetInput ToInput(StatisticsDataset d) => new()
    {
        Code = d.Code, Title = d.Title, Description = d.Description, Unit = d.Unit, SourceName = d.SourceName, SourceUrl = d.SourceUrl,
        Licence = d.Licence, Publisher = d.Publisher, Keywords = d.Keywords, CoversFrom = DateText(d.CoversFrom), CoversTo = DateText(d.CoversTo),
        Frequency = d.Frequency, PeriodKind = d.PeriodKind, CategoryLabel = d.CategoryLabel, ChartKind = d.ChartKind, IsPublic = d.IsPublic,
    };

    private static string DateText(DateOnly? date) => date is { } d ? StatisticsValues.FormatPeriod(d, StatisticsPeriodKind.Day) : "";

    private static string Clean(string? text) => (text ?? "").Trim();

    /// <summary>Every problem of the input, keyed by the form field (<paramref name="prefix"/>.Name).</summary>
    public static List<EntryProblem> Check(DatasetInput input, bool codeTaken, StatisticsPeriodKind? storedKind, bool hasFigures, string prefix)
    {
        var problems = new List<EntryProblem>();
        void Add(string field, string text, params object[] args) => problems.Add(new EntryProblem(prefix + "." + field, text, args));
        void Length(string field, string? value, int max)
        {
            if (Clean(value).Length > max) Add(field, "{0}: Bitte kürzen Sie den Text auf höchstens {1} Zeichen.", Labels[field], max);
            else if (Clean(value).Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) Add(field, "{0}: Der Text enthält ein unzulässiges Steuerzeichen.", Labels[field]);
        }

        var code = Clean(input.Code);
        if (code.Length == 0) Add("Code", "Adresskürzel: Bitte geben Sie ein Kürzel für die Adresse an.");
        else if (code.Length > StatisticsDataset.MaxCodeLength) Add("Code", "Adresskürzel: Bitte kürzen Sie das Kürzel auf höchstens {0} Zeichen.", StatisticsDataset.MaxCodeLength);
        else if (!CodePattern().IsMatch(code)) Add("Code", "Adresskürzel: Bitte verwenden Sie nur Kleinbuchstaben (a–z), Ziffern und einzelne Bindestriche zwischen ihnen, z. B. „zuweisungen-asyl“.");
        else if (ReservedCodes.Contains(code)) Add("Code", "Adresskürzel: „{0}“ ist für eine andere Seite reserviert. Bitte wählen Sie ein anderes Kürzel.", code);
        else if (codeTaken) Add("Code", "Adresskürzel: „{0}“ hat schon ein anderer Datensatz. Bitte wählen Sie ein anderes Kürzel.", code);

        if (Clean(input.Title).Length == 0) Add("Title", "Titel: Bitte geben Sie einen Titel an.");
        else Length("Title", input.Title, StatisticsDataset.MaxTitleLength);
        Length("Description", input.Description, StatisticsDataset.MaxDescriptionLength);
        Length("Unit", input.Unit, StatisticsDataset.MaxUnitLength);
        Length("SourceName", input.SourceName, StatisticsDataset.MaxSourceLength);
        Length("Publisher", input.Publisher, StatisticsDataset.MaxSourceLength);
        Length("Keywords", input.Keywords, StatisticsDataset.MaxKeywordsLength);
        Length("CategoryLabel", input.CategoryLabel, StatisticsDataset.MaxCategoryLabelLength);

        var url = Clean(input.SourceUrl);
        if (url.Length > StatisticsDataset.MaxUrlLength) Add("SourceUrl", "Internetadresse der Quelle: Bitte kürzen Sie die Adresse auf höchstens {0} Zeichen.", StatisticsDataset.MaxUrlLength);
        else if (url.Length > 0 && !IsWebAddress(url)) Add("SourceUrl", "Internetadresse der Quelle: Bitte geben Sie eine vollständige Adresse an, die mit http:// oder https:// beginnt.");

        var licence = Clean(input.Licence);
        if (licence.Length > 0 && StatisticsLicences.Find(licence) is null) Add("Licence", "Lizenz: Bitte wählen Sie eine Lizenz aus der Liste.");

        var from = ReadDate(input.CoversFrom, start: true, "CoversFrom", Add);
        var to = ReadDate(input.CoversTo, start: false, "CoversTo", Add);
        if (from is { } f && to is { } t && f > t) Add("CoversTo", "Zeitraum bis: Das Ende ({0}) liegt vor dem Beginn ({1}).", DateText(t), DateText(f));

        if (!Enum.IsDefined(input.Frequency)) Add("Frequency", "Aktualisierung: Bitte wählen Sie aus der Liste.");
        if (!Enum.IsDefined(input.ChartKind)) Add("ChartKind", "Diagramm: Bitte wählen Sie aus der Liste.");
        if (!Enum.IsDefined(input.PeriodKind)) Add("PeriodKind", "Art des Zeitraums: Bitte wählen Sie aus der Liste.");
        else if (hasFigures && storedKind is { } kind && kind != input.PeriodKind)
            Add("PeriodKind", "Art des Zeitraums: Sie lässt sich nur ändern, solange der Datensatz keine Werte hat. Entfernen Sie zuerst die Werte, oder legen Sie einen neuen Datensatz an.");
        return problems;
    }

    /// <summary>A start or end of the covered time: a day, or a year (its first or last day).</summary>
    private static DateOnly? ReadDate(string? text, bool start, string field, Action<string, string, object[]> add)
    {
        var trimmed = Clean(text);
        if (trimmed.Length == 0) return null;
        if (trimmed.Length == 4 && trimmed.All(char.IsAsciiDigit))
        {
            var (year, yearProblem) = StatisticsValues.ReadPeriod(trimmed, StatisticsPeriodKind.Year);
            if (yearProblem is not null)
            {
                add(field, "{0}: {1}", [Labels[field], yearProblem.ToString()]);
                return null;
            }
            return start ? year : new DateOnly(year!.Value.Year, 12, 31);
        }
        var (day, problem) = StatisticsValues.ReadPeriod(trimmed, StatisticsPeriodKind.Day);
        if (problem is not null) add(field, "{0}: {1}", [Labels[field], problem.ToString()]);
        return day;
    }

    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0
        && !url.Any(char.IsWhiteSpace);

    /// <summary>Writes a checked input into the dataset.</summary>
    public static void Apply(StatisticsDataset d, DatasetInput input)
    {
        d.Code = Clean(input.Code);
        d.Title = Clean(input.Title);
        d.Description = Clean(input.Description);
        d.Unit = Clean(input.Unit);
        d.SourceName = Clean(input.SourceName);
        d.SourceUrl = Clean(input.SourceUrl);
        d.Licence = Clean(input.Licence);
        d.Publisher = Clean(input.Publisher);
        d.Keywords = Clean(input.Keywords);
        d.CoversFrom = ReadDate(input.CoversFrom, true, "CoversFrom", (_, _, _) => { });
        d.CoversTo = ReadDate(input.CoversTo, false, "CoversTo", (_, _, _) => { });
        d.Frequency = input.Frequency;
        d.PeriodKind = input.PeriodKind;
        d.CategoryLabel = Clean(input.CategoryLabel);
        d.ChartKind = input.ChartKind;
        d.IsPublic = input.IsPublic;
    }

    /// <summary>The fields as text, for the history and the conflict view.</summary>
    public static IReadOnlyList<EntryPart> Describe(StatisticsDataset d) =>
    [
        new("Code", Labels["Code"], d.Code),
        new("Title", Labels["Title"], d.Title),
        new("Description", Labels["Description"], d.Description),
        new("Unit", Labels["Unit"], d.Unit),
        new("SourceName", Labels["SourceName"], d.SourceName),
        new("SourceUrl", Labels["SourceUrl"], d.SourceUrl),
        new("Licence", Labels["Licence"], StatisticsLicences.Find(d.Licence)?.Name ?? d.Licence),
        new("Publisher", Labels["Publisher"], d.Publisher),
        new("Keywords", Labels["Keywords"], d.Keywords),
        new("CoversFrom", Labels["CoversFrom"], DateText(d.CoversFrom)),
        new("CoversTo", Labels["CoversTo"], DateText(d.CoversTo)),
        new("Frequency", Labels["Frequency"], FrequencyText(d.Frequency)),
        new("PeriodKind", Labels["PeriodKind"], PeriodKindText(d.PeriodKind)),
        new("CategoryLabel", Labels["CategoryLabel"], d.CategoryLabel),
        new("ChartKind", Labels["ChartKind"], ChartKindText(d.ChartKind)),
        new("IsPublic", Labels["IsPublic"], d.IsPublic ? "ja" : "nein"),
    ];
}
