using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Council.OParl;

/// <summary>Output caching for the OParl lists and objects of one municipality: the public page rules
/// (<see cref="PublicPageCache"/>: anonymous GETs, varied by query, 200 answers without cookies only), but
/// varied by host instead of interface language (ids are absolute URLs; the JSON has no language), and tagged
/// like the municipality's public pages so that the same eviction after a council edit clears them too.</summary>
public sealed class OParlCache : IOutputCachePolicy
{
    public static readonly OParlCache Instance = new();

    private readonly IOutputCachePolicy inner = new PublicPageCache(OParlListQuery.Keys);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        await inner.CacheRequestAsync(context, cancellationToken);
        context.CacheVaryByRules.VaryByValues.Remove("culture");
        context.CacheVaryByRules.VaryByHost = true;
        if (context.HttpContext.GetRouteValue(OParlApi.BodyRouteKey) is string slug)
            context.Tags.Add(PublicPageCache.Tag(slug.ToLowerInvariant()));
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        inner.ServeFromCacheAsync(context, cancellationToken);

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        inner.ServeResponseAsync(context, cancellationToken);
}
