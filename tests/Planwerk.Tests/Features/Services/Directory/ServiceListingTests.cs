using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Plans;
using Planwerk.Features.Services;
using Planwerk.Features.Services.Directory;
using Planwerk.Features.Services.Hsds;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Services.Directory;

/// <summary>The directory's listing rows and word index stay in step with the services they stand for: after an edit of a
/// service's name, status, costs, audience and ages; a translation's change; a topic's rename; a place's removal; a
/// service's deletion; and an import. "In step" means exactly what a fresh computation from the services gives, row by
/// row and word by word, and the directory finds what it should.</summary>
public abstract class ServiceListingTests(PlanwerkApp app)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    /// <summary>Every service of the municipality has the listing and the words its current rows give, and nothing else
    /// is stored (no listing or word of a service that is gone).</summary>
    private static Task<int> AssertInStepAsync(TestMunicipality m) => m.WithDbAsync(async db =>
    {
        var ids = await db.HelpServices.Select(s => s.Id).ToListAsync();
        var expected = await ServiceSearch.EntriesAsync(db, ids, everyMunicipality: false, default);
        var listings = await db.Set<ServiceListing>().AsNoTracking().ToListAsync();
        Assert.Equal(ids.Order(), listings.Select(l => l.ServiceId).Order());
        foreach (var l in listings)
        {
            var e = expected[l.ServiceId].Listing;
            Assert.Equal((e.MunicipalityId, e.IsListed, e.Name, e.IsFree, e.Audience, e.MinimumAge, e.MaximumAge),
                (l.MunicipalityId, l.IsListed, l.Name, l.IsFree, l.Audience, l.MinimumAge, l.MaximumAge));
        }
        var words = await db.Set<ServiceSearchWord>().AsNoTracking().Select(w => new { w.ServiceId, w.Word, w.MunicipalityId }).ToListAsync();
        Assert.All(words, w => Assert.Equal(m.Id, w.MunicipalityId));
        Assert.Equal(
            expected.SelectMany(e => e.Value.Words.Select(w => $"{e.Key} {w}")).Order(StringComparer.Ordinal),
            words.Select(w => $"{w.ServiceId} {w.Word}").Order(StringComparer.Ordinal));
        return 0;
    });

    private static Task<List<string>> FoundAsync(TestMunicipality m, DirectoryFilter filter) =>
        m.WithDbAsync(async db => (await ServiceDirectoryQuery.FindAsync(db, filter, Clock)).Entries.Select(e => e.Name).ToList());

    private static Task<int> AddAsync(TestMunicipality m, int organisation, string name) => m.WithDbAsync(async db =>
    {
        var service = new HelpService { OrganisationId = organisation, Name = name, Description = "Beratung " + HostileText.Script, LastCheckedOn = new DateOnly(2026, 1, 1) };
        db.HelpServices.Add(service);
        await db.SaveChangesAsync();
        return service.Id;
    });

    [Fact]
    public async Task An_edit_of_name_status_costs_audience_and_ages_moves_the_listing_with_it()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync();
        var a = await AddAsync(m, org, "Anlaufstelle");
        await AddAsync(m, org, "Beratungscafé");
        await AssertInStepAsync(m);
        Assert.Equal(["Anlaufstelle", "Beratungscafé"], await FoundAsync(m, new DirectoryFilter()));

        await m.WithDbAsync(async db =>
        {
            var s = await db.HelpServices.SingleAsync(x => x.Id == a);
            (s.Name, s.IsFree, s.Audience, s.MinimumAge, s.MaximumAge) = ("Zahnarztsprechstunde", true, ResidenceSituations.EuCitizens, 6, 12);
            return await db.SaveChangesAsync();
        });
        await AssertInStepAsync(m);
        Assert.Equal(["Beratungscafé", "Zahnarztsprechstunde"], await FoundAsync(m, new DirectoryFilter()));
        Assert.Equal(["Zahnarztsprechstunde"], await FoundAsync(m, new DirectoryFilter { Query = "Zahnarzt", FreeOnly = true, Age = 7, Situation = ResidenceSituations.EuCitizens }));
        Assert.Empty(await FoundAsync(m, new DirectoryFilter { Query = "Anlaufstelle" }));

        await m.WithDbAsync(async db =>
        {
            (await db.HelpServices.SingleAsync(x => x.Id == a)).Status = ServiceStatus.Inactive;
            return await db.SaveChangesAsync();
        });
        await AssertInStepAsync(m);
        Assert.Equal(["Beratungscafé"], await FoundAsync(m, new DirectoryFilter()));
        await m.WithDbAsync(async db =>
        {
            (await db.HelpServices.SingleAsync(x => x.Id == a)).Status = ServiceStatus.TemporarilyClosed;
            return await db.SaveChangesAsync();
        });
        await AssertInStepAsync(m);
        Assert.Equal(["Beratungscafé", "Zahnarztsprechstunde"], await FoundAsync(m, new DirectoryFilter { Query = "Beratungen" }));
    }

    [Fact]
    public async Task A_translation_a_topic_rename_a_removed_place_and_a_deleted_service_keep_the_words_in_step()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync();
        var service = await AddAsync(m, org, "Wohnberatung");
        var other = await AddAsync(m, org, "Sprachkurs");
        var (topic, location) = await m.WithDbAsync(async db =>
        {
            var t = new ServiceTopic { Code = "housing", Name = "Obdach" };
            var l = new ServiceLocation { OrganisationId = org, Name = "Rathaus" };
            db.AddRange(t, l);
            var s = await db.HelpServices.Include(x => x.Topics).SingleAsync(x => x.Id == service);
            s.Topics.Add(t);
            db.ServiceAtLocations.Add(new ServiceAtLocation { Service = s, Location = l });
            await db.SaveChangesAsync();
            return (t.Id, l.Id);
        });
        await AssertInStepAsync(m);

        await m.WithDbAsync(async db =>
        {
            await ServiceTexts.SetAsync(db, ContentKinds.Service, service, "ar", nameof(HelpService.Name), "استشارات السكن", "Wohnberatung", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        await AssertInStepAsync(m);
        Assert.Equal(["Wohnberatung"], await FoundAsync(m, new DirectoryFilter { Query = "السكن" }));

        await m.WithDbAsync(async db =>
        {
            (await db.ServiceTopics.SingleAsync(t => t.Id == topic)).Name = "Unterkunft";
            return await db.SaveChangesAsync();
        });
        await AssertInStepAsync(m);
        Assert.Equal(["Wohnberatung"], await FoundAsync(m, new DirectoryFilter { Query = "Unterkunft" }));
        Assert.Empty(await FoundAsync(m, new DirectoryFilter { Query = "Obdach" }));

        await m.WithDbAsync(async db =>
        {
            db.ServiceLocations.Remove(await db.ServiceLocations.SingleAsync(l => l.Id == location));
            return await db.SaveChangesAsync();
        });
        await AssertInStepAsync(m);
        Assert.Empty(await FoundAsync(m, new DirectoryFilter { Query = "Rathaus" }));

        await m.WithDbAsync(async db =>
        {
            db.HelpServices.Remove(await db.HelpServices.SingleAsync(s => s.Id == service));
            return await db.SaveChangesAsync();
        });
        await AssertInStepAsync(m);
        Assert.Equal(0, await m.WithDbAsync(db => db.Set<ServiceSearchWord>().CountAsync(w => w.ServiceId == service)));
        Assert.Equal(["Sprachkurs"], await FoundAsync(m, new DirectoryFilter { Query = "Beratung" }));
        Assert.Equal(other, (await m.WithDbAsync(db => db.Set<ServiceListing>().SingleAsync())).ServiceId);
    }

    [Fact]
    public async Task An_import_into_another_municipality_writes_listings_and_words_for_every_service()
    {
        var source = await app.CreateMunicipalityAsync();
        var org = await source.AddStakeholderAsync("Träger " + HostileText.Markup);
        var a = await AddAsync(source, org, "Migrationsberatung");
        await AddAsync(source, org, "Sprachcafé " + HostileText.RightToLeft);
        await source.WithDbAsync(async db =>
        {
            await ServiceTexts.SetAsync(db, ContentKinds.Service, a, "uk", nameof(HelpService.Name), "Консультації для мігрантів", "Migrationsberatung", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var file = await source.WithDbAsync(db => HsdsExport.JsonAsync(db, "https://example.org/profile", default));

        var target = await app.CreateMunicipalityAsync();
        var result = await target.WithDbAsync(db => HsdsImport.ImportAsync(db, "verzeichnis.json", file, DateTimeOffset.UtcNow, default));
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        await AssertInStepAsync(target);
        Assert.Equal(2, await target.WithDbAsync(db => db.Set<ServiceListing>().CountAsync()));
        Assert.Equal(["Migrationsberatung"], await FoundAsync(target, new DirectoryFilter { Query = "мігрантів" }));
        // The source keeps its own rows, untouched by the import.
        await AssertInStepAsync(source);
    }
}

public sealed class ServiceListingSqliteTests(SqliteApp app) : ServiceListingTests(app), IClassFixture<SqliteApp>;

public sealed class ServiceListingPostgresTests(PostgresApp app) : ServiceListingTests(app), IClassFixture<PostgresApp>;
