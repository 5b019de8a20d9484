using System.Net;
using Planwerk.Tests.Infrastructure;

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
            x.ResponsibleOffice = "Amt für Text";
            x.PartnerOrganisations = "Partnertext e.V.";
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
