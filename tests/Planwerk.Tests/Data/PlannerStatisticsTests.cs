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

    [Fact]
    public async Task Statistics_count_every_row_so_a_lookup_by_many_service_ids_uses_the_service_index()
    {
        // One municipality with more rows than a sample would read: 60 services in 40 languages each.
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Sprachschule");
        var ids = await m.WithDbAsync(async db =>
        {
            var services = Enumerable.Range(1, 60).Select(i => new HelpService
            {
                OrganisationId = organisation, Name = "Kurs " + i,
                Languages = Enumerable.Range(1, 40).Select(l => new ServiceLanguage { Code = "x" + l.ToString("00", System.Globalization.CultureInfo.InvariantCulture) }).ToList(),
            }).ToList();
            db.HelpServices.AddRange(services);
            await db.SaveChangesAsync();
            return services.Select(s => s.Id).ToList();
        });

        await app.Services.InitializeDatabaseAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        var stat = await db.Database.SqlQueryRaw<string>(
            "SELECT stat AS \"Value\" FROM sqlite_stat1 WHERE idx = 'IX_ServiceLanguages_MunicipalityId_Code'").SingleAsync();
        var rowsPerMunicipality = int.Parse(stat.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(rowsPerMunicipality >= 2400 / 2, $"rows per municipality estimated from a sample: {stat}");

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = $"EXPLAIN QUERY PLAN SELECT \"ServiceId\", \"Code\" FROM \"ServiceLanguages\" WHERE \"MunicipalityId\" = {m.Id} AND \"ServiceId\" IN ({string.Join(",", ids.Take(10))})";
        var details = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) details.Add(reader.GetString(reader.GetOrdinal("detail")));
        }
        var plan = string.Join("\n", details);
        Assert.Contains("IX_ServiceLanguages_ServiceId", plan);
    }
}
