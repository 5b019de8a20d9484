using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Demo;
using Planwerk.Features.Plans;
using Planwerk.Features.Services;
using Planwerk.Features.Services.Content;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Tests.Features.Demo;

/// <summary>The demo's help-service inventory: around 40 example services of the registry's organisations across
/// every topic and district, translated in part, one temporarily closed, one overdue for checking, tied to measures.</summary>
public abstract class DemoServicesTests(DemoApp app)
{
    [Fact]
    public async Task Demo_has_at_least_35_example_services_covering_every_top_level_topic_and_at_least_5_districts()
    {
        var (services, topics, districts) = await InDemoAsync(async db =>
        {
            var services = await db.HelpServices.Select(s => new
            {
                s.Id, s.Name, s.IsExample, s.IsRemoteOnly,
                Topics = s.Topics.Select(t => t.ParentId == null ? t.Code : t.Parent!.Code).ToList(),
                Districts = s.Locations.Select(l => l.Location!.District!.Name).ToList(),
            }).ToListAsync();
            var topics = await db.ServiceTopics.Where(t => t.ParentId == null).Select(t => t.Code).ToListAsync();
            var districts = await db.Districts.Select(d => new { d.Name, d.Kind }).ToListAsync();
            return (services, topics, districts);
        });

        Assert.InRange(services.Count, 35, 60);
        Assert.All(services, s => Assert.True(s.IsExample, $"{s.Name} is not marked as example content."));
        Assert.Equal(DefaultTopics.All.Select(t => t.Code).Order(), topics.Order());
        Assert.All(topics, code => Assert.Contains(services, s => s.Topics.Contains(code)));
        var covered = services.SelectMany(s => s.Districts).Distinct().ToList();
        Assert.True(covered.Count >= 5, "Districts: " + string.Join(", ", covered));
        // Every one of Dresden's ten districts, and localities too.
        Assert.All(districts.Where(d => d.Kind == DistrictKind.District), d => Assert.Contains(d.Name, covered));
        Assert.Contains(covered, name => districts.Any(d => d.Name == name && d.Kind == DistrictKind.Locality));
        // Every service with a place has its place in one of the demo's districts; the others are by phone or online.
        Assert.All(services, s => Assert.True(s.IsRemoteOnly ? s.Districts.Count == 0 : s.Districts.Count > 0, s.Name));
    }

    [Fact]
    public async Task Demo_translates_services_into_english_arabic_persian_and_ukrainian_with_one_outdated_translation()
    {
        var result = await InDemoAsync(async db =>
        {
            var services = await db.HelpServices.Select(s => new { s.Id, s.Name, s.Description, s.HowToApply }).ToListAsync();
            var ids = services.Select(s => s.Id).ToList();
            var byLanguage = new Dictionary<string, List<(string Name, ShownText ShownName, ShownText Description, ShownText HowToApply)>>();
            foreach (var language in DemoServices.TranslatedLanguages)
            {
                var translations = await ServiceTexts.LoadAsync(db, ContentKinds.Service, ids, language);
                byLanguage[language] = services.Select(s => (s.Name,
                    translations.Of(s.Id, nameof(HelpService.Name), s.Name),
                    translations.Of(s.Id, nameof(HelpService.Description), s.Description),
                    translations.Of(s.Id, nameof(HelpService.HowToApply), s.HowToApply))).ToList();
            }
            var topics = await db.ServiceTopics.Select(t => new { t.Id, t.Name }).ToListAsync();
            var topicNames = new Dictionary<string, List<ShownText>>();
            foreach (var language in DemoServices.TranslatedLanguages)
            {
                var translations = await ServiceTexts.LoadAsync(db, ContentKinds.Topic, topics.Select(t => t.Id).ToList(), language);
                topicNames[language] = topics.Select(t => translations.Of(t.Id, nameof(ServiceTopic.Name), t.Name)).ToList();
            }
            var contentLanguages = await db.ContentLanguages.Select(l => l.Code).ToListAsync();
            return (byLanguage, topicNames, contentLanguages);
        });

        // The default languages, and easy German, which the demo's pathways are written in too.
        Assert.Equal(ContentLanguages.Defaults.Append(Planwerk.Features.Pathways.PathwayTexts.EasyGerman).Order(), result.contentLanguages.Order());
        foreach (var (language, shown) in result.byLanguage)
        {
            var translated = shown.Where(s => !s.ShownName.IsFallback).ToList();
            Assert.True(translated.Count >= 8, $"{language}: {translated.Count} translated services");
            // A translated service has its name, description and how to apply in the language, in its own script.
            Assert.All(translated, s =>
            {
                Assert.All(new[] { s.ShownName, s.Description, s.HowToApply }, t => Assert.Equal((language, false), (t.Language, t.IsFallback)));
                Assert.NotEqual(s.Name, s.ShownName.Text);
                if (language is "ar" or "fa") Assert.Contains(s.Description.Text, c => c is >= '\u0600' and <= '\u06FF');
                if (language == "uk") Assert.Contains(s.Description.Text, c => c is >= '\u0400' and <= '\u04FF');
            });
            // Exactly one text is outdated: the description whose German source changed after it was translated.
            var outdated = shown.SelectMany(s => new[] { (s.Name, Field: "Name", s.ShownName), (s.Name, Field: "Description", s.Description), (s.Name, Field: "HowToApply", s.HowToApply) })
                .Where(x => x.Item3.IsOutdated).Select(x => (x.Name, x.Field)).ToList();
            Assert.Equal([(DemoServices.OutdatedTranslationService, "Description")], outdated);
            // The services without a translation fall back to German.
            Assert.Contains(shown, s => s.ShownName.IsFallback && s.ShownName.Language == "de");
        }
        // The topics' names are translated into all four languages, none outdated.
        Assert.All(result.topicNames, pair => Assert.All(pair.Value, t => Assert.Equal((pair.Key, false, false), (t.Language, t.IsFallback, t.IsOutdated))));
    }

    [Fact]
    public async Task Exactly_one_demo_service_is_overdue_for_checking_and_exactly_one_is_temporarily_closed()
    {
        var (services, months, today) = await InDemoAsync(async (db, provider) =>
        {
            var services = await db.HelpServices.Select(s => new { s.Name, s.Status, s.LastCheckedOn, Closures = s.SpecialHours.Select(h => new { h.From, h.To, h.Opens }).ToList() }).ToListAsync();
            var months = await db.Municipalities.Where(m => m.Id == db.CurrentMunicipalityId).Select(m => m.ServiceCheckMonths).SingleAsync();
            return (services, months, BerlinTime.Today(provider.GetRequiredService<TimeProvider>()));
        });

        var overdue = services.Where(s => ServiceChecks.IsOverdue(s.LastCheckedOn, today, months)).Select(s => s.Name).ToList();
        Assert.Equal([DemoServices.OverdueService], overdue);
        Assert.All(services, s => Assert.True(s.LastCheckedOn <= today, s.Name));
        var closed = services.Where(s => s.Status == ServiceStatus.TemporarilyClosed).ToList();
        Assert.Equal([DemoServices.TemporarilyClosedService], closed.Select(s => s.Name));
        // Its closure covers today, so the directory does not show it as open.
        Assert.Contains(closed[0].Closures, h => h.From <= today && today <= h.To && h.Opens is null);
        Assert.All(services.Where(s => s.Status != ServiceStatus.TemporarilyClosed), s => Assert.Equal(ServiceStatus.Active, s.Status));
    }

    [Fact]
    public async Task Every_demo_service_and_place_belongs_to_an_organisation_of_the_registry_and_one_organisation_is_reviewed()
    {
        var (services, locations, registry) = await InDemoAsync(async db =>
        {
            var services = await db.HelpServices.Select(s => new { s.Name, s.OrganisationId, Places = s.Locations.Select(l => l.Location!.OrganisationId).ToList() }).ToListAsync();
            var locations = await db.ServiceLocations.Select(l => new { l.Name, l.OrganisationId }).ToListAsync();
            var registry = await db.Stakeholders.Select(s => new { s.Id, s.Name, s.IsListed, s.ServiceChangesReviewed }).ToListAsync();
            return (services, locations, registry);
        });

        var ids = registry.Select(r => r.Id).ToHashSet();
        Assert.All(services, s => Assert.Contains(s.OrganisationId, ids));
        Assert.All(locations, l => Assert.Contains(l.OrganisationId, ids));
        // A service is offered at its own organisation's places.
        Assert.All(services, s => Assert.All(s.Places, p => Assert.Equal(s.OrganisationId, p)));
        Assert.True(services.Select(s => s.OrganisationId).Distinct().Count() >= 10);
        // The providers the registry lacked are added to it once, listed like the demo's other example organisations.
        Assert.All(DemoServices.Organisations, o => Assert.True(Assert.Single(registry, r => r.Name == o.Name).IsListed));
        Assert.Equal([DemoServices.ReviewedOrganisation], registry.Where(r => r.ServiceChangesReviewed).Select(r => r.Name));
    }

    [Fact]
    public async Task Demo_services_are_complete_and_plausible_entries_without_markup()
    {
        var services = await InDemoAsync(db => db.HelpServices.Select(s => new
        {
            s.Name, s.Description, s.HowToApply, s.Eligibility, s.Costs, s.IsFree, s.DocumentsToBring, s.Accessibility, s.IsRemoteOnly, s.Url, s.Email,
            s.MinimumAge, s.MaximumAge, s.Audience,
            Languages = s.Languages.Select(l => l.Code).ToList(),
            Schedules = s.Schedules.Select(h => new { h.Weekday, h.Opens, h.Closes, h.LocationId, h.ValidFrom, h.ValidTo }).ToList(),
            Special = s.SpecialHours.Select(h => new { h.From, h.To, h.Opens, h.Closes, h.Note }).ToList(),
            Contacts = s.Contacts.Select(c => new { c.Name, c.Phone, c.PhoneLanguages }).ToList(),
            Places = s.Locations.Select(l => new { l.Location!.Name, l.Location.Street, l.Location.PostalCode, l.Location.City, l.Location.Latitude, l.Location.Longitude }).ToList(),
        }).ToListAsync());

        Assert.Equal(services.Count, services.Select(s => s.Name).Distinct().Count());
        foreach (var s in services)
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Name) || string.IsNullOrWhiteSpace(s.Description) || string.IsNullOrWhiteSpace(s.HowToApply), s.Name);
            foreach (var text in new[] { s.Name, s.Description, s.HowToApply, s.Eligibility, s.Costs, s.DocumentsToBring, s.Accessibility })
                Assert.DoesNotContain(text, c => c is '<' or '>');
            Assert.Equal(s.Costs.Length == 0, s.IsFree);
            Assert.NotEmpty(s.Languages);
            Assert.All(s.Languages, code => Assert.True(LanguageCodes.IsKnown(code), code));
            Assert.All(s.Contacts, c => Assert.All(LanguageCodes.Parse(c.PhoneLanguages).Unknown, code => Assert.Fail("Unknown phone language " + code)));
            Assert.All(s.Contacts, c => Assert.Matches(@"^0351 0\d{2} \d{3}$", c.Phone));
            Assert.All(s.Schedules, h => Assert.True(h.Opens < h.Closes, s.Name));
            Assert.All(s.Special, h => Assert.True(h.From <= h.To && (h.Opens is null || h.Opens < h.Closes), s.Name));
            Assert.True(s.MinimumAge is null || s.MaximumAge is null || s.MinimumAge <= s.MaximumAge, s.Name);
            Assert.NotEqual(Planwerk.Features.Services.ResidenceSituations.None, s.Audience);
            Assert.All(s.Places, p =>
            {
                Assert.Equal("Dresden", p.City);
                Assert.InRange(int.Parse(p.PostalCode, System.Globalization.CultureInfo.InvariantCulture), 1067, 1328);
                Assert.InRange(p.Latitude!.Value, 50.95m, 51.18m);
                Assert.InRange(p.Longitude!.Value, 13.57m, 13.97m);
            });
            if (s.IsRemoteOnly) Assert.All(s.Schedules, h => Assert.Null(h.LocationId));
            else Assert.All(s.Schedules, h => Assert.NotNull(h.LocationId));
        }
        // What the directory has to show: a day with two blocks, evening hours, a phone line and an online service
        // without a place, hours valid for a season, ages, costs, and special hours at Christmas and New Year.
        Assert.Contains(services, s => s.Schedules.GroupBy(h => (h.Weekday, h.LocationId)).Any(g => g.Count() >= 2));
        Assert.Contains(services, s => s.Schedules.Any(h => h.Closes >= new TimeOnly(20, 0)));
        Assert.Contains(services, s => s.IsRemoteOnly && s.Url.Length == 0 && s.Schedules.Count > 0 && s.Contacts.Count > 0);
        Assert.Contains(services, s => s.IsRemoteOnly && s.Url.StartsWith("https://", StringComparison.Ordinal));
        Assert.Contains(services, s => s.Schedules.Any(h => h.ValidFrom is not null && h.ValidTo is not null));
        Assert.Contains(services, s => s.MinimumAge is not null && s.MaximumAge is not null);
        Assert.Contains(services, s => !s.IsFree);
        Assert.Contains(services, s => s.Places.Count >= 2);
        Assert.Contains(services, s => s.Special.Any(h => h.From.Month == 12 && h.From.Day == 24 && h.Opens is null));
        Assert.Contains(services, s => s.Special.Any(h => h.From.Month == 12 && h.Opens is not null));
        Assert.Contains(services, s => s.Special.Any(h => h.To.Month == 1 && h.To.Day >= 1));
        Assert.Contains(services, s => s.Languages.Contains("prs") && s.Languages.Contains("ti"));
    }

    [Fact]
    public async Task Measures_of_the_demo_plan_name_the_services_they_create()
    {
        var links = await InDemoAsync(db => db.MeasureServices
            .Select(l => new { l.Measure!.Number, PlanTitle = l.Measure.Plan!.Title, Service = l.Service!.Name }).ToListAsync());

        Assert.True(links.Count >= 10, $"{links.Count} links");
        Assert.All(links, l => Assert.Equal(DemoContentTests.PlanTitle, l.PlanTitle));
        Assert.Contains(links, l => l.Number == "1.1" && l.Service == DemoServices.OutdatedTranslationService);
        Assert.Contains(links, l => l.Number == "1.2" && l.Service.StartsWith("Kursberatung Deutsch", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Number == "8.7" && l.Service == "Asylverfahrensberatung");
        // One measure may name several services, one service may serve several measures.
        Assert.Contains(links.GroupBy(l => l.Number), g => g.Count() >= 2);
        Assert.Contains(links.GroupBy(l => l.Service), g => g.Count() >= 2);
    }

    private Task<T> InDemoAsync<T>(Func<PlanwerkDbContext, Task<T>> query) => InDemoAsync((db, _) => query(db));

    private async Task<T> InDemoAsync<T>(Func<PlanwerkDbContext, IServiceProvider, Task<T>> query)
    {
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>().Municipalities
                .Where(m => m.Slug == DemoContent.Slug && m.IsDemo).Select(m => m.Id).SingleAsync();
        }
        return await app.InMunicipalityAsync(id, query);
    }
}

public sealed class DemoServicesSqliteTests(DemoSqliteApp app) : DemoServicesTests(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoServicesPostgresTests(DemoPostgresApp app) : DemoServicesTests(app), IClassFixture<DemoPostgresApp>;
