using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Tests.Features.Plans.PublicSite;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Plans.Transfer.TransferData;

namespace Planwerk.Tests.Features.Plans.Levels;

/// <summary>A plan names its levels in its own words, and every page, print, PDF and export uses them.</summary>
public abstract class PlanLevelsTests(PlanwerkApp app)
{
    private static readonly PlanLevels Themenfeld = new(
        new LevelWords("Leitziel", HostileText.Script, "Guiding goal", "Guiding goals"),
        new LevelWords("Themenfeld", "Themenfelder", "Topic", "Topics " + HostileText.Markup),
        new LevelWords("Projekt", "Projekte", "Project", "Projects"));

    private static Task<int> RenameAsync(TestMunicipality m, int planId, PlanLevels levels) => m.WithDbAsync(async db =>
    {
        (await db.Plans.SingleAsync(p => p.Id == planId)).Levels = levels;
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_plan_renamed_to_Themenfeld_shows_it_on_its_page_print_pdf_and_csv_header_escaped()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 2, measuresPerField: 1);
        await RenameAsync(m, seeded.Id, Themenfeld);
        var client = app.CreateClient();

        var response = await client.GetAsync(seeded.Url(m));
        var html = await response.Content.ReadAsStringAsync();
        var page = await HtmlForms.ParseAsync(response);
        Assert.StartsWith("Themenfeld 1:", PublicPages.Normalize(page.QuerySelectorAll("main h3").First(h => h.TextContent.Contains("Themenfeld", StringComparison.Ordinal)).TextContent), StringComparison.Ordinal);
        Assert.Equal(HostileText.Script, page.QuerySelector("#principles-heading")!.TextContent.Trim());
        Assert.Equal("Themenfelder und Projekte", PublicPages.Normalize(page.QuerySelector("#fields-heading")!.TextContent));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Handlungsfeld 1", html, StringComparison.Ordinal);

        var field = await client.GetDocumentAsync($"{seeded.Url(m)}/fields/{seeded.Fields[0].Id}");
        Assert.StartsWith("Themenfeld 1:", PublicPages.Normalize(field.QuerySelector("h1")!.TextContent), StringComparison.Ordinal);

        var print = await client.GetAsync($"{seeded.Url(m)}/document");
        var printHtml = await print.Content.ReadAsStringAsync();
        Assert.Contains("Themenfeld 1: Handlungsfeld Nummer 1", (await HtmlForms.ParseAsync(print)).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", printHtml, StringComparison.Ordinal);

        var (pdf, _) = await Print.PdfText.FetchAsync(client, $"{seeded.Url(m)}/document.pdf");
        var pdfText = string.Join("\n", pdf.Pages);
        Assert.Contains("Themenfeld 1", pdfText, StringComparison.Ordinal);
        Assert.DoesNotContain("Teilbereich 1", pdfText, StringComparison.Ordinal);

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"{seeded.Url(m)}/export.csv")).TrimStart('\uFEFF');
        Assert.StartsWith("Schlüssel;Themenfeld-Nummer;Themenfeld-Titel;Nummer;Titel;", csv, StringComparison.Ordinal);
        Assert.Contains(";" + HostileText.Script + ";", csv.Split("\r\n")[0], StringComparison.Ordinal);

        var english = await (await app.EnglishClientAsync()).GetDocumentAsync(seeded.Url(m));
        Assert.Contains("Topics " + HostileText.Markup + " and projects", PublicPages.Normalize(english.QuerySelector("#fields-heading")!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_JSON_export_and_the_API_carry_the_level_names_and_an_import_without_them_takes_the_defaults()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 1);
        await RenameAsync(m, seeded.Id, Themenfeld);

        var document = await DocumentAsync(m, seeded.Id);
        Assert.Equal(Themenfeld, document.Levels);
        var json = JsonSerializer.Serialize(document, PlanDocument.JsonOptions);
        Assert.Contains("\"levels\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"singular\": \"Themenfeld\"", json, StringComparison.Ordinal);

        var api = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/api/v1/municipalities/{m.Slug}/plans/{seeded.Id}")).RootElement;
        Assert.Equal("Themenfeld", api.GetProperty("levels").GetProperty("field").GetProperty("singular").GetString());
        Assert.Equal("Topic", api.GetProperty("levels").GetProperty("field").GetProperty("singularEn").GetString());

        var withoutLevels = document with { Levels = null, Title = "Ohne Ebenen" };
        Assert.Equal(PlanLevels.Default, withoutLevels.LevelNames);
        var result = await m.WithDbAsync(db => PlanImport.ImportAsync(db, JsonSerializer.SerializeToUtf8Bytes(withoutLevels, PlanDocument.JsonOptions), Now));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(PlanLevels.Default, await m.WithDbAsync(db => db.Plans.Where(p => p.Id == result.PlanId).SelectLevels().SingleAsync()));
    }

    [Theory]
    [InlineData("Handlungsfeld-Nummer", "Leitlinien", "Titel")]
    [InlineData("Teilbereich-Nummer", "Leitziele", "Maßnahme")]
    [InlineData("Themenfeld-Nummer", "leitziel", "Massnahme-Titel")]
    [InlineData("THEMENFELD NR.", "LEITLINIE", "MASSNAHME")]
    [InlineData("Themenfeldnummer", "Leitbilder", "Maßnahmentitel")]
    [InlineData("Field number", "Principles", "Measure")]
    [InlineData("Field of action number", "Guiding principles", "Title")]
    [InlineData("Handlungsbereich-Nr", "Leitlinien", "Measure title")]
    public async Task Measures_import_with_the_common_synonyms_of_the_level_headers(string field, string principles, string title)
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        var number = title.Contains("Nummer", StringComparison.Ordinal) ? "Nummer" : "Massnahme-Nummer";

        var result = await ImportAsync(m, plan.PlanId, Csv($"{field};{number};{title};{principles}", "1;1.2;Lesepaten;2"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var measure = await m.WithDbAsync(db => db.Measures.Include(x => x.Principles).SingleAsync(x => x.PlanId == plan.PlanId && x.Number == "1.2"));
        Assert.Equal("Lesepaten", measure.Title);
        Assert.Equal([2], measure.Principles.Select(p => p.Position));
    }

    [Fact]
    public async Task The_plans_own_words_are_accepted_as_headers_and_an_unknown_header_is_named()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        await RenameAsync(m, plan.PlanId, PlanLevels.Default with { Field = new LevelWords("Cluster", "Cluster", "Cluster", "Clusters") });

        var own = await ImportAsync(m, plan.PlanId, Csv("Cluster-Nummer;Cluster-Titel;Nummer;Titel", "1;Sprache;1.2;Neu"));
        Assert.True(own.Succeeded, string.Join("\n", own.Problems));

        var unknown = await ImportAsync(m, plan.PlanId, Csv("Teilgebiet-Nummer;Nummer;Titel", "1;1.3;Neu"));
        Assert.False(unknown.Succeeded);
        Assert.Contains(unknown.Problems, p => p.Column == "Teilgebiet-Nummer");
        Assert.Contains(unknown.Problems, p => p.Column == "Cluster-Nummer");
    }

    [Fact]
    public async Task The_plan_edit_page_sets_the_words_from_a_preset_or_typed_and_records_them_in_the_history()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 1);
        var client = await m.SignedInClientAsync(Planwerk.Features.Accounts.MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{seeded.Id}";

        var preset = await client.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.FieldPreset"] = "Themenfeld" }, "#plan-form");
        Assert.Equal(HttpStatusCode.Redirect, preset.StatusCode);
        var stored = await m.WithDbAsync(db => db.Plans.Where(p => p.Id == seeded.Id).SelectLevels().SingleAsync());
        Assert.Equal(new LevelWords("Themenfeld", "Themenfelder", "Topic", "Topics"), stored.Field);
        Assert.Equal(PlanLevels.Default.Principle, stored.Principle);

        var typed = await client.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.MeasureSingular"] = "  Vorhaben " + HostileText.RightToLeft, ["Input.MeasurePlural"] = "" }, "#plan-form");
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        var errors = (await HtmlForms.ParseAsync(typed)).Errors();
        Assert.Contains("Wörter für die Maßnahmen: Mehrzahl: Bitte geben Sie ein Wort an.", errors);
        Assert.Equal("Maßnahme", (await m.WithDbAsync(db => db.Plans.Where(p => p.Id == seeded.Id).SelectLevels().SingleAsync())).Measure.Singular);

        var tooLong = await client.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.PrincipleSingular"] = new string('x', 61) }, "#plan-form");
        Assert.Contains("Wörter für die Leitlinien: Einzahl: höchstens 60 Zeichen.", (await HtmlForms.ParseAsync(tooLong)).Errors());

        var history = await client.GetDocumentAsync(url + "/history");
        Assert.Contains("Wort für ein Handlungsfeld", history.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Themenfeld", history.Body!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class PlanLevelsSqliteTests(SqliteApp app) : PlanLevelsTests(app), IClassFixture<SqliteApp>;

public sealed class PlanLevelsPostgresTests(PostgresApp app) : PlanLevelsTests(app), IClassFixture<PostgresApp>;
