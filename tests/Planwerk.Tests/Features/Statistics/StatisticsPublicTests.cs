using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Statistics.OpenData;
using Planwerk.Infrastructure.Tenancy;
using Planwerk.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Planwerk.Tests.Features.Statistics;

/// <summary>The public statistics pages and their open data: the dataset page with chart, summary, table and notes on
/// gaps; the same figures in the page, the chart's table, CSV, JSON and API; drafts and other municipalities' datasets
/// not found; the DCAT-AP.de catalogue with its required fields; a fixed number of queries; a saved change seen at once.</summary>
public abstract class StatisticsPublicTests(PlanwerkApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task The_dataset_page_shows_facts_chart_summary_table_and_gaps()
    {
        var m = await app.CreateMunicipalityAsync();
        var d = await StatisticsSeed.AllocationsAsync(m);
        var page = await app.CreateClient().GetDocumentAsync($"/{m.Slug}/statistics/{d.Code}");

        Assert.Equal(d.Title, page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Landesdirektion Sachsen", page.QuerySelector("#dataset-source a")!.TextContent);
        Assert.Equal("https://www.lds.sachsen.de/asyl/", page.QuerySelector("#dataset-source a")!.GetAttribute("href"));
        Assert.Contains("Datenlizenz Deutschland", page.QuerySelector("#dataset-licence")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("jährlich", page.QuerySelector("#dataset-frequency")!.TextContent);
        Assert.Equal("04.03.2024", page.QuerySelector("#dataset-modified")!.TextContent);
        var svg = page.QuerySelector("#dataset-figure svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal(d.Title, svg.QuerySelector("title")!.TextContent);
        Assert.NotNull(page.QuerySelector("#dataset-figure figcaption"));
        Assert.Empty(page.QuerySelectorAll("script"));
        var summary = page.QuerySelector("#dataset-summary")!.TextContent;
        Assert.StartsWith("2015: 4.178 Personen; 2023: 2.125 Personen.", summary, StringComparison.Ordinal);
        Assert.Contains("Für 2019 und 2020 liegen keine Zahlen vor.", summary, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("#dataset-table tbody tr");
        Assert.Equal(9, rows.Length);
        Assert.Equal(("2019", "keine Angabe"), (rows[4].QuerySelector("th[scope=row]")!.TextContent, rows[4].QuerySelector("td")!.TextContent));
        Assert.Equal("1.200,5", rows[6].QuerySelector("td")!.TextContent);
        Assert.NotNull(page.QuerySelector("#dataset-table caption"));
        var gaps = page.QuerySelector("#dataset-gaps")!.TextContent;
        Assert.Contains("2020: Nicht veröffentlicht " + HostileText.Script, gaps, StringComparison.Ordinal);
        Assert.Contains("2019: keine Zahl veröffentlicht", gaps, StringComparison.Ordinal);
        // In English: the interface's words and the number format.
        var english = await app.CreateClient().GetDocumentAsync($"/{m.Slug}/statistics/{d.Code}?culture=en");
        output.WriteLine(english.QuerySelector("#dataset-summary")?.TextContent);
    }

    [Fact]
    public async Task A_draft_and_another_municipalitys_dataset_are_not_found_and_not_listed()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var shown = await StatisticsSeed.AllocationsAsync(m, "oeffentlich", title: "Öffentliche Reihe");
        var draft = await StatisticsSeed.AllocationsAsync(m, "entwurf", isPublic: false, title: "Entwurfsreihe");
        await StatisticsSeed.AllocationsAsync(other, "fremd", title: "Fremde Reihe");
        var client = app.CreateClient();
        foreach (var url in new[]
        {
            $"/{m.Slug}/statistics/entwurf", $"/{m.Slug}/statistics/entwurf/data.csv", $"/{m.Slug}/statistics/entwurf/data.json",
            $"/api/v1/municipalities/{m.Slug}/datasets/entwurf", $"/{m.Slug}/statistics/fremd", $"/{m.Slug}/statistics/fremd/data.csv",
            $"/api/v1/municipalities/{m.Slug}/datasets/fremd",
        })
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);

        var index = await client.GetDocumentAsync($"/{m.Slug}/statistics");
        Assert.Equal(["Öffentliche Reihe"], index.QuerySelectorAll("#dataset-list h2 a").Select(a => a.TextContent));
        var api = await client.GetStringAsync($"/api/v1/municipalities/{m.Slug}/datasets");
        Assert.Contains("oeffentlich", api, StringComparison.Ordinal);
        Assert.DoesNotContain("entwurf", api, StringComparison.Ordinal);
        Assert.DoesNotContain("fremd", api, StringComparison.Ordinal);
        var catalog = await client.GetStringAsync($"/{m.Slug}/statistics/catalog.rdf");
        Assert.DoesNotContain("Entwurfsreihe", catalog, StringComparison.Ordinal);
        Assert.DoesNotContain("Fremde Reihe", catalog, StringComparison.Ordinal);
        Assert.Equal("oeffentlich", shown.Code);
        Assert.False(draft.IsPublic);
    }

    [Fact]
    public async Task The_page_the_table_the_csv_the_json_and_the_api_give_the_same_figures()
    {
        var m = await app.CreateMunicipalityAsync();
        foreach (var d in new[] { await StatisticsSeed.AllocationsAsync(m), await StatisticsSeed.AccommodationAsync(m) })
        {
            var client = app.CreateClient();
            var page = await client.GetDocumentAsync($"/{m.Slug}/statistics/{d.Code}");
            var german = CultureInfo.GetCultureInfo("de-DE");
            var headers = page.QuerySelectorAll("#dataset-table thead th").Skip(1).Select(h => h.TextContent).ToList();
            var fromTable = new List<string>();
            foreach (var row in page.QuerySelectorAll("#dataset-table tbody tr"))
            {
                var period = row.QuerySelector("th")!.TextContent;
                var cells = row.QuerySelectorAll("td").Select(c => c.TextContent).ToList();
                for (var i = 0; i < cells.Count; i++)
                    fromTable.Add(Key(period, d.CategoryLabel.Length > 0 ? headers[i] : null,
                        cells[i] == "keine Angabe" ? null : decimal.Parse(cells[i], NumberStyles.Number, german)));
            }
            // The chart's bars carry the same figures as their texts.
            var fromChart = page.QuerySelectorAll("#dataset-figure svg rect title").Select(t => t.TextContent).ToList();
            Assert.Equal(fromTable.Count(k => !k.EndsWith('=')), fromChart.Count);

            var csvBytes = await client.GetByteArrayAsync($"/{m.Slug}/statistics/{d.Code}/data.csv");
            Assert.Equal(Encoding.UTF8.GetPreamble(), csvBytes[..3]);
            var csvLines = ReadCsv(Encoding.UTF8.GetString(csvBytes[3..]));
            Assert.Equal(StatisticsCsv.Columns, csvLines[0]);
            var fromCsv = csvLines.Skip(1).Select(r => Key(Period(r[2], d), r[3].Length == 0 ? null : r[3], r[4].Length == 0 ? null : decimal.Parse(r[4], CultureInfo.InvariantCulture))).ToList();

            using var json = JsonDocument.Parse(await client.GetStringAsync($"/{m.Slug}/statistics/{d.Code}/data.json"));
            using var api = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/municipalities/{m.Slug}/datasets/{d.Code}"));
            List<string> FromJson(JsonDocument doc) => doc.RootElement.GetProperty("observations").EnumerateArray().Select(o => Key(Period(o.GetProperty("period").GetString()!, d),
                o.GetProperty("category").ValueKind == JsonValueKind.Null ? null : o.GetProperty("category").GetString(),
                o.GetProperty("value").ValueKind == JsonValueKind.Null ? null : o.GetProperty("value").GetDecimal())).ToList();

            Assert.NotEmpty(fromTable);
            Assert.Equal(fromTable, fromCsv);
            Assert.Equal(fromTable, FromJson(json));
            Assert.Equal(fromTable, FromJson(api));
            Assert.Equal(d.Title, api.RootElement.GetProperty("dataset").GetProperty("title").GetString());
            Assert.Equal(json.RootElement.GetRawText(), api.RootElement.GetRawText());
        }
    }

    private static string Key(string period, string? category, decimal? value) =>
        period + "|" + category + "=" + value?.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Period(string code, Planwerk.Features.Statistics.StatisticsDataset d) =>
        d.PeriodKind == Planwerk.Features.Statistics.StatisticsPeriodKind.Year ? code : DateOnly.ParseExact(code, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>A small RFC 4180 reader with semicolons.</summary>
    private static List<string[]> ReadCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ';') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); }
            else field.Append(c);
        }
        return rows;
    }

    [Fact]
    public async Task The_catalogue_is_dcat_ap_de_with_every_required_field_and_well_formed_with_hostile_titles()
    {
        var m = await app.CreateMunicipalityAsync("Stadt " + HostileText.Markup);
        await StatisticsSeed.AllocationsAsync(m, title: "Reihe " + HostileText.Script + " & \u0001 " + HostileText.RightToLeft);
        await StatisticsSeed.AccommodationAsync(m);
        var response = await app.CreateClient().GetAsync($"/{m.Slug}/statistics/catalog.rdf");
        Assert.Equal("application/rdf+xml", response.Content.Headers.ContentType!.MediaType);
        var rdf = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace r = StatisticsCatalog.Rdf.NamespaceName, dcat = StatisticsCatalog.Dcat.NamespaceName, dct = StatisticsCatalog.Dct.NamespaceName,
            foaf = StatisticsCatalog.Foaf.NamespaceName, dcatde = StatisticsCatalog.Dcatde.NamespaceName;
        var catalog = Assert.Single(rdf.Root!.Elements(dcat + "Catalog"));
        Assert.Equal("http://localhost/" + m.Slug + "/statistics/catalog.rdf", catalog.Attribute(r + "about")!.Value);
        Assert.NotEmpty(catalog.Element(dct + "title")!.Value);
        Assert.NotEmpty(catalog.Element(dct + "description")!.Value);
        Assert.Equal(m.Name, catalog.Element(dct + "publisher")!.Element(foaf + "Agent")!.Element(foaf + "name")!.Value);
        var datasets = catalog.Elements(dcat + "dataset").Select(e => e.Element(dcat + "Dataset")!).ToList();
        Assert.Equal(2, datasets.Count);
        foreach (var d in datasets)
        {
            Assert.StartsWith("http://localhost/" + m.Slug + "/statistics/", d.Attribute(r + "about")!.Value, StringComparison.Ordinal);
            Assert.NotEmpty(d.Element(dct + "title")!.Value);
            Assert.NotEmpty(d.Element(dct + "description")!.Value);
            Assert.NotEmpty(d.Element(dct + "publisher")!.Element(foaf + "Agent")!.Element(foaf + "name")!.Value);
            Assert.Equal(StatisticsCatalog.ThemeSociety, d.Element(dcat + "theme")!.Attribute(r + "resource")!.Value);
            Assert.Equal("http://publications.europa.eu/resource/authority/frequency/ANNUAL", d.Element(dct + "accrualPeriodicity")!.Attribute(r + "resource")!.Value);
            Assert.Equal(StatisticsCatalog.PublicAccess, d.Element(dct + "accessRights")!.Attribute(r + "resource")!.Value);
            Assert.Equal("2024-03-04T09:30:00Z", d.Element(dct + "modified")!.Value);
            var period = d.Element(dct + "temporal")!.Element(dct + "PeriodOfTime")!;
            Assert.NotNull(period.Element(dcat + "startDate"));
            Assert.NotNull(period.Element(dcat + "endDate"));
            var distributions = d.Elements(dcat + "distribution").Select(e => e.Element(dcat + "Distribution")!).ToList();
            Assert.Equal([StatisticsCatalog.FileTypes + "CSV", StatisticsCatalog.FileTypes + "JSON"], distributions.Select(x => x.Element(dct + "format")!.Attribute(r + "resource")!.Value));
            foreach (var x in distributions)
            {
                Assert.StartsWith("http://localhost/", x.Element(dcat + "accessURL")!.Attribute(r + "resource")!.Value, StringComparison.Ordinal);
                Assert.Equal(x.Element(dcat + "accessURL")!.Attribute(r + "resource")!.Value, x.Element(dcat + "downloadURL")!.Attribute(r + "resource")!.Value);
                Assert.StartsWith("http://dcat-ap.de/def/licenses/", x.Element(dct + "license")!.Attribute(r + "resource")!.Value, StringComparison.Ordinal);
                Assert.NotEmpty(x.Element(dcatde + "licenseAttributionByText")!.Value);
            }
        }
        var allocations = datasets.Single(d => d.Element(dct + "title")!.Value.StartsWith("Reihe", StringComparison.Ordinal));
        Assert.Equal("Reihe " + HostileText.Script + " &  " + HostileText.RightToLeft, allocations.Element(dct + "title")!.Value);
        Assert.Equal(["Asyl", "Zuweisung", HostileText.RightToLeft], allocations.Elements(dcat + "keyword").Select(k => k.Value));
        Assert.Equal("2015-01-01", allocations.Element(dct + "temporal")!.Descendants(dcat + "startDate").Single().Value);
        Assert.Equal("2023-12-31", allocations.Element(dct + "temporal")!.Descendants(dcat + "endDate").Single().Value);
        // Every download the catalogue names is there.
        foreach (var url in rdf.Descendants(dcat + "downloadURL").Select(u => new Uri(u.Attribute(r + "resource")!.Value).PathAndQuery))
            Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_api_lists_the_datasets_and_the_openapi_document_names_them()
    {
        var m = await app.CreateMunicipalityAsync();
        var d = await StatisticsSeed.AccommodationAsync(m);
        var client = app.CreateClient();
        using var list = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/municipalities/{m.Slug}/datasets"));
        var entry = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal(d.Code, entry.GetProperty("code").GetString());
        Assert.Equal("http://dcat-ap.de/def/licenses/cc-by/4.0", entry.GetProperty("licence").GetProperty("uri").GetString());
        Assert.Equal($"/api/v1/municipalities/{m.Slug}/datasets/{d.Code}", entry.GetProperty("url").GetString());
        using var one = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/municipalities/{m.Slug}/datasets/{d.Code}"));
        Assert.Equal(["Heime; \"Gemeinschaft\"", "Wohnungen"], one.RootElement.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var missing = one.RootElement.GetProperty("observations").EnumerateArray().Single(o => o.GetProperty("status").GetString() == "missing");
        Assert.Equal(("2017-12-31", "nicht erhoben"), (missing.GetProperty("period").GetString(), missing.GetProperty("note").GetString()));

        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = openApi.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/municipalities/{municipality}/datasets", out _));
        Assert.True(paths.TryGetProperty("/api/v1/municipalities/{municipality}/datasets/{code}", out var get));
        Assert.True(get.GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.False(paths.TryGetProperty("/{municipality}/statistics/catalog.rdf", out _));
    }

    [Fact]
    public async Task The_pages_cost_the_same_few_queries_for_ten_figures_and_for_a_thousand()
    {
        var small = await app.CreateMunicipalityAsync();
        var large = await app.CreateMunicipalityAsync();
        await StatisticsSeed.LargeAsync(small, 2, 5);
        await StatisticsSeed.LargeAsync(large, 10, 100);
        var counter = new QueryCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();
        foreach (var path in new[] { "/statistics", "/statistics/gross", "/statistics/gross/data.csv", "/statistics/gross/data.json", "/statistics/catalog.rdf" })
        {
            async Task<int> CountAsync(string url)
            {
                counter.Reset();
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, url);
                return counter.Count;
            }
            var few = await CountAsync("/" + small.Slug + path);
            var many = await CountAsync("/" + large.Slug + path);
            output.WriteLine($"{app.Provider} {path}: {few} and {many} commands");
            Assert.Equal(few, many);
            Assert.True(many <= 4, $"{path}: {many} commands");
        }
        var api = $"/api/v1/municipalities/{large.Slug}/datasets/gross";
        counter.Reset();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(api)).StatusCode);
        Assert.True(counter.Count <= 4, $"{api}: {counter.Count}");
    }

    [Fact]
    public async Task A_saved_change_to_a_dataset_is_public_at_once_despite_the_cache()
    {
        var m = await app.CreateMunicipalityAsync();
        var d = await StatisticsSeed.AllocationsAsync(m, title: "Alte Reihe");
        var client = app.CreateClient();
        var pages = new[] { $"/{m.Slug}/statistics", $"/{m.Slug}/statistics/{d.Code}", $"/{m.Slug}/statistics/{d.Code}/data.csv", $"/api/v1/municipalities/{m.Slug}/datasets/{d.Code}", $"/{m.Slug}/statistics/catalog.rdf" };
        foreach (var url in pages) Assert.Contains("Alte Reihe", await client.GetStringAsync(url), StringComparison.Ordinal);

        // Outside a request nothing is evicted: the cache still answers.
        await m.WithDbAsync(async db => { (await db.StatisticsDatasets.SingleAsync(x => x.Id == d.Id)).Title = "Zwischenstand"; return 0; });
        Assert.Contains("Alte Reihe", await client.GetStringAsync(pages[1]), StringComparison.Ordinal);

        // A save in a request of the municipality (as the editing pages do) evicts; so does a changed figure alone.
        var accessor = app.Services.GetRequiredService<IHttpContextAccessor>();
        var request = new DefaultHttpContext();
        request.Features.Set(new CurrentMunicipality(m.Id, m.Slug, m.Name, false));
        accessor.HttpContext = request;
        try
        {
            await m.WithDbAsync(async db => { (await db.StatisticsDatasets.SingleAsync(x => x.Id == d.Id)).Title = "Neue Reihe"; return 0; });
            foreach (var url in pages)
            {
                var body = await client.GetStringAsync(url);
                Assert.Contains("Neue Reihe", body, StringComparison.Ordinal);
            }
            await m.WithDbAsync(async db => { (await db.StatisticsObservations.FirstAsync(o => o.DatasetId == d.Id && o.Value == 4178)).Value = 4179; return 0; });
        }
        finally
        {
            accessor.HttpContext = null;
        }
        Assert.Contains("4.179", await client.GetStringAsync(pages[1]), StringComparison.Ordinal);
    }
}

public sealed class StatisticsPublicSqliteTests(SqliteApp app, ITestOutputHelper output) : StatisticsPublicTests(app, output), IClassFixture<SqliteApp>;

public sealed class StatisticsPublicPostgresTests(PostgresApp app, ITestOutputHelper output) : StatisticsPublicTests(app, output), IClassFixture<PostgresApp>;
