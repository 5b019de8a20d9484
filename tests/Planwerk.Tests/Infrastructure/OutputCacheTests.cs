using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Infrastructure;
using Planwerk.Tests.Features.Plans.PublicSite;

namespace Planwerk.Tests.Infrastructure;

public abstract class OutputCacheTests(PlanwerkApp app)
{
    private static async Task RenameAsync(TestMunicipality m, int planId, string title) =>
        await m.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == planId);
            plan.Title = title;
            return 0;
        });

    [Fact]
    public async Task A_public_page_is_served_from_the_cache_until_its_municipality_is_evicted()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(title: "Alter Titel");
        var client = app.CreateClient();
        var pages = new[] { seeded.Url(m), "/" + m.Slug, $"/api/v1/municipalities/{m.Slug}/plans/{seeded.Id}" };
        foreach (var url in pages) Assert.Contains("Alter Titel", await client.GetStringAsync(url), StringComparison.Ordinal);

        await RenameAsync(m, seeded.Id, "Neuer Titel");

        // The database has changed, the cached pages have not.
        foreach (var url in pages) Assert.Contains("Alter Titel", await client.GetStringAsync(url), StringComparison.Ordinal);

        await PublicPageCache.EvictMunicipalityAsync(app.Services.GetRequiredService<IOutputCacheStore>(), m.Slug);

        foreach (var url in pages)
        {
            var body = await client.GetStringAsync(url);
            Assert.Contains("Neuer Titel", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Alter Titel", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Evicting_one_municipality_leaves_another_ones_cached_pages()
    {
        var a = await app.CreateMunicipalityAsync();
        var b = await app.CreateMunicipalityAsync();
        var planA = await a.AddPlanAsync(title: "A alt");
        var planB = await b.AddPlanAsync(title: "B alt");
        var client = app.CreateClient();
        await client.GetStringAsync(planA.Url(a));
        await client.GetStringAsync(planB.Url(b));
        await RenameAsync(a, planA.Id, "A neu");
        await RenameAsync(b, planB.Id, "B neu");

        await PublicPageCache.EvictMunicipalityAsync(app.Services.GetRequiredService<IOutputCacheStore>(), a.Slug);

        Assert.Contains("A neu", await client.GetStringAsync(planA.Url(a)), StringComparison.Ordinal);
        Assert.Contains("B alt", await client.GetStringAsync(planB.Url(b)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_made_up_query_key_is_answered_from_the_cached_page_and_keys_the_page_reads_are_not()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(title: "Alter Titel", fields: 1, measuresPerField: 2,
            measure: x => x.Title = x.Number == "1.1" ? "Sprachkurse" : "Wohnen");
        var client = app.CreateClient();
        await client.GetStringAsync(seeded.Url(m));
        await client.GetStringAsync($"{seeded.Url(m)}/search?q=Sprache");
        await RenameAsync(m, seeded.Id, "Neuer Titel");

        // Any number of made-up keys: the one cached copy answers, nothing is rendered or stored anew.
        foreach (var junk in new[] { "?utm_source=x", "?bench=1", "?x=" + Uri.EscapeDataString("<script>alert(1)</script>"), "?a=1&b=2&c=" + new string('z', 2000) })
            Assert.Contains("Alter Titel", await client.GetStringAsync(seeded.Url(m) + junk), StringComparison.Ordinal);
        Assert.Contains("Alter Titel", await client.GetStringAsync($"{seeded.Url(m)}/search?q=Sprache&junk=1"), StringComparison.Ordinal);

        // A key the page reads is its own question: another search is rendered (with the new title).
        var other = await client.GetDocumentAsync($"{seeded.Url(m)}/search?q=Wohnen");
        Assert.Contains("Neuer Titel", other.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Wohnen", other.QuerySelector("#results-heading")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_naming_a_page_handler_never_becomes_the_cached_page()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(title: "Der richtige Plan");
        var client = app.CreateClient();

        // Whatever a page answers when asked for a handler it does not have, that answer is not stored for everyone.
        await client.GetAsync(seeded.Url(m) + "?handler=Nothing");
        await client.GetAsync(seeded.Url(m) + "?handler=Nothing");
        var page = await client.GetAsync(seeded.Url(m));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Der richtige Plan", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_page_repeats_only_the_keys_it_reads_in_its_links()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 2);
        var client = app.CreateClient();

        // The first visitor's made-up key must not reach the sign-in link every later visitor gets from the cache.
        var page = await client.GetDocumentAsync($"{seeded.Url(m)}/search?q=Ma%C3%9Fnahme&x=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        var login = page.QuerySelector("a[href^='/account/login']")!.GetAttribute("href")!;
        var returnUrl = Uri.UnescapeDataString(login[(login.IndexOf("returnUrl=", StringComparison.Ordinal) + "returnUrl=".Length)..]);
        Assert.Equal($"{seeded.Url(m)}/search?q=Maßnahme", Uri.UnescapeDataString(returnUrl));

        // The API's paging links likewise keep its filters and drop the rest.
        await m.AddPlanAsync(title: "Zweiter Plan");
        var answer = await client.GetAsync($"/api/v1/municipalities/{m.Slug}/plans?pageSize=1&x=%3Cscript%3E&status=Draft,Adopted");
        answer.EnsureSuccessStatusCode();
        var links = string.Join(",", answer.Headers.GetValues("Link"));
        Assert.Contains("status=Draft", links, StringComparison.Ordinal);
        Assert.DoesNotContain("x=", links, StringComparison.Ordinal);
        Assert.DoesNotContain("script", links, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cache_keeps_German_and_English_pages_apart()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync();

        var german = await app.CreateClient().GetDocumentAsync(seeded.Url(m));
        var english = await (await app.EnglishClientAsync()).GetDocumentAsync(seeded.Url(m));
        var germanAgain = await app.CreateClient().GetDocumentAsync(seeded.Url(m));

        Assert.Equal("Leitlinien", german.QuerySelector("#principles-heading")!.TextContent);
        Assert.Equal("Guiding principles", english.QuerySelector("#principles-heading")!.TextContent);
        Assert.Equal("Leitlinien", germanAgain.QuerySelector("#principles-heading")!.TextContent);
    }
}

public sealed class OutputCacheSqliteTests(SqliteApp app) : OutputCacheTests(app), IClassFixture<SqliteApp>;

public sealed class OutputCachePostgresTests(PostgresApp app) : OutputCacheTests(app), IClassFixture<PostgresApp>;
