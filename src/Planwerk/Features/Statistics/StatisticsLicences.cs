namespace Planwerk.Features.Statistics;

/// <summary>A licence a dataset may be published under: its code in the licence vocabulary of DCAT-AP.de
/// (what <see cref="StatisticsDataset.Licence"/> stores), its name, the vocabulary's URI for it and the page that
/// explains it to people.</summary>
public sealed record StatisticsLicence(string Code, string Name, string Uri, string Page)
{
    /// <summary>Whether users must name the source (the catalogue then gives dcatde:licenseAttributionByText).</summary>
    public bool NeedsAttribution => Code.StartsWith("dl-by-de", StringComparison.Ordinal) || Code.StartsWith("cc-by", StringComparison.Ordinal)
        || Code == "odc-by" || Code == "odbl";
}

/// <summary>The licences of the German open-data licence vocabulary (<c>http://dcat-ap.de/def/licenses/</c>) that a
/// municipality's statistics are commonly published under: the editing pages offer only these, and the public page,
/// the downloads and the catalogue name them from here.</summary>
public static class StatisticsLicences
{
    public const string VocabularyBase = "http://dcat-ap.de/def/licenses/";

    /// <summary>The usual licence of German public-sector data, offered first.</summary>
    public const string Default = "dl-by-de/2.0";

    public static readonly IReadOnlyList<StatisticsLicence> All =
    [
        Make("dl-by-de/2.0", "Datenlizenz Deutschland – Namensnennung – Version 2.0", "https://www.govdata.de/dl-de/by-2-0"),
        Make("dl-zero-de/2.0", "Datenlizenz Deutschland – Zero – Version 2.0", "https://www.govdata.de/dl-de/zero-2-0"),
        Make("cc-by/4.0", "Creative Commons Namensnennung – 4.0 International (CC BY 4.0)", "https://creativecommons.org/licenses/by/4.0/"),
        Make("cc-by-sa/4.0", "Creative Commons Namensnennung – Weitergabe unter gleichen Bedingungen – 4.0 International (CC BY-SA 4.0)", "https://creativecommons.org/licenses/by-sa/4.0/"),
        Make("cc-zero", "Creative Commons CC Zero (CC0 1.0)", "https://creativecommons.org/publicdomain/zero/1.0/"),
        Make("odc-by", "Open Data Commons Attribution License (ODC-By)", "https://opendatacommons.org/licenses/by/"),
        Make("odbl", "Open Data Commons Open Database License (ODbL)", "https://opendatacommons.org/licenses/odbl/"),
        Make("odc-pddl", "Open Data Commons Public Domain Dedication and License (PDDL)", "https://opendatacommons.org/licenses/pddl/"),
        Make("officialWork", "Amtliches Werk, lizenzfrei nach § 5 UrhG", "https://www.gesetze-im-internet.de/urhg/__5.html"),
        Make("other-open", "Andere offene Lizenz", VocabularyBase + "other-open"),
        Make("other-closed", "Andere, nicht offene Lizenz", VocabularyBase + "other-closed"),
    ];

    private static StatisticsLicence Make(string code, string name, string page) => new(code, name, VocabularyBase + code, page);

    /// <summary>The licence of a code, or null for an empty or unknown one: what the editing pages accept.</summary>
    public static StatisticsLicence? Find(string? code) => All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.Ordinal));

    /// <summary>The licence to name for a stored code: null when none is stated; a code not in the list (stored before,
    /// or imported) is still named by its code with its vocabulary URI.</summary>
    public static StatisticsLicence? Describe(string? code) => string.IsNullOrEmpty(code) ? null
        : Find(code) ?? new StatisticsLicence(code, code, VocabularyBase + code, VocabularyBase + code);
}
