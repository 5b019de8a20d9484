using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>The council clerk's pages (bodies, meetings, papers), the plan's state page and the team's
/// timeline editing in a real browser: reached and sent with the keyboard, and axe-core on every page.</summary>
public sealed class CouncilAndPlanPathTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Clerk_records_a_body_a_meeting_and_a_paper_with_the_keyboard_on_accessible_pages()
    {
        var m = await app.CreateMunicipalityAsync();
        await Seed.PlanAsync(m);
        var clerk = await m.AddMemberAsync(MunicipalityRole.CouncilClerk);
        var page = await app.NewPageAsync();
        await page.SignInAsync(clerk.Email!);
        var council = $"/{m.Slug}/manage/council";

        await page.GotoAsync(council);
        await page.AssertNoAccessibilityViolationsAsync();

        // A body: the link reached with Tab, the form sent with Enter.
        await page.TabToAndPressAsync(page.Locator("#new-body"));
        Assert.Equal("Neues Gremium", await page.Locator("h1").InnerTextAsync());
        await page.AssertNoAccessibilityViolationsAsync();
        var body = "Ausschuss für Soziales " + HostileText.Script;
        await page.Locator("#Input_Name").FillAsync(body);
        await page.Locator("#Input_Name").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("wurde gespeichert");
        Assert.Equal(body, await page.Locator("h1").InnerTextAsync());
        await page.AssertNoAccessibilityViolationsAsync();

        // A meeting of that body, with its agenda form.
        await page.GotoAsync(council);
        await page.TabToAndPressAsync(page.Locator("#new-meeting"));
        await page.AssertNoAccessibilityViolationsAsync();
        await page.Locator("#Input_Name").FillAsync("Sitzung des Ausschusses");
        await page.Locator("#Input_StartDate").FillAsync("2019-07-05");
        await page.Locator("#Input_StartTime").FillAsync("16:00");
        await page.Locator("#Input_StartTime").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#agenda")).ToBeVisibleAsync();
        await page.AssertNoAccessibilityViolationsAsync();

        // An agenda item: added on the meeting's page, then corrected on its own page, both with the keyboard.
        await page.Locator("#Item_Number").FillAsync("Ö 4");
        await page.Locator("#Item_Name").FillAsync("Fachplan Integration");
        await page.Locator("#Item_Name").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("wurde hinzugefügt");
        await page.TabToAndPressAsync(page.Locator("#agenda .edit-item").First);
        await Assertions.Expect(page.Locator("#item-edit-form")).ToBeVisibleAsync();
        await page.AssertNoAccessibilityViolationsAsync();
        await page.Locator("#Item_Name").FillAsync("");
        await page.Locator("#Item_Name").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#Item_Name-error")).ToContainTextAsync("Bitte geben Sie den Namen des Tagesordnungspunkts an.");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.Locator("#Item_Name").FillAsync("Fachplan Integration " + HostileText.RightToLeft);
        await page.Locator("#Item_Name").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#agenda")).ToContainTextAsync("Fachplan Integration " + HostileText.RightToLeft);
        await page.AssertNoAccessibilityViolationsAsync();

        // A paper, with its files, consultations and amendments.
        await page.GotoAsync(council);
        await page.TabToAndPressAsync(page.Locator("#new-paper"));
        await page.AssertNoAccessibilityViolationsAsync();
        await page.Locator("#Input_Reference").FillAsync("V0001/19");
        await page.Locator("#Input_Name").FillAsync("Fachplan Integration " + HostileText.Script);
        await page.Locator("#Input_Date").FillAsync("2019-04-09");
        await page.Locator("#Input_Reference").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#consultations")).ToBeVisibleAsync();
        await page.AssertNoAccessibilityViolationsAsync();

        await page.GotoAsync(council);
        var main = await page.MainTextAsync();
        Assert.Contains(body, main, StringComparison.Ordinal);
        Assert.Contains("Sitzung des Ausschusses", main, StringComparison.Ordinal);
        Assert.Contains("V0001/19", main, StringComparison.Ordinal);
        await page.AssertNoAccessibilityViolationsAsync();
    }

    [Fact]
    public async Task Editor_changes_the_plan_state_and_adds_a_timeline_entry_with_the_keyboard_on_accessible_pages()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await Seed.PlanAsync(m);
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var page = await app.NewPageAsync();
        await page.SignInAsync(editor.Email!);
        var manage = $"/{m.Slug}/manage/plans/{plan.PlanId}";

        // The state page: sent without a reason it names the field; with one it changes the state.
        await page.GotoAsync(manage + "/state");
        await page.AssertNoAccessibilityViolationsAsync();
        var submit = page.GetByRole(AriaRole.Button, new() { Name = "Stand ändern" });
        await page.TabToAndPressAsync(submit);
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Grund");
        await page.AssertNoAccessibilityViolationsAsync();
        var target = await page.Locator("#Input_NewState option:not([value=''])").First.GetAttributeAsync("value");
        await page.Locator("#Input_NewState").SelectOptionAsync(target!);
        await page.Locator("#Input_Reason").FillAsync("Beschluss " + HostileText.Script);
        await page.TabToAndPressAsync(submit);
        await page.ReachAsync(url => !new Uri(url).AbsolutePath.EndsWith("/state", StringComparison.Ordinal));
        Assert.Equal(Enum.Parse<PlanState>(target!), await m.WithDbAsync(db => db.Plans.Where(p => p.Id == plan.PlanId).Select(p => p.State).SingleAsync()));
        await page.AssertNoAccessibilityViolationsAsync();

        // The team's timeline: a new entry reached, filled and sent by keyboard, then listed.
        await page.GotoAsync(manage + "/timeline");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.TabToAndPressAsync(page.Locator($"main a[href='{manage}/timeline/new']"));
        await page.AssertNoAccessibilityViolationsAsync();
        var title = "Arbeitsgruppe Unterbringung " + HostileText.Script;
        await page.Locator("#Input_Start").FillAsync("2. Quartal 2019");
        await page.Locator("#Input_Title").FillAsync(title);
        await page.TabToAndPressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Eintrag hinzufügen" }));
        await page.ReachAsync(url => new Uri(url).AbsolutePath == manage + "/timeline");
        Assert.Contains(title, await page.MainTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAccessibilityViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await page.ReachAsync(url => new Uri(url).AbsolutePath.StartsWith(manage + "/timeline/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
        Assert.Equal(title, await page.Locator("#Input_Title").InputValueAsync());
        await page.AssertNoAccessibilityViolationsAsync();
    }
}
