using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Lifecycle;
using Planwerk.Tests.Features.Plans.Versions;
using Planwerk.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Planwerk.Tests.Features.Plans.PublicSite;

/// <summary>A public page costs a fixed, small number of SQL commands, whatever the plan's size.</summary>
public abstract partial class QueryCountTests(PlanwerkApp app, ITestOutputHelper output)
{
    /// <summary>The plan endpoint is the most: the plan, its fields, its measures split in four (the measures with their
    /// lead, their partners, their districts, their principles), their published reports and their milestones, plus the
    /// municipality.</summary>
    private const int MaxCommandsPerPage = 9;
    /// <summary>The print view reads the whole plan document (nine queries, the measures' partners among them) after its
    /// public check, plus the municipality, and for an adopted plan the resolution that names the version it shows.</summary>
    private const int MaxCommandsPrintView = 12;

    [Fact]
    public async Task Every_public_page_and_the_plan_endpoint_cost_the_same_few_queries_for_66_and_6600_measures()
    {
        var m = await app.CreateMunicipalityAsync();
        var small = await m.AddPlanAsync(fields: 11, measuresPerField: 6, title: "Kleiner Plan");
        var large = await m.AddPlanAsync(fields: 11, measuresPerField: 600, title: "Großer Plan");

        await AssertSameFewQueriesAsync(m, small, large, "");
    }

    /// <summary>An adopted plan's pages read the texts from the frozen version and the live status by key:
    /// still a fixed number of commands, for the adopted version and for the working state.</summary>
    [Fact]
    public async Task Every_public_page_of_an_adopted_plan_costs_the_same_few_queries_for_66_and_6600_measures()
    {
        var m = await app.CreateMunicipalityAsync();
        var small = await m.AddPlanAsync(fields: 11, measuresPerField: 6, title: "Kleiner Plan", plan: p => p.State = PlanState.InDeliberation);
        var large = await m.AddPlanAsync(fields: 11, measuresPerField: 600, title: "Großer Plan", plan: p => p.State = PlanState.InDeliberation);
        foreach (var plan in new[] { small, large })
        {
            await m.WithDbAsync(async db =>
            {
                await PlanLifecycle.AdoptAsync(db, plan.Id, new DateOnly(2019, 7, 5), "Beschluss des Stadtrates", DateTimeOffset.UtcNow, null, "Rat", CancellationToken.None);
                return await db.SaveChangesAsync();
            });
        }
        Assert.Equal(2, await m.WithDbAsync(db => db.Plans.CountAsync(p => p.State == PlanState.Adopted && p.AdoptedVersionId != null)));

        await AssertSameFewQueriesAsync(m, small, large, "");
        await AssertSameFewQueriesAsync(m, small, large, "?stand=aktuell");

        // What a request reads does not grow with the plan: the plan, field and measure pages of the adopted plan of 6,600
        // measures read the parts of the frozen version they show, never its whole document.
        var log = new CommandLog();
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(log)));
        var client = logged.CreateClient();
        foreach (var url in new[] { large.Url(m), $"{large.Url(m)}/fields/{large.Fields[^1].Id}", $"{large.Url(m)}/measures/{large.Measures[^1].Id}" })
        {
            log.Clear();
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
            Assert.Contains("Beschlossene Fassung vom 05.07.2019", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains(log.Commands, c => c.Contains("\"PlanVersionParts\"", StringComparison.Ordinal));
            Assert.DoesNotContain(log.Commands, CommandLog.ReadsVersionDocument);
        }
    }

    private async Task AssertSameFewQueriesAsync(TestMunicipality m, SeededPlan small, SeededPlan large, string suffix)
    {
        Assert.Equal(66, small.Measures.Count);
        Assert.Equal(6600, large.Measures.Count);

        var counter = new QueryCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();

        string[] Pages(SeededPlan plan) =>
        [
            plan.Url(m) + suffix,
            $"{plan.Url(m)}/fields/{plan.Fields[^1].Id}{suffix}",
            $"{plan.Url(m)}/measures/{plan.Measures[^1].Id}{suffix}",
            $"{plan.Url(m)}/search?q=ma%C3%9Fnahme",
            $"{plan.Url(m)}/document{suffix}",
            $"{plan.Url(m)}/dashboard",
            $"/api/v1/municipalities/{m.Slug}/plans/{plan.Id}",
            $"/api/v1/municipalities/{m.Slug}/plans/{plan.Id}/fields/{plan.Fields[^1].Id}",
            $"/api/v1/municipalities/{m.Slug}/plans/{plan.Id}/measures",
            $"/api/v1/municipalities/{m.Slug}/plans/{plan.Id}/measures/{plan.Measures[^1].Id}",
        ];

        var smallPages = Pages(small);
        var largePages = Pages(large);
        for (var i = 0; i < smallPages.Length; i++)
        {
            var (smallCount, _) = await CountAsync(client, counter, smallPages[i]);
            var (largeCount, largeBody) = await CountAsync(client, counter, largePages[i]);
            output.WriteLine($"{app.Provider}: {Regex.Replace(smallPages[i], @"/\d+", "/{id}")} – 66 measures: {smallCount} commands, 6600 measures: {largeCount} commands");
            Assert.True(smallCount == largeCount, $"{largePages[i]}: {smallCount} commands for 66 measures, {largeCount} for 6600");
            var max = largePages[i].Contains("/document", StringComparison.Ordinal) ? MaxCommandsPrintView : MaxCommandsPerPage;
            Assert.True(largeCount <= max, $"{largePages[i]}: {largeCount} commands");
            if (i == 0) Assert.Equal(6600, MeasureRow().Count(largeBody)); // the page really lists them all
        }
    }

    private static async Task<(int Count, string Body)> CountAsync(HttpClient client, QueryCounter counter, string url)
    {
        counter.Reset();
        var response = await client.GetAsync(url);
        var count = counter.Count;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return (count, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<tr class=\"measure\">")]
    private static partial Regex MeasureRow();
}

public sealed class QueryCountSqliteTests(SqliteApp app, ITestOutputHelper output) : QueryCountTests(app, output), IClassFixture<SqliteApp>;

public sealed class QueryCountPostgresTests(PostgresApp app, ITestOutputHelper output) : QueryCountTests(app, output), IClassFixture<PostgresApp>;
