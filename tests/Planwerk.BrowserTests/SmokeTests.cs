using Planwerk.BrowserTests.Infrastructure;

namespace Planwerk.BrowserTests;

public sealed class SmokeTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Installation_start_page_lists_a_municipality_and_passes_axe()
    {
        var m = await app.CreateMunicipalityAsync("Musterstadt <script>alert(1)</script>");
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("Planwerk", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Musterstadt <script>alert(1)</script>", await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Musterstadt" }).InnerTextAsync());
        await page.AssertNoAccessibilityViolationsAsync();
        Assert.Contains(m.Slug, await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Musterstadt" }).GetAttributeAsync("href"), StringComparison.Ordinal);
    }
}
