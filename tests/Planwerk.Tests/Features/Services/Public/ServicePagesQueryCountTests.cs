using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Plans;
using Planwerk.Features.Services;
using Planwerk.Features.Services.Directory;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Planwerk.Tests.Features.Services.PublicPages;

/// <summary>The directory, service and organisation pages cost the same few SQL commands for 40 services as for 4,000,
/// in German and in Arabic, with and without filters.</summary>
public abstract class ServicePagesQueryCountTests(PlanwerkApp app, ITestOutputHelper output)
{
    /// <summary>The directory with every filter: the municipality, the content languages, the topic list and its
    /// translations, the districts, the offered languages, the topic list for the filter, the count, the page (split in
    /// four), the names' translations, the page's hours and special hours, the check interval.</summary>
    private const int MaxCommandsPerPage = 17;

    private sealed record Seeded(TestMunicipality M, int Organisation, int Service, int Topic, int District);

    private async Task<Seeded> SeedAsync(int count)
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Träger");
        return await m.WithDbAsync(async db =>
        {
            await ContentLanguages.EnsureDefaultsAsync(db);
            var topic = new ServiceTopic { Code = "health", Name = "Gesundheit" };
            var sub = new ServiceTopic { Code = "doctors", Name = "Ärztinnen und Ärzte", Parent = topic };
            var district = new District { Name = "Prohlis" };
            var place = new ServiceLocation { OrganisationId = organisation, Name = "Haus", District = district, IsWheelchairAccessible = true };
            db.AddRange(topic, sub, district, place);
            var services = Enumerable.Range(0, count).Select(i =>
            {
                var s = new HelpService { OrganisationId = organisation, Name = $"Beratung {i:0000}", LastCheckedOn = new DateOnly(2026, 1, 1), IsFree = i % 2 == 0 };
                s.Topics.Add(i % 2 == 0 ? topic : sub);
                s.Languages.AddRange([new ServiceLanguage { Code = "ar" }, new ServiceLanguage { Code = "de" }]);
                s.Locations.Add(new ServiceAtLocation { Location = place });
                s.Schedules.Add(new ServiceSchedule { Weekday = DayOfWeek.Monday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(17, 0), Location = place });
                s.Contacts.Add(new ServiceContact { Name = "Büro", Phone = "0351 1", PhoneLanguages = "ar" });
                return s;
            }).ToList();
            db.HelpServices.AddRange(services);
            await db.SaveChangesAsync();
            return new Seeded(m, organisation, services[^1].Id, topic.Id, district.Id);
        });
    }

    [Fact]
    public async Task The_public_service_pages_cost_the_same_few_queries_for_40_and_4000_services()
    {
        var small = await SeedAsync(40);
        var large = await SeedAsync(4000);
        Assert.Equal(4000, await large.M.WithDbAsync(db => db.Set<ServiceListing>().CountAsync()));

        var counter = new QueryCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();

        string[] Pages(Seeded s) =>
        [
            $"/{s.M.Slug}/services",
            $"/{s.M.Slug}/services?lang=ar",
            $"/{s.M.Slug}/services?q=Beratungen&topic={s.Topic}&district={s.District}&language=ar&situation=AsylumSeekers&age=30&free=true&accessible=true&open=true&page=2&lang=fa",
            $"/{s.M.Slug}/services/{s.Service}",
            $"/{s.M.Slug}/services/{s.Service}?lang=ar",
            $"/{s.M.Slug}/organisations/{s.Organisation}/services?lang=ar",
        ];
        var smallPages = Pages(small);
        var largePages = Pages(large);
        for (var i = 0; i < smallPages.Length; i++)
        {
            var smallCount = await CountAsync(client, counter, smallPages[i]);
            var largeCount = await CountAsync(client, counter, largePages[i]);
            output.WriteLine($"{app.Provider}: {smallPages[i].Replace(small.M.Slug, "{m}", StringComparison.Ordinal)} – 40 services: {smallCount} commands, 4000 services: {largeCount} commands");
            Assert.True(smallCount == largeCount, $"{largePages[i]}: {smallCount} commands for 40 services, {largeCount} for 4000");
            Assert.True(largeCount <= MaxCommandsPerPage, $"{largePages[i]}: {largeCount} commands");
        }
        // The directory really counts them all.
        var page = await client.GetDocumentAsync($"/{large.M.Slug}/services");
        Assert.Equal("4000 Angebote · Seite 1 von 200", page.QuerySelector("#result-count")!.TextContent.Trim());
    }

    private static async Task<int> CountAsync(HttpClient client, QueryCounter counter, string url)
    {
        counter.Reset();
        var response = await client.GetAsync(url);
        var count = counter.Count;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return count;
    }
}

public sealed class ServicePagesQueryCountSqliteTests(SqliteApp app, ITestOutputHelper output) : ServicePagesQueryCountTests(app, output), IClassFixture<SqliteApp>;

public sealed class ServicePagesQueryCountPostgresTests(PostgresApp app, ITestOutputHelper output) : ServicePagesQueryCountTests(app, output), IClassFixture<PostgresApp>;
