using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Planwerk.Features.Plans;
using Planwerk.Features.Services;
using Planwerk.Features.Services.Directory;
using Planwerk.Infrastructure.Time;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Services.Directory;

/// <summary>The directory's filters, combined with AND: topic with its sub-topics, district, language offered, residence
/// situation and age, free, accessible place, open now by Berlin time (late hours past midnight, holidays and closures),
/// listed statuses; the count and the pages.</summary>
public abstract class ServiceDirectoryQueryTests(PlanwerkApp app)
{
    private sealed record Setup(TestMunicipality M, int Topic, int SubTopic, int District, int Late, int Day);

    private async Task<Setup> ArrangeAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync("Träger " + HostileText.Script);
        return await m.WithDbAsync(async db =>
        {
            var parent = new ServiceTopic { Code = "health", Name = "Gesundheit" };
            var child = new ServiceTopic { Code = "doctors", Name = "Ärzte", Parent = parent };
            var district = new District { Name = "Prohlis" };
            var step = new ServiceLocation { OrganisationId = org, Name = "Haus A", District = district, IsWheelchairAccessible = true };
            var other = new ServiceLocation { OrganisationId = org, Name = "Haus B" };
            db.AddRange(parent, child, district, step, other);
            HelpService Service(string name, ServiceStatus status = ServiceStatus.Active) =>
                new() { OrganisationId = org, Name = name, Status = status, LastCheckedOn = new DateOnly(2026, 1, 1) };
            var late = Service("Nachtcafé");
            late.Topics.Add(child);
            late.Languages.AddRange([new ServiceLanguage { Code = "ar" }, new ServiceLanguage { Code = "de" }]);
            late.Audience = ResidenceSituations.AsylumSeekers;
            late.MinimumAge = 18;
            late.IsFree = true;
            late.Locations.Add(new ServiceAtLocation { Location = step });
            // Friday 22:00 to Saturday 02:00.
            late.Schedules.Add(new ServiceSchedule { Weekday = DayOfWeek.Friday, Opens = new TimeOnly(22, 0), Closes = new TimeOnly(2, 0) });
            var day = Service("Tagesberatung");
            day.Topics.Add(parent);
            day.Languages.Add(new ServiceLanguage { Code = "uk" });
            day.Audience = ResidenceSituations.Everybody;
            day.MaximumAge = 17;
            day.Locations.Add(new ServiceAtLocation { Location = other });
            day.Schedules.Add(new ServiceSchedule { Weekday = DayOfWeek.Monday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(16, 0), ValidFrom = new DateOnly(2026, 1, 1) });
            // Closed on Whit Monday.
            day.SpecialHours.Add(new SpecialHours { From = new DateOnly(2026, 5, 25), To = new DateOnly(2026, 5, 25), Note = "Pfingstmontag" });
            // Open on a Saturday once.
            day.SpecialHours.Add(new SpecialHours { From = new DateOnly(2026, 5, 30), To = new DateOnly(2026, 5, 30), Opens = new TimeOnly(10, 0), Closes = new TimeOnly(12, 0) });
            var closed = Service("Sprachkurs (Pause)", ServiceStatus.TemporarilyClosed);
            db.HelpServices.AddRange(late, day, closed, Service("Altes Angebot", ServiceStatus.Defunct), Service("Ruhendes Angebot", ServiceStatus.Inactive));
            await db.SaveChangesAsync();
            return new Setup(m, parent.Id, child.Id, district.Id, late.Id, day.Id);
        });
    }

    private static Task<List<string>> NamesAsync(TestMunicipality m, DirectoryFilter filter, DateTime? berlin = null)
    {
        var clock = new FakeTimeProvider(berlin is { } local ? BerlinTime.FromLocal(local)!.Value : DateTimeOffset.UtcNow);
        return m.WithDbAsync(async db => (await ServiceDirectoryQuery.FindAsync(db, filter, clock)).Entries.Select(e => e.Name).ToList());
    }

    [Fact]
    public async Task Filters_combine_with_and_and_only_listed_statuses_show()
    {
        var s = await ArrangeAsync();
        var m = s.M;
        Assert.Equal(["Nachtcafé", "Sprachkurs (Pause)", "Tagesberatung"], await NamesAsync(m, new DirectoryFilter()));
        Assert.Equal(["Nachtcafé", "Tagesberatung"], await NamesAsync(m, new DirectoryFilter { TopicId = s.Topic }));
        Assert.Equal(["Nachtcafé"], await NamesAsync(m, new DirectoryFilter { TopicId = s.SubTopic }));
        Assert.Equal(["Nachtcafé"], await NamesAsync(m, new DirectoryFilter { DistrictId = s.District }));
        Assert.Equal(["Nachtcafé"], await NamesAsync(m, new DirectoryFilter { Language = "ar" }));
        Assert.Equal(["Tagesberatung"], await NamesAsync(m, new DirectoryFilter { Language = "uk", TopicId = s.Topic }));
        Assert.Empty(await NamesAsync(m, new DirectoryFilter { Language = "ar", DistrictId = s.District, FreeOnly = true, Age = 17 }));
        Assert.Equal(["Nachtcafé"], await NamesAsync(m, new DirectoryFilter { Language = "ar", DistrictId = s.District, FreeOnly = true, Age = 30, AccessibleOnly = true }));
        Assert.Equal(["Sprachkurs (Pause)", "Tagesberatung"], await NamesAsync(m, new DirectoryFilter { Situation = ResidenceSituations.TemporaryProtection }));
        Assert.Equal(["Nachtcafé", "Sprachkurs (Pause)", "Tagesberatung"], await NamesAsync(m, new DirectoryFilter { Situation = ResidenceSituations.AsylumSeekers }));
        Assert.Equal(["Sprachkurs (Pause)", "Tagesberatung"], await NamesAsync(m, new DirectoryFilter { Age = 12 }));
        Assert.Equal(["Nachtcafé"], await NamesAsync(m, new DirectoryFilter { Query = "Träger Nachtcafe" }));
        Assert.Empty(await NamesAsync(m, new DirectoryFilter { Language = "<script>" }));
        // Another municipality sees none of them.
        var other = await app.CreateMunicipalityAsync();
        Assert.Empty(await NamesAsync(other, new DirectoryFilter()));
    }

    [Fact]
    public async Task Open_now_follows_Berlin_time_past_midnight_and_on_holidays()
    {
        var s = await ArrangeAsync();
        var open = new DirectoryFilter { OpenNow = true };
        // Friday 29 May 2026, 23:30 and Saturday 01:59: the late hours; Saturday 02:00: closed.
        Assert.Equal(["Nachtcafé"], await NamesAsync(s.M, open, new DateTime(2026, 5, 29, 23, 30, 0)));
        Assert.Equal(["Nachtcafé"], await NamesAsync(s.M, open, new DateTime(2026, 5, 30, 1, 59, 0)));
        Assert.Empty(await NamesAsync(s.M, open, new DateTime(2026, 5, 30, 2, 0, 0)));
        Assert.Empty(await NamesAsync(s.M, open, new DateTime(2026, 5, 29, 21, 59, 0)));
        // Saturday 30 May, 11:00: special opening hours.
        Assert.Equal(["Tagesberatung"], await NamesAsync(s.M, open, new DateTime(2026, 5, 30, 11, 0, 0)));
        // A normal Monday is open; Whit Monday is closed.
        Assert.Equal(["Tagesberatung"], await NamesAsync(s.M, open, new DateTime(2026, 6, 1, 10, 0, 0)));
        Assert.Empty(await NamesAsync(s.M, open, new DateTime(2026, 5, 25, 10, 0, 0)));
        // Before the hours became valid.
        Assert.Empty(await NamesAsync(s.M, open, new DateTime(2025, 12, 29, 10, 0, 0)));
        // The same in .NET for the service page.
        var hours = await s.M.WithDbAsync(db => db.HelpServices.AsNoTracking().Include(x => x.Schedules).Include(x => x.SpecialHours).SingleAsync(x => x.Id == s.Day));
        Assert.True(OpeningHours.IsOpen(hours.Schedules, hours.SpecialHours, new DateTime(2026, 6, 1, 10, 0, 0)));
        Assert.False(OpeningHours.IsOpen(hours.Schedules, hours.SpecialHours, new DateTime(2026, 5, 25, 10, 0, 0)));
    }

    [Fact]
    public async Task Results_are_counted_and_paged_by_name()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync();
        await m.WithDbAsync(async db =>
        {
            for (var i = 0; i < 45; i++)
            {
                db.HelpServices.Add(new HelpService { OrganisationId = org, Name = $"Angebot {i:00}", LastCheckedOn = new DateOnly(2026, 1, 1) });
            }
            await db.SaveChangesAsync();
            return 0;
        });
        var clock = new FakeTimeProvider();
        var third = await m.WithDbAsync(db => ServiceDirectoryQuery.FindAsync(db, new DirectoryFilter { Page = 3 }, clock));
        Assert.Equal(45, third.Total);
        Assert.Equal(3, third.PageCount);
        Assert.Equal(["Angebot 40", "Angebot 41", "Angebot 42", "Angebot 43", "Angebot 44"], third.Entries.Select(e => e.Name));
        var beyond = await m.WithDbAsync(db => ServiceDirectoryQuery.FindAsync(db, new DirectoryFilter { Page = 99 }, clock));
        Assert.Equal(3, beyond.Page);
    }
}

public sealed class ServiceDirectoryQuerySqliteTests(SqliteApp app) : ServiceDirectoryQueryTests(app), IClassFixture<SqliteApp>;

public sealed class ServiceDirectoryQueryPostgresTests(PostgresApp app) : ServiceDirectoryQueryTests(app), IClassFixture<PostgresApp>;
