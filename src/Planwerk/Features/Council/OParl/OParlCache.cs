using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Council.OParl;

/// <summary>Output caching for the OParl lists and objects of one municipality: anonymous GETs only,
/// varied by host (ids are absolute URLs) and query, tagged like the municipality's public pages
/// (<see cref="PublicPageCache.Tag"/>) so that the same eviction after a council edit clears them too.
/// Only 200 answers are kept.</summary>
public sealed class OParlCache : IOutputCachePolicy
{
    public static readonly OParlCache Instance = new();

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var attempt = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        attempt &= http.Request.Headers.Authorization.Count == 0;
        attempt &= http.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByHost = true;
        if (http.GetRouteValue(OParlApi.BodyRouteKey) is string slug)
            context.Tags.Add(PublicPageCache.Tag(slug.ToLowerInvariant()));
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(response.Headers.SetCookie))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
