namespace Planwerk.Features.Statistics.OpenData;

/// <summary>A licence of the German licence vocabulary that open-data catalogues use (http://dcat-ap.de/def/licenses/):
/// its code as a dataset stores it, its name and the page that explains it to people.</summary>
public sealed record OpenDataLicence(string Code, string Name, string Page)
{
    public const string Vocabulary = "http://dcat-ap.de/def/licenses/";

    /// <summary>The licence's URI in the vocabulary, as dct:license names it.</summary>
    public string Uri => Vocabulary + Code;

    /// <summary>Whether users must name the source (dcatde:licenseAttributionByText is then expected).</summary>
    public bool NeedsAttribution => Code.StartsWith("dl-by-de", StringComparison.Ordinal) || Code.StartsWith("cc-by", StringComparison.Ordinal);
}

/// <summary>The licences the public pages, downloads and catalogue name. A code not listed is still given with its
/// vocabulary URI (the vocabulary has more licences than are listed here); an empty code means no licence is stated.</summary>
public static class OpenDataLicences
{
    public static readonly IReadOnlyList<OpenDataLicence> All =
    [
        new("dl-by-de/2.0", "Datenlizenz Deutschland – Namensnennung – Version 2.0", "https://www.govdata.de/dl-de/by-2-0"),
        new("dl-zero-de/2.0", "Datenlizenz Deutschland – Zero – Version 2.0", "https://www.govdata.de/dl-de/zero-2-0"),
        new("cc-by/4.0", "Creative Commons Namensnennung – 4.0 International (CC BY 4.0)", "https://creativecommons.org/licenses/by/4.0/"),
        new("cc-by-sa/4.0", "Creative Commons Namensnennung – Weitergabe unter gleichen Bedingungen 4.0 International (CC BY-SA 4.0)", "https://creativecommons.org/licenses/by-sa/4.0/"),
        new("cc-zero", "Creative Commons CC Zero License (cc-zero)", "https://creativecommons.org/publicdomain/zero/1.0/"),
        new("officialWork", "Amtliches Werk, lizenzfrei nach § 5 Abs. 1 UrhG", "https://www.gesetze-im-internet.de/urhg/__5.html"),
    ];

    public static OpenDataLicence? Find(string code) =>
        code.Length == 0 ? null : All.FirstOrDefault(l => l.Code == code) ?? new OpenDataLicence(code, code, OpenDataLicence.Vocabulary + code);
}
