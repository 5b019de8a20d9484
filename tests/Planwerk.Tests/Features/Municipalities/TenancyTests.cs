using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Plans;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Municipalities;

public abstract class TenancyTests(PlanwerkApp app)
{
    [Fact]
    public async Task Unknown_municipality_answers_404()
    {
        var response = await app.CreateClient().GetAsync("/no-such-town-" + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_context_scoped_to_one_municipality_never_reads_another_ones_plans()
    {
        var a = await app.CreateMunicipalityAsync();
        var b = await app.CreateMunicipalityAsync();
        await a.WithDbAsync(db => { db.Plans.Add(new Plan { Title = "Plan A", IsPublic = true }); return Task.FromResult(0); });
        await b.WithDbAsync(db => { db.Plans.Add(new Plan { Title = "Plan B", IsPublic = true }); return Task.FromResult(0); });

        var seenByA = await a.WithDbAsync(db => db.Plans.Select(p => p.Title).ToListAsync());
        Assert.Equal(["Plan A"], seenByA);
        var seenByNone = await app.InMunicipalityAsync(0, (db, _) => db.Plans.CountAsync());
        Assert.Equal(0, seenByNone);
    }

    [Fact]
    public async Task Saving_a_row_into_another_municipality_is_refused()
    {
        var a = await app.CreateMunicipalityAsync();
        var b = await app.CreateMunicipalityAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            a.WithDbAsync(db => { db.Plans.Add(new Plan { Title = "Sneaky", MunicipalityId = b.Id }); return Task.FromResult(0); }));
        Assert.Contains("Refusing to save", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await b.WithDbAsync(db => db.Plans.CountAsync()));
    }

    [Fact]
    public async Task Start_page_of_one_municipality_does_not_show_another_ones_plan()
    {
        var a = await app.CreateMunicipalityAsync();
        var b = await app.CreateMunicipalityAsync();
        await a.WithDbAsync(db => { db.Plans.Add(new Plan { Title = "Nur in A sichtbar", IsPublic = true }); return Task.FromResult(0); });

        var pageA = await app.CreateClient().GetStringAsync("/" + a.Slug);
        var pageB = await app.CreateClient().GetStringAsync("/" + b.Slug);
        Assert.Contains("Nur in A sichtbar", pageA, StringComparison.Ordinal);
        Assert.DoesNotContain("Nur in A sichtbar", pageB, StringComparison.Ordinal);
    }
}

public sealed class TenancySqliteTests(SqliteApp app) : TenancyTests(app), IClassFixture<SqliteApp>;

public sealed class TenancyPostgresTests(PostgresApp app) : TenancyTests(app), IClassFixture<PostgresApp>;
