using Microsoft.EntityFrameworkCore;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Pathways;
using Planwerk.Tests.Features.Pathways.Feedback;

namespace Planwerk.BrowserTests;

/// <summary>A person gives feedback on a pathway step in Arabic with the keyboard only: the page is laid out right to
/// left, the form, its refusal and the thanks have no axe-core finding of any impact, and the answer is stored.</summary>
public sealed class StepFeedbackTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_person_answers_a_step_in_Arabic_by_keyboard()
    {
        var m = await app.CreateMunicipalityAsync();
        var p = await m.AddPublishedPathwayAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync(p.FormUrl(m, lang: "ar"));
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal(FeedbackTestSupport.StepTitleArabic, (await page.Locator("#feedback-step strong span").First.InnerTextAsync()).Trim());
        await page.AssertNoAccessibilityViolationsAsync();

        // Sent without an answer: the refusal names what is missing, and is accessible too.
        await page.TabToAndPressAsync(page.Locator("#feedback-form button[type=submit]"));
        Assert.Equal(1, await page.Locator("#error-summary").CountAsync());
        await page.AssertNoAccessibilityViolationsAsync();

        // Within a radio group the arrow keys choose: from "yes" one step on is "no".
        await page.TabToAndPressAsync(page.Locator("#worked-yes"), key: "ArrowDown", navigates: false);
        Assert.True(await page.Locator("#worked-no").IsCheckedAsync());
        await page.TabToAndPressAsync(page.Locator("#problem-NotAdmitted"), key: " ", navigates: false);
        await page.TabToAndPressAsync(page.Locator("#Input_Text"), key: "End", navigates: false);
        await page.Keyboard.TypeAsync("لم يكن هناك مترجم");
        await page.TabToAndPressAsync(page.Locator("#feedback-form button[type=submit]"));
        Assert.Contains("/feedback/thanks?lang=ar", page.Url, StringComparison.Ordinal);
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        await page.AssertNoAccessibilityViolationsAsync();

        var row = await m.WithDbAsync(db => db.StepFeedback.AsNoTracking().SingleAsync());
        Assert.Equal((false, StepProblem.NotAdmitted, "لم يكن هناك مترجم", "ar"), (row.Worked, row.Problem, row.Text, row.Language));
    }
}
