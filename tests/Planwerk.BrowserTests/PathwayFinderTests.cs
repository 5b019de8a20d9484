using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Tests.Features.Pathways.PublicPages;

namespace Planwerk.BrowserTests;

/// <summary>The public pathway pages in a real browser: a person finds their steps in Arabic with the keyboard alone and
/// prints them, right to left throughout; an easy-German pathway page is marked as such. Every page has no axe-core
/// finding of any impact.</summary>
public sealed class PathwayFinderTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_person_finds_their_steps_in_Arabic_by_keyboard_and_prints_them()
    {
        var w = await PathwayWorld.CreateAsync(app);
        var slug = w.M.Slug;
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/{slug}/pathways?lang=ar");
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal(PathwayWorld.ArrivalArabic, (await page.Locator("#pathway-list a[href*='/pathways/ankommen'] span[lang='ar']").InnerTextAsync()).Trim());
        Assert.Equal("rtl", await page.Locator("#pathway-list a[href*='/pathways/ankommen'] span[lang='ar']").GetAttributeAsync("dir"));
        Assert.Equal("ar", await page.Locator("#finder-lang").InputValueAsync());
        await page.AssertNoAccessibilityViolationsAsync();

        // The answers, chosen as a keyboard user chooses them: arrow keys in the lists, arrow and Space in the radio group.
        await ChooseAsync(page, "#finder-situation", "AsylumSeekers");
        await ChooseAsync(page, "#finder-age", "27-64");
        await page.TabToAndPressAsync(page.Locator("input[name=children][value='']"), "ArrowDown", navigates: false);
        await page.Keyboard.PressAsync(" ");
        Assert.True(await page.Locator("input[name=children][value=yes]").IsCheckedAsync());
        await ChooseAsync(page, "#finder-district", w.Prohlis.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.TabToAndPressAsync(page.Locator("#finder-form button[type=submit]"));

        // The form sends its fields in their order; the page's own links put the language last.
        var answers = $"situation=AsylumSeekers&age=27-64&children=yes&lang=ar&district={w.Prohlis}";
        await page.ArriveAtAsync($"/{slug}/pathways/finder", "Mein Weg");
        Assert.EndsWith($"/{slug}/pathways/finder?{answers}", page.Url, StringComparison.Ordinal);
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        var expected = new[] { w.Register, w.KitaStep };
        var shown = await page.Locator("#finder-result article.pathway-step").EvaluateAllAsync<string[]>("es => es.map(e => e.id)");
        Assert.Equal(expected.Select(uid => "step-" + uid.ToString("N")), shown);
        var registerTitle = page.Locator($"#step-{w.Register:N}-title span[lang='ar']");
        Assert.Equal(PathwayWorld.RegisterArabic, (await registerTitle.InnerTextAsync()).Trim());
        Assert.Equal("rtl", await registerTitle.GetAttributeAsync("dir"));
        await page.AssertNoAccessibilityViolationsAsync();

        await page.TabToAndPressAsync(page.Locator("#print-link"));
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(
            System.Text.RegularExpressions.Regex.Escape($"/{slug}/pathways/finder/print?situation=AsylumSeekers&age=27-64&children=yes&district={w.Prohlis}&lang=ar") + "$"));
        Assert.Equal(("ar", "rtl"), (await page.Locator("html").GetAttributeAsync("lang"), await page.Locator("html").GetAttributeAsync("dir")));
        var printed = await page.Locator("section.handout-step").EvaluateAllAsync<string[]>("es => es.map(e => e.dataset.step)");
        Assert.Equal(expected.Select(uid => uid.ToString("D")), printed);
        var printedTitle = page.Locator($"section.handout-step[data-step='{w.Register:D}'] h4 span[lang='ar']");
        Assert.Equal(PathwayWorld.RegisterArabic, (await printedTitle.InnerTextAsync()).Trim());
        Assert.Equal("rtl", await printedTitle.GetAttributeAsync("dir"));
        Assert.Equal("rtl", await page.Locator("main").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await page.AssertNoAccessibilityViolationsAsync();
    }

    [Fact]
    public async Task An_easy_German_pathway_page_is_marked_as_Leichte_Sprache()
    {
        var w = await PathwayWorld.CreateAsync(app);
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/{w.M.Slug}/pathways/ankommen?lang=de-x-ls");
        await Assertions.Expect(page.Locator("#easy-language")).ToContainTextAsync("Leichte Sprache");
        Assert.Equal("de-x-ls", await page.Locator("#easy-language").GetAttributeAsync("lang"));
        Assert.Equal(PathwayWorld.ArrivalEasy, (await page.Locator("#pathway-title span[lang='de-x-ls']").InnerTextAsync()).Trim());
        Assert.Equal(PathwayWorld.RegisterEasy, (await page.Locator($"#step-{w.Register:N}-title span[lang='de-x-ls']").InnerTextAsync()).Trim());
        Assert.NotEqual("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        await page.AssertNoAccessibilityViolationsAsync();
    }

    /// <summary>Tabs to the list and moves through its options with the arrow key until <paramref name="value"/> is chosen.</summary>
    private static async Task ChooseAsync(IPage page, string selector, string value)
    {
        var list = page.Locator(selector);
        await page.TabToAndPressAsync(list, "Home", navigates: false);
        for (var presses = 0; presses < 50 && await list.InputValueAsync() != value; presses++)
            await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(value, await list.InputValueAsync());
    }
}
