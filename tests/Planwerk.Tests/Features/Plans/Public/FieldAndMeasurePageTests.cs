using System.Net;
using Planwerk.Features.Plans;
using Planwerk.Tests.Infrastructure;
using Planwerk.Tests.Features.Implementation;

namespace Planwerk.Tests.Features.Plans.PublicSite;

public abstract class FieldAndMeasurePageTests(PlanwerkApp app)
{
    [Fact]
    public async Task Field_page_shows_its_description_and_only_its_own_measures_with_breadcrumbs()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 2, measuresPerField: 3);
        var field = seeded.Fields[1];

        var page = await app.CreateClient().GetDocumentAsync($"{seeded.Url(m)}/fields/{field.Id}");

        Assert.Equal("Handlungsfeld 2: Handlungsfeld Nummer 2", PublicPages.Normalize(page.QuerySelector("h1")!.TextContent));
        Assert.Contains("Beschreibung von Feld 2", page.QuerySelector("article .markdown")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["2.1", "2.2", "2.3"], page.QuerySelectorAll("tr.measure td.col-number").Select(td => td.TextContent.Trim()));
        Assert.Equal("3", page.QuerySelector(".status-table tfoot td")!.TextContent.Trim());

        var crumbs = page.QuerySelector("nav[aria-label=Pfadnavigation]")!;
        Assert.Equal(["/" + m.Slug, seeded.Url(m)], crumbs.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("page", crumbs.QuerySelectorAll("li")[^1].GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Field_of_another_plan_answers_404()
    {
        var m = await app.CreateMunicipalityAsync();
        var a = await m.AddPlanAsync();
        var b = await m.AddPlanAsync();
        var response = await app.CreateClient().GetAsync($"{a.Url(m)}/fields/{b.Fields[0].Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        response = await app.CreateClient().GetAsync($"{a.Url(m)}/measures/{b.Measures[0].Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Measure_page_shows_every_fact_of_the_measure_in_German()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 1, measure: x =>
        {
            x.Title = "Migrationssozialarbeit";
            x.Goal = "Begleitung mit *Integrationsplan*";
            x.Description = "- erstens\n- zweitens";
            x.TargetGroups = "Asylsuchende, Geduldete";
            x.CarriedBy("Sozialamt", "Freie Träger der Wohlfahrtspflege");
            x.StartDate = new DateOnly(2019, 7, 1);
            x.EndDate = new DateOnly(2022, 12, 31);
            x.EstimatedCost = 2_400_000m;
            x.Funding = "Kommunale Mittel";
            x.Priority = MeasurePriority.High;
            x.Status = MeasureStatus.InProgress;
            x.Progress = 60;
        });
        var measure = seeded.Measures[0];

        var page = await app.CreateClient().GetDocumentAsync($"{seeded.Url(m)}/measures/{measure.Id}");

        Assert.Equal("1.1 Migrationssozialarbeit", PublicPages.Normalize(page.QuerySelector("h1")!.TextContent));
        Assert.Equal("In Umsetzung", page.Fact("Status"));
        Assert.Equal("60 % 60 %", page.Fact("Fortschritt"));
        Assert.Equal("60", page.QuerySelector("dl.facts progress")!.GetAttribute("value"));
        Assert.Equal("Hoch", page.Fact("Priorität"));
        Assert.Equal("1: Handlungsfeld Nummer 1", page.Fact("Handlungsfeld"));
        Assert.Equal("Asylsuchende, Geduldete", page.Fact("Zielgruppen"));
        Assert.Equal("Sozialamt", page.Fact("Federführung"));
        Assert.Equal("Freie Träger der Wohlfahrtspflege", page.Fact("Partner"));
        Assert.Equal($"{seeded.Districts[0].Name} {seeded.Districts[1].Name} (Ortschaft)", page.Fact("Stadtbezirke und Ortschaften"));
        Assert.Equal("01.07.2019", page.Fact("Beginn"));
        Assert.Equal("2019-07-01", page.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("31.12.2022", page.Fact("Ende"));
        Assert.Equal("2.400.000 €", page.Fact("Geschätzte Kosten"));
        Assert.Equal("Kommunale Mittel", page.Fact("Finanzierung"));
        Assert.Equal("1. Integration von Anfang an", page.Fact("Leitlinien"));
        Assert.Equal($"{seeded.Url(m)}#leitlinie-1", page.QuerySelector("dl.facts a[href*='#leitlinie']")!.GetAttribute("href"));
        Assert.Equal("Integrationsplan", page.QuerySelector("section[aria-labelledby=goal-heading] em")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll("section[aria-labelledby=description-heading] li").Length);

        var crumbs = page.QuerySelectorAll("nav.breadcrumbs a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/" + m.Slug, seeded.Url(m), $"{seeded.Url(m)}/fields/{seeded.Fields[0].Id}"], crumbs);
    }

    [Fact]
    public async Task Measure_page_writes_dates_and_euros_the_English_way_in_English()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 1, measure: x =>
        {
            x.StartDate = new DateOnly(2019, 7, 1);
            x.EstimatedCost = 1234.5m;
            x.Priority = MeasurePriority.Low;
        });

        var page = await (await app.EnglishClientAsync()).GetDocumentAsync($"{seeded.Url(m)}/measures/{seeded.Measures[0].Id}");

        Assert.Equal("1 July 2019", page.Fact("Start"));
        Assert.Equal("not specified", page.Fact("End"));
        Assert.Equal("€1,234.50", page.Fact("Estimated cost"));
        Assert.Equal("Low", page.Fact("Priority"));
        Assert.Equal("Goal", page.QuerySelector("#goal-heading")!.TextContent);
    }

    [Fact]
    public async Task Measure_without_optional_facts_says_not_specified()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 2, measure: x =>
        {
            x.TargetGroups = "";
            x.Principles = [];
            x.Districts = [];
        });

        var page = await app.CreateClient().GetDocumentAsync($"{seeded.Url(m)}/measures/{seeded.Measures[1].Id}");

        Assert.Equal("keine Angabe", page.Fact("Zielgruppen"));
        Assert.Equal("keine Angabe", page.Fact("Geschätzte Kosten"));
        Assert.Equal("keine Angabe", page.Fact("Leitlinien"));
        Assert.Equal("ganze Stadt bzw. keine Angabe", page.Fact("Stadtbezirke und Ortschaften"));
    }
}

public sealed class FieldAndMeasurePageSqliteTests(SqliteApp app) : FieldAndMeasurePageTests(app), IClassFixture<SqliteApp>;

public sealed class FieldAndMeasurePagePostgresTests(PostgresApp app) : FieldAndMeasurePageTests(app), IClassFixture<PostgresApp>;
