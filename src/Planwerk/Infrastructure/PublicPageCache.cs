using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Infrastructure;

/// <summary>Output caching for public pages: anonymous GETs only (the framework's default rules),
/// varied by interface language and by the query keys the page reads — nothing else — and tagged with
/// the municipality so that any edit there evicts its pages at once (<see cref="EvictMunicipalityAsync"/>).
/// A page names the keys it reads (<c>[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = [...])]</c>,
/// or <see cref="VaryingBy"/> for an endpoint); any other key in an address is answered from the same cached copy,
/// so made-up query strings neither render a page nor fill the cache. <see cref="QueryKeyCheck"/> proves in the tests
/// that no cached page reads a key it does not name.</summary>
public sealed class PublicPageCache(params string[] queryKeys) : IOutputCachePolicy
{
    public const string PolicyName = "PublicPage";

    /// <summary>The query key by which a page's handler is chosen. No cached page has a named GET handler, so a request
    /// naming one is never answered from or stored in the cache: its answer (a page run without its handler) must not
    /// become everyone's copy.</summary>
    public const string HandlerKey = "handler";

    /// <summary>The query keys this policy varies by (the page's own <c>VaryByQueryKeys</c> may replace them).</summary>
    public IReadOnlyList<string> QueryKeys => queryKeys;

    /// <summary>The public page rules for an endpoint that reads these query keys.</summary>
    public static PublicPageCache VaryingBy(params string[] queryKeys) => new(queryKeys);

    public static string Tag(string municipalitySlug) => "municipality:" + municipalitySlug;

    public static Task EvictMunicipalityAsync(IOutputCacheStore store, string municipalitySlug, CancellationToken cancellationToken = default) =>
        store.EvictByTagAsync(Tag(municipalitySlug), cancellationToken).AsTask();

    /// <summary>Pages without a municipality in their address (the start page, the API's and OParl's
    /// lists of municipalities) list the municipalities, so they carry this tag.</summary>
    public const string InstallationTag = "installation";

    /// <summary>After a municipality is created or renamed: the installation's lists and its own pages.</summary>
    public static async Task EvictInstallationAsync(IOutputCacheStore store, string municipalitySlug, CancellationToken cancellationToken = default)
    {
        await store.EvictByTagAsync(InstallationTag, cancellationToken);
        await EvictMunicipalityAsync(store, municipalitySlug, cancellationToken);
    }

    /// <summary>The request's query as a page may repeat it in its links (sign-in, language switch, next page): on a
    /// page the cache may store, only the keys the cache varies by, so a stored copy never carries another visitor's
    /// made-up keys to everyone after; elsewhere the whole query.</summary>
    public static IEnumerable<KeyValuePair<string, StringValues>> KeptQuery(HttpContext http)
    {
        var rules = http.Features.Get<IOutputCacheFeature>()?.Context;
        var query = http.Request.Query;
        if (rules is null || !(rules.AllowCacheLookup || rules.AllowCacheStorage)) return query;
        var keys = rules.CacheVaryByRules.QueryKeys;
        if (keys.Count == 1 && keys[0] == "*") return query;
        return query.Where(q => keys.Any(k => string.Equals(k, q.Key, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The path and <see cref="KeptQuery"/>, for a return address.</summary>
    public static string KeptPathAndQuery(HttpContext http) =>
        http.Request.Path + QueryString.Create(KeptQuery(http).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))).ToUriComponent();

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var attempt = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        attempt &= http.Request.Headers.Authorization.Count == 0;
        attempt &= http.User.Identity?.IsAuthenticated != true;
        attempt &= !http.Request.Query.ContainsKey(HandlerKey);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        context.CacheVaryByRules.QueryKeys = queryKeys;
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        // Runs before the municipality is looked up, so the tag comes from the route itself.
        if (http.GetRouteValue(Tenancy.Tenancy.RouteKey) is string slug)
            context.Tags.Add(Tag(slug.ToLowerInvariant()));
        else
            context.Tags.Add(InstallationTag);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        // A response that sets a cookie (sign-in, antiforgery) is personal and never stored.
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
