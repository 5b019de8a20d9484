using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>Output caching for the public round pages: the public page rules (<see cref="PublicPageCache"/>),
/// and additionally varied by where the municipality's rounds stand now (how many have opened, closed, had
/// their weighing published). A round's state changes by the clock, with no edit to evict the cache; with
/// this, the first request after an opening or a closing misses the cache and renders the new state,
/// whatever the expiry. It costs one small query per request, far less than rendering the page.</summary>
public sealed class RoundPageCache : IOutputCachePolicy
{
    public const string PolicyName = "ConsultationRoundPage";

    private readonly IOutputCachePolicy inner = new PublicPageCache();

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        await inner.CacheRequestAsync(context, cancellationToken);
        if (!context.AllowCacheLookup && !context.AllowCacheStorage) return;
        var http = context.HttpContext;
        // Runs before the municipality is looked up: the slug comes from the route.
        if (http.GetRouteValue(Infrastructure.Tenancy.Tenancy.RouteKey) is not string slug) return;
        var lower = slug.ToLowerInvariant();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var db = http.RequestServices.GetRequiredService<PlanwerkDbContext>();
        var rounds = db.ConsultationRounds.IgnoreQueryFilters()
            .Where(r => db.Municipalities.Any(m => m.Id == r.MunicipalityId && m.Slug == lower));
        var stand = await rounds.GroupBy(r => 1).Select(g => new
        {
            Opened = g.Count(r => r.OpensAt <= now),
            Closed = g.Count(r => r.ClosesAt <= now),
            Published = g.Count(r => r.WeighingPublishedAt != null),
        }).FirstOrDefaultAsync(cancellationToken);
        context.CacheVaryByRules.VaryByValues["rounds"] = stand is null ? "none" : FormattableString.Invariant($"{stand.Opened}-{stand.Closed}-{stand.Published}");
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        inner.ServeFromCacheAsync(context, cancellationToken);

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        inner.ServeResponseAsync(context, cancellationToken);
}
