using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Statistics.PublicPages;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Statistics.OpenData;

/// <summary>The open data of the municipality's public datasets: CSV and JSON downloads, the DCAT-AP.de catalogue and the
/// read API (<c>/api/v1</c>). Everyone may read them; drafts and other municipalities' datasets are not found. Cached
/// like the public pages and evicted with them.</summary>
public static class StatisticsOpenDataEndpoints
{
    public static IEndpointRouteBuilder MapStatisticsOpenData(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/{municipality}/statistics").AllowAnonymous().CacheOutput(PublicPageCache.PolicyName).ExcludeFromDescription();
        files.MapGet("/catalog.rdf", async (HttpContext context, PlanwerkDbContext db, PublicAddress address, CancellationToken ct) =>
        {
            var m = context.RequiredMunicipality();
            var datasets = await PublicDatasets.ListAsync(db, ct);
            var spans = await db.StatisticsObservations.AsNoTracking().Where(o => o.Dataset!.IsPublic).GroupBy(o => o.DatasetId)
                .Select(g => new { g.Key, First = g.Min(o => o.Period), Last = g.Max(o => o.Period) })
                .ToDictionaryAsync(g => g.Key, g => new StatisticsCatalog.Span(g.First, g.Last), ct);
            var document = StatisticsCatalog.Write(m.Name, m.Slug, datasets, spans, address.Link);
            return Results.Text(document.Declaration + "\n" + document.Root, "application/rdf+xml", Encoding.UTF8);
        });
        files.MapGet("/{code}/data.csv", async (string code, HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
        {
            var found = await PublicDatasets.FindAsync(db, code, ct);
            return found is null ? Results.NotFound() : Results.File(StatisticsCsv.Write(found), "text/csv; charset=utf-8", StatisticsCsv.FileName(found.Dataset));
        });
        files.MapGet("/{code}/data.json", async (string code, HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
        {
            var found = await PublicDatasets.FindAsync(db, code, ct);
            if (found is null) return Results.NotFound();
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{found.Dataset.Code}.json\"";
            return Results.Json(StatisticsDocument.Full(found, context.RequiredMunicipality().Slug));
        });

        var api = app.MapGroup("/api/v1/municipalities/{municipality}").AllowAnonymous().WithTags("Statistics").CacheOutput(PublicPageCache.PolicyName);
        api.MapGet("/datasets", async (HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
            {
                var slug = context.RequiredMunicipality().Slug;
                return (await PublicDatasets.ListAsync(db, ct)).Select(d => StatisticsDocument.Summary(d, slug)).ToList();
            })
            .WithName("ListDatasets").WithSummary("The municipality's public statistics datasets with their metadata, ordered by title.");
        api.MapGet("/datasets/{code}", async Task<Results<Ok<StatisticsDocument.DatasetDto>, NotFound>> (string code, HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
            {
                var found = await PublicDatasets.FindAsync(db, code, ct);
                return found is null ? TypedResults.NotFound() : TypedResults.Ok(StatisticsDocument.Full(found, context.RequiredMunicipality().Slug));
            })
            .WithName("GetDataset").WithSummary("One public dataset: its metadata, categories in order, and every cell of its table (periods by categories), missing figures marked as such.");
        return app;
    }
}
