using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Council;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Council.OParl;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Council;

/// <summary>The public lists of council meetings and papers, the way to them from the start page, and the way into OParl.</summary>
public abstract class PublicCouncilListTests(PlanwerkApp app)
{
    [Fact]
    public async Task The_start_page_leads_to_the_meetings_the_papers_and_the_OParl_body()
    {
        var m = await app.CreateMunicipalityAsync();
        var council = await m.AddCouncilAsync();
        var client = app.CreateBrowserlikeClient();

        var start = await client.GetDocumentAsync($"/{m.Slug}");
        var links = start.QuerySelectorAll("#council-links a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/{m.Slug}/council/meetings", $"/{m.Slug}/council/papers", $"/oparl/v1/bodies/{m.Slug}"], links);
        var body = await app.CreateClient().GetJsonAsync(links[2]!);
        Assert.Equal(council.BodyUrl, body.GetProperty("id").GetString());

        var meetings = await client.GetDocumentAsync(links[0]!);
        Assert.Equal(council.Meetings.Count, meetings.QuerySelectorAll("#meetings tbody tr").Length);
        Assert.NotNull(meetings.QuerySelector($"a[href='/{m.Slug}/council/meetings/{council.Meetings[0].Id}']"));
        Assert.NotNull(meetings.QuerySelector($"a[href='/oparl/v1/bodies/{m.Slug}']"));
        var papers = await client.GetDocumentAsync(links[1]!);
        Assert.NotNull(papers.QuerySelector($"a[href='/{m.Slug}/council/papers/{council.Papers[0].Id}']"));
        Assert.Contains("A0282/17", papers.QuerySelector("#papers")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OParl_root_leads_to_the_system_object()
    {
        var client = app.CreateBrowserlikeClient();
        foreach (var root in new[] { "/oparl/v1", "/oparl/v1/" })
        {
            var response = await client.GetAsync(root);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently, $"{root} answered {(int)response.StatusCode}");
            Assert.Equal("http://localhost/oparl/v1/system", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task Hostile_names_are_escaped_and_nothing_non_public_is_shown()
    {
        var m = await app.CreateMunicipalityAsync();
        var council = await m.AddCouncilAsync(HostileText.Script);
        var secretPlan = await m.WithDbAsync(async db =>
        {
            var plan = new Plan { Title = "Geheimer Plan " + HostileText.Markup, IsPublic = false, UpdatedAt = DateTimeOffset.UtcNow };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            var paper = await db.Papers.SingleAsync(p => p.Id == council.Papers[0].Id);
            paper.PlanId = plan.Id;
            await db.SaveChangesAsync();
            return plan;
        });
        var client = app.CreateBrowserlikeClient();
        foreach (var url in new[] { $"/{m.Slug}/council/meetings", $"/{m.Slug}/council/papers" })
        {
            var response = await client.GetAsync(url);
            var raw = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("Personalangelegenheit", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("Geheimer Plan", raw, StringComparison.Ordinal);
        }
        var meetings = await client.GetDocumentAsync($"/{m.Slug}/council/meetings");
        Assert.Contains(HostileText.Script, meetings.QuerySelector("#meetings")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(secretPlan);
    }

    [Fact]
    public async Task The_lists_are_paged_cost_the_same_few_queries_for_a_small_and_a_large_council_and_are_cached()
    {
        var small = await (await app.CreateMunicipalityAsync()).AddCouncilAsync("Klein");
        var large = await (await app.CreateMunicipalityAsync()).AddCouncilAsync("Groß", extraMeetings: PublicListPage.Size + 7);
        var counter = new QueryCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();

        async Task<(int Count, AngleSharp.Html.Dom.IHtmlDocument Page)> CostAsync(string url)
        {
            counter.Reset();
            var page = await client.GetDocumentAsync(url);
            return (counter.Count, page);
        }

        foreach (var list in new[] { "meetings", "papers" })
        {
            var (smallCost, _) = await CostAsync($"/{small.Municipality.Slug}/council/{list}");
            var (largeCost, _) = await CostAsync($"/{large.Municipality.Slug}/council/{list}");
            Assert.Equal(smallCost, largeCost);
            // The municipality, the filter's bodies and plans, the count, the page.
            Assert.True(largeCost <= 5, $"{list}: {largeCost} queries");
            var (again, _) = await CostAsync($"/{large.Municipality.Slug}/council/{list}");
            Assert.True(again < largeCost, "The second request is answered from the output cache.");
        }

        var meetings = large.Meetings.Count;
        var (_, first) = await CostAsync($"/{large.Municipality.Slug}/council/meetings");
        Assert.Equal(PublicListPage.Size, first.QuerySelectorAll("#meetings tbody tr").Length);
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await CostAsync(next);
        Assert.Equal(meetings - PublicListPage.Size, second.QuerySelectorAll("#meetings tbody tr").Length);
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));
        // A page beyond the list, or one that is no number, shows a page of the list rather than failing.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{large.Municipality.Slug}/council/meetings?page=999")).StatusCode);
    }
}

public sealed class PublicCouncilListSqliteTests(SqliteApp app) : PublicCouncilListTests(app), IClassFixture<SqliteApp>;

public sealed class PublicCouncilListPostgresTests(PostgresApp app) : PublicCouncilListTests(app), IClassFixture<PostgresApp>;
