using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Data;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Statistics.PublicPages;

/// <summary>The municipality's public datasets, with links to their pages, downloads and the catalogue. One query.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class StatisticsIndexModel(PlanwerkDbContext db) : PageModel
{
    public IReadOnlyList<StatisticsDataset> Datasets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Datasets = await PublicDatasets.ListAsync(db, ct);
}
