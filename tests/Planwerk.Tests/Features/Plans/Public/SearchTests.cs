using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Tests.Infrastructure;
using Planwerk.Tests.Features.Implementation;

namespace Planwerk.Tests.Features.Plans.PublicSite;

public abstract class SearchTests(PlanwerkApp app)
{
    private static string[] Numbers(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("tr.measure td.col-number").Select(td => td.TextContent.Trim()).ToArray();

    [Theory]
    [InlineData("Sprache")]
    [InlineData("sprache")]
    [InlineData("SPRACHE")]
    [InlineData("  sPrAcHe  ")]
    public async Task Search_ignores_case(string term)
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 3, measure: x => x.Title = x.Number == "1.2" ? "Sprache im Alltag" : "Anderes");

        var page = await app.CreateClient().GetDocumentAsync($"{seeded.Url(m)}/search?q={Uri.EscapeDataString(term)}");

        Assert.Equal(["1.2"], Numbers(page));
        Assert.Equal("1 Treffer für „Sprache“".Replace("Sprache", term.Trim(), StringComparison.Ordinal), PublicPages.Normalize(page.QuerySelector("#results-heading")!.TextContent));
    }

    [Theory]
    [InlineData("übersetzung")]
    [InlineData("ÜBERSETZUNG")]
    [InlineData("Übersetzung")]
    public async Task Search_folds_the_case_of_umlauts_too(string term)
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 3, measure: x => x.Description = x.Number switch
        {
            "1.1" => "Mehr ÜBERSETZUNG in Ämtern",
            "1.3" => "Gute Übersetzung",
            _ => "Nichts davon",
        });

        var page = await app.CreateClient().GetDocumentAsync($"{seeded.Url(m)}/search?q={Uri.EscapeDataString(term)}");

        Assert.Equal(["1.1", "1.3"], Numbers(page));
    }

    [Theory]
    [InlineData("4.7")]
    [InlineData("Zieltext")]
    [InlineData("Beschreibungstext")]
    [InlineData("Zielgruppentext")]
    [InlineData("Amt für Text")]
    [InlineData("Partnertext")]
    public async Task Search_looks_at_number_goal_description_target_groups_office_and_partners(string term)
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 2, measure: x =>
        {
            if (x.Number != "1.2") return;
            x.Number = "4.7";
            x.Goal = "Ein Zieltext";
            x.Description = "Ein Beschreibungstext";
            x.TargetGroups = "Zielgruppentext";
            x.CarriedBy("Amt für Text", "Partnertext e.V.");
        });

        var page = await app.CreateClient().GetDocumentAsync($"{seeded.Url(m)}/search?q={Uri.EscapeDataString(term)}");

        Assert.Equal(["4.7"], Numbers(page));
    }

    [Fact]
    public async Task Results_are_grouped_by_field_with_counts_and_link_to_the_measures()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 3, measuresPerField: 2, measure: x => x.Title = x.Number is "1.1" or "3.1" or "3.2" ? "Wohnen im Quartier" : "Sonstiges");

        var page = await app.CreateClient().GetDocumentAsync($"{seeded.Url(m)}/search?q=wohnen");

        Assert.Equal("3 Treffer für „wohnen“", PublicPages.Normalize(page.QuerySelector("#results-heading")!.TextContent));
        var groups = page.QuerySelectorAll(".search-results h3").Select(h => PublicPages.Normalize(h.TextContent)).ToList();
        Assert.Equal(["Handlungsfeld 1: Handlungsfeld Nummer 1 (1 Treffer)", "Handlungsfeld 3: Handlungsfeld Nummer 3 (2 Treffer)"], groups);
        Assert.Equal(["1.1", "3.1", "3.2"], Numbers(page));
        Assert.Equal($"{seeded.Url(m)}/measures/{seeded.Measures[0].Id}", page.QuerySelector("tr.measure a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Search_finds_nothing_of_other_plans_or_municipalities_and_treats_wildcards_literally()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 1, measure: x => x.Title = "Eigenes");
        await m.AddPlanAsync(fields: 1, measuresPerField: 1, measure: x => x.Title = "Gemeinsames Wort");
        await other.AddPlanAsync(fields: 1, measuresPerField: 1, measure: x => x.Title = "Gemeinsames Wort");
        var client = app.CreateClient();

        var page = await client.GetDocumentAsync($"{seeded.Url(m)}/search?q=Gemeinsames");
        Assert.Empty(Numbers(page));
        Assert.Equal("0 Treffer für „Gemeinsames“", PublicPages.Normalize(page.QuerySelector("#results-heading")!.TextContent));
        Assert.Contains("Keine Maßnahme gefunden", page.QuerySelector(".search-results")!.TextContent, StringComparison.Ordinal);

        Assert.Empty(Numbers(await client.GetDocumentAsync($"{seeded.Url(m)}/search?q=%25")));
        Assert.Empty(Numbers(await client.GetDocumentAsync($"{seeded.Url(m)}/search?q=_")));
    }

    [Fact]
    public async Task An_empty_query_shows_the_form_without_results()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync();

        foreach (var url in new[] { $"{seeded.Url(m)}/search", $"{seeded.Url(m)}/search?q=", $"{seeded.Url(m)}/search?q=%20%20" })
        {
            var page = await app.CreateClient().GetDocumentAsync(url);
            Assert.NotNull(page.QuerySelector("main form.search-form input[name=q]"));
            Assert.Null(page.QuerySelector(".search-results"));
            Assert.Empty(page.Errors());
        }
    }

    [Fact]
    public async Task A_query_longer_than_200_characters_is_refused_with_a_message()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync();
        var client = app.CreateClient();

        var response = await client.GetAsync($"{seeded.Url(m)}/search?q={new string('a', 201)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Der Suchbegriff darf höchstens 200 Zeichen lang sein.", page.Errors());
        Assert.Equal("#q", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector(".search-results"));
        Assert.Equal(new string('a', 201), page.QuerySelector("input#q")!.GetAttribute("value"));

        // Exactly 200 is allowed.
        await client.GetDocumentAsync($"{seeded.Url(m)}/search?q={new string('a', 200)}");
    }

    [Theory]
    [InlineData("Strasse", "Lange Straße")]
    [InlineData("straße", "Lange Strasse")]
    [InlineData("Lerncafe", "Das Lerncafé")]
    [InlineData("LERNCAFÉ", "Das Lerncafe")]
    [InlineData("Aerzte", "Mehr Ärzte")]
    [InlineData("Übersetzung", "Mehr Uebersetzung")]
    [InlineData("Sao Paulo", "Partner in São\u00A0Paulo")]
    [InlineData("cafe\u0301", "Das Café")]
    public async Task Search_folds_umlauts_sharp_s_and_accents_on_both_sides(string term, string title)
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 3, measure: x => x.Title = x.Number == "1.2" ? title : "Anderes");

        var page = await app.CreateClient().GetDocumentAsync($"{seeded.Url(m)}/search?q={Uri.EscapeDataString(term)}");

        Assert.Equal(["1.2"], Numbers(page));
    }

    [Fact]
    public async Task A_measure_number_finds_exactly_that_measure()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 11, measuresPerField: 1, measure: x => x.Title = "Titel " + x.Number);
        await m.WithDbAsync(async db =>
        {
            var measure = await db.Measures.SingleAsync(x => x.Id == seeded.Measures[1].Id);
            measure.Title = "Siehe auch 1.1";
            return await db.SaveChangesAsync();
        });
        var client = app.CreateClient();

        Assert.Equal(["1.1"], Numbers(await client.GetDocumentAsync($"{seeded.Url(m)}/search?q=1.1")));
        Assert.Equal(["11.1"], Numbers(await client.GetDocumentAsync($"{seeded.Url(m)}/search?q=%2011.1%20")));
        Assert.Empty(Numbers(await client.GetDocumentAsync($"{seeded.Url(m)}/search?q=1.2")));
    }

    [Fact]
    public async Task An_edited_measure_is_found_by_its_new_text_and_no_longer_by_the_old()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 2, measure: x => x.Title = "Alter Titel");
        await m.WithDbAsync(async db =>
        {
            var measure = await db.Measures.SingleAsync(x => x.Id == seeded.Measures[0].Id);
            measure.Goal = "Neues Begegnungscafé";
            measure.Title = "Neu";
            return await db.SaveChangesAsync();
        });
        var client = app.CreateClient();

        Assert.Equal(["1.1"], Numbers(await client.GetDocumentAsync($"{seeded.Url(m)}/search?q=begegnungscafe")));
        Assert.Equal(["1.2"], Numbers(await client.GetDocumentAsync($"{seeded.Url(m)}/search?q=alter")));
    }

    [Theory]
    [InlineData(HostileText.Script)]
    [InlineData(HostileText.Markup)]
    [InlineData(HostileText.RightToLeft)]
    public async Task Hostile_and_right_to_left_terms_find_their_measure_and_are_shown_as_text(string text)
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 2, measure: x => x.Description = x.Number == "1.2" ? "Vorher " + text + " nachher" : "Nichts");

        var response = await app.CreateClient().GetAsync($"{seeded.Url(m)}/search?q={Uri.EscapeDataString(text)}");
        var html = await response.Content.ReadAsStringAsync();
        var page = await HtmlForms.ParseAsync(response);

        Assert.Equal(["1.2"], Numbers(page));
        Assert.Contains(text, page.QuerySelector("#results-heading")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_municipality_search_covers_all_its_published_plans_and_nothing_else()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var first = await m.AddPlanAsync(title: "Erster Plan", fields: 1, measuresPerField: 2, measure: x => x.Title = x.Number == "1.2" ? "Straßenfest" : "Anderes");
        var second = await m.AddPlanAsync(title: "Zweiter " + HostileText.Script, fields: 2, measuresPerField: 1, measure: x => x.Title = x.Number == "2.1" ? "Strassenfest im Quartier" : "Anderes");
        await m.AddPlanAsync(title: "Intern", isPublic: false, fields: 1, measuresPerField: 1, measure: x => x.Title = "Straßenfest intern");
        await other.AddPlanAsync(title: "Woanders", fields: 1, measuresPerField: 1, measure: x => x.Title = "Straßenfest woanders");

        var response = await app.CreateClient().GetAsync($"/{m.Slug}/search?q=STRASSENFEST");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = await HtmlForms.ParseAsync(response);

        Assert.Equal("2 Treffer für „STRASSENFEST“", PublicPages.Normalize(page.QuerySelector("#results-heading")!.TextContent));
        var plans = page.QuerySelectorAll(".search-results h3 a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).OrderBy(p => p.Item1, StringComparer.Ordinal).ToList();
        Assert.Equal([("Erster Plan", seeded(first)), ("Zweiter " + HostileText.Script, seeded(second))], plans);
        Assert.Equal(["1.2", "2.1"], Numbers(page).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("intern", html, StringComparison.Ordinal);
        Assert.DoesNotContain("woanders", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);

        string seeded(SeededPlan plan) => plan.Url(m);
    }

    [Fact]
    public async Task The_municipality_search_refuses_an_over_long_term_and_is_linked_from_the_start_page()
    {
        var m = await app.CreateMunicipalityAsync();
        await m.AddPlanAsync();
        var client = app.CreateClient();

        var response = await client.GetAsync($"/{m.Slug}/search?q={new string('a', 201)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Der Suchbegriff darf höchstens 200 Zeichen lang sein.", (await HtmlForms.ParseAsync(response)).Errors());

        var start = await client.GetDocumentAsync($"/{m.Slug}");
        Assert.Equal($"/{m.Slug}/search", start.QuerySelector("main form.search-form")!.GetAttribute("action"));
    }

    [Fact]
    public async Task The_search_form_on_the_plan_page_leads_to_the_results()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 2, measure: x => x.Title = x.Number == "1.2" ? "Sprachkurse für Eltern" : "Anderes");
        var client = app.CreateClient();

        var response = await client.SubmitFormAsync(seeded.Url(m), new Dictionary<string, string?> { ["q"] = "sprachkurs" }, "form.search-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["1.2"], Numbers(await HtmlForms.ParseAsync(response)));
    }
}

public sealed class SearchSqliteTests(SqliteApp app) : SearchTests(app), IClassFixture<SqliteApp>;

public sealed class SearchPostgresTests(PostgresApp app) : SearchTests(app), IClassFixture<PostgresApp>;
