using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Statistics;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Statistics.Manage;

/// <summary>Datasets arranged straight in the database, read back, and files uploaded through the import page's form.</summary>
public static class StatisticsTestSupport
{
    /// <summary>A dataset of years with the given categories and figures ((year, category or null, value, note)).</summary>
    public static Task<int> AddDatasetAsync(this TestMunicipality m, string code = "zuweisungen", string title = "Zugewiesene Asylsuchende",
        string[]? categories = null, params (int Year, string? Category, decimal? Value, string Note)[] figures) =>
        m.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var dataset = new StatisticsDataset { Code = code, Title = title, CreatedAt = now, ModifiedAt = now, CategoryLabel = categories is null ? "" : "Ortsamt" };
            db.StatisticsDatasets.Add(dataset);
            var byName = new Dictionary<string, StatisticsCategory>();
            foreach (var (name, i) in (categories ?? []).Select((n, i) => (n, i)))
            {
                byName[name] = new StatisticsCategory { Dataset = dataset, Name = name, Position = i };
                db.StatisticsCategories.Add(byName[name]);
            }
            foreach (var f in figures)
            {
                db.StatisticsObservations.Add(new StatisticsObservation
                {
                    Dataset = dataset, Category = f.Category is null ? null : byName[f.Category], Period = new DateOnly(f.Year, 1, 1), Value = f.Value, Note = f.Note,
                });
            }
            await db.SaveChangesAsync();
            return dataset.Id;
        });

    public static Task<StatisticsDataset> DatasetAsync(this TestMunicipality m, int id) =>
        m.WithDbAsync(db => db.StatisticsDatasets.AsNoTracking().FirstAsync(d => d.Id == id));

    /// <summary>The figures as "year|category|value|note" lines, ordered.</summary>
    public static Task<List<string>> FiguresAsync(this TestMunicipality m, int id) =>
        m.WithDbAsync(async db => (await db.StatisticsObservations.AsNoTracking().Where(o => o.DatasetId == id)
                .Select(o => new { o.Period, Category = o.Category == null ? "" : o.Category.Name, o.Value, o.Note }).ToListAsync())
            .OrderBy(o => o.Period).ThenBy(o => o.Category, StringComparer.Ordinal)
            .Select(o => $"{Period(o.Period)}|{o.Category}|{o.Value?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}|{o.Note}").ToList());

    private static string Period(DateOnly d) => d.Month == 1 && d.Day == 1 ? d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Task<List<string>> CategoriesAsync(this TestMunicipality m, int id) =>
        m.WithDbAsync(db => db.StatisticsCategories.AsNoTracking().Where(c => c.DatasetId == id).OrderBy(c => c.Position).Select(c => c.Name).ToListAsync());

    public static Task<int> HistoryCountAsync(this TestMunicipality m, int id) =>
        m.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.EntityType == "StatisticsDataset" && r.EntityId == id));

    /// <summary>Uploads a file through the import page's form (as a browser would, with its token) and returns the answer.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string pageUrl, byte[] content, string fileName, bool replace = false)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = (IHtmlFormElement)page.QuerySelector("#upload-form")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(token), "__RequestVerificationToken");
        body.Add(new StringContent(replace ? "true" : "false"), "Replace");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, "Upload", fileName);
        return await client.PostAsync(pageUrl, body);
    }
}
