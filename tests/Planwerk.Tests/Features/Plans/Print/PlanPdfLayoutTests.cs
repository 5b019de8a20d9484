using Planwerk.Features.Plans.Print;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Print;

/// <summary>How the PDF lays out sections, images and big plans. These test the layout, not the
/// database, so they run on SQLite only; reading sections from both databases is tested by the print view.</summary>
public sealed class PlanPdfLayoutTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Plan_pdf_prints_the_sections_after_the_contents_with_their_png_and_jpeg_images_before_principles_and_measures()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PrintPlans.SeedAsync(m, fieldCount: 2, measureCount: 5,
            sections:
            [
                new("Vorwort", "Der **Stadtrat** hat den Plan beraten.\n\n![Karte der Stadtteile](image:1)\n\nNach dem Bild geht es weiter."),
                new("Rückblick " + HostileText.Script, "Was geschah: " + HostileText.Markup + "\n\n![Altes Logo](image:2)\n\n![Verloren](image:9)\n\n![Foto vom Fest](image:3)"),
                new(HostileText.RightToLeft, HostileText.VeryLong),
            ],
            images:
            [
                new(1, "image/png", "Karte der Stadtteile", PrintPlans.Png), new(2, "image/gif", "Altes Logo", PrintPlans.Gif),
                new(3, "image/jpeg", "Foto vom Fest", PrintPlans.Jpeg),
            ]);

        var (pdf, _) = await PdfText.FetchAsync(app.CreateClient(), m.PdfUrl(plan));

        // The contents name each section with the page it starts on, after the summary and before the principles.
        var contents = pdf.Pages[1];
        int PageOf(string text) => pdf.Pages.Select((t, i) => (t, number: i + 1)).Skip(2).First(p => p.t.Contains(text, StringComparison.Ordinal)).number;
        var prefacePage = PageOf("Der Stadtrat hat den Plan beraten.");
        Assert.Contains($"Vorwort {prefacePage}", contents, StringComparison.Ordinal);
        Assert.Contains($"Rückblick {HostileText.Script} {PageOf("Was geschah:")}", contents, StringComparison.Ordinal);
        Assert.Contains("خطة", contents, StringComparison.Ordinal);
        var order = new[] { "Zusammenfassung", "Vorwort", "Rückblick", "Leitlinien", "Handlungsfeld 1:" }
            .Select(t => contents.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.Equal(order.Order(), order);

        // Body: summary, the sections in order, principles, then the fields with their measures in plan order.
        var body = pdf.Content[pdf.Content.IndexOf("bündelt", StringComparison.Ordinal)..]; // after the contents
        var positions = new[]
            {
                "bündelt", "Der Stadtrat hat den Plan beraten.", "Karte der Stadtteile", "Nach dem Bild geht es weiter.",
                "Was geschah: " + HostileText.Markup, "[Altes Logo]", "[Verloren]", "Foto vom Fest", PrintPlans.Normalize(HostileText.VeryLong), "Alle wirken mit.",
            }
            .Concat(plan.Measures.Select(x => $"{x.Number} {x.Title}"))
            .Select(t => (t, at: body.IndexOf(t, StringComparison.Ordinal))).ToList();
        Assert.All(positions, p => Assert.True(p.at >= 0, $"'{p.t[..Math.Min(40, p.t.Length)]}' is missing"));
        Assert.Equal(positions.Select(p => p.at).Order(), positions.Select(p => p.at));
        Assert.DoesNotContain("image:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("![", body, StringComparison.Ordinal);

        // The PNG and the JPEG are drawn at the text width, in their proportions, on their sections' pages
        // with their captions; the GIF and the unknown number are their text.
        var imagePages = pdf.Images.Select((images, i) => (images, number: i + 1)).Where(p => p.images.Count > 0).ToList();
        Assert.Equal([prefacePage, PageOf("Was geschah:")], imagePages.Select(p => p.number));
        var png = Assert.Single(imagePages[0].images);
        var jpeg = Assert.Single(imagePages[1].images);
        foreach (var bounds in new[] { png, jpeg })
        {
            Assert.InRange(bounds.Width, PdfLayout.ContentWidth - 1, PdfLayout.ContentWidth + 1);
            Assert.InRange(bounds.Left, PdfLayout.Left - 1, PdfLayout.Left + 1);
        }
        Assert.Equal(1.0, png.Height / png.Width, 2);
        Assert.Equal(0.5, jpeg.Height / jpeg.Width, 2);
        Assert.Contains("Karte der Stadtteile", pdf.Pages[prefacePage - 1], StringComparison.Ordinal);
        Assert.Contains("Foto vom Fest", pdf.Pages[imagePages[1].number - 1], StringComparison.Ordinal);

        for (var i = 0; i < pdf.PageCount; i++)
            Assert.Contains($"Seite {i + 1} von {pdf.PageCount}", pdf.Pages[i], StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_taller_than_a_page_is_made_smaller_to_fit_on_one_page_with_its_caption()
    {
        using var layout = new PdfLayout();
        var tall = layout.LoadImage(PrintPlans.TallPng);
        Assert.NotNull(tall);
        Assert.Null(layout.LoadImage(PrintPlans.Gif));
        Assert.Null(layout.LoadImage(PrintPlans.Png[..20])); // a PNG signature without the image: PDFsharp refuses it

        var lines = layout.ImageBlock(tall, "Ein langer Schnitt durch die Stadt", 0, PdfLayout.ContentWidth);

        var image = lines[0].Image!;
        Assert.True(lines.Sum(l => l.Height + (l == lines[0] ? 0 : l.SpaceBefore)) <= PdfLayout.ContentHeight, "image and caption fit on one page");
        Assert.True(image.Width < PdfLayout.ContentWidth);
        Assert.Equal(20.0, image.Height / image.Width, 3);
        Assert.True(lines[0].KeepWithNext);
        Assert.Equal("Ein langer Schnitt durch die Stadt", string.Concat(lines.Skip(1).SelectMany(l => l.Spans).Select(s => s.Text)));
    }

    [Fact]
    public async Task A_660_measure_plan_gives_a_pdf_whose_page_count_grows_with_it()
    {
        var m = await app.CreateMunicipalityAsync();
        var small = await PrintPlans.SeedAsync(m, 12, 66, title: "Kleiner Plan");
        var large = await PrintPlans.SeedAsync(m, 12, 660, title: "Großer Plan");
        var client = app.CreateClient();

        var (smallPdf, _) = await PdfText.FetchAsync(client, m.PdfUrl(small));
        var (largePdf, _) = await PdfText.FetchAsync(client, m.PdfUrl(large));

        Assert.True(largePdf.PageCount > smallPdf.PageCount * 7, $"{largePdf.PageCount} pages for 660 measures, {smallPdf.PageCount} for 66");
        var last = large.Fields[^1].Measures[^1];
        Assert.Contains($"{last.Number} {last.Title}", largePdf.All, StringComparison.Ordinal);
        Assert.Contains($"Seite {largePdf.PageCount} von {largePdf.PageCount}", largePdf.Pages[^1], StringComparison.Ordinal);
    }
}
