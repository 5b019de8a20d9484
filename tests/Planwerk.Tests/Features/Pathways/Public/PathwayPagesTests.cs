using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Pathways;
using Planwerk.Tests.Features.Plans.Print;
using Planwerk.Tests.Infrastructure;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Planwerk.Tests.Features.Pathways.PublicPages;

/// <summary>The public pathway pages read the published documents only, in the chosen language with fallback and easy
/// German marked, right to left for Arabic; a step shows its live services and measures; the measure page shows the
/// steps; the handout's PDF reads back in order with its QR code; the finder's queries do not grow with the pathways.</summary>
public abstract class PathwayPagesTests(PlanwerkApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task The_list_shows_the_published_pathways_only_and_the_finder_questions()
    {
        var w = await PathwayWorld.CreateAsync(app);
        var page = await app.CreateClient().GetDocumentAsync($"/{w.M.Slug}/pathways");
        var links = page.QuerySelectorAll("#pathway-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/{w.M.Slug}/pathways/ankommen", $"/{w.M.Slug}/pathways/arbeit"], links);
        Assert.NotNull(page.QuerySelector("form#finder-form[method=get]"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/{w.M.Slug}/pathways/entwurf")).StatusCode);
    }

    [Fact]
    public async Task A_pathway_in_arabic_is_right_to_left_with_each_text_in_its_language_and_german_fallback_marked()
    {
        var w = await PathwayWorld.CreateAsync(app);
        var page = await app.CreateClient().GetDocumentAsync($"/{w.M.Slug}/pathways/ankommen?lang=ar");
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        var title = page.QuerySelector("#pathway-title span[lang]")!;
        Assert.Equal((PathwayWorld.ArrivalArabic, "ar", "rtl"), (title.TextContent, title.GetAttribute("lang"), title.GetAttribute("dir")));
        var step = page.QuerySelector($"#step-{w.Register:N}")!;
        var stepTitle = step.QuerySelector($"#step-{w.Register:N}-title span")!;
        Assert.Equal((PathwayWorld.RegisterArabic, "ar"), (stepTitle.TextContent, stepTitle.GetAttribute("lang")));
        // "Why" has no Arabic text: German, in German, marked.
        var why = step.QuerySelectorAll("dd").First(d => d.TextContent.Contains("Weil es Pflicht ist.", StringComparison.Ordinal));
        Assert.Equal(("de", "ltr"), (why.QuerySelector("div")!.GetAttribute("lang"), why.QuerySelector("div")!.GetAttribute("dir")));
        Assert.NotNull(why.QuerySelector(".fallback"));
        Assert.NotNull(page.QuerySelector("#fallback-notice"));
        // Hostile text is escaped.
        Assert.Contains(HostileText.Script, step.TextContent, StringComparison.Ordinal);
        Assert.Empty(step.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task A_step_shows_its_listed_services_live_its_measures_with_status_and_the_feedback_link()
    {
        var w = await PathwayWorld.CreateAsync(app);
        var page = await app.CreateClient().GetDocumentAsync($"/{w.M.Slug}/pathways/ankommen?lang=ar");
        var step = page.QuerySelector($"#step-{w.Register:N}")!;
        Assert.Equal([$"{w.AsylProhlis}", $"{w.AsylGorbitz}", $"{w.Jobs}"],
            step.QuerySelectorAll("li.step-service").Select(s => s.GetAttribute("data-service")!).ToList());
        var first = step.QuerySelector($"li[data-service='{w.AsylProhlis}']")!;
        Assert.Equal("استشارة اللجوء بروليس", first.QuerySelector("a span[lang=ar]")!.TextContent);
        Assert.Contains("Prohlis", first.QuerySelector(".district")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Prohliser Allee 1", first.TextContent, StringComparison.Ordinal);
        var measure = step.QuerySelector($"li[data-measure='{w.MeasureId}']")!;
        Assert.Equal($"/{w.M.Slug}/plans/{w.PlanId}/measures/{w.MeasureId}", measure.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("In Umsetzung", measure.QuerySelector(".measure-status")!.TextContent);
        Assert.Equal($"/{w.M.Slug}/pathways/ankommen/steps/{w.Register:D}/feedback?lang=ar", step.QuerySelector(".step-feedback a")!.GetAttribute("href"));

        // A service taken out of the directory is left out at once; the measure's status is live.
        await w.M.WithDbAsync(async db =>
        {
            (await db.HelpServices.SingleAsync(s => s.Id == w.AsylGorbitz)).Status = Planwerk.Features.Services.ServiceStatus.Defunct;
            (await db.Measures.SingleAsync(x => x.Id == w.MeasureId)).Status = Planwerk.Features.Plans.MeasureStatus.Completed;
            return 0;
        });
        // As the editors' saves do: the municipality's cached pages are evicted.
        await Planwerk.Infrastructure.PublicPageCache.EvictMunicipalityAsync(app.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>(), w.M.Slug);
        page = await app.CreateClient().GetDocumentAsync($"/{w.M.Slug}/pathways/ankommen?lang=ar");
        step = page.QuerySelector($"#step-{w.Register:N}")!;
        Assert.Null(step.QuerySelector($"li[data-service='{w.AsylGorbitz}']"));
        Assert.Equal("Abgeschlossen", step.QuerySelector(".measure-status")!.TextContent);
    }

    [Fact]
    public async Task Easy_german_is_marked_as_leichte_sprache()
    {
        var w = await PathwayWorld.CreateAsync(app);
        var page = await app.CreateClient().GetDocumentAsync($"/{w.M.Slug}/pathways/ankommen?lang=de-x-ls");
        Assert.Contains("Leichte Sprache", page.QuerySelector("#easy-language")!.TextContent, StringComparison.Ordinal);
        var title = page.QuerySelector("#pathway-title span[lang]")!;
        Assert.Equal((PathwayWorld.ArrivalEasy, "de-x-ls", "ltr"), (title.TextContent, title.GetAttribute("lang"), title.GetAttribute("dir")));
        Assert.Equal("ltr", page.DocumentElement.GetAttribute("dir"));
    }

    [Fact]
    public async Task Another_municipality_s_pathway_is_not_found()
    {
        var w = await PathwayWorld.CreateAsync(app);
        var other = await app.CreateMunicipalityAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/{other.Slug}/pathways/ankommen")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/{w.M.Slug}/pathways/gibt-es-nicht")).StatusCode);
        var list = await app.CreateClient().GetDocumentAsync($"/{other.Slug}/pathways");
        Assert.NotNull(list.QuerySelector("#no-pathways"));
    }

    [Fact]
    public async Task Withdrawing_evicts_the_cached_pages_and_the_measure_page_lists_the_published_steps()
    {
        var w = await PathwayWorld.CreateAsync(app);
        var client = app.CreateBrowserlikeClient();
        var measure = await client.GetDocumentAsync($"/{w.M.Slug}/plans/{w.PlanId}/measures/{w.MeasureId}");
        var links = measure.QuerySelectorAll("#pathway-steps a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/{w.M.Slug}/pathways/ankommen#step-{w.Register:N}", $"/{w.M.Slug}/pathways/arbeit#step-{w.Register:N}"], links);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{w.M.Slug}/pathways/ankommen")).StatusCode);

        // Withdrawn in a request of the municipality, by no page that evicts on its own.
        var accessor = app.Services.GetRequiredService<IHttpContextAccessor>();
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        request.Features.Set(new Planwerk.Infrastructure.Tenancy.CurrentMunicipality(w.M.Id, w.M.Slug, w.M.Name, false));
        accessor.HttpContext = request;
        try
        {
            await w.M.WithDbAsync(async db =>
            {
                PathwayPublishing.Withdraw(await db.Pathways.SingleAsync(p => p.Code == "ankommen"));
                return 0;
            });
        }
        finally
        {
            accessor.HttpContext = null;
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{w.M.Slug}/pathways/ankommen")).StatusCode);
        measure = await client.GetDocumentAsync($"/{w.M.Slug}/plans/{w.PlanId}/measures/{w.MeasureId}");
        Assert.Equal([$"/{w.M.Slug}/pathways/arbeit#step-{w.Register:N}"], measure.QuerySelectorAll("#pathway-steps a").Select(a => a.GetAttribute("href")).ToList());
    }

    [Fact]
    public async Task The_handout_pdf_reads_in_order_in_arabic_with_a_qr_code_of_the_page_address()
    {
        var w = await PathwayWorld.CreateAsync(app);
        var query = $"situation=AsylumSeekers&age=27-64&children=no&district={w.Prohlis}&lang=ar";
        var response = await app.CreateClient().GetAsync($"/{w.M.Slug}/pathways/finder/pdf?{query}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        var words = PrintPlans.Normalize(string.Join(" ", Planwerk.Tests.Features.Services.Print.DirectoryPrintTests.Lines(bytes).Select(l => l.Text)));
        output.WriteLine(words);
        // The title, the pathway, the step and its first service, in this order, in Arabic.
        int At(string what)
        {
            var i = words.IndexOf(PrintPlans.Normalize(what), StringComparison.Ordinal);
            Assert.True(i >= 0, $"'{what}' not in the PDF: {words}");
            return i;
        }
        Assert.True(At("طريقي") < At(PathwayWorld.ArrivalArabic) && At(PathwayWorld.ArrivalArabic) < At(PathwayWorld.RegisterArabic)
            && At(PathwayWorld.RegisterArabic) < At("استشارة اللجوء بروليس"), words);
        Assert.DoesNotContain("Zum Jobcenter gehen", words, StringComparison.Ordinal);
        // The QR code is an image on the first page and decodes to the finder page's absolute address.
        var image = Assert.Single(page.GetImages());
        Assert.True(image.TryGetPng(out var png), "the QR image cannot be read");
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        var pixels = new byte[bitmap.Width * bitmap.Height];
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++) pixels[y * bitmap.Width + x] = bitmap.GetPixel(x, y).Red;
        var luminance = new ZXing.RGBLuminanceSource(Scaled(pixels, bitmap.Width, bitmap.Height, 8, out var size), size, size, ZXing.RGBLuminanceSource.BitmapFormat.Gray8);
        var decoded = new ZXing.QrCode.QRCodeReader().decode(new ZXing.BinaryBitmap(new ZXing.Common.HybridBinarizer(luminance)),
            new Dictionary<ZXing.DecodeHintType, object> { [ZXing.DecodeHintType.PURE_BARCODE] = true });
        Assert.NotNull(decoded);
        Assert.Equal($"http://localhost/{w.M.Slug}/pathways/finder?{query}", decoded.Text);
    }

    /// <summary>One pixel a module is too small for the decoder: each module becomes a block, with a white border.</summary>
    private static byte[] Scaled(byte[] pixels, int width, int height, int factor, out int size)
    {
        const int border = 4;
        size = (Math.Max(width, height) + 2 * border) * factor;
        var result = Enumerable.Repeat((byte)255, size * size).ToArray();
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                for (var dy = 0; dy < factor; dy++)
                    for (var dx = 0; dx < factor; dx++)
                        result[((y + border) * factor + dy) * size + (x + border) * factor + dx] = pixels[y * width + x];
        return result;
    }

    [Fact]
    public async Task The_finder_and_pathway_pages_cost_the_same_queries_for_5_and_50_pathways()
    {
        var small = await PathwayWorld.CreateAsync(app, extraPathways: 3);
        var large = await PathwayWorld.CreateAsync(app, extraPathways: 48);
        var counter = new QueryCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();
        string[] Pages(PathwayWorld w) =>
        [
            $"/{w.M.Slug}/pathways?lang=ar",
            $"/{w.M.Slug}/pathways/ankommen?lang=ar",
            $"/{w.M.Slug}/pathways/finder?situation=OtherMigrants&age=27-64&children=yes&district={w.Prohlis}&lang=ar",
            $"/{w.M.Slug}/pathways/finder/print?situation=OtherMigrants&lang=ar",
            $"/{w.M.Slug}/plans/{w.PlanId}/measures/{w.MeasureId}",
        ];
        var s = Pages(small);
        var l = Pages(large);
        for (var i = 0; i < s.Length; i++)
        {
            // Once to bring the documents into memory, as any visitor before.
            await client.GetAsync(s[i] + "&warm=1");
            await client.GetAsync(l[i] + "&warm=1");
            counter.Reset();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(s[i] + (s[i].Contains('?', StringComparison.Ordinal) ? "&" : "?") + "n=1")).StatusCode);
            var smallCount = counter.Count;
            counter.Reset();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(l[i] + (l[i].Contains('?', StringComparison.Ordinal) ? "&" : "?") + "n=1")).StatusCode);
            var largeCount = counter.Count;
            output.WriteLine($"{app.Provider}: {s[i]}: 5 pathways {smallCount}, 50 pathways {largeCount}");
            Assert.True(smallCount == largeCount, $"{l[i]}: {smallCount} commands for 5 pathways, {largeCount} for 50");
            // The finder's result: the languages, districts and publications, three narrow reads of the admitted steps'
            // services to choose by, seven for the chosen services whole and one for the measures.
            Assert.True(largeCount <= 17, $"{l[i]}: {largeCount} commands");
        }
        var finder = await client.GetDocumentAsync(l[2]);
        Assert.Equal(48, finder.QuerySelectorAll("section.found-pathway").Length);
    }
}

public sealed class PathwayPagesSqliteTests(SqliteApp app, ITestOutputHelper output) : PathwayPagesTests(app, output), IClassFixture<SqliteApp>;

public sealed class PathwayPagesPostgresTests(PostgresApp app, ITestOutputHelper output) : PathwayPagesTests(app, output), IClassFixture<PostgresApp>;
