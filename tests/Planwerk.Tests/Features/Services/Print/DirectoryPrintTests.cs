using System.Globalization;
using System.Net;
using System.Text;
using Planwerk.Features.Services;
using Planwerk.Tests.Infrastructure;
using UglyToad.PdfPig;

using Planwerk.Tests.Features.Participation;

namespace Planwerk.Tests.Features.Services.Print;

/// <summary>The printable directory: in the chosen content language with lang and dir, the Arabic PDF's words read back
/// in order, an unknown language refused in words, another municipality's services absent.</summary>
public abstract class DirectoryPrintTests(PlanwerkApp app)
{
    private const string ArabicName = "الاستشارة في إجراءات اللجوء";

    private async Task<TestMunicipality> SetUpAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Flüchtlingsrat " + HostileText.Script);
        var (service, _) = await m.AddServiceAsync(organisation, "Asylverfahrensberatung");
        await m.WithDbAsync(async db =>
        {
            await ContentLanguages.EnsureDefaultsAsync(db);
            db.ContentTranslations.Add(new ContentTranslation { Kind = ContentKinds.Service, EntityId = service, Language = "ar", Field = "Name",
                Text = ArabicName, SourceFingerprint = ServiceTexts.Fingerprint("Asylverfahrensberatung") });
            await db.SaveChangesAsync();
            return 0;
        });
        return m;
    }

    [Fact]
    public async Task The_Arabic_print_view_is_right_to_left_with_the_Arabic_name()
    {
        var m = await SetUpAsync();
        var page = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{m.Slug}/services/print?by=topic&lang=ar");
        Assert.Equal(("ar", "rtl"), (page.DocumentElement.GetAttribute("lang"), page.DocumentElement.GetAttribute("dir")));
        Assert.Contains(ArabicName, page.QuerySelector("article.directory-service h3")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("script"));
    }

    [Fact]
    public async Task The_Arabic_PDF_reads_back_with_the_name_in_order()
    {
        var m = await SetUpAsync();
        var response = await app.CreateBrowserlikeClient().GetAsync($"/{m.Slug}/services/print.pdf?by=topic&lang=ar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var lines = pdf.GetPages().SelectMany(p => p.Letters.GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            // A right-to-left line is read from its right end; presentation forms become letters again.
            .Select(g => string.Concat(g.OrderByDescending(l => l.StartBaseLine.X).Select(l => l.Value)).Normalize(NormalizationForm.FormKC)))
            .ToList();
        Assert.Contains(ArabicName, lines);
    }

    [Fact]
    public async Task An_unknown_language_is_refused_in_words()
    {
        var m = await SetUpAsync();
        var response = await app.CreateBrowserlikeClient().GetAsync($"/{m.Slug}/services/print.pdf?lang=xx");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("„xx“", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_municipalitys_services_never_appear()
    {
        var m = await SetUpAsync();
        var other = await app.CreateMunicipalityAsync();
        var page = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{other.Slug}/services/print");
        Assert.Empty(page.QuerySelectorAll("article.directory-service"));
        _ = m;
    }
}

public sealed class DirectoryPrintSqliteTests(SqliteApp app) : DirectoryPrintTests(app), IClassFixture<SqliteApp>;

public sealed class DirectoryPrintPostgresTests(PostgresApp app) : DirectoryPrintTests(app), IClassFixture<PostgresApp>;
