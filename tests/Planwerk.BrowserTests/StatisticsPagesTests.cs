using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Tests.Features.Statistics;

namespace Planwerk.BrowserTests;

/// <summary>A visitor opens a dataset from the statistics list and reads its chart (its summary) and its table by
/// keyboard only; neither page has an axe-core finding of any impact.</summary>
public sealed class StatisticsPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_visitor_reads_a_datasets_chart_and_table_by_keyboard()
    {
        var m = await app.CreateMunicipalityAsync();
        var allocations = await StatisticsSeed.AllocationsAsync(m);
        await StatisticsSeed.AccommodationAsync(m);
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/{m.Slug}/statistics");
        await page.AssertNoAccessibilityViolationsAsync();

        await page.TabToAndPressAsync(page.Locator($"#dataset-list a[href$='/statistics/{allocations.Code}']"));
        Assert.EndsWith($"/statistics/{allocations.Code}", page.Url, StringComparison.Ordinal);
        Assert.Equal(allocations.Title, await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("#dataset-figure svg[role=img]").IsVisibleAsync());
        Assert.Contains("Für 2019 und 2020 liegen keine Zahlen vor.", await page.Locator("#dataset-summary").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAccessibilityViolationsAsync();

        // The table's region takes the focus, so a keyboard user can scroll it.
        var region = page.Locator("div.table-scroll[role=region]");
        await page.TabToAndPressAsync(region, key: "ArrowDown", navigates: false);
        Assert.Equal("2019", await page.Locator("#dataset-table tbody tr").Nth(4).Locator("th").InnerTextAsync());
        Assert.Equal("keine Angabe", await page.Locator("#dataset-table tbody tr").Nth(4).Locator("td").InnerTextAsync());

        await page.GotoAsync($"/{m.Slug}/statistics/unterbringung");
        await page.AssertNoAccessibilityViolationsAsync();
    }
}
