using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Council;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>The council's public index and a paper's timeline in a real browser: reached from the site's navigation,
/// the lists filtered with the keyboard alone, a wrong filter named, hostile names inert, and axe-core on every state.</summary>
public sealed class CouncilPublicIndexTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Visitor_reaches_the_council_filters_by_keyboard_and_reads_a_paper_timeline_on_accessible_pages()
    {
        var m = await app.CreateMunicipalityAsync();
        var name = "Fachplan Wohnen " + HostileText.Script + " " + HostileText.RightToLeft;
        var (paperId, committeeId) = await m.WithDbAsync(async db =>
        {
            var council = new CouncilBody { Name = "Stadtrat", Classification = BodyClassification.CityCouncil };
            var committee = new CouncilBody { Name = "Ausschuss " + HostileText.RightToLeft, Classification = BodyClassification.Committee };
            var may = new Meeting { Body = committee, Name = "Ausschuss im Mai", Start = new DateTimeOffset(2019, 5, 20, 14, 0, 0, TimeSpan.Zero), State = MeetingState.Held };
            var june = new Meeting { Body = committee, Name = "Ausschuss im Juni", Start = new DateTimeOffset(2019, 6, 3, 14, 0, 0, TimeSpan.Zero), State = MeetingState.Held };
            var july = new Meeting { Body = council, Name = "Stadtrat im Juli", Start = new DateTimeOffset(2019, 7, 5, 12, 0, 0, TimeSpan.Zero), State = MeetingState.Held };
            var paper = new Paper { Reference = "V0815/19", Name = name, PaperType = "Beschlussvorlage", Date = new DateOnly(2019, 5, 2) };
            var other = new Paper { Reference = "V0001/18", Name = "Andere Vorlage", PaperType = "Informationsvorlage", Date = new DateOnly(2018, 3, 1) };
            var decision = new PaperConsultation { Paper = paper, Position = 3, Body = council, Meeting = july, Role = ConsultationRole.Decision, Result = ConsultationResult.Approved, VotesFor = 40, VotesAgainst = 20, VotesAbstaining = 2 };
            db.AddRange(council, committee, may, june, july, paper, other, decision,
                new PaperConsultation { Paper = paper, Position = 1, Body = committee, Meeting = may, Role = ConsultationRole.PreliminaryConsultation, Result = ConsultationResult.Postponed },
                new PaperConsultation { Paper = paper, Position = 2, Body = committee, Meeting = june, Role = ConsultationRole.PreliminaryConsultation, Result = ConsultationResult.Approved, VotesFor = 8, VotesAgainst = 1, VotesAbstaining = 0 },
                new PaperConsultation { Paper = other, Position = 1, Body = council, Role = ConsultationRole.ForInformation },
                new PaperConsultation
                {
                    Paper = new Paper { AmendsPaper = paper, Reference = "V0815/19-ÄA1", Name = "Änderung " + HostileText.Markup, Date = new DateOnly(2019, 7, 1) },
                    Position = 1, Body = council, Meeting = july, Role = ConsultationRole.Decision, Result = ConsultationResult.Approved, VotesFor = 35, VotesAgainst = 25, VotesAbstaining = 2,
                });
            await db.SaveChangesAsync();
            return (paper.Id, committee.Id);
        });
        var page = await app.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };

        // From the municipality's start page through the main navigation to the council's index.
        await page.GotoAsync($"/{m.Slug}");
        await page.TabToAndPressAsync(page.Locator("#council-nav"));
        await page.ReachAsync($"**/{m.Slug}/council");
        Assert.Equal("Rat und Gremien", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("OParl-Schnittstelle", await page.Locator("#oparl-link").InnerTextAsync());
        await page.AssertNoAccessibilityViolationsAsync();

        // The list of papers, filtered by the committee with the keyboard alone.
        await page.TabToAndPressAsync(page.Locator(".council-links a", new() { HasText = "Vorlagen des Rates" }));
        await page.ReachAsync($"**/{m.Slug}/council/papers");
        // The amendment is a paper of its own and listed too.
        Assert.Equal(3, await page.Locator("#papers tbody tr").CountAsync());
        await page.AssertNoAccessibilityViolationsAsync();
        await page.TabToAndPressAsync(page.Locator("#filter-body"), "ArrowDown", navigates: false);
        Assert.Equal(committeeId.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#filter-body").InputValueAsync());
        await page.TabToAndPressAsync(page.Locator("#council-filter button[type=submit]"));
        Assert.Contains($"body={committeeId}", page.Url, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#papers tbody tr").CountAsync());
        Assert.Contains(HostileText.Script, await page.Locator("#papers").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAccessibilityViolationsAsync();

        // A period the wrong way round is named, beside its field too, and the page stays accessible.
        await page.GotoAsync($"/{m.Slug}/council/meetings?from=2019-07-01&to=2019-01-01&body={Uri.EscapeDataString(HostileText.Script)}");
        Assert.Contains("Bis (Datum):", await page.Locator("#filter-problems").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Gremium:", await page.Locator("#filter-problems").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("#meetings tbody tr").CountAsync());
        await page.AssertNoAccessibilityViolationsAsync();

        // The paper's timeline: the postponement, the agreement, the amendment, the deciding consultation, the resolution.
        await page.GotoAsync($"/{m.Slug}/council/papers/{paperId}");
        var steps = await page.Locator("#timeline > li").AllInnerTextsAsync();
        Assert.Equal(6, steps.Count);
        Assert.Contains("vertagt", steps[1], StringComparison.Ordinal);
        Assert.Contains("zugestimmt (8 dafür, 1 dagegen, 0 Enthaltungen)", steps[2], StringComparison.Ordinal);
        Assert.Contains("V0815/19-ÄA1 Änderung " + HostileText.Markup + ": zugestimmt (35 dafür, 25 dagegen, 2 Enthaltungen)", steps[3], StringComparison.Ordinal);
        Assert.Contains("entscheidende Beratung", steps[4], StringComparison.Ordinal);
        Assert.Contains("Beschluss", steps[5], StringComparison.Ordinal);
        Assert.Equal("2019-07-05", await page.Locator("#timeline > li.deciding time").GetAttributeAsync("datetime"));
        Assert.Contains(HostileText.RightToLeft, await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal($"/oparl/v1/bodies/{m.Slug}/papers/{paperId}", await page.Locator("head link[rel=alternate]").GetAttributeAsync("href"));
        await page.AssertNoAccessibilityViolationsAsync();
        Assert.Equal(0, dialogs);
    }
}
