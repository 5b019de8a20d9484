using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Demo;
using Planwerk.Tests.Features.Demo;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Timeline;

/// <summary>The demo plan carries the city's own timeline (REFERENCE.md), each step once.</summary>
public abstract class DemoTimelineTests(DemoApp app)
{
    [Fact]
    public async Task Demo_plan_shows_the_real_path_from_the_2017_mandate_to_the_adoption_on_5_July_2019()
    {
        int planId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
            db.CurrentMunicipalityId = await db.Municipalities.Where(x => x.Slug == DemoContent.Slug).Select(x => x.Id).SingleAsync();
            planId = await db.TimelineEntries.Select(e => e.PlanId).Distinct().SingleAsync();
            Assert.Equal(9, await db.TimelineEntries.CountAsync());
            // Seeding again adds nothing.
            var plan = await db.Plans.SingleAsync(p => p.Id == planId);
            await DemoTimeline.AddAsync(db, plan, CancellationToken.None);
            Assert.Equal(9, await db.TimelineEntries.CountAsync());
        }

        var page = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{DemoContent.Slug}/plans/{planId}/timeline");
        var text = System.Text.RegularExpressions.Regex.Replace(page.QuerySelector("main")!.TextContent, @"\s+", " ");
        // The years of the plan's making, and those in which a yearly report on carrying it out was published.
        Assert.Equal(["2017", "2018", "2019", "2021", "2022"], page.QuerySelectorAll("section.timeline-year h2").Select(h => h.TextContent));
        Assert.Contains("Jahresbericht 2020 veröffentlicht", text, StringComparison.Ordinal);
        Assert.Contains("Jahresbericht 2021 veröffentlicht", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jahresbericht 2022", text, StringComparison.Ordinal);
        foreach (var step in new[]
        {
            "2017: Stadtratsbeschluss A0282/17", "27.11.2017: Beteiligungsworkshop „Fachplan Asyl 2020“", "2. bis 4. Quartal 2018: Fachliche Stellungnahmen",
            "Arbeitsgruppe Flüchtlingssozialarbeit", "1. Quartal 2019: Konkretisierung des Maßnahmenplans", "20.03.2019: Der Fachplan ist fertiggestellt",
            "April 2019: Mitte April", "2. Quartal 2019: Beratung in den Gremien", "Ausländerbeirat", "18.06.2019: Der Ausschuss für Soziales und Wohnen stimmt zu",
            "05.07.2019: Der Stadtrat beschließt den Fachplan",
        })
            Assert.Contains(step, text, StringComparison.Ordinal);
        // The workshop and the round of the demo appear once, through the entries that point to them.
        Assert.DoesNotContain("Workshop „", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Beteiligungsrunde „", text, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll($"a[href^='/{DemoContent.Slug}/workshops/']"));
        Assert.Single(page.QuerySelectorAll($"a[href^='/{DemoContent.Slug}/consultations/']"));
    }
}

public sealed class DemoTimelineSqliteTests(DemoSqliteApp app) : DemoTimelineTests(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoTimelinePostgresTests(DemoPostgresApp app) : DemoTimelineTests(app), IClassFixture<DemoPostgresApp>;
