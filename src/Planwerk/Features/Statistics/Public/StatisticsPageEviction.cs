using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Statistics.PublicPages;

/// <summary>Any saved change to a dataset, its categories or figures evicts the municipality's cached public pages (the
/// statistics pages, downloads, catalogue and API, and the plan pages that show a dataset's chart), whatever saved it
/// within a request of the municipality. <see cref="EvictAsync"/> does the same for work outside such a request.</summary>
public sealed class StatisticsPageEviction(IHttpContextAccessor accessor, IOutputCacheStore cache) : PublicPageEviction(accessor, cache)
{
    protected override bool Shows(Type entity) =>
        entity == typeof(StatisticsDataset) || entity == typeof(StatisticsCategory) || entity == typeof(StatisticsObservation);

    /// <summary>Evicts the municipality's cached public pages after a change to its datasets that was saved outside a
    /// request of the municipality (a command, an import job).</summary>
    public static Task EvictAsync(IOutputCacheStore cache, string municipalitySlug, CancellationToken ct = default) =>
        PublicPageCache.EvictMunicipalityAsync(cache, municipalitySlug, ct);
}
