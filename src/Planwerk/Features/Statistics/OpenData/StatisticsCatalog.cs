using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Planwerk.Features.Statistics.PublicPages;

namespace Planwerk.Features.Statistics.OpenData;

/// <summary>The municipality's public datasets as a DCAT-AP.de catalogue in RDF/XML, the form GovData and CKAN-based
/// portals harvest: the catalogue with title, description, publisher and language; each dataset with title, description,
/// landing page, keywords, the EU data theme "Bevölkerung und Gesellschaft" (SOCI), publisher, access rights (public),
/// time covered, update frequency (EU frequency vocabulary), dates; a CSV and a JSON distribution each with access and
/// download address, EU file type, media type, licence URI of the German licence vocabulary and, where the licence asks
/// for it, the attribution text. See docs/statistics-open-data.md.</summary>
public static class StatisticsCatalog
{
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static readonly XNamespace Dcat = "http://www.w3.org/ns/dcat#";
    public static readonly XNamespace Dct = "http://purl.org/dc/terms/";
    public static readonly XNamespace Foaf = "http://xmlns.com/foaf/0.1/";
    public static readonly XNamespace Dcatde = "http://dcat-ap.de/def/dcatde/";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    public const string ThemeSociety = "http://publications.europa.eu/resource/authority/data-theme/SOCI";
    public const string FileTypes = "http://publications.europa.eu/resource/authority/file-type/";
    public const string PublicAccess = "http://publications.europa.eu/resource/authority/access-right/PUBLIC";

    /// <summary>The time a dataset's figures cover, from its first and last observation (for the catalogue's dct:temporal
    /// where the dataset itself does not say).</summary>
    public sealed record Span(DateOnly First, DateOnly Last);

    public static string Frequency(StatisticsFrequency frequency) => "http://publications.europa.eu/resource/authority/frequency/" + frequency switch
    {
        StatisticsFrequency.Annual => "ANNUAL",
        StatisticsFrequency.Semiannual => "ANNUAL_2",
        StatisticsFrequency.Quarterly => "QUARTERLY",
        StatisticsFrequency.Monthly => "MONTHLY",
        StatisticsFrequency.Irregular => "IRREG",
        StatisticsFrequency.Never => "NEVER",
        _ => "UNKNOWN",
    };

    public static XDocument Write(string municipalityName, string slug, IReadOnlyList<StatisticsDataset> datasets, IReadOnlyDictionary<int, Span> spans, Func<string, string> link)
    {
        XElement Literal(XName name, string text) => new(name, new XAttribute(XNamespace.Xml + "lang", "de"), Clean(text));
        XElement Resource(XName name, string uri) => new(name, new XAttribute(Rdf + "resource", uri));
        XElement Typed(XName name, string text, string type) => new(name, new XAttribute(Rdf + "datatype", Xsd + type), text);
        XElement Agent(string about, string name) => new(Dct + "publisher", new XElement(Foaf + "Agent", new XAttribute(Rdf + "about", about), new XElement(Foaf + "name", Clean(name))));
        static string Moment(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var municipality = link("/" + slug);
        var catalog = new XElement(Dcat + "Catalog", new XAttribute(Rdf + "about", link(PublicDatasets.Catalog(slug))),
            Literal(Dct + "title", "Statistik – " + municipalityName),
            Literal(Dct + "description", "Zahlen, die " + municipalityName + " neben ihren Plänen veröffentlicht."),
            Agent(municipality, municipalityName),
            Resource(Foaf + "homepage", link(PublicDatasets.Index(slug))),
            Resource(Dct + "language", "http://publications.europa.eu/resource/authority/language/DEU"),
            Resource(Dcat + "themeTaxonomy", "http://publications.europa.eu/resource/authority/data-theme"));
        if (datasets.Count > 0) catalog.Add(Typed(Dct + "modified", Moment(datasets.Max(d => d.ModifiedAt)), "dateTime"));

        foreach (var d in datasets)
        {
            var page = link(PublicDatasets.Page(slug, d.Code));
            var publisherName = d.Publisher.Length > 0 ? d.Publisher + ", " + municipalityName : municipalityName;
            var licence = StatisticsLicences.Describe(d.Licence);
            var dataset = new XElement(Dcat + "Dataset", new XAttribute(Rdf + "about", page),
                new XElement(Dct + "identifier", Clean(page)),
                Literal(Dct + "title", d.Title),
                Literal(Dct + "description", d.Description.Length > 0 ? d.Description : d.Title),
                Resource(Dcat + "landingPage", page),
                Resource(Dcat + "theme", ThemeSociety),
                Agent(d.Publisher.Length > 0 ? municipality + "#" + Uri.EscapeDataString(d.Publisher) : municipality, publisherName),
                Resource(Dct + "accessRights", PublicAccess),
                Resource(Dct + "accrualPeriodicity", Frequency(d.Frequency)),
                Typed(Dct + "issued", Moment(d.CreatedAt), "dateTime"),
                Typed(Dct + "modified", Moment(d.ModifiedAt), "dateTime"),
                Resource(Dcatde + "politicalGeocodingLevelURI", "http://dcat-ap.de/def/politicalGeocoding/Level/municipality"));
            foreach (var keyword in StatisticsDocument.Keywords(d.Keywords)) dataset.Add(Literal(Dcat + "keyword", keyword));
            if (d.SourceUrl.Length > 0 && Uri.TryCreate(d.SourceUrl, UriKind.Absolute, out var source) && (source.Scheme == Uri.UriSchemeHttp || source.Scheme == Uri.UriSchemeHttps))
                dataset.Add(Resource(Dct + "source", source.AbsoluteUri));
            spans.TryGetValue(d.Id, out var span);
            var from = d.CoversFrom ?? span?.First;
            var to = d.CoversTo ?? (span is null ? null : d.PeriodKind == StatisticsPeriodKind.Year ? new DateOnly(span.Last.Year, 12, 31) : span.Last);
            if (from is not null || to is not null)
            {
                var period = new XElement(Dct + "PeriodOfTime");
                if (from is { } f) period.Add(Typed(Dcat + "startDate", Day(f), "date"));
                if (to is { } t) period.Add(Typed(Dcat + "endDate", Day(t), "date"));
                dataset.Add(new XElement(Dct + "temporal", period));
            }
            foreach (var (format, media, address, label) in new[]
            {
                ("CSV", "text/csv", PublicDatasets.Csv(slug, d.Code), "CSV"),
                ("JSON", "application/json", PublicDatasets.Json(slug, d.Code), "JSON"),
            })
            {
                var url = link(address);
                var distribution = new XElement(Dcat + "Distribution", new XAttribute(Rdf + "about", url),
                    Literal(Dct + "title", d.Title + " (" + label + ")"),
                    Resource(Dcat + "accessURL", url),
                    Resource(Dcat + "downloadURL", url),
                    Resource(Dct + "format", FileTypes + format),
                    Resource(Dcat + "mediaType", "https://www.iana.org/assignments/media-types/" + media),
                    Typed(Dct + "modified", Moment(d.ModifiedAt), "dateTime"));
                if (licence is not null)
                {
                    distribution.Add(Resource(Dct + "license", licence.Uri));
                    if (licence.NeedsAttribution) distribution.Add(new XElement(Dcatde + "licenseAttributionByText", Clean(publisherName + ": " + d.Title)));
                }
                dataset.Add(new XElement(Dcat + "distribution", distribution));
            }
            catalog.Add(new XElement(Dcat + "dataset", dataset));
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Rdf + "RDF",
                new XAttribute(XNamespace.Xmlns + "rdf", Rdf), new XAttribute(XNamespace.Xmlns + "dcat", Dcat), new XAttribute(XNamespace.Xmlns + "dct", Dct),
                new XAttribute(XNamespace.Xmlns + "foaf", Foaf), new XAttribute(XNamespace.Xmlns + "dcatde", Dcatde),
                catalog));
    }

    /// <summary>Text without the characters XML cannot hold (control characters other than tab and line breaks).</summary>
    public static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) kept.Append(text[i]).Append(text[++i]);
        }
        return kept.ToString();
    }
}
