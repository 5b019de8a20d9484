using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Statistics.Charts;

namespace Planwerk.Features.Statistics.PublicPages;

/// <summary>A public dataset with its table: what the dataset page, the downloads and the API show.</summary>
public sealed record PublishedDataset(StatisticsDataset Dataset, DatasetView View);

/// <summary>Reads the municipality's public datasets (the query filter keeps to the current municipality). A draft is
/// never read. One dataset with its figures costs three queries however many figures it has.</summary>
public static class PublicDatasets
{
    public static IQueryable<StatisticsDataset> Public(this IQueryable<StatisticsDataset> datasets) => datasets.Where(d => d.IsPublic);

    public static Task<List<StatisticsDataset>> ListAsync(PlanwerkDbContext db, CancellationToken ct) =>
        db.StatisticsDatasets.AsNoTracking().Public().OrderBy(d => d.Title).ThenBy(d => d.Code).ToListAsync(ct);

    public static async Task<PublishedDataset?> FindAsync(PlanwerkDbContext db, string code, CancellationToken ct)
    {
        var dataset = await db.StatisticsDatasets.AsNoTracking().Public().SingleOrDefaultAsync(d => d.Code == code, ct);
        if (dataset is null) return null;
        var categories = await db.StatisticsCategories.AsNoTracking().Where(c => c.DatasetId == dataset.Id).ToListAsync(ct);
        var observations = await db.StatisticsObservations.AsNoTracking().Where(o => o.DatasetId == dataset.Id)
            .Select(o => new StatisticsObservation { CategoryId = o.CategoryId, Period = o.Period, Value = o.Value, Note = o.Note }).ToListAsync(ct);
        return new PublishedDataset(dataset, DatasetView.From(dataset, categories, observations));
    }

    /// <summary>The addresses of a dataset's page, downloads and catalogue entry.</summary>
    public static string Index(string slug) => $"/{slug}/statistics";
    public static string Page(string slug, string code) => $"/{slug}/statistics/{Uri.EscapeDataString(code)}";
    public static string Csv(string slug, string code) => Page(slug, code) + "/data.csv";
    public static string Json(string slug, string code) => Page(slug, code) + "/data.json";
    public static string Api(string slug, string code) => $"/api/v1/municipalities/{slug}/datasets/{Uri.EscapeDataString(code)}";
    public static string Catalog(string slug) => $"/{slug}/statistics/catalog.rdf";
}
