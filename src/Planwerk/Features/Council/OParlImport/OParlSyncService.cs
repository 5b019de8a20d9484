using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Planwerk.Data;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Council.OParlImport;

/// <summary>Brings every followed paper up to date, in every municipality, one paper at a time (each in its own
/// transaction: one failing source does not stop the others; its message is kept on the paper).</summary>
public sealed class OParlSync(PlanwerkDbContext db, OParlImporter importer, IOutputCacheStore cache, ILogger<OParlSync> logger)
{
    public async Task<int> SyncAllAsync(CancellationToken ct)
    {
        var followed = await db.FollowedPapers.IgnoreQueryFilters().AsNoTracking().Where(f => !f.DeletedAtSource)
            .Select(f => new { f.Id, f.MunicipalityId, Slug = db.Municipalities.Where(m => m.Id == f.MunicipalityId).Select(m => m.Slug).First() })
            .ToListAsync(ct);
        var synced = 0;
        foreach (var f in followed)
        {
            db.ChangeTracker.Clear();
            db.CurrentMunicipalityId = f.MunicipalityId;
            try
            {
                var paper = await db.FollowedPapers.SingleAsync(x => x.Id == f.Id, ct);
                await importer.SyncAsync(paper, ct);
                synced++;
            }
            catch (OParlSourceException e)
            {
                logger.LogWarning("OParl sync of followed paper {Id} failed: {Reason}", f.Id, e.Message);
            }
            finally
            {
                db.CurrentMunicipalityId = null;
            }
            await PublicPageCache.EvictMunicipalityAsync(cache, f.Slug, ct);
        }
        return synced;
    }
}

/// <summary>Runs <see cref="OParlSync"/> every <see cref="OParlImportOptions.SyncIntervalMinutes"/> minutes (on the
/// application's clock), like the reminder jobs; off in tests unless switched on, as those call it themselves.</summary>
public sealed class OParlSyncService(IServiceScopeFactory scopes, Infrastructure.Instances.JobLocks locks, TimeProvider clock, IOptions<OParlImportOptions> options,
    IHostEnvironment environment, ILogger<OParlSyncService> logger) : Infrastructure.Instances.RecurringJob(scopes, locks, clock, logger)
{
    public const string Job = "oparl-sync";

    protected override string Name => Job;

    protected override TimeSpan? Interval =>
        (options.Value.SyncEnabled ?? !environment.IsEnvironment("Testing")) && options.Value.SyncIntervalMinutes > 0
            ? TimeSpan.FromMinutes(options.Value.SyncIntervalMinutes)
            : null;

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<OParlSync>().SyncAllAsync(ct);
}
