using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Pathways.PublicPages;

/// <summary>Publishing or withdrawing a pathway (its row and its publications) evicts the municipality's cached public
/// pages: the pathway pages, the finder and the measure pages list what is published. Edits of the working rows are not
/// public until published, so they evict nothing.</summary>
public sealed class PathwayPageEviction(IHttpContextAccessor accessor, IOutputCacheStore cache) : PublicPageEviction(accessor, cache)
{
    protected override bool Shows(Type entity) => entity == typeof(Pathway) || entity == typeof(PathwayPublication);
}
