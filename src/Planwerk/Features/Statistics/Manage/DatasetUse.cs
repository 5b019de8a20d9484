using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Statistics.Manage;

/// <summary>Where a dataset is used outside itself: the plans' indicators that take their values from it.</summary>
public static class DatasetUse
{
    /// <summary>"Indicator (Plan)" for each indicator fed by the dataset, or by one of its categories when <paramref name="categoryId"/> is given.</summary>
    public static async Task<List<string>> IndicatorsAsync(PlanwerkDbContext db, int datasetId, int? categoryId, CancellationToken ct) =>
        await db.Indicators.AsNoTracking()
            .Where(i => categoryId == null ? i.DatasetId == datasetId : i.DatasetCategoryId == categoryId)
            .OrderBy(i => i.Name)
            .Select(i => i.Name + " (" + i.Plan!.Title + ")").ToListAsync(ct);
}
