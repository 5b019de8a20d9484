using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Accounts;
using Planwerk.Features.Implementation;
using Planwerk.Features.Statistics;
using Planwerk.Infrastructure;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Implementation;

/// <summary>An indicator that takes its values from a dataset series: the plan team chooses the dataset and category on
/// the indicator's page; the dataset's figures are then its values everywhere (a year's figure on 31 December, a known
/// missing figure is no value), a new figure is a new value and moves the track, the typed values come back when it
/// lets go; a dataset of another municipality or a category of another dataset is refused at its field; the reads keep
/// their number of commands.</summary>
public abstract class IndicatorDatasetTests(PlanwerkApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record World(TestMunicipality M, int PlanId, int IndicatorId, int DatasetId, int Flats, int Homes, string Edit);

    /// <summary>A public plan with an indicator (30 on 31.12.2018 → 60 on 31.12.2023) that has one typed value, and a yearly
    /// dataset with two categories: flats 2019: 40, 2020 known missing, 2021: 45; homes 2019: 999.</summary>
    private static async Task<World> WorldAsync(PlanwerkApp app, string title = "Wohnen " + HostileText.Script)
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 1, measuresPerField: 1);
        var ids = await m.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == plan.Id)).IsPublic = true;
            var indicator = new Indicator
            {
                PlanId = plan.Id, Name = "Anteil in Wohnungen", Unit = "Personen", Direction = IndicatorDirection.HigherIsBetter, Position = 1,
                BaselineValue = 30, BaselineOn = new DateOnly(2018, 12, 31), TargetValue = 60, TargetOn = new DateOnly(2023, 12, 31),
                Values = [new IndicatorValue { On = new DateOnly(2020, 6, 30), Value = 12.5m, Note = "von Hand" }],
            };
            var flats = new StatisticsCategory { Name = "Wohnungen", Position = 1 };
            var homes = new StatisticsCategory { Name = "Heime", Position = 2 };
            var dataset = new StatisticsDataset
            {
                Code = "unterbringung", Title = title, PeriodKind = StatisticsPeriodKind.Year, SourceName = "Sozialamt", Unit = "Personen", CategoryLabel = "Art",
                Categories = [flats, homes],
                Observations =
                [
                    new StatisticsObservation { Period = new DateOnly(2019, 1, 1), Category = flats, Value = 40 },
                    new StatisticsObservation { Period = new DateOnly(2020, 1, 1), Category = flats, Value = null, Note = "nicht veröffentlicht" },
                    new StatisticsObservation { Period = new DateOnly(2021, 1, 1), Category = flats, Value = 45 },
                    new StatisticsObservation { Period = new DateOnly(2019, 1, 1), Category = homes, Value = 999 },
                ],
            };
            db.Indicators.Add(indicator);
            db.StatisticsDatasets.Add(dataset);
            await db.SaveChangesAsync();
            return (indicator.Id, dataset.Id, flats.Id, homes.Id);
        });
        return new World(m, plan.Id, ids.Item1, ids.Item2, ids.Item3, ids.Item4, $"/{m.Slug}/manage/plans/{Id(plan.Id)}/indicators/{Id(ids.Item1)}");
    }

    private static Dictionary<string, string?> SeriesForm(int? dataset, int? category) => new()
    {
        ["Series.DatasetId"] = dataset is int d ? Id(d) : "", ["Series.CategoryId"] = category is int c ? Id(c) : "",
    };

    private static List<List<string>> Rows(AngleSharp.Dom.IElement table) =>
        table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();

    [Fact]
    public async Task The_indicator_shows_the_dataset_series_a_new_figure_moves_the_track_and_the_typed_values_return_when_it_lets_go()
    {
        var w = await WorldAsync(app);
        var editor = await w.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var page = await editor.GetDocumentAsync(w.Edit);
        Assert.NotNull(page.QuerySelector("#value-form"));
        Assert.Contains(page.QuerySelectorAll("#Series_DatasetId option"), o => o.GetAttribute("value") == Id(w.DatasetId));

        Assert.Equal(w.Edit + "#values", (await editor.SubmitFormAsync(w.Edit, SeriesForm(w.DatasetId, w.Flats), "#series-form")).RedirectTarget());
        page = await editor.GetDocumentAsync(w.Edit);
        Assert.Contains("Wohnen " + HostileText.Script, page.QuerySelector("#series-note")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#value-form"));
        // The flats' figures at the end of their year; neither the missing year nor the other category nor the typed value.
        Assert.Equal([["31.12.2019", "40\u00a0Personen", "Sozialamt", ""], ["31.12.2021", "45\u00a0Personen", "Sozialamt", ""]], Rows(page.QuerySelector("#value-table")!));
        Assert.Empty(page.QuerySelectorAll("#value-table a"));
        // 45 at the end of 2021, where the path from 30 to 60 expects 48: behind.
        Assert.Contains("hinter dem Kurs", page.QuerySelector("#track-state")!.TextContent, StringComparison.Ordinal);

        var anonymous = app.CreateBrowserlikeClient();
        var api = $"/api/v1/municipalities/{w.M.Slug}/plans/{Id(w.PlanId)}/indicators";
        // The values and the track state in one line: "2019-12-31=40; 2021-12-31=45 | Behind".
        async Task<string> ApiAsync()
        {
            var indicator = (await anonymous.GetFromJsonAsync<JsonElement>(api)).EnumerateArray().Single();
            return string.Join("; ", indicator.GetProperty("values").EnumerateArray()
                    .Select(v => v.GetProperty("on").GetString() + "=" + v.GetProperty("value").GetDecimal().ToString("0.####", CultureInfo.InvariantCulture)))
                + " | " + indicator.GetProperty("track").GetProperty("state").GetString();
        }
        Assert.Equal("2019-12-31=40; 2021-12-31=45 | Behind", await ApiAsync());

        // The statistics office adds 2022: 55 (the path expects 54 at the end of 2022); it is a new value at once, on track.
        await w.M.WithDbAsync(async db =>
        {
            db.StatisticsObservations.Add(new StatisticsObservation { DatasetId = w.DatasetId, CategoryId = w.Flats, Period = new DateOnly(2022, 1, 1), Value = 55 });
            return await db.SaveChangesAsync();
        });
        // (The dataset's editing evicts the public pages, as every save does; written here directly, the test evicts them.)
        await PublicPageCache.EvictMunicipalityAsync(app.Services.GetRequiredService<IOutputCacheStore>(), w.M.Slug);
        Assert.Equal("2019-12-31=40; 2021-12-31=45; 2022-12-31=55 | OnTrack", await ApiAsync());
        var dashboard = await anonymous.GetDocumentAsync($"/{w.M.Slug}/plans/{Id(w.PlanId)}/dashboard");
        Assert.Contains("auf Kurs", dashboard.QuerySelector($"#indicator-{Id(w.IndicatorId)} .track")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, dashboard.QuerySelectorAll($"#indicator-{Id(w.IndicatorId)} rect.value-point").Length);

        // The figures without category: there are none, so no values; back to typed values: the typed one is there again.
        Assert.Equal(w.Edit + "#values", (await editor.SubmitFormAsync(w.Edit, SeriesForm(w.DatasetId, null), "#series-form")).RedirectTarget());
        Assert.Equal(" | NoValues", await ApiAsync());
        Assert.Equal(w.Edit + "#values", (await editor.SubmitFormAsync(w.Edit, SeriesForm(null, null), "#series-form")).RedirectTarget());
        Assert.Equal("2020-06-30=12.5 | Behind", await ApiAsync());
        Assert.NotNull((await editor.GetDocumentAsync(w.Edit)).QuerySelector("#value-form"));

        // Each switch is in the plan's history.
        var history = (await editor.GetDocumentAsync($"/{w.M.Slug}/manage/plans/{Id(w.PlanId)}/history")).QuerySelector("main")!.TextContent;
        Assert.Contains($"Werte: dataset #{w.DatasetId} · category #{w.Flats}", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dataset_of_another_municipality_or_a_category_of_another_dataset_is_refused_at_its_field_and_changes_nothing()
    {
        var w = await WorldAsync(app);
        var other = await WorldAsync(app, "Fremder Datensatz");
        var editor = await w.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var page = await editor.GetDocumentAsync(w.Edit);
        Assert.DoesNotContain(page.QuerySelectorAll("#Series_DatasetId option"), o => o.TextContent.Contains("Fremder", StringComparison.Ordinal));

        var response = await editor.SubmitFormAsync(w.Edit, SeriesForm(other.DatasetId, null), "#series-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Diesen Datensatz gibt es nicht", (await HtmlForms.ParseAsync(response)).QuerySelector("#Series_DatasetId-error")!.TextContent, StringComparison.Ordinal);

        var second = await w.M.WithDbAsync(async db =>
        {
            var dataset = new StatisticsDataset { Code = "zweiter", Title = "Zweiter", Categories = [new StatisticsCategory { Name = "Andere", Position = 1 }] };
            db.StatisticsDatasets.Add(dataset);
            await db.SaveChangesAsync();
            return dataset.Categories[0].Id;
        });
        response = await editor.SubmitFormAsync(w.Edit, SeriesForm(w.DatasetId, second), "#series-form");
        Assert.Contains("gehört nicht zum Datensatz", (await HtmlForms.ParseAsync(response)).QuerySelector("#Series_CategoryId-error")!.TextContent, StringComparison.Ordinal);
        response = await editor.SubmitFormAsync(w.Edit, SeriesForm(w.DatasetId, other.Flats), "#series-form");
        Assert.Contains("gehört nicht zum Datensatz", (await HtmlForms.ParseAsync(response)).QuerySelector("#Series_CategoryId-error")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(((int?)null, (int?)null), await w.M.WithDbAsync(db => db.Indicators.Where(i => i.Id == w.IndicatorId).Select(i => new { i.DatasetId, i.DatasetCategoryId })
            .SingleAsync().ContinueWith(t => (t.Result.DatasetId, t.Result.DatasetCategoryId), TaskScheduler.Default)));
    }

    [Fact]
    public async Task The_dashboard_and_the_indicator_API_cost_the_same_commands_for_one_and_for_forty_dataset_fed_indicators()
    {
        var small = await WorldAsync(app);
        var large = await WorldAsync(app);
        await small.M.WithDbAsync(async db =>
        {
            var indicator = await db.Indicators.SingleAsync(i => i.Id == small.IndicatorId);
            (indicator.DatasetId, indicator.DatasetCategoryId) = (small.DatasetId, small.Flats);
            return await db.SaveChangesAsync();
        });
        await large.M.WithDbAsync(async db =>
        {
            db.StatisticsObservations.AddRange(Enumerable.Range(2000, 18).Select(y => new StatisticsObservation { DatasetId = large.DatasetId, CategoryId = large.Homes, Period = new DateOnly(y, 1, 1), Value = y % 97 }));
            db.Indicators.AddRange(Enumerable.Range(0, 40).Select(i => new Indicator
            {
                PlanId = large.PlanId, Name = "Reihe " + Id(i), Position = i + 2, BaselineValue = 1, BaselineOn = new DateOnly(2000, 1, 1), TargetValue = 100, TargetOn = new DateOnly(2030, 1, 1),
                DatasetId = large.DatasetId, DatasetCategoryId = i % 2 == 0 ? large.Flats : large.Homes,
            }));
            return await db.SaveChangesAsync();
        });

        var counter = new QueryCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();
        async Task<(int, string)> CountAsync(string url)
        {
            counter.Reset();
            var response = await client.GetAsync(url);
            var count = counter.Count;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (count, await response.Content.ReadAsStringAsync());
        }
        foreach (var path in new[] { "/dashboard", "/indicators" })
        {
            string Url(World x) => path == "/dashboard" ? $"/{x.M.Slug}/plans/{Id(x.PlanId)}/dashboard" : $"/api/v1/municipalities/{x.M.Slug}/plans/{Id(x.PlanId)}/indicators";
            var (smallCount, _) = await CountAsync(Url(small));
            var (largeCount, largeBody) = await CountAsync(Url(large));
            Assert.True(smallCount == largeCount, $"{path}: {smallCount} commands for one dataset-fed indicator, {largeCount} for forty");
            Assert.Contains("Reihe 39", largeBody, StringComparison.Ordinal);
        }
    }
}

public sealed class IndicatorDatasetSqliteTests(SqliteApp app) : IndicatorDatasetTests(app), IClassFixture<SqliteApp>;

public sealed class IndicatorDatasetPostgresTests(PostgresApp app) : IndicatorDatasetTests(app), IClassFixture<PostgresApp>;
