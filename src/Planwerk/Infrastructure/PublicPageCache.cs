using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Infrastructure;

/// <summary>Output caching for public pages: anonymous GETs only (the framework's default rules),
/// varied by interface language and query, tagged with the municipality so that any edit there
/// evicts its pages at once (<see cref="EvictMunicipalityAsync"/>).</summary>
public sealed class PublicPageCache : IOutputCachePolicy
{
    public const string PolicyName = "PublicPage";

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
        if (response.StatusCode != StatusCodes.Status200OK || !Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(response.Headers.SetCookie))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
