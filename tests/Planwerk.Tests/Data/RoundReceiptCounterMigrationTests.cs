using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Features.Municipalities;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Versions;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Data;

/// <summary>The migration that gives each round its receipt counter, run on a database whose rounds already hold
/// statements: each counter starts at the highest number its round has given, so the next statement takes the
/// number after it and never one already given.</summary>
public abstract class RoundReceiptCounterMigrationTests
{
    protected abstract Task<PlanwerkDbContext> CreateDatabaseAsync();

    [Fact]
    public async Task Each_round_counts_on_from_the_highest_receipt_number_it_has_given()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Database.MigrateAsync();
        var municipality = new Municipality { Slug = "receipts", Name = "Eingangsstadt", CreatedAt = DateTimeOffset.UtcNow };
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        db.CurrentMunicipalityId = municipality.Id;
        var user = new PlanwerkUser { UserName = "writer@example.org", Email = "writer@example.org", DisplayName = HostileText.RightToLeft };
        db.Users.Add(user);
        var plan = new Plan { MunicipalityId = municipality.Id, Title = "Integrationsplan" };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        var version = new PlanVersion { MunicipalityId = municipality.Id, PlanId = plan.Id, Name = "Entwurf", Document = "{}", CreatedAt = DateTimeOffset.UtcNow };
        db.PlanVersions.Add(version);
        await db.SaveChangesAsync();
        var rounds = Enumerable.Range(1, 3).Select(i => new ConsultationRound
        {
            MunicipalityId = municipality.Id, PlanId = plan.Id, PlanVersionId = version.Id, Title = "Runde " + i,
            OpensAt = DateTimeOffset.UtcNow.AddDays(-1), ClosesAt = DateTimeOffset.UtcNow.AddDays(1), CreatedAt = DateTimeOffset.UtcNow,
        }).ToList();
        db.ConsultationRounds.AddRange(rounds);
        await db.SaveChangesAsync();
        var (first, empty, third) = (rounds[0].Id, rounds[1].Id, rounds[2].Id);
        // The first round has a gap (0007 after 0002) and a number in another form; the third's numbers pass 9999.
        foreach (var (round, number) in new[]
        {
            (first, ReceiptNumbers.Prefix(first) + "0001"), (first, ReceiptNumbers.Prefix(first) + "0007"), (first, ReceiptNumbers.Prefix(first) + "0002"),
            (first, "B1-0042"), (third, ReceiptNumbers.Prefix(third) + "9999"), (third, ReceiptNumbers.Prefix(third) + "10000"),
        })
        {
            db.Statements.Add(new Statement { MunicipalityId = municipality.Id, RoundId = round, ReceiptNumber = number, Text = HostileText.Script, AuthorUserId = user.Id, SubmittedAt = DateTimeOffset.UtcNow });
        }
        await db.SaveChangesAsync();

        // Back to the schema before the counter, with the statements in it, and forward again.
        var migrations = db.Database.GetMigrations().ToList();
        var ours = migrations.FindIndex(m => m.EndsWith("_RoundReceiptCounter", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[ours - 1]);
        await migrator.MigrateAsync();
        db.ChangeTracker.Clear();

        var counters = await db.ConsultationRounds.AsNoTracking().OrderBy(r => r.Id).Select(r => r.ReceiptsGiven).ToListAsync();
        Assert.Equal([7, 0, 10000], counters);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(ReceiptNumbers.Prefix(first) + "0008", await ReceiptNumbers.NextAsync(db, first, default));
            Assert.Equal(ReceiptNumbers.Prefix(empty) + "0001", await ReceiptNumbers.NextAsync(db, empty, default));
            Assert.Equal(ReceiptNumbers.Prefix(third) + "10001", await ReceiptNumbers.NextAsync(db, third, default));
            await transaction.RollbackAsync();
        }
        // A number counted in a transaction that did not commit is given again.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(ReceiptNumbers.Prefix(first) + "0008", await ReceiptNumbers.NextAsync(db, first, default));
            await transaction.CommitAsync();
        }
        await Assert.ThrowsAsync<InvalidOperationException>(() => ReceiptNumbers.NextAsync(db, first, default));
    }
}

public sealed class RoundReceiptCounterMigrationSqliteTests : RoundReceiptCounterMigrationTests, IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "planwerk-migration-" + Guid.NewGuid().ToString("N")[..8] + ".db");

    protected override Task<PlanwerkDbContext> CreateDatabaseAsync() =>
        Task.FromResult<PlanwerkDbContext>(new SqlitePlanwerkDbContext(new DbContextOptionsBuilder<SqlitePlanwerkDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options));

    public void Dispose() => File.Delete(file);
}

public sealed class RoundReceiptCounterMigrationPostgresTests : RoundReceiptCounterMigrationTests
{
    protected override async Task<PlanwerkDbContext> CreateDatabaseAsync() =>
        new PostgresPlanwerkDbContext(new DbContextOptionsBuilder<PostgresPlanwerkDbContext>().UseNpgsql(await PostgresServer.CreateDatabaseAsync()).Options);
}
