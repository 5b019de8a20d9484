using Planwerk.Features.Plans;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.PublicSite;

public abstract class PrintTests(PlanwerkApp app)
{
    [Fact]
    public async Task Print_view_holds_the_whole_plan_with_every_measure_and_its_facts()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 2, measuresPerField: 3, title: "Fachplan zum Drucken", measure: x =>
        {
            x.Goal = "Ziel von " + x.Number;
            x.ResponsibleOffice = "Amt " + x.Number;
            x.EstimatedCost = 1000m;
        });

        var page = await app.CreateClient().GetDocumentAsync(seeded.Url(m) + "/print");

        Assert.Equal("Fachplan zum Drucken", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(["Integration von Anfang an", "Teilhabe durch Beteiligung"], page.QuerySelectorAll("ol.principles > li > strong").Select(e => e.TextContent.Trim()));
        Assert.Equal(["Handlungsfeld 1: Handlungsfeld Nummer 1", "Handlungsfeld 2: Handlungsfeld Nummer 2"],
            page.QuerySelectorAll("section.field > h2").Select(h => PublicPages.Normalize(h.TextContent)));
        var measures = page.QuerySelectorAll("section.measure").ToList();
        Assert.Equal(6, measures.Count);
        Assert.Equal(["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"], measures.Select(s => s.QuerySelector(".measure-number")!.TextContent));
        var last = measures[^1];
        Assert.Contains("Ziel von 2.3", last.TextContent, StringComparison.Ordinal);
        Assert.Contains("Amt 2.3", last.TextContent, StringComparison.Ordinal);
        Assert.Contains("1.000 €", PublicPages.Normalize(last.TextContent), StringComparison.Ordinal);
        Assert.Contains(PlanText.Status(seeded.Measures[5].Status), last.QuerySelector(".status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("6", page.QuerySelector(".status-table tfoot td")!.TextContent.Trim());
    }
}

public sealed class PrintSqliteTests(SqliteApp app) : PrintTests(app), IClassFixture<SqliteApp>;

public sealed class PrintPostgresTests(PostgresApp app) : PrintTests(app), IClassFixture<PostgresApp>;
