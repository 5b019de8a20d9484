using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Timeline;

namespace Planwerk.BrowserTests;

/// <summary>The public timeline in a real browser: accessible, usable by keyboard, and printed whole.</summary>
public sealed class TimelineTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static Task<int> TimelinePlanAsync(Planwerk.Tests.Infrastructure.TestMunicipality m) => m.WithDbAsync(async db =>
    {
        var plan = new Plan { Title = "Fachplan Asyl 2020", IsPublic = true, State = PlanState.Adopted, AdoptedOn = new DateOnly(2019, 7, 5) };
        db.Plans.Add(plan);
        db.TimelineEntries.AddRange(
            new TimelineEntry { Plan = plan, Kind = TimelineEntryKind.Event, StartDate = new DateOnly(2017, 1, 1), StartPrecision = DatePrecision.Year, Title = "Auftrag A0282/17 <script>alert(1)</script>" },
            new TimelineEntry
            {
                Plan = plan, Kind = TimelineEntryKind.Phase, StartDate = new DateOnly(2018, 4, 1), StartPrecision = DatePrecision.Quarter,
                EndDate = new DateOnly(2018, 10, 1), EndPrecision = DatePrecision.Quarter, Title = "Stellungnahmen und Arbeitsgruppen",
                Activities = "Schriftliche Stellungnahmen\nArbeitsgruppe Unterbringung\nArbeitsgruppe Integration",
            },
            new TimelineEntry { Plan = plan, Kind = TimelineEntryKind.Event, StartDate = new DateOnly(2019, 3, 20), StartPrecision = DatePrecision.Day, Title = "Der Plan ist fertiggestellt" });
        await db.SaveChangesAsync();
        return plan.Id;
    });

    [Fact]
    public async Task Public_timeline_is_accessible_keyboard_navigable_and_prints_every_entry()
    {
        var m = await app.CreateMunicipalityAsync();
        var planId = await TimelinePlanAsync(m);
        var page = await app.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };

        var response = await page.GotoAsync($"/{m.Slug}/plans/{planId}/timeline");
        Assert.Equal(200, response!.Status);
        await page.AssertNoAccessibilityViolationsAsync();
        Assert.Equal(0, dialogs);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.Equal(["2017", "2018", "2019"], await page.Locator("section.timeline-year h2").AllInnerTextsAsync());

        // By keyboard from the plan page to the timeline and back.
        await page.GotoAsync($"/{m.Slug}/plans/{planId}");
        // The address is polled until it is the timeline's: waiting for a navigation event instead hung in about
        // one run of two, when the navigation had already happened before the wait began.
        var link = page.Locator("#timeline-link");
        await link.FocusAsync();
        await Assertions.Expect(link).ToBeFocusedAsync();
        await link.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/plans/{planId}/timeline$"));
        await Assertions.Expect(page.Locator("section.timeline-year").First).ToBeVisibleAsync();
        var back = page.GetByRole(AriaRole.Link, new() { Name = "Zurück zum Fachplan" });
        await back.FocusAsync();
        Assert.Equal("Zurück zum Fachplan", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var entries = page.Locator("li.timeline-entry");
        Assert.Equal(4, await entries.CountAsync()); // three entries and the adoption
        for (var i = 0; i < 4; i++) Assert.True(await entries.Nth(i).IsVisibleAsync(), $"entry {i} is not printed");
        Assert.True(await page.GetByText("Arbeitsgruppe Integration").IsVisibleAsync());
        Assert.False(await back.IsVisibleAsync());
        Assert.Contains("2. bis 4. Quartal 2018", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }
}
