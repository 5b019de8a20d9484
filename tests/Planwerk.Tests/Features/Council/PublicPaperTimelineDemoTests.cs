using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Council;
using Planwerk.Features.Demo;
using Planwerk.Tests.Features.Demo;
using Planwerk.Tests.Features.Plans.Print;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Council;

/// <summary>The demo's paper V2950/19, postponed in the culture committee and adopted by the city council on 05.07.2019,
/// told as a timeline on its public page.</summary>
public abstract class PublicPaperTimelineDemoTests(DemoApp app)
{
    [Fact]
    public async Task The_demo_paper_postponed_then_adopted_is_told_in_order_with_one_deciding_consultation_and_the_adoption()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        db.CurrentMunicipalityId = await db.Municipalities.Where(m => m.Slug == DemoContent.Slug).Select(m => m.Id).SingleAsync();
        var paper = await db.Papers.SingleAsync(p => p.Reference == DemoCouncil.PaperReference);
        var plan = await db.Plans.SingleAsync(p => p.Id == paper.PlanId);

        var page = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{DemoContent.Slug}/council/papers/{paper.Id}");
        var entries = page.QuerySelectorAll("#timeline > li").ToList();
        var texts = entries.Select(e => PrintPlans.Normalize(e.TextContent)).ToList();
        var days = entries.Select(e => e.QuerySelector("time")?.GetAttribute("datetime")).ToList();

        // The paper first, then its path in order: the days never go back.
        Assert.StartsWith("09.04.2019: Vorlage erstellt", texts[0], StringComparison.Ordinal);
        Assert.Equal("2019-04-09", days[0]);
        Assert.All(days, d => Assert.NotNull(d));
        Assert.Equal(days.Order(StringComparer.Ordinal), days);
        // Ten consultations, one amendment, one resolution.
        Assert.Equal(10, entries.Count(e => e.ClassList.Contains("timeline-consultation")));

        // The culture committee postponed on 20.05.2019 and agreed on 03.06.2019, with its votes; neither is deciding.
        var culture = texts.Select((t, i) => (t, i)).Where(x => x.t.Contains("Ausschuss für Kultur und Tourismus", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, culture.Count);
        Assert.Equal("2019-05-20", days[culture[0].i]);
        Assert.Contains("Vorberatung", culture[0].t, StringComparison.Ordinal);
        Assert.Contains("– vertagt", culture[0].t, StringComparison.Ordinal);
        Assert.DoesNotContain("dafür", culture[0].t, StringComparison.Ordinal);
        Assert.Equal("2019-06-03", days[culture[1].i]);
        Assert.Contains("– zugestimmt (8 dafür, 2 dagegen, 1 Enthaltung)", culture[1].t, StringComparison.Ordinal);
        Assert.Equal(culture[0].i + 1, culture[1].i);

        // Exactly one deciding consultation: the city council's on 05.07.2019; the amendment voted before it; the adoption last.
        var deciding = Assert.Single(entries, e => e.ClassList.Contains("deciding"));
        var at = entries.IndexOf(deciding);
        Assert.Equal(entries.Count - 2, at);
        Assert.Equal("2019-07-05", days[at]);
        Assert.Contains("Stadtrat, Beschlussfassung", texts[at], StringComparison.Ordinal);
        Assert.Contains("mit Änderungen zugestimmt (40 dafür, 22 dagegen, 5 Enthaltungen) entscheidende Beratung", texts[at], StringComparison.Ordinal);
        Assert.Contains("timeline-amendment", entries[at - 1].ClassName, StringComparison.Ordinal);
        Assert.Contains("05.07.2019: Änderungsantrag V2950/19-ÄA1 Jährlicher Bericht über die Umsetzung: zugestimmt", texts[at - 1], StringComparison.Ordinal);
        var resolution = entries[^1];
        Assert.Contains("timeline-resolution", resolution.ClassName, StringComparison.Ordinal);
        Assert.Contains("05.07.2019: Beschluss: Stadtrat hat die Vorlage beschlossen (mit Änderungen zugestimmt).", texts[^1], StringComparison.Ordinal);
        Assert.Equal([$"/{DemoContent.Slug}/plans/{plan.Id}", $"/{DemoContent.Slug}/plans/{plan.Id}/versions/{plan.AdoptedVersionId!.Value.ToString(CultureInfo.InvariantCulture)}"],
            resolution.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));

        // In English the words are translated; the names stay as entered.
        var visitor = app.CreateBrowserlikeClient();
        await visitor.GetAsync("/language/en?returnUrl=/");
        var english = await visitor.GetDocumentAsync($"/{DemoContent.Slug}/council/papers/{paper.Id}");
        Assert.Contains("deciding consultation", english.QuerySelector("#timeline")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class PublicPaperTimelineDemoSqliteTests(DemoSqliteApp app) : PublicPaperTimelineDemoTests(app), IClassFixture<DemoSqliteApp>;

public sealed class PublicPaperTimelineDemoPostgresTests(DemoPostgresApp app) : PublicPaperTimelineDemoTests(app), IClassFixture<DemoPostgresApp>;
