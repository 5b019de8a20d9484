using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Planwerk.Features.Demo;

namespace Planwerk.Data;

/// <summary>Brings the database up to date before the host starts anything else, so no request
/// ever meets an unmigrated database (in production and in the test host alike).</summary>
public sealed class DatabaseInitializer(IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => services.InitializeDatabaseAsync();
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class DatabaseInitialization
{
    /// <summary>On SQLite, gathers the query planner's statistics (<c>ANALYZE</c>) over every row. Without them SQLite takes
    /// every index for selective, and the tenancy filter's indexes (which begin with <c>MunicipalityId</c> and so select
    /// every row of a one-municipality installation) win over the narrow ones: a directory search over 10,000 services
    /// then walks whole tables. Sampled statistics (<c>analysis_limit</c>) are not enough: with one municipality the sample
    /// sees one value and puts the rows per municipality at the sample's size, so a lookup of a few hundred services by id
    /// (the pathway finder's) walks all of the municipality's rows again. About 0.3 s for 10,000 services with their
    /// search words; run at start-up and after a large import; PostgreSQL keeps its statistics itself.</summary>
    public static async Task RefreshPlannerStatisticsAsync(this PlanwerkDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite()) return;
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 0; ANALYZE;", ct);
    }

    /// <summary>On SQLite, puts the database file in write-ahead-log mode, where readers never wait for the writer and a
    /// commit appends to the log instead of rewriting pages. The mode is kept in the file; EF Core sets it on files it
    /// creates, and this sets it on any other (one made by an older version, restored from a backup, copied in by hand).</summary>
    public static async Task UseWriteAheadLogAsync(this PlanwerkDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite()) return;
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(ct);
        if (mode.SingleOrDefault() is "wal" or "memory") return;
        var set = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode = WAL").ToListAsync(ct);
        if (set.SingleOrDefault() != "wal")
            throw new InvalidOperationException($"The SQLite database could not be put in write-ahead-log mode (it reports '{set.SingleOrDefault()}').");
    }

    /// <summary>Applies the provider's migrations and, in demo mode on an empty database, adds the demo content.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider root)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PlanwerkDbContext>();
        await db.Database.MigrateAsync();
        await db.UseWriteAheadLogAsync();
        await Features.Plans.MeasureSearch.FillMissingSearchTextAsync(db);
        await Features.Plans.Versions.VersionParts.FillMissingAsync(db);
        await Features.Services.Directory.ServiceSearch.FillMissingListingsAsync(db);
        await db.RefreshPlannerStatisticsAsync();

        var demo = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var environment = services.GetRequiredService<IHostEnvironment>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Planwerk.Demo");
        if (!demo.Enabled) return;
        if (!environment.IsDevelopment())
        {
            // Only a developer's machine gets invented content and a known password; never a production or staging installation.
            logger.LogWarning("Demo:Enabled is set but the environment is {Environment}, not Development; no demo content is added.", environment.EnvironmentName);
            return;
        }
        if (await db.Municipalities.AnyAsync()) return;
        await DemoContent.SeedAsync(services);
        logger.LogInformation("Demo content added. Sign in as {Email}.", DemoContent.DemoEmail);
    }
}
