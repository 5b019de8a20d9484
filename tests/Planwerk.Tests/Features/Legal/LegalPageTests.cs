using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Legal;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Legal;

/// <summary>Impressum, privacy and accessibility statement: linked from every page's footer, written by the
/// municipality's administrators only, rendered safely, and kept apart between municipalities.</summary>
public abstract class LegalPageTests(PlanwerkApp app)
{
    public enum Visitor { Anonymous, Resident, StakeholderMember, PlanEditor, Moderator, CouncilClerk, Administrator, OtherAdministrator }

    private async Task<HttpClient> ClientAsync(TestMunicipality m, Visitor visitor) => visitor switch
    {
        Visitor.Anonymous => app.CreateBrowserlikeClient(),
        Visitor.Resident => await app.SignInAsync((await app.CreateUserAsync()).Email!),
        Visitor.StakeholderMember => await StakeholderMemberAsync(m),
        Visitor.PlanEditor => await m.SignedInClientAsync(MunicipalityRole.PlanEditor),
        Visitor.Moderator => await m.SignedInClientAsync(MunicipalityRole.Moderator),
        Visitor.CouncilClerk => await m.SignedInClientAsync(MunicipalityRole.CouncilClerk),
        Visitor.Administrator => await m.SignedInClientAsync(MunicipalityRole.Administrator),
        _ => await (await app.CreateMunicipalityAsync()).SignedInClientAsync(MunicipalityRole.Administrator),
    };

    private async Task<HttpClient> StakeholderMemberAsync(TestMunicipality m)
    {
        var member = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(await m.AddStakeholderAsync(), member.Id);
        return await app.SignInAsync(member.Email!);
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, TestMunicipality m, LegalPageKind kind, string body) =>
        client.SubmitFormAsync(LegalPaths.Manage(m.Slug, kind), new Dictionary<string, string?> { ["Input.Body"] = body }, "#legal-form");

    [Fact]
    public async Task Every_page_links_the_legal_pages_of_its_municipality_and_the_installation_pages_link_their_own()
    {
        var m = await app.CreateMunicipalityAsync();
        var visitor = app.CreateBrowserlikeClient();
        foreach (var url in new[] { "/" + m.Slug, $"/{m.Slug}/consultations", $"/{m.Slug}/impressum" })
        {
            var page = await visitor.GetDocumentAsync(url);
            var links = page.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")).ToList();
            foreach (var kind in LegalPaths.All) Assert.Contains(LegalPaths.Public(m.Slug, kind), links);
        }
        foreach (var kind in LegalPaths.All)
        {
            var page = await visitor.GetDocumentAsync(LegalPaths.Public(m.Slug, kind));
            Assert.Equal(LegalPaths.Title(kind), page.QuerySelector("h1")!.TextContent);
            Assert.Contains(m.Name, page.QuerySelector("#legal-text")!.TextContent, StringComparison.Ordinal);
            Assert.Null(page.QuerySelector("#legal-changed"));
        }
        var accessibility = await visitor.GetDocumentAsync(LegalPaths.Public(m.Slug, LegalPageKind.Accessibility));
        var headings = accessibility.QuerySelectorAll("#legal-text h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["Stand der Vereinbarkeit mit den Anforderungen", "Nicht barrierefreie Inhalte", "Erstellung dieser Erklärung",
            "Feedback und Kontaktangaben", "Durchsetzungsverfahren"], headings);
        Assert.Contains("Schlichtungsstelle", accessibility.QuerySelector("#legal-text")!.TextContent, StringComparison.Ordinal);

        // The installation's pages link the installation's legal pages, which lead to a municipality's.
        var start = await visitor.GetDocumentAsync("/");
        var startLinks = start.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/impressum", startLinks);
        Assert.Contains("/datenschutz", startLinks);
        Assert.Contains("/barrierefreiheit", startLinks);
        var redirect = await visitor.GetAsync("/barrierefreiheit");
        Assert.Matches("^/[a-z0-9-]+/barrierefreiheit$", redirect.RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(redirect.RedirectTarget())).StatusCode);

        // In English the fixed parts are English, and the German text says so.
        var english = app.CreateBrowserlikeClient();
        await english.GetAsync("/language/en?returnUrl=/");
        var en = await english.GetDocumentAsync(LegalPaths.Public(m.Slug, LegalPageKind.Privacy));
        Assert.Equal("Privacy statement", en.QuerySelector("h1")!.TextContent);
        Assert.NotNull(en.QuerySelector("#german-note"));
        Assert.Contains("Legal notice", en.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Visitor.Anonymous)]
    [InlineData(Visitor.Resident)]
    [InlineData(Visitor.StakeholderMember)]
    [InlineData(Visitor.PlanEditor)]
    [InlineData(Visitor.Moderator)]
    [InlineData(Visitor.CouncilClerk)]
    [InlineData(Visitor.Administrator)]
    [InlineData(Visitor.OtherAdministrator)]
    public async Task Only_the_municipalitys_administrators_edit_its_legal_pages(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var client = await ClientAsync(m, visitor);
        var allowed = visitor == Visitor.Administrator;
        var token = await client.AntiforgeryTokenAsync();
        foreach (var kind in LegalPaths.All)
        {
            var url = LegalPaths.Manage(m.Slug, kind);
            var get = await client.GetAsync(url);
            var post = await client.PostWithTokenAsync(url, token, new Dictionary<string, string> { ["Input.Body"] = "Neu von " + visitor, ["Input.Version"] = "-1" });
            if (allowed)
            {
                Assert.Equal(HttpStatusCode.OK, get.StatusCode);
                Assert.Equal(LegalPaths.Public(m.Slug, kind), post.RedirectTarget());
            }
            else
            {
                var expected = visitor == Visitor.Anonymous ? "/account/login" : "/account/access-denied";
                Assert.StartsWith(expected, get.RedirectTarget(), StringComparison.Ordinal);
                Assert.StartsWith(expected, post.RedirectTarget(), StringComparison.Ordinal);
            }
            // Reading is for everyone.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(LegalPaths.Public(m.Slug, kind))).StatusCode);
        }
        var stored = await m.WithDbAsync(db => db.LegalPages.AsNoTracking().Select(p => p.Body).ToListAsync());
        Assert.Equal(allowed ? ["Neu von Administrator", "Neu von Administrator", "Neu von Administrator"] : [], stored);
    }

    [Fact]
    public async Task Hostile_markdown_is_shown_as_text_and_never_runs()
    {
        var m = await app.CreateMunicipalityAsync();
        var admin = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var body = $"## Kontakt {HostileText.Script}\n\n[Klick](javascript:alert(1)) {HostileText.Markup}\n\n<iframe src=\"https://evil.example\"></iframe>\n\n<a href=\"#\" onclick=\"alert(1)\">x</a> {HostileText.RightToLeft}";
        Assert.Equal(LegalPaths.Public(m.Slug, LegalPageKind.Imprint), (await SaveAsync(admin, m, LegalPageKind.Imprint, body)).RedirectTarget());

        var page = await app.CreateBrowserlikeClient().GetDocumentAsync(LegalPaths.Public(m.Slug, LegalPageKind.Imprint));
        var text = page.QuerySelector("#legal-text")!;
        Assert.Empty(text.QuerySelectorAll("script, iframe, img, [onclick], [onerror]"));
        Assert.DoesNotContain(text.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? ""), h => h.StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(HostileText.RightToLeft, text.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#legal-changed"));
        // The editor shows the stored text as written.
        var form = await admin.GetDocumentAsync(LegalPaths.Manage(m.Slug, LegalPageKind.Imprint));
        Assert.Equal(body, form.QuerySelector("textarea[name='Input.Body']")!.TextContent);
    }

    [Fact]
    public async Task A_municipality_never_sees_or_changes_another_municipalitys_legal_pages()
    {
        var a = await app.CreateMunicipalityAsync();
        var b = await app.CreateMunicipalityAsync();
        var adminA = await a.SignedInClientAsync(MunicipalityRole.Administrator);
        var adminB = await b.SignedInClientAsync(MunicipalityRole.Administrator);
        await SaveAsync(adminA, a, LegalPageKind.Privacy, "Nur für Kommune A");
        await SaveAsync(adminB, b, LegalPageKind.Privacy, "Nur für Kommune B");

        var visitor = app.CreateBrowserlikeClient();
        Assert.Contains("Nur für Kommune A", (await visitor.GetDocumentAsync(LegalPaths.Public(a.Slug, LegalPageKind.Privacy))).QuerySelector("#legal-text")!.TextContent, StringComparison.Ordinal);
        var pageB = (await visitor.GetDocumentAsync(LegalPaths.Public(b.Slug, LegalPageKind.Privacy))).QuerySelector("#legal-text")!.TextContent;
        Assert.Contains("Nur für Kommune B", pageB, StringComparison.Ordinal);
        Assert.DoesNotContain("Kommune A", pageB, StringComparison.Ordinal);
        // A's administrator cannot open or post B's form.
        Assert.StartsWith("/account/access-denied", (await adminA.GetAsync(LegalPaths.Manage(b.Slug, LegalPageKind.Privacy))).RedirectTarget(), StringComparison.Ordinal);
        var token = await adminA.AntiforgeryTokenAsync();
        var post = await adminA.PostWithTokenAsync(LegalPaths.Manage(b.Slug, LegalPageKind.Privacy), token, new Dictionary<string, string> { ["Input.Body"] = "Übernommen", ["Input.Version"] = "0" });
        Assert.StartsWith("/account/access-denied", post.RedirectTarget(), StringComparison.Ordinal);
        Assert.Equal("Nur für Kommune B", await b.WithDbAsync(db => db.LegalPages.Where(p => p.Kind == LegalPageKind.Privacy).Select(p => p.Body).SingleAsync()));
        Assert.Equal(1, await a.WithDbAsync(db => db.LegalPages.CountAsync()));
    }

    [Fact]
    public async Task A_stale_form_shows_both_texts_and_saves_nothing_and_an_empty_text_is_refused()
    {
        var m = await app.CreateMunicipalityAsync();
        var first = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var second = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var url = LegalPaths.Manage(m.Slug, LegalPageKind.Accessibility);
        var stale = await second.GetDocumentAsync(url);
        Assert.NotNull(stale.QuerySelector("#starting-text"));
        await SaveAsync(first, m, LegalPageKind.Accessibility, "Erste Fassung");

        var conflict = await second.SubmitFormAsync(stale, url, new Dictionary<string, string?> { ["Input.Body"] = "Zweite Fassung" }, "#legal-form");
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await HtmlForms.ParseAsync(conflict);
        Assert.Contains(page.Errors(), e => e.Contains("inzwischen von jemand anderem geändert", StringComparison.Ordinal));
        Assert.Equal("Erste Fassung", await m.WithDbAsync(db => db.LegalPages.Select(p => p.Body).SingleAsync()));

        var empty = await SaveAsync(first, m, LegalPageKind.Accessibility, "  ");
        Assert.Contains((await HtmlForms.ParseAsync(empty)).Errors(), e => e.Contains("Bitte geben Sie den Text der Seite ein.", StringComparison.Ordinal));
        Assert.Equal("Erste Fassung", await m.WithDbAsync(db => db.LegalPages.Select(p => p.Body).SingleAsync()));
    }
}

public sealed class LegalPageSqliteTests(SqliteApp app) : LegalPageTests(app), IClassFixture<SqliteApp>;

public sealed class LegalPagePostgresTests(PostgresApp app) : LegalPageTests(app), IClassFixture<PostgresApp>;
