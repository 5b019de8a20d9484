using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Plans;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.PublicSite;

public abstract class PlanPageTests(PlanwerkApp app)
{
    [Fact]
    public async Task Plan_page_shows_facts_principles_in_order_and_every_field_with_its_measures()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 3, measuresPerField: 2, title: "Fachplan Asyl und Integration", plan: p => p.Summary = "Ein **wichtiger** Plan.");
        // Principles stored out of order must still show by position.
        await m.WithDbAsync(async db =>
        {
            var first = await db.Principles.SingleAsync(p => p.PlanId == seeded.Id && p.Position == 1);
            first.Position = 3;
            return 0;
        });

        var page = await app.CreateClient().GetDocumentAsync(seeded.Url(m));

        Assert.Equal("Fachplan Asyl und Integration", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("2019–2022", page.Fact("Zeitraum"));
        Assert.Equal("Beschlossen", page.Fact("Stand des Plans"));
        Assert.Equal("wichtiger", page.QuerySelector(".summary strong")!.TextContent);
        Assert.Equal(["Teilhabe durch Beteiligung", "Integration von Anfang an"],
            page.QuerySelectorAll("ol.principles > li > strong").Select(e => e.TextContent.Trim()));

        var fieldHeadings = page.QuerySelectorAll("section.field h3").Select(h => PublicPages.Normalize(h.TextContent)).ToList();
        Assert.Equal(["Handlungsfeld 1: Handlungsfeld Nummer 1", "Handlungsfeld 2: Handlungsfeld Nummer 2", "Handlungsfeld 3: Handlungsfeld Nummer 3"], fieldHeadings);
        Assert.Equal($"/{m.Slug}/plans/{seeded.Id}/fields/{seeded.Fields[0].Id}", page.QuerySelector("section.field h3 a")!.GetAttribute("href"));

        var rows = page.QuerySelectorAll("table.measures tr.measure").ToList();
        Assert.Equal(6, rows.Count);
        var first = seeded.Measures[1]; // 1.2: In Umsetzung, 10 %
        var row = rows[1];
        Assert.Equal("1.2", row.Children[0].TextContent.Trim());
        Assert.Equal($"/{m.Slug}/plans/{seeded.Id}/measures/{first.Id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Maßnahme 1.2", row.QuerySelector("a")!.TextContent.Trim());
        Assert.Equal("In Umsetzung", row.QuerySelector(".status")!.TextContent.Trim());
        Assert.Equal("10", row.QuerySelector("progress")!.GetAttribute("value"));
        Assert.Equal("10 %", PublicPages.Normalize(row.QuerySelector(".progress-text")!.TextContent));
    }

    [Fact]
    public async Task Measures_show_in_their_position_order_and_4_10_follows_4_9()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 0);
        await m.WithDbAsync(db =>
        {
            foreach (var (number, position) in new[] { ("1.10", 5), ("1.9", 5), ("1.1", 1) })
                db.Measures.Add(new Measure { PlanId = seeded.Id, FieldOfActionId = seeded.Fields[0].Id, Number = number, Title = "M " + number, Position = position });
            return Task.FromResult(0);
        });

        var page = await app.CreateClient().GetDocumentAsync(seeded.Url(m));
        Assert.Equal(["1.1", "1.9", "1.10"], page.QuerySelectorAll("tr.measure td.col-number").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task Status_summary_counts_measures_per_status_and_averages_their_progress()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 4, measure: x =>
        {
            (x.Status, x.Progress) = x.Number switch
            {
                "1.1" => (MeasureStatus.Completed, 100),
                "1.2" => (MeasureStatus.Completed, 100),
                "1.3" => (MeasureStatus.Delayed, 20),
                _ => (MeasureStatus.InProgress, 40),
            };
        });

        var page = await app.CreateClient().GetDocumentAsync(seeded.Url(m));

        var counts = page.QuerySelectorAll(".status-table tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal(new Dictionary<string, string>
        {
            ["Nicht begonnen"] = "0", ["In Umsetzung"] = "1", ["Abgeschlossen"] = "2", ["Verzögert"] = "1", ["Eingestellt"] = "0",
        }, counts);
        Assert.Equal("4", page.QuerySelector(".status-table tfoot td")!.TextContent.Trim());
        // (100 + 100 + 20 + 40) / 4 = 65
        Assert.Contains("65 %", PublicPages.Normalize(page.QuerySelector(".status-summary-block p")!.TextContent), StringComparison.Ordinal);
        var figure = page.QuerySelector(".status-figure svg")!;
        Assert.Equal("img", figure.GetAttribute("role"));
        Assert.Contains("Abgeschlossen: 2", figure.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal(5, figure.QuerySelectorAll("rect").Length);
    }

    [Fact]
    public async Task A_plan_that_is_not_public_answers_404()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(isPublic: false);
        var client = app.CreateClient();

        foreach (var url in new[] { seeded.Url(m), seeded.Url(m) + "/document", seeded.Url(m) + "/search?q=Ma",
                     seeded.Url(m) + $"/fields/{seeded.Fields[0].Id}", seeded.Url(m) + $"/measures/{seeded.Measures[0].Id}" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Another_municipalitys_plan_under_this_municipalitys_address_answers_404()
    {
        var mine = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var theirs = await other.AddPlanAsync(title: "Fremder Plan");
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(theirs.Url(other))).StatusCode);
        foreach (var url in new[] { $"/plans/{theirs.Id}", $"/plans/{theirs.Id}/document", $"/plans/{theirs.Id}/search?q=Ma",
                     $"/plans/{theirs.Id}/fields/{theirs.Fields[0].Id}", $"/plans/{theirs.Id}/measures/{theirs.Measures[0].Id}" })
        {
            var response = await client.GetAsync("/" + mine.Slug + url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("Fremder Plan", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Predecessor_is_linked_only_when_it_is_public()
    {
        var m = await app.CreateMunicipalityAsync();
        var publicOld = await m.AddPlanAsync(title: "Fachplan Asyl 2014–2016");
        var hiddenOld = await m.AddPlanAsync(title: "Geheimer Vorgänger", isPublic: false);
        var current = await m.AddPlanAsync(title: "Neuer Plan", plan: p => p.PredecessorId = publicOld.Id);
        var other = await m.AddPlanAsync(title: "Anderer Plan", plan: p => p.PredecessorId = hiddenOld.Id);
        var client = app.CreateClient();

        var page = await client.GetDocumentAsync(current.Url(m));
        Assert.Equal("Fachplan Asyl 2014–2016", page.Fact("Vorgängerplan"));
        Assert.NotNull(page.QuerySelector($"dl.facts a[href='/{m.Slug}/plans/{publicOld.Id}']"));

        var html = await client.GetStringAsync(other.Url(m));
        Assert.DoesNotContain("Geheimer Vorgänger", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Vorgängerplan", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Example_content_is_marked_as_Beispielinhalt()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 2, plan: p => p.IsExample = true, measure: x => x.IsExample = x.Number == "1.2");

        var page = await app.CreateClient().GetDocumentAsync(seeded.Url(m));

        Assert.Equal("Beispielinhalt", page.QuerySelector("h1 .example-badge")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("tr.measure").ToList();
        Assert.Null(rows[0].QuerySelector(".example-badge"));
        Assert.Equal("Beispielinhalt", rows[1].QuerySelector(".example-badge")!.TextContent.Trim());

        var measurePage = await app.CreateClient().GetDocumentAsync($"{seeded.Url(m)}/measures/{seeded.Measures[1].Id}");
        Assert.NotNull(measurePage.QuerySelector("h1 .example-badge"));
    }

    [Fact]
    public async Task Plan_page_offers_a_get_search_form_and_the_print_view()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync();

        var page = await app.CreateClient().GetDocumentAsync(seeded.Url(m));

        var form = page.QuerySelector("form.search-form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(seeded.Url(m) + "/search", form.GetAttribute("action"));
        Assert.Equal("q", form.QuerySelector("input#q")!.GetAttribute("name"));
        Assert.NotNull(form.QuerySelector("label[for=q]"));
        Assert.NotNull(page.QuerySelector($"a[href='{seeded.Url(m)}/document']"));
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][media=print][href^='/css/print.css']"));
    }

    [Fact]
    public async Task Plan_page_speaks_German_by_default_and_English_after_the_switch()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 1, measure: x => x.Status = MeasureStatus.Delayed);

        var german = await app.CreateClient().GetDocumentAsync(seeded.Url(m));
        Assert.Equal("de", german.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Leitlinien", german.QuerySelector("#principles-heading")!.TextContent);
        Assert.Equal("Verzögert", german.QuerySelector("tr.measure .status")!.TextContent.Trim());
        Assert.Equal("Beschlossen", german.Fact("Stand des Plans"));

        var english = await (await app.EnglishClientAsync()).GetDocumentAsync(seeded.Url(m));
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Guiding principles", english.QuerySelector("#principles-heading")!.TextContent);
        Assert.Equal("Delayed", english.QuerySelector("tr.measure .status")!.TextContent.Trim());
        Assert.Equal("Adopted", english.Fact("State of the plan"));
        Assert.Equal("Fields of action and measures", english.QuerySelector("#fields-heading")!.TextContent);
    }

    [Fact]
    public async Task Municipality_start_page_lists_only_public_plans_with_their_period()
    {
        var m = await app.CreateMunicipalityAsync();
        var open = await m.AddPlanAsync(title: "Öffentlicher Plan", plan: p => p.PeriodEnd = null);
        await m.AddPlanAsync(title: "Entwurf im Haus", isPublic: false);

        var page = await app.CreateClient().GetDocumentAsync("/" + m.Slug);
        var items = page.QuerySelectorAll(".card-list li").ToList();
        Assert.Single(items);
        Assert.Equal(open.Url(m), items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("ab 2019", PublicPages.Normalize(items[0].TextContent), StringComparison.Ordinal);

        var english = await (await app.EnglishClientAsync()).GetDocumentAsync("/" + m.Slug);
        Assert.Contains("from 2019", PublicPages.Normalize(english.QuerySelector(".card-list li")!.TextContent), StringComparison.Ordinal);
    }
}

public sealed class PlanPageSqliteTests(SqliteApp app) : PlanPageTests(app), IClassFixture<SqliteApp>;

public sealed class PlanPagePostgresTests(PostgresApp app) : PlanPageTests(app), IClassFixture<PostgresApp>;
