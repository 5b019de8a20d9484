using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Planwerk.Data;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Data;

/// <summary>The migration that adds the help-service inventory gives every organisation already in a registry an
/// open-data id of its own (a random UUID), so its services can be published in HSDS.</summary>
public abstract class HelpServicesMigrationTests
{
    protected abstract Task<PlanwerkDbContext> CreateDatabaseAsync();

    [Fact]
    public async Task Organisations_already_in_a_registry_get_distinct_random_uuids()
    {
        await using var db = await CreateDatabaseAsync();
        var migrations = db.Database.GetMigrations().ToList();
        var ours = migrations.FindIndex(m => m.EndsWith("_HelpServices", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[ours - 1]);

        var a = await OldSchema.AddMunicipalityAsync(db, "uid-a", "Stadt A");
        var b = await OldSchema.AddMunicipalityAsync(db, "uid-b", "Stadt B");
        foreach (var name in new[] { "Sozialamt", "Caritas", HostileText.RightToLeft })
            await OldSchema.AddStakeholderAsync(db, a.Id, name, StakeholderKind.Other);
        await OldSchema.AddStakeholderAsync(db, b.Id, "Sozialamt", StakeholderKind.PublicAuthority);

        await migrator.MigrateAsync();

        var uids = new List<Guid>();
        foreach (var municipality in new[] { a, b })
        {
            db.CurrentMunicipalityId = municipality.Id;
            uids.AddRange(await db.Stakeholders.AsNoTracking().Select(s => s.Uid).ToListAsync());
        }
        Assert.Equal(4, uids.Count);
        Assert.Equal(4, uids.Distinct().Count());
        Assert.DoesNotContain(Guid.Empty, uids);
        // Version 4 (random), as a new organisation's Guid.NewGuid() is.
        Assert.All(uids, u => Assert.Equal(4, u.Version));
    }
}

public sealed class HelpServicesMigrationSqliteTests : HelpServicesMigrationTests, IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "planwerk-migration-" + Guid.NewGuid().ToString("N")[..8] + ".db");

    protected override Task<PlanwerkDbContext> CreateDatabaseAsync() =>
        Task.FromResult<PlanwerkDbContext>(new SqlitePlanwerkDbContext(new DbContextOptionsBuilder<SqlitePlanwerkDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options));

    public void Dispose() => File.Delete(file);
}

public sealed class HelpServicesMigrationPostgresTests : HelpServicesMigrationTests
{
    protected override async Task<PlanwerkDbContext> CreateDatabaseAsync() =>
        new PostgresPlanwerkDbContext(new DbContextOptionsBuilder<PostgresPlanwerkDbContext>().UseNpgsql(await PostgresServer.CreateDatabaseAsync()).Options);
}
