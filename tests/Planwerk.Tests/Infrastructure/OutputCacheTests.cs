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
