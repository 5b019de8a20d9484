using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Features.Services;
using Planwerk.Features.Services.Directory;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Services.Directory;

/// <summary>The directory's full-text search: German inflections through Lucene's stemmer, every content language
/// (Arabic, Persian, Russian, Ukrainian), topics, places, districts and the organisation's name, all words required,
/// hostile input harmless; the stored text follows every change of what it is made of, and is filled at start-up.</summary>
public abstract class ServiceSearchTests(PlanwerkApp app)
{
    private static async Task<int> AddAsync(TestMunicipality m, int organisationId, string name, string description = "") =>
        await m.WithDbAsync(async db =>
        {
            var service = new HelpService { OrganisationId = organisationId, Name = name, Description = description, LastCheckedOn = new DateOnly(2026, 1, 1) };
            db.HelpServices.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });

    private static Task<List<string>> FoundAsync(TestMunicipality m, string query) =>
        m.WithDbAsync(db => ServiceSearch.Matching(db, db.HelpServices, query).OrderBy(s => s.Name).Select(s => s.Name).ToListAsync());

    private static Task<int> TranslateAsync(TestMunicipality m, string kind, int id, string language, string field, string? text, string source) =>
        m.WithDbAsync(async db =>
        {
            await ServiceTexts.SetAsync(db, kind, id, language, field, text, source, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });

    [Fact]
    public async Task German_inflections_find_each_other_and_every_word_is_required()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync("Verein Brücke");
        await AddAsync(m, org, "Beratung für Familien", "Offene Sprechstunde für Eltern mit einem Kind.");
        await AddAsync(m, org, "Hausaufgabenhilfe", "Für Kinder und Jugendliche der Klassen 1 bis 10.");
        await AddAsync(m, org, "Sprachcafé", "Deutsch üben beim Kaffee.");

        Assert.Equal(["Beratung für Familien"], await FoundAsync(m, "Beratungen"));
        Assert.Equal(["Beratung für Familien", "Hausaufgabenhilfe"], await FoundAsync(m, "Kinder"));
        Assert.Equal(["Beratung für Familien", "Hausaufgabenhilfe"], await FoundAsync(m, "Kind"));
        Assert.Equal(["Beratung für Familien"], await FoundAsync(m, "Kind Beratungen"));
        // A word's beginning is enough; case, umlauts and stop words do not matter.
        Assert.Equal(["Sprachcafé"], await FoundAsync(m, "UEBEN"));
        Assert.Equal(["Sprachcafé"], await FoundAsync(m, "üben"));
        Assert.Equal(["Sprachcafé"], await FoundAsync(m, "sprachcafe"));
        Assert.Equal(["Hausaufgabenhilfe"], await FoundAsync(m, "Hausaufg"));
        Assert.Equal(["Beratung für Familien"], await FoundAsync(m, "Familie"));
        Assert.Equal(["Beratung für Familien"], await FoundAsync(m, "für die Familien"));
        // Not a word's middle, and not a word that is nowhere.
        Assert.Empty(await FoundAsync(m, "aufgaben"));
        Assert.Empty(await FoundAsync(m, "Kinder Kaffee"));
        // The organisation's name is searched too; an empty query keeps everything.
        Assert.Equal(3, (await FoundAsync(m, "Brücke")).Count);
        Assert.Equal(3, (await FoundAsync(m, "  ")).Count);
    }

    [Fact]
    public async Task Arabic_Persian_Russian_and_Ukrainian_translations_are_searched_with_their_own_analysis()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync();
        var asylum = await AddAsync(m, org, "Asylverfahrensberatung", "Beratung zum Asylverfahren.");
        var course = await AddAsync(m, org, "Sprachkurs", "Deutsch lernen.");
        await TranslateAsync(m, ContentKinds.Service, asylum, "ar", nameof(HelpService.Name), "استشارات اللجوء", "Asylverfahrensberatung");
        await TranslateAsync(m, ContentKinds.Service, asylum, "fa", nameof(HelpService.Name), "مشاوره پناهندگی", "Asylverfahrensberatung");
        await TranslateAsync(m, ContentKinds.Service, asylum, "ru", nameof(HelpService.Description), "Консультации по процедуре убежища.", "Beratung zum Asylverfahren.");
        await TranslateAsync(m, ContentKinds.Service, course, "uk", nameof(HelpService.Name), "Мовні курси", "Sprachkurs");

        // Arabic: the article and the plural's ending fall away ("اللجوء" and "لجوء", "استشارات" and "استشارة").
        Assert.Equal(["Asylverfahrensberatung"], await FoundAsync(m, "لجوء"));
        Assert.Equal(["Asylverfahrensberatung"], await FoundAsync(m, "استشارة"));
        // Persian: Arabic and Persian letter forms (ي and ی, ك and ک) are one.
        Assert.Equal(["Asylverfahrensberatung"], await FoundAsync(m, "مشاوره"));
        Assert.Equal(["Asylverfahrensberatung"], await FoundAsync(m, "پناهندگي"));
        // Russian: inflected forms through the light stemmer.
        Assert.Equal(["Asylverfahrensberatung"], await FoundAsync(m, "консультация"));
        Assert.Equal(["Asylverfahrensberatung"], await FoundAsync(m, "УБЕЖИЩЕ"));
        // Ukrainian: lower case and word beginnings.
        Assert.Equal(["Sprachkurs"], await FoundAsync(m, "МОВНІ"));
        Assert.Equal(["Sprachkurs"], await FoundAsync(m, "курс"));
        // German and a translation in one query.
        Assert.Equal(["Asylverfahrensberatung"], await FoundAsync(m, "Beratung لجوء"));
    }

    [Fact]
    public async Task Topics_with_the_topics_above_them_places_districts_and_organisation_names_are_searched()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync("Ausländerrat Dresden");
        var service = await AddAsync(m, org, "Offene Sprechstunde");
        await AddAsync(m, org, "Anderes Angebot");
        await m.WithDbAsync(async db =>
        {
            var district = new District { Name = "Prohlis" };
            var parent = new ServiceTopic { Code = "health", Name = "Gesundheit" };
            var child = new ServiceTopic { Code = "doctors", Name = "Ärztliche Versorgung", Parent = parent };
            var location = new ServiceLocation { OrganisationId = org, Name = "Stadtteilhaus", Street = "Jacob-Winter-Platz 1", District = district };
            db.AddRange(district, parent, child, location);
            var s = await db.HelpServices.Include(x => x.Topics).SingleAsync(x => x.Id == service);
            s.Topics.Add(child);
            db.ServiceAtLocations.Add(new ServiceAtLocation { Service = s, Location = location });
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Equal(["Offene Sprechstunde"], await FoundAsync(m, "Gesundheit"));
        Assert.Equal(["Offene Sprechstunde"], await FoundAsync(m, "ärztlich"));
        Assert.Equal(["Offene Sprechstunde"], await FoundAsync(m, "Prohlis"));
        Assert.Equal(["Offene Sprechstunde"], await FoundAsync(m, "Stadtteilhaus Jacob"));
        Assert.Equal(2, (await FoundAsync(m, "Ausländerrat")).Count);
    }

    [Fact]
    public async Task The_search_text_follows_changes_of_translations_topics_places_districts_and_organisations()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync("Alter Träger");
        var service = await AddAsync(m, org, "Wohnberatung");
        int topic = 0, location = 0, district = 0;
        await m.WithDbAsync(async db =>
        {
            var d = new District { Name = "Altstadt" };
            var t = new ServiceTopic { Code = "housing", Name = "Obdach" };
            var l = new ServiceLocation { OrganisationId = org, Name = "Rathaus", District = d };
            db.AddRange(d, t, l);
            var s = await db.HelpServices.Include(x => x.Topics).SingleAsync(x => x.Id == service);
            s.Topics.Add(t);
            db.ServiceAtLocations.Add(new ServiceAtLocation { Service = s, Location = l });
            await db.SaveChangesAsync();
            (topic, location, district) = (t.Id, l.Id, d.Id);
            return 0;
        });

        await TranslateAsync(m, ContentKinds.Service, service, "ar", nameof(HelpService.Name), "استشارات السكن", "Wohnberatung");
        Assert.Single(await FoundAsync(m, "السكن"));
        await TranslateAsync(m, ContentKinds.Service, service, "ar", nameof(HelpService.Name), "مساعدة السكن", "Wohnberatung");
        Assert.Empty(await FoundAsync(m, "استشارات"));
        Assert.Single(await FoundAsync(m, "مساعدة"));
        await TranslateAsync(m, ContentKinds.Service, service, "ar", nameof(HelpService.Name), null, "Wohnberatung");
        Assert.Empty(await FoundAsync(m, "مساعدة"));

        await TranslateAsync(m, ContentKinds.Topic, topic, "uk", nameof(ServiceTopic.Name), "Житло", "Obdach");
        Assert.Single(await FoundAsync(m, "житло"));
        await TranslateAsync(m, ContentKinds.Location, location, "en", nameof(ServiceLocation.Name), "Town hall", "Rathaus");
        Assert.Single(await FoundAsync(m, "town halls"));

        await m.WithDbAsync(async db =>
        {
            (await db.Stakeholders.SingleAsync(s => s.Id == org)).Name = "Neuer Träger";
            (await db.ServiceTopics.SingleAsync(t => t.Id == topic)).Name = "Unterkunft";
            (await db.ServiceLocations.SingleAsync(l => l.Id == location)).Name = "Bürgerbüro";
            (await db.Set<District>().SingleAsync(d => d.Id == district)).Name = "Neustadt";
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Empty(await FoundAsync(m, "Alter"));
        Assert.Single(await FoundAsync(m, "Neuer Träger"));
        Assert.Empty(await FoundAsync(m, "Obdach"));
        Assert.Single(await FoundAsync(m, "Unterkunft"));
        Assert.Single(await FoundAsync(m, "Bürgerbüro Neustadt"));
        Assert.Empty(await FoundAsync(m, "Altstadt"));

        // Removing the topic link and the place takes their words out.
        await m.WithDbAsync(async db =>
        {
            var s = await db.HelpServices.Include(x => x.Topics).Include(x => x.Locations).SingleAsync(x => x.Id == service);
            s.Topics.Clear();
            db.ServiceLocations.Remove(await db.ServiceLocations.SingleAsync(l => l.Id == location));
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Empty(await FoundAsync(m, "Unterkunft"));
        Assert.Empty(await FoundAsync(m, "Bürgerbüro"));
        Assert.Single(await FoundAsync(m, "Wohnberatungen"));
    }

    [Fact]
    public async Task Hostile_input_is_searched_as_text_and_matches_nothing_it_does_not_contain()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync(HostileText.Markup);
        await AddAsync(m, org, "Hilfe " + HostileText.Script, HostileText.VeryLong[..HelpService.MaxTextLength]);
        await AddAsync(m, org, "100% sicher_gehen", HostileText.RightToLeft);
        await AddAsync(m, org, "Sprachkurs");

        Assert.Equal(["Hilfe " + HostileText.Script], await FoundAsync(m, "script alert"));
        Assert.Equal(["100% sicher_gehen"], await FoundAsync(m, "sicher_gehen"));
        Assert.Equal(["100% sicher_gehen"], await FoundAsync(m, "العربية"));
        foreach (var query in new[] { "%", "_", "%%", "' OR 'zz'='zz' --", "\"", "\\", "\u0000", "<>", "🙂" })
        {
            Assert.Empty(await FoundAsync(m, query));
        }
        Assert.Empty(await FoundAsync(m, "zq%"));
        // A query is cut after its first 200 characters: the words after them do not count.
        Assert.Equal(["Hilfe " + HostileText.Script], await FoundAsync(m, HostileText.VeryLong + " Sprachkurs"));
        Assert.Single(await FoundAsync(m, string.Join(' ', Enumerable.Repeat("Sprachkurs", 50))));
        Assert.Equal(3, (await FoundAsync(m, "")).Count);
    }

    [Fact]
    public async Task Services_of_another_municipality_are_never_found_and_start_up_fills_missing_texts()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var service = await AddAsync(m, await m.AddStakeholderAsync(), "Migrationsberatung");
        await AddAsync(other, await other.AddStakeholderAsync(), "Migrationsberatung");
        Assert.Single(await FoundAsync(m, "Migrationsberatung"));

        // As a service saved before the directory kept listings and words.
        await m.WithDbAsync(async db => await db.Set<ServiceSearchWord>().Where(w => w.ServiceId == service).ExecuteDeleteAsync()
            + await db.Set<ServiceListing>().Where(l => l.ServiceId == service).ExecuteDeleteAsync());
        Assert.Empty(await FoundAsync(m, "Migrationsberatung"));
        using (var scope = app.Services.CreateScope())
        {
            await ServiceSearch.FillMissingListingsAsync(scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>());
        }
        Assert.Single(await FoundAsync(m, "Migrationsberatungen"));
    }
}

public sealed class ServiceSearchSqliteTests(SqliteApp app) : ServiceSearchTests(app), IClassFixture<SqliteApp>;

public sealed class ServiceSearchPostgresTests(PostgresApp app) : ServiceSearchTests(app), IClassFixture<PostgresApp>;
