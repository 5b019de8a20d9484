using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Print;

/// <summary>The PDF is a tagged PDF: document language and title, a structure tree of headings, paragraphs and
/// figures with their alternative text, and the running header and footer as artifacts. The layout is the same
/// on both databases, so this runs on SQLite only.</summary>
public sealed class TaggedPdfTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_plan_pdf_is_tagged_with_language_title_headings_paragraphs_figures_and_artifacts()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PrintPlans.SeedAsync(m, fieldCount: 1, measureCount: 2, title: "Fachplan mit Struktur",
            sections: [new("Vorwort", "Der Stadtrat hat beraten.\n\n![Karte der Stadtteile " + HostileText.Script + "](image:1)\n\nWeiter im Text.")],
            images: [new(1, "image/png", "Karte der Stadtteile", PrintPlans.Png)]);

        var response = await app.CreateClient().GetAsync(m.PdfUrl(plan));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(bytes);

        Assert.Equal("Fachplan mit Struktur", pdf.Information.Title);
        var catalog = pdf.Structure.Catalog.CatalogDictionary.Data;
        Assert.True(catalog.ContainsKey("StructTreeRoot"), "no structure tree");
        Assert.True(catalog.ContainsKey("MarkInfo"), "not marked as tagged");
        Assert.Equal("de", Assert.IsType<StringToken>(catalog["Lang"]).Data);

        var pages = pdf.GetPages().ToList();
        var tags = pages.Select(p => p.GetMarkedContents().Select(c => c.Tag).ToList()).ToList();
        // Every page has its footer as an artifact; the title page's title is the first heading.
        Assert.All(tags, t => Assert.Contains("Artifact", t));
        Assert.Contains("H1", tags[0]);
        var all = tags.SelectMany(t => t).ToHashSet();
        Assert.Contains("P", all);
        Assert.Contains("Figure", all);
        Assert.Contains("H2", all);

        // The figure carries the image's alternative text for screen readers.
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Matches(@"/S\s*/Figure", text);
        Assert.Matches(@"/Alt\s*[(<]", text);
    }
}
