using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Services;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Data;

/// <summary>SQLite gets the query planner's statistics at start-up, so that a one-municipality installation's directory
/// search uses the narrow indexes, not the tenancy filter's (which select every row).</summary>
public sealed class PlannerStatisticsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Start_up_gathers_SQLite_planner_statistics_of_the_services_tables()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Beratungsstelle");
        await m.WithDbAsync(async db =>
        {
            db.HelpServices.AddRange(Enumerable.Range(1, 30).Select(i => new HelpService { OrganisationId = organisation, Name = "Angebot " + i }));
            await db.SaveChangesAsync();
            return 0;
        });

        await app.Services.InitializeDatabaseAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        var rows = await db.Database.SqlQueryRaw<string>("SELECT stat AS \"Value\" FROM sqlite_stat1 WHERE tbl = 'HelpServices'").ToListAsync();
        Assert.NotEmpty(rows);
        // The first number of each index's statistics is the table's row count at the time of ANALYZE.
        Assert.All(rows, stat => Assert.True(int.Parse(stat.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) >= 30, stat));
    }
}
