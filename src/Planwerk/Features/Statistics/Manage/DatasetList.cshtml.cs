using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Statistics.Manage;

/// <summary>The municipality's statistics datasets for the plan team's editors (plan editors and administrators; the
/// figures stand beside the plan, so whoever writes the plan keeps them): each with whether it is public, how many
/// figures it has and when it was last changed.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class DatasetListModel(PlanwerkDbContext db, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed record Row(int Id, string Title, string Code, bool IsPublic, int Figures, DateTimeOffset ModifiedAt);

    public IReadOnlyList<Row> Datasets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Datasets = await db.StatisticsDatasets.AsNoTracking().OrderBy(d => d.Title).ThenBy(d => d.Id)
            .Select(d => new Row(d.Id, d.Title, d.Code, d.IsPublic, d.Observations.Count, d.ModifiedAt)).ToListAsync(ct);
    }

    public Crumb[] Crumbs() => [new(l["Verwaltung"], ManageUrl()), new(l["Statistiken"])];
}
