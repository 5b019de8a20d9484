using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure.Files;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Council;

/// <summary>What the public paper page tells of the plan it concerns, and how a paper's files are named and served.</summary>
public abstract class CouncilPublicPaperTests(PlanwerkApp app)
{
    private static async Task<int> PaperAboutAsync(TestMunicipality m, int planId, int versionId, string reference) =>
        await m.WithDbAsync(async db =>
        {
            var paper = new Paper { Reference = reference, Name = "Vorlage zum Plan", Date = new DateOnly(2019, 1, 14), PlanId = planId, PlanVersionId = versionId };
            db.Papers.Add(paper);
            await db.SaveChangesAsync();
            return paper.Id;
        });

    private static async Task SetPlanAsync(TestMunicipality m, int planId, bool isPublic, string title) =>
        await m.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == planId);
            plan.IsPublic = isPublic;
            plan.Title = title;
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task A_public_paper_never_names_or_links_a_plan_that_is_not_public()
    {
        var m = await app.CreateMunicipalityAsync();
        var (secret, secretVersion) = await m.PlanInAsync(PlanState.InDeliberation);
        var secretTitle = "Geheimer Entwurf " + HostileText.Script;
        await SetPlanAsync(m, secret.PlanId, isPublic: false, secretTitle);
        var paperId = await PaperAboutAsync(m, secret.PlanId, secretVersion, "V0001/19");

        var visitor = app.CreateBrowserlikeClient();
        var response = await visitor.GetAsync(m.PublicPaper(paperId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Geheimer Entwurf", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ratsfassung", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/plans/{secret.PlanId}", html, StringComparison.Ordinal);
        var page = await visitor.GetDocumentAsync(m.PublicPaper(paperId));
        Assert.Null(page.QuerySelector("#plan"));
        Assert.Null(page.QuerySelector("#version"));

        // A public plan is named and linked, its title escaped.
        var (open, openVersion) = await m.PlanInAsync(PlanState.InDeliberation);
        await SetPlanAsync(m, open.PlanId, isPublic: true, "Offener Plan " + HostileText.Script);
        var openPaper = await PaperAboutAsync(m, open.PlanId, openVersion, "V0002/19");
        page = await visitor.GetDocumentAsync(m.PublicPaper(openPaper));
        var link = page.QuerySelector("#plan a")!;
        Assert.Equal("Offener Plan " + HostileText.Script, link.TextContent);
        Assert.Equal($"/{m.Slug}/plans/{open.PlanId}", link.GetAttribute("href"));
        Assert.Equal("Ratsfassung", page.QuerySelector("#version a")!.TextContent);
    }

    [Fact]
    public async Task A_paper_file_is_stored_and_served_under_the_name_of_its_recognised_type()
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var paperId = await m.WithDbAsync(async db =>
        {
            var paper = new Paper { Reference = "V0003/19", Name = "Vorlage mit Datei", Date = new DateOnly(2019, 1, 14) };
            db.Papers.Add(paper);
            await db.SaveChangesAsync();
            return paper.Id;
        });
        // A PDF that is also HTML, named as HTML.
        var polyglot = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n%%EOF\n");
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.UploadPaperFileAsync(m, paperId, polyglot, "Stellungnahme.html")).StatusCode);
        var stored = await m.WithDbAsync(db => db.PaperFiles.AsNoTracking().SingleAsync(f => f.PaperId == paperId));
        Assert.Equal("Stellungnahme.pdf", stored.FileName);
        Assert.Equal(DocumentTypes.Pdf, stored.MimeType);

        // A file stored before names followed types is still served as what it is.
        await m.WithDbAsync(db => db.PaperFiles.Where(f => f.Id == stored.Id).ExecuteUpdateAsync(x => x.SetProperty(f => f.FileName, "alt.html").SetProperty(f => f.MimeType, "text/html")));
        var response = await app.CreateBrowserlikeClient().GetAsync(m.PublicFile(stored.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentTypes.Pdf, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("alt.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}

public sealed class CouncilPublicPaperSqliteTests(SqliteApp app) : CouncilPublicPaperTests(app), IClassFixture<SqliteApp>;

public sealed class CouncilPublicPaperPostgresTests(PostgresApp app) : CouncilPublicPaperTests(app), IClassFixture<PostgresApp>;
