using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>Every public page type in a real browser: content shown, hostile text inert, and no
/// axe-core finding of any impact (WCAG 2.1 A/AA and best practices).</summary>
public sealed class PublicPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    public static TheoryData<string> PageTypes => new()
    {
        "start", "municipality", "plan", "field", "measure", "search", "print", "pdf-field", "login", "not-found", "plan-en",
        "municipality-search", "council-papers", "council-meetings", "impressum", "privacy", "accessibility", "accessibility-en",
        "dashboard", "dashboard-en",
    };

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task Public_page_type_has_no_accessibility_violations(string pageType)
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await Seed.PlanAsync(m);
        var page = await app.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };

        var url = pageType switch
        {
            "start" => "/",
            "municipality" => $"/{m.Slug}",
            "plan" or "plan-en" => $"/{m.Slug}/plans/{plan.PlanId}",
            "field" => $"/{m.Slug}/plans/{plan.PlanId}/fields/{plan.FieldId}",
            "measure" => $"/{m.Slug}/plans/{plan.PlanId}/measures/{plan.MeasureId}",
            "search" => $"/{m.Slug}/plans/{plan.PlanId}/search?q=sprach",
            "print" => $"/{m.Slug}/plans/{plan.PlanId}/document",
            "pdf-field" => $"/{m.Slug}/plans/{plan.PlanId}/fields/{plan.FieldId}/document",
            "login" => "/account/login",
            "not-found" => $"/{m.Slug}/plans/999999",
            "municipality-search" => $"/{m.Slug}/search?q=sprach",
            "council-papers" => $"/{m.Slug}/council/papers",
            "council-meetings" => $"/{m.Slug}/council/meetings",
            "impressum" => $"/{m.Slug}/impressum",
            "privacy" => $"/{m.Slug}/datenschutz",
            "accessibility" or "accessibility-en" => $"/{m.Slug}/barrierefreiheit",
            "dashboard" or "dashboard-en" => $"/{m.Slug}/plans/{plan.PlanId}/dashboard",
            _ => throw new ArgumentOutOfRangeException(nameof(pageType)),
        };
        if (pageType is "plan-en" or "accessibility-en" or "dashboard-en")
        {
            await page.GotoAsync($"/language/en?returnUrl={Uri.EscapeDataString(url)}");
            Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        }
        var response = await page.GotoAsync(url);
        Assert.Equal(pageType == "not-found" ? 404 : 200, response!.Status);
        await page.AssertNoAccessibilityViolationsAsync();
        Assert.Equal(0, dialogs); // no injected script ran
        Assert.Equal(1, await page.Locator("h1").CountAsync());
    }

    [Fact]
    public async Task Plan_page_shows_fields_and_measures_and_leads_to_the_measure_by_keyboard()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await Seed.PlanAsync(m);
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/{m.Slug}/plans/{plan.PlanId}");

        Assert.Contains("Sprachkurse in den Stadtteilen <script>alert(1)</script>", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Sprachkurse in den Stadtteilen" });
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.ReachAsync($"**/measures/{plan.MeasureId}");
        Assert.Contains("Alle Neuankommenden lernen Deutsch.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content()
    {
        var m = await app.CreateMunicipalityAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/{m.Slug}");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Zum Inhalt springen", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task Search_works_without_JavaScript()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await Seed.PlanAsync(m);
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{m.Slug}/plans/{plan.PlanId}");
        await page.GetByRole(AriaRole.Searchbox).FillAsync("SPRACHKURSE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await page.ReachAsync("**/search?q=SPRACHKURSE");
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Sprachkurse in den Stadtteilen" }).CountAsync());
        await context.DisposeAsync();
    }
}
