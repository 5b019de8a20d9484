using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Services;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Planwerk.Tests.Features.Services.Hsds;

/// <summary>Each HSDS endpoint sends the same number of SQL commands for a directory of 3 services as for one of 300, each
/// with a topic, languages, a place, weekly hours, special hours, a contact and a translation.</summary>
public abstract class HsdsQueryCountTests(PlanwerkApp app, ITestOutputHelper output)
{
    private const int MaxCommands = 16;

    private sealed record Seeded(TestMunicipality M, Guid Service, Guid Organisation, Guid Link, Guid Topic);

    private async Task<Seeded> SeedAsync(int count)
    {
        var m = await app.CreateMunicipalityAsync();
        var orgs = new List<int>();
        for (var i = 0; i < 3; i++) orgs.Add(await m.AddStakeholderAsync($"Träger {i} {HostileText.Script}"));
        return await m.WithDbAsync(async db =>
        {
            var topic = new ServiceTopic { Code = "counselling", Name = "Beratung" };
            db.ServiceTopics.Add(topic);
            var services = new List<HelpService>();
            for (var i = 0; i < count; i++)
            {
                var location = new ServiceLocation { OrganisationId = orgs[i % 3], Name = $"Ort {i}", PostalCode = "01067", City = "Dresden", Street = $"Straße {i}" };
                var s = new HelpService
                {
                    OrganisationId = orgs[i % 3], Name = $"Beratung {i:0000}", Description = HostileText.RightToLeft, LastCheckedOn = new DateOnly(2026, 1, 1), IsFree = true,
                    DocumentsToBring = "Ausweis\nBescheid",
                };
                s.Topics.Add(topic);
                s.Languages.AddRange([new ServiceLanguage { Code = "ar" }, new ServiceLanguage { Code = "de" }]);
                s.Locations.Add(new ServiceAtLocation { Location = location });
                s.Schedules.Add(new ServiceSchedule { Weekday = DayOfWeek.Tuesday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(15, 0), Location = location });
                s.SpecialHours.Add(new SpecialHours { From = new DateOnly(2026, 12, 24), To = new DateOnly(2026, 12, 26), Note = "Weihnachten" });
                s.Contacts.Add(new ServiceContact { Name = "Frau Beispiel", Phone = "0351 1", PhoneLanguages = "ar" });
                services.Add(s);
            }
            db.HelpServices.AddRange(services);
            await db.SaveChangesAsync();
            db.ContentTranslations.AddRange(services.Select(s => new ContentTranslation
            {
                Kind = ContentKinds.Service, EntityId = s.Id, Language = "ar", Field = nameof(HelpService.Name), Text = "استشارة", SourceFingerprint = "", TranslatedAt = DateTimeOffset.UnixEpoch,
            }));
            await db.SaveChangesAsync();
            var first = services[^1];
            var organisation = await db.Stakeholders.Where(o => o.Id == first.OrganisationId).Select(o => o.Uid).SingleAsync();
            return new Seeded(m, first.Uid, organisation, first.Locations[0].Uid, topic.Uid);
        });
    }

    [Fact]
    public async Task Every_endpoint_costs_the_same_commands_for_3_and_300_services()
    {
        var small = await SeedAsync(3);
        var large = await SeedAsync(300);
        var counter = new QueryCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();

        string[] Addresses(Seeded s)
        {
            var root = $"/api/v1/municipalities/{s.M.Slug}/hsds";
            return
            [
                root + "/services?full=true&lang=ar",
                root + "/services?per_page=500&lang=ar",
                $"{root}/services?search=Beratungen&taxonomy_term_id={s.Topic}&language=ar&postcode=01067&modified_after=2020-01-01&full=true",
                $"{root}/services/{s.Service}?lang=ar",
                root + "/organizations?full_service=true&lang=ar",
                root + "/organizations?full=true",
                $"{root}/organizations/{s.Organisation}?full_service=true",
                root + "/service_at_locations?full=true&lang=ar",
                $"{root}/service_at_locations/{s.Link}",
                root + "/taxonomy_terms?lang=ar",
            ];
        }

        var smallAddresses = Addresses(small);
        var largeAddresses = Addresses(large);
        for (var i = 0; i < smallAddresses.Length; i++)
        {
            var (smallCount, smallBody) = await CountAsync(client, counter, smallAddresses[i]);
            var (largeCount, largeBody) = await CountAsync(client, counter, largeAddresses[i]);
            output.WriteLine($"{app.Provider}: {smallAddresses[i]} – 3 services: {smallCount} commands, 300 services: {largeCount}");
            Assert.True(smallCount == largeCount, $"{largeAddresses[i]}: {smallCount} commands for 3 services, {largeCount} for 300");
            Assert.True(largeCount <= MaxCommands, $"{largeAddresses[i]}: {largeCount} commands, more than {MaxCommands}");
            Assert.True(largeBody.Length >= smallBody.Length, largeAddresses[i]);
        }
        // The lists really hold the page: 50 fully nested services with their Arabic names, and 300 with per_page=500.
        Assert.Equal(50, System.Text.RegularExpressions.Regex.Count((await CountAsync(client, counter, largeAddresses[0])).Body, "\"name\": \"استشارة\""));
        Assert.Contains("\"total_items\": 300", (await CountAsync(client, counter, largeAddresses[1])).Body, StringComparison.Ordinal);
    }

    private static async Task<(int Count, string Body)> CountAsync(HttpClient client, QueryCounter counter, string url)
    {
        counter.Reset();
        var response = await client.GetAsync(url);
        var count = counter.Count;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return (count, body);
    }
}

public sealed class HsdsQueryCountSqliteTests(SqliteApp app, ITestOutputHelper output) : HsdsQueryCountTests(app, output), IClassFixture<SqliteApp>;

public sealed class HsdsQueryCountPostgresTests(PostgresApp app, ITestOutputHelper output) : HsdsQueryCountTests(app, output), IClassFixture<PostgresApp>;
