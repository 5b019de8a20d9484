using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Tests.Infrastructure;
using Planwerk.Tests.Features.Implementation;

namespace Planwerk.Tests.Features.Plans.Print;

/// <summary>The print views: HTML documents with their own print stylesheet.</summary>
public abstract class PrintViewTests(PlanwerkApp app)
{
    [Fact]
    public async Task Plan_print_view_has_title_page_contents_and_every_measure_in_order()
    {
        var m = await app.CreateMunicipalityAsync("Musterstadt");
        var plan = await PrintPlans.SeedAsync(m, fieldCount: 3, measureCount: 10);

        var page = await app.CreateClient().GetDocumentAsync(m.DocumentUrl(plan));

        var h1 = Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal(plan.Title, h1.TextContent.Trim());
        var titlePage = page.QuerySelector(".title-page")!;
        Assert.Contains("Musterstadt", titlePage.TextContent, StringComparison.Ordinal);
        Assert.Contains("2024–2030", titlePage.TextContent, StringComparison.Ordinal);
        Assert.Contains("Beschlossen", titlePage.TextContent, StringComparison.Ordinal);
        Assert.Contains("01.06.2024", titlePage.TextContent, StringComparison.Ordinal);

        // Measures appear field by field in plan order, each with its number and title.
        var sections = page.QuerySelectorAll("section.measure").ToList();
        Assert.Equal(plan.Measures.Select(x => $"measure-{x.Number}"), sections.Select(s => s.Id));
        Assert.All(plan.Measures.Zip(sections), pair =>
            Assert.Equal($"{pair.First.Number} {pair.First.Title}", Normalized(pair.Second.QuerySelector("h3")!)));
        Assert.Equal(plan.Fields.Select(f => $"field-{f.Number}"), page.QuerySelectorAll("section.field").Select(s => s.Id));

        // The table of contents links every field and measure to its anchor, in the same order.
        var tocLinks = page.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")!).ToList();
        var expected = new[] { "#summary", "#principles" }
            .Concat(plan.Fields.SelectMany(f => f.Measures.Select(x => $"#measure-{x.Number}").Prepend($"#field-{f.Number}")));
        Assert.Equal(expected, tocLinks);
        Assert.All(tocLinks, href => Assert.NotNull(page.GetElementById(href[1..])));

        Assert.Contains("bündelt", page.QuerySelector("#summary")!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("#principles > ol > li").Length);
        var facts = Normalized(page.GetElementById($"measure-{plan.Measures.First().Number}")!.QuerySelector("dl.facts")!);
        foreach (var fact in new[] { "Mehr Menschen finden Arbeit.", "Sozialamt", "Jobcenter", "01.01.2024 – 31.12.2026", "12.500 €", "Landesmittel", "Hoch", "Teilhabe von Anfang an", "In Umsetzung", "40 %" })
            Assert.Contains(fact, facts, StringComparison.Ordinal);
        Assert.Equal(5, page.QuerySelectorAll("section.measure .example-badge").Length);
    }

    [Fact]
    public async Task Plan_print_view_lists_the_sections_in_the_contents_and_shows_their_text_and_images_before_the_principles()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PrintPlans.SeedAsync(m, fieldCount: 2, measureCount: 3,
            sections:
            [
                new("Vorwort " + HostileText.Script, "Ein **wichtiger** Text " + HostileText.Script + " " + HostileText.Markup + "\n\n![Karte der Stadtteile](image:1)\n\n![Verloren](image:9)"),
                new(HostileText.RightToLeft, HostileText.VeryLong),
                new("Rückblick", "Was 2023 geschah."),
            ],
            images: [new(1, "image/png", "Karte der Stadtteile", PrintPlans.Png)]);
        var client = app.CreateClient();

        var html = await client.GetStringAsync(m.DocumentUrl(plan));
        var page = await client.GetDocumentAsync(m.DocumentUrl(plan));

        // Contents: summary, the sections in order, principles, fields and measures.
        var toc = page.QuerySelectorAll("nav.toc > ol > li > a").ToList();
        Assert.Equal(["#summary", "#section-1", "#section-2", "#section-3", "#principles", $"#field-{plan.Fields[0].Number}", $"#field-{plan.Fields[1].Number}"],
            toc.Select(a => a.GetAttribute("href")));
        Assert.Equal(["Vorwort " + HostileText.Script, HostileText.RightToLeft, "Rückblick"], toc.Skip(1).Take(3).Select(a => a.TextContent));
        Assert.Equal("auto", toc[2].GetAttribute("dir"));

        // The sections, in that order, between the summary and the principles, with their Markdown rendered.
        Assert.Equal(["summary", "section-1", "section-2", "section-3", "principles", "field-1", "field-2"],
            page.QuerySelectorAll("article > section[id]").Select(s => s.Id));
        var sections = page.QuerySelectorAll("section.plan-section").ToList();
        Assert.Equal(["Vorwort " + HostileText.Script, HostileText.RightToLeft, "Rückblick"], sections.Select(s => s.QuerySelector("h2")!.TextContent));
        Assert.Equal("wichtiger", sections[0].QuerySelector("strong")!.TextContent);
        Assert.Contains(HostileText.Script + " " + HostileText.Markup, sections[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(PrintPlans.Normalize(HostileText.VeryLong), Normalized(sections[1]), StringComparison.Ordinal);
        Assert.Contains("Was 2023 geschah.", sections[2].TextContent, StringComparison.Ordinal);

        // Image 1 from the plan's image address; an unknown number is its alternative text.
        var image = Assert.Single(page.QuerySelectorAll("img"));
        Assert.Equal($"/{m.Slug}/plans/{plan.PlanId}/images/1", image.GetAttribute("src"));
        Assert.Equal("Karte der Stadtteile", image.GetAttribute("alt"));
        Assert.Contains("Verloren", sections[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("image:", html, StringComparison.Ordinal);

        // Nothing from the data becomes markup.
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_view_links_its_own_print_stylesheet_and_the_pdf()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PrintPlans.SeedAsync(m, 1, 1);
        var client = app.CreateClient();

        var page = await client.GetDocumentAsync(m.DocumentUrl(plan));

        var stylesheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        var stylesheet = Assert.Single(stylesheets);
        Assert.StartsWith("/css/plan-document.css", stylesheet, StringComparison.Ordinal);
        var css = await client.GetStringAsync(stylesheet);
        Assert.Contains("@page", css, StringComparison.Ordinal);
        Assert.Contains("counter(page)", css, StringComparison.Ordinal);
        Assert.Contains("break-before: page", css, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='{m.PdfUrl(plan)}']"));
        Assert.NotNull(page.QuerySelector("main"));
    }

    [Fact]
    public async Task Print_view_escapes_hostile_text_and_marks_right_to_left_text()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PrintPlans.SeedAsync(m, 1, 3, title: "Plan " + HostileText.Script, customize: (p, fields, measures) =>
        {
            p.Summary = HostileText.Markup;
            fields[0].Title = HostileText.Script;
            measures[0].Title = HostileText.Script;
            measures[0].Description = HostileText.Script + "\n\n" + HostileText.Markup;
            measures[0].CarriedBy(HostileText.Markup, "Jobcenter");
            measures[1].Title = HostileText.RightToLeft;
            measures[2].Description = HostileText.VeryLong;
        });
        var client = app.CreateClient();

        var html = await client.GetStringAsync(m.DocumentUrl(plan));
        var page = await client.GetDocumentAsync(m.DocumentUrl(plan));

        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Equal("Plan " + HostileText.Script, page.QuerySelector("h1")!.TextContent.Trim());
        var first = page.GetElementById($"measure-{plan.Measures.First().Number}")!;
        Assert.Contains(HostileText.Script, first.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(HostileText.Markup, first.TextContent, StringComparison.Ordinal);
        var rtl = page.GetElementById($"measure-{plan.Fields[0].Measures[1].Number}")!.QuerySelector("h3 span[dir=auto]")!;
        Assert.Equal(HostileText.RightToLeft, rtl.TextContent);
        Assert.Contains(PrintPlans.Normalize(HostileText.VeryLong), Normalized(page.GetElementById($"measure-{plan.Fields[0].Measures[2].Number}")!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Field_print_view_shows_the_field_and_only_its_measures()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PrintPlans.SeedAsync(m, 2, 6);
        var field = plan.Fields[1];

        var page = await app.CreateClient().GetDocumentAsync($"/{m.Slug}/plans/{plan.PlanId}/fields/{field.Id}/document");

        Assert.Equal($"Handlungsfeld 2: {field.Title}", Assert.Single(page.QuerySelectorAll("h1")).TextContent.Trim());
        Assert.Equal(field.Measures.Select(x => $"measure-{x.Number}"), page.QuerySelectorAll("section.measure").Select(s => s.Id));
        Assert.Equal(field.Measures.Select(x => $"#measure-{x.Number}"), page.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")));
        Assert.Contains(plan.Title, page.QuerySelector(".document-context")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/{m.Slug}/plans/{plan.PlanId}/fields/{field.Id}/document.pdf']"));
    }

    [Fact]
    public async Task Measure_print_view_shows_one_measure_with_its_facts()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PrintPlans.SeedAsync(m, 2, 4);
        var measure = plan.Fields[0].Measures[1];

        var page = await app.CreateClient().GetDocumentAsync($"/{m.Slug}/plans/{plan.PlanId}/measures/{measure.Id}/document");

        Assert.Equal($"{measure.Number} {measure.Title}", Normalized(Assert.Single(page.QuerySelectorAll("h1"))));
        var section = Assert.Single(page.QuerySelectorAll("section.measure"));
        Assert.Equal($"measure-{measure.Number}", section.Id);
        Assert.Equal(
            ["Ziel", "Beschreibung", "Zielgruppen", "Verantwortlich", "Partner", "Stadtbezirke und Ortschaften", "Zeitraum", "Kosten (geschätzt)", "Finanzierung", "Priorität", "Leitlinien", "Status", "Umsetzungsstand"],
            section.QuerySelectorAll("dt").Select(dt => dt.TextContent.Trim()));
        Assert.Contains("Handlungsfeld 1: Handlungsfeld Nummer 1", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_views_of_a_plan_that_is_not_public_answer_404()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PrintPlans.SeedAsync(m, 1, 2, isPublic: false);
        var client = app.CreateClient();

        foreach (var url in new[]
        {
            m.DocumentUrl(plan),
            $"/{m.Slug}/plans/{plan.PlanId}/fields/{plan.Fields[0].Id}/document",
            $"/{m.Slug}/plans/{plan.PlanId}/measures/{plan.Measures.First().Id}/document",
        })
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
    }

    [Fact]
    public async Task Print_views_of_another_municipalitys_plan_or_of_a_part_of_another_plan_answer_404()
    {
        var a = await app.CreateMunicipalityAsync();
        var b = await app.CreateMunicipalityAsync();
        var planOfA = await PrintPlans.SeedAsync(a, 1, 2);
        var planOfB = await PrintPlans.SeedAsync(b, 1, 2);
        var otherPlanOfB = await PrintPlans.SeedAsync(b, 1, 2, title: "Zweiter Plan");
        var client = app.CreateClient();

        foreach (var url in new[]
        {
            $"/{b.Slug}/plans/{planOfA.PlanId}/document",
            $"/{b.Slug}/plans/{planOfA.PlanId}/fields/{planOfA.Fields[0].Id}/document",
            $"/{b.Slug}/plans/{planOfA.PlanId}/measures/{planOfA.Measures.First().Id}/document",
            $"/{b.Slug}/plans/{planOfB.PlanId}/fields/{otherPlanOfB.Fields[0].Id}/document",
            $"/{b.Slug}/plans/{planOfB.PlanId}/measures/{otherPlanOfB.Measures.First().Id}/document",
        })
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(b.DocumentUrl(planOfB))).StatusCode);
    }

    [Fact]
    public async Task Print_view_costs_the_same_number_of_queries_for_10_and_300_measures_and_is_cached()
    {
        var m = await app.CreateMunicipalityAsync();
        var small = await PrintPlans.SeedAsync(m, 3, 10, title: "Plan mit zehn");
        var large = await PrintPlans.SeedAsync(m, 3, 300, title: "Plan mit dreihundert");
        var counter = new QueryCounter();
        using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();

        async Task<int> CostAsync(string url)
        {
            counter.Reset();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            return counter.Count;
        }

        var tenMeasures = await CostAsync(m.DocumentUrl(small));
        var threeHundredMeasures = await CostAsync(m.DocumentUrl(large));
        var again = await CostAsync(m.DocumentUrl(large));

        Assert.Equal(tenMeasures, threeHundredMeasures);
        Assert.True(threeHundredMeasures <= 11, $"{threeHundredMeasures} queries for one print view");
        Assert.True(again < threeHundredMeasures, "The second request is answered from the output cache.");
    }

    private static string Normalized(IElement element) => PrintPlans.Normalize(element.TextContent);
}

public sealed class PrintViewSqliteTests(SqliteApp app) : PrintViewTests(app), IClassFixture<SqliteApp>;

public sealed class PrintViewPostgresTests(PostgresApp app) : PrintViewTests(app), IClassFixture<PostgresApp>;
