namespace Planwerk.Features.Statistics;

/// <summary>A licence a dataset may be published under: its code in the licence vocabulary of DCAT-AP.de
/// (what <see cref="StatisticsDataset.Licence"/> stores), its name, and the vocabulary's URI for it.</summary>
public sealed record StatisticsLicence(string Code, string Name, string Uri);

/// <summary>The licences of the German open-data licence vocabulary (<c>http://dcat-ap.de/def/licenses/</c>) that a
/// municipality's statistics are commonly published under. The editing pages offer only these; the catalogue turns a
/// dataset's code into the URI that harvesters such as GovData expect.</summary>
public static class StatisticsLicences
{
    public const string VocabularyBase = "http://dcat-ap.de/def/licenses/";

    /// <summary>The usual licence of German public-sector data, offered first.</summary>
    public const string Default = "dl-by-de/2.0";

    public static readonly IReadOnlyList<StatisticsLicence> All =
    [
        Make("dl-by-de/2.0", "Datenlizenz Deutschland – Namensnennung – Version 2.0"),
        Make("dl-zero-de/2.0", "Datenlizenz Deutschland – Zero – Version 2.0"),
        Make("cc-by/4.0", "Creative Commons Namensnennung – 4.0 International (CC BY 4.0)"),
        Make("cc-by-sa/4.0", "Creative Commons Namensnennung – Weitergabe unter gleichen Bedingungen – 4.0 International (CC BY-SA 4.0)"),
        Make("cc-zero", "Creative Commons CC Zero (CC0 1.0)"),
        Make("odc-by", "Open Data Commons Attribution License (ODC-By)"),
        Make("odbl", "Open Data Commons Open Database License (ODbL)"),
        Make("odc-pddl", "Open Data Commons Public Domain Dedication and License (PDDL)"),
        Make("officialWork", "Amtliches Werk, lizenzfrei nach § 5 UrhG"),
        Make("other-open", "Andere offene Lizenz"),
        Make("other-closed", "Andere, nicht offene Lizenz"),
    ];

    private static StatisticsLicence Make(string code, string name) => new(code, name, VocabularyBase + code);

    /// <summary>The licence of a code, or null for an empty or unknown one.</summary>
    public static StatisticsLicence? Find(string? code) => All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.Ordinal));
}
