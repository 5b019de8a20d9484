using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Features.Plans.PublicSite;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Levels;

/// <summary>A plan of "Leitziele", "Themenfelder" and "Vorhaben" says so on every page that names a level:
/// the measure page, search, versions and comparisons, print and PDF names, the plan team's pages, imports
/// and history; in German and in English.</summary>
public abstract class PlanLevelWordsTests(PlanwerkApp app)
{
    private static readonly PlanLevels Themenfeld = new(
        new LevelWords("Leitziel", "Leitziele", "Guiding goal", "Guiding goals"),
        new LevelWords("Themenfeld", "Themenfelder", "Topic", "Topics"),
        new LevelWords("Vorhaben", "Vorhaben", "Initiative", "Initiatives"));

    private static Task<int> NameLevelsAsync(TestMunicipality m, int planId, PlanLevels levels) => m.WithDbAsync(async db =>
    {
        (await db.Plans.SingleAsync(p => p.Id == planId)).Levels = levels;
        return await db.SaveChangesAsync();
    });

    private static async Task<HttpClient> InEnglishAsync(HttpClient client)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/language/en?returnUrl=/")).StatusCode);
        return client;
    }

    private static string Text(AngleSharp.Dom.IDocument page) => PublicPages.Normalize(page.QuerySelector("main")!.TextContent);

    [Fact]
    public async Task The_measure_page_search_print_and_pdf_names_use_the_plans_words_in_German_and_English()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync(fields: 2, measuresPerField: 2, plan: p => p.Levels = Themenfeld);
        var (field, measure) = (seeded.Fields[0], seeded.Measures[0]);
        var client = app.CreateBrowserlikeClient();

        var page = await client.GetDocumentAsync($"{seeded.Url(m)}/measures/{measure.Id}");
        var body = PublicPages.Normalize(page.Body!.TextContent);
        Assert.Contains("Themenfeld 1: Handlungsfeld Nummer 1", body, StringComparison.Ordinal);
        Assert.Equal("1: Handlungsfeld Nummer 1", page.Fact("Themenfeld"));
        Assert.Equal("1. Integration von Anfang an", page.Fact("Leitziele"));
        Assert.DoesNotContain("Handlungsfeld 1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Dient den Leitlinien", body, StringComparison.Ordinal);

        var search = await client.GetDocumentAsync($"{seeded.Url(m)}/search?q=Ma%C3%9Fnahme");
        Assert.Equal("Vorhaben durchsuchen", search.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Themenfeld 1: Handlungsfeld Nummer 1", PublicPages.Normalize(search.QuerySelector("#hits-" + field.Id)!.TextContent), StringComparison.Ordinal);
        Assert.Contains("Treffer in Themenfeld 1", search.QuerySelectorAll("caption").Select(c => c.TextContent));

        var print = await client.GetDocumentAsync($"{seeded.Url(m)}/fields/{field.Id}/document");
        Assert.Equal("Vorhaben in Themenfeld 1", print.QuerySelector("#toc-heading")!.TextContent);
        Assert.Contains("Zurück zu Themenfeld 1", PublicPages.Normalize(print.Body!.TextContent), StringComparison.Ordinal);
        Assert.DoesNotContain("Teilbereich", print.Body!.TextContent, StringComparison.Ordinal);

        async Task<string?> PdfNameAsync(HttpClient c, string url)
        {
            var response = await c.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
        }
        Assert.Equal("Fachplan-Teststadt-Themenfeld-1.pdf", await PdfNameAsync(client, $"{seeded.Url(m)}/fields/{field.Id}/document.pdf"));
        Assert.Equal("Fachplan-Teststadt-Vorhaben-1.1.pdf", await PdfNameAsync(client, $"{seeded.Url(m)}/measures/{measure.Id}/document.pdf"));

        var english = await app.EnglishClientAsync();
        var englishPage = await english.GetDocumentAsync($"{seeded.Url(m)}/measures/{measure.Id}");
        Assert.Equal("1: Handlungsfeld Nummer 1", englishPage.Fact("Topic"));
        Assert.Equal("1. Integration von Anfang an", englishPage.Fact("Guiding goals"));
        Assert.Contains("Topic 1: Handlungsfeld Nummer 1", PublicPages.Normalize(englishPage.Body!.TextContent), StringComparison.Ordinal);
        var englishSearch = await english.GetDocumentAsync($"{seeded.Url(m)}/search?q=Ma%C3%9Fnahme");
        Assert.Equal("Search initiatives", englishSearch.QuerySelector("h1")!.TextContent);
        Assert.Contains("Results in Topic 1", englishSearch.QuerySelectorAll("caption").Select(c => c.TextContent));
        Assert.Equal("Initiatives in Topic 1", (await english.GetDocumentAsync($"{seeded.Url(m)}/fields/{field.Id}/document")).QuerySelector("#toc-heading")!.TextContent);
        Assert.Equal("Fachplan-Teststadt-Topic-1.pdf", await PdfNameAsync(english, $"{seeded.Url(m)}/fields/{field.Id}/document.pdf"));
    }

    [Fact]
    public async Task Hostile_level_words_are_escaped_on_the_measure_page_and_leave_a_safe_pdf_name()
    {
        var m = await app.CreateMunicipalityAsync();
        var hostile = PlanLevels.Default with { Field = new LevelWords(HostileText.Script, HostileText.Script, HostileText.Script, HostileText.Script) };
        var seeded = await m.AddPlanAsync(fields: 1, measuresPerField: 1, plan: p => p.Levels = hostile);
        var client = app.CreateBrowserlikeClient();

        var response = await client.GetAsync($"{seeded.Url(m)}/measures/{seeded.Measures[0].Id}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Equal("1: Handlungsfeld Nummer 1", (await HtmlForms.ParseAsync(response)).Fact(HostileText.Script));

        var pdf = await client.GetAsync($"{seeded.Url(m)}/fields/{seeded.Fields[0].Id}/document.pdf");
        Assert.Equal("Fachplan-Teststadt-script-alert-1-script-1.pdf", pdf.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task A_version_and_a_comparison_show_the_plans_words_and_an_old_version_without_words_takes_the_plans()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 2, fields: 2, measuresPerField: 2);
        await NameLevelsAsync(m, plan.Id, Themenfeld);
        await m.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == plan.Id)).IsPublic = true;
            return await db.SaveChangesAsync();
        });
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var versions = $"/{m.Slug}/manage/plans/{plan.Id}/versions";
        async Task<int> FreezeAsync(string name)
        {
            var response = await editor.SubmitFormAsync(versions, new Dictionary<string, string?> { ["Input.Name"] = name }, "#freeze-form");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return int.Parse(response.RedirectTarget()[(versions.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        }
        var first = await FreezeAsync("Erster Entwurf");
        await m.WithDbAsync(async db =>
        {
            var measure = await db.Measures.Include(x => x.Principles).SingleAsync(x => x.Id == plan.Field(1).MeasureIds[0]);
            measure.Title = "Neuer Titel";
            if (measure.Principles.Count > 0) measure.Principles.Clear();
            else measure.Principles.Add(await db.Principles.FirstAsync(p => p.PlanId == plan.Id));
            return await db.SaveChangesAsync();
        });
        var second = await FreezeAsync("Zweiter Entwurf");

        var visitor = app.CreateBrowserlikeClient();
        var version = await visitor.GetDocumentAsync($"/{m.Slug}/plans/{plan.Id}/versions/{first}");
        Assert.Equal("Leitziele", version.QuerySelector("#principles-heading")!.TextContent);
        Assert.Equal("Themenfelder und Vorhaben", version.QuerySelector("#fields-heading")!.TextContent);
        Assert.StartsWith("Themenfeld 1:", version.QuerySelector("#field-1")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Handlungsfeld", Text(version), StringComparison.Ordinal);

        var compareUrl = $"/{m.Slug}/plans/{plan.Id}/versions/compare?from={first}&to={second}";
        var compare = await visitor.GetDocumentAsync(compareUrl);
        var counts = PublicPages.Normalize(compare.GetElementById("change-counts")!.TextContent);
        Assert.Contains("Vorhaben geändert: 1", counts, StringComparison.Ordinal);
        Assert.Contains("Leitziele mit Änderungen: 0", counts, StringComparison.Ordinal);
        Assert.Equal("Geändert oder verschoben: Vorhaben", compare.QuerySelector("#changed-heading")!.TextContent);
        Assert.Contains("Leitziele", compare.QuerySelectorAll("#changed-measures dt").Select(d => d.TextContent));

        var english = await app.EnglishClientAsync();
        var englishCompare = await english.GetDocumentAsync(compareUrl);
        Assert.Contains("Initiatives changed: 1", PublicPages.Normalize(englishCompare.GetElementById("change-counts")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("Guiding goals", englishCompare.QuerySelectorAll("#changed-measures dt").Select(d => d.TextContent));
        Assert.StartsWith("Topic 1:", (await english.GetDocumentAsync($"/{m.Slug}/plans/{plan.Id}/versions/{first}")).QuerySelector("#field-1")!.TextContent, StringComparison.Ordinal);

        // A version frozen before plans named their levels shows the plan's words of today.
        await m.WithDbAsync(async db =>
        {
            // Versions refuse changes through the context; this stands for one stored before the format had levels.
            var json = System.Text.Json.Nodes.JsonNode.Parse(await db.PlanVersions.Where(v => v.Id == first).Select(v => v.Document).SingleAsync())!.AsObject();
            Assert.True(json.Remove("levels"));
            var document = json.ToJsonString();
            return await db.PlanVersions.Where(v => v.Id == first).ExecuteUpdateAsync(s => s.SetProperty(v => v.Document, document));
        });
        var old = await visitor.GetDocumentAsync($"/{m.Slug}/plans/{plan.Id}/versions/{first}");
        Assert.StartsWith("Themenfeld 1:", old.QuerySelector("#field-1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_teams_list_edit_pages_notices_and_checks_use_the_plans_words_in_German_and_English()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 1, fields: 2, measuresPerField: 2);
        await NameLevelsAsync(m, plan.Id, Themenfeld);
        var other = await m.PlanAsync(principles: 0, fields: 1, measuresPerField: 1, title: "Zweiter Plan");
        await NameLevelsAsync(m, other.Id, PlanLevels.Default with { Field = new LevelWords(HostileText.Script, HostileText.Script, "Area", "Areas") });
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var manage = $"/{m.Slug}/manage/plans/{plan.Id}";

        var listResponse = await client.GetAsync($"/{m.Slug}/manage");
        var listHtml = await listResponse.Content.ReadAsStringAsync();
        var list = await HtmlForms.ParseAsync(listResponse);
        Assert.Contains("Umfang", list.QuerySelectorAll("th").Select(h => h.TextContent));
        var cells = list.QuerySelectorAll("td").Select(td => PublicPages.Normalize(td.TextContent)).ToList();
        Assert.Contains("2 Themenfelder, 4 Vorhaben", cells);
        Assert.Contains($"1 {HostileText.Script}, 1 Maßnahme", cells);
        Assert.DoesNotContain("<script>alert", listHtml, StringComparison.Ordinal);

        var newField = await client.GetDocumentAsync($"{manage}/fields/new");
        Assert.Equal("Themenfeld anlegen", newField.QuerySelector("h1")!.TextContent);
        var created = await client.SubmitFormAsync($"{manage}/fields/new", new Dictionary<string, string?> { ["Input.Title"] = "Wohnen" }, "#field-form");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var planPage = await client.GetDocumentAsync(created.RedirectTarget());
        Assert.Contains("Themenfeld 3 wurde angelegt.", planPage.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        // The plan's structure on its edit page: headings, links, the empty field and the hidden names of the buttons.
        Assert.Equal("Leitziele", planPage.QuerySelector("#principles")!.TextContent);
        Assert.Equal("Themenfelder und Vorhaben", planPage.QuerySelector("#fields")!.TextContent);
        // (The form above offers the preset words, "Teilbereich" among them; the structure starts at its heading.)
        var parts = new List<string>();
        for (var e = planPage.QuerySelector("#principles"); e is not null; e = e.NextElementSibling) parts.Add(e.TextContent);
        var structure = PublicPages.Normalize(string.Join(" ", parts));
        Assert.Contains("Themenfeld hinzufügen", structure, StringComparison.Ordinal);
        Assert.Contains("Noch keine Vorhaben in Themenfeld 3.", structure, StringComparison.Ordinal);
        Assert.Contains("Bearbeiten: Themenfeld 1", structure, StringComparison.Ordinal);
        Assert.Contains("Bearbeiten: Vorhaben 1.1", structure, StringComparison.Ordinal);
        Assert.Contains("Leitlinie 1 0 Vorhaben", structure, StringComparison.Ordinal);

        var measureUrl = $"{manage}/measures/{plan.Field(1).MeasureIds[0]}";
        var measureForm = await client.GetDocumentAsync(measureUrl);
        Assert.Equal("Vorhaben 1.1 bearbeiten", measureForm.QuerySelector("h1")!.TextContent);
        Assert.Equal("Themenfeld", PublicPages.Normalize(measureForm.QuerySelector("label[for=Input_FieldOfActionId]")!.TextContent).Split(" (")[0]);
        var refused = await client.SubmitFormAsync(measureUrl, new Dictionary<string, string?> { ["Input.Number"] = "4" }, "#measure-form");
        Assert.Contains("Die Nummer muss die Form „4.3“ haben: Themenfeld-Nummer, Punkt, laufende Nummer.", (await HtmlForms.ParseAsync(refused)).Errors());

        var fieldDelete = await client.GetDocumentAsync($"{manage}/fields/{plan.Field(1).Id}/delete");
        Assert.Equal("Themenfeld löschen", fieldDelete.QuerySelector("h1")!.TextContent);
        Assert.Contains("enthält noch 2 Vorhaben und kann deshalb nicht gelöscht werden.", Text(fieldDelete), StringComparison.Ordinal);

        await InEnglishAsync(client);
        var englishCreated = await client.SubmitFormAsync($"{manage}/fields/new", new Dictionary<string, string?> { ["Input.Title"] = "Arbeit" }, "#field-form");
        var englishPlanPage = await client.GetDocumentAsync(englishCreated.RedirectTarget());
        Assert.Contains("Topic 4 was created.", englishPlanPage.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("4 topics, 4 initiatives", (await client.GetDocumentAsync($"/{m.Slug}/manage")).QuerySelectorAll("td").Select(td => PublicPages.Normalize(td.TextContent)));
        Assert.Equal("Edit initiative 1.1", (await client.GetDocumentAsync(measureUrl)).QuerySelector("h1")!.TextContent);
    }

    private static async Task<AngleSharp.Dom.IDocument> UploadCsvAsync(HttpClient client, string pageUrl, params string[] lines)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = (IHtmlFormElement)page.QuerySelector("main form[enctype='multipart/form-data']")!;
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\r\n", lines)));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        body.Add(file, "Upload", "vorhaben.csv");
        return await HtmlForms.ParseAsync(await client.PostAsync(pageUrl, body));
    }

    [Fact]
    public async Task An_import_problem_and_the_import_page_name_the_plans_levels_in_German_and_English()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 1, fields: 1, measuresPerField: 1);
        await NameLevelsAsync(m, plan.Id, Themenfeld);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var transfer = $"/{m.Slug}/manage/plans/{plan.Id}/transfer";

        var german = await UploadCsvAsync(client, transfer, "Themenfeld-Nummer;Nummer;Titel;Leitziele", "7;7.1;Neu;5");
        var problems = PublicPages.Normalize(german.QuerySelector("table.import-problems")!.TextContent);
        Assert.Contains("Themenfeld 7 gibt es in diesem Plan nicht. Ein Titel in der Spalte „Themenfeld-Titel“ legt Themenfeld 7 an.", problems, StringComparison.Ordinal);
        Assert.Contains("Leitziel 5 gibt es in diesem Plan nicht. Vorhanden: 1.", problems, StringComparison.Ordinal);
        Assert.Equal("Vorhaben importieren", german.QuerySelector("#import-heading")!.TextContent);
        Assert.Contains("Themenfeld-Nummer", german.QuerySelectorAll("table td").Select(td => td.TextContent.Trim()).Select(t => t.Split(' ')[0]));

        await InEnglishAsync(client);
        var english = await UploadCsvAsync(client, transfer, "Field number;Number;Title", "7;7.1;New");
        Assert.Contains("Topic 7 does not exist in this plan.", PublicPages.Normalize(english.QuerySelector("table.import-problems")!.TextContent), StringComparison.Ordinal);
        Assert.Equal("Import initiatives", english.QuerySelector("#import-heading")!.TextContent);
    }

    [Fact]
    public async Task The_history_names_a_moved_measures_field_and_the_measure_in_the_plans_words()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 1, fields: 2, measuresPerField: 1);
        await NameLevelsAsync(m, plan.Id, Themenfeld);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var manage = $"/{m.Slug}/manage/plans/{plan.Id}";
        var measureId = plan.Field(1).MeasureIds[0];

        var moved = await client.SubmitFormAsync($"{manage}/measures/{measureId}",
            new Dictionary<string, string?> { ["Input.FieldOfActionId"] = plan.Field(2).Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "#measure-form");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var history = await client.GetDocumentAsync($"{manage}/history");
        var latest = history.QuerySelector("li.change")!;
        Assert.StartsWith("Vorhaben 2.2", PublicPages.Normalize(latest.QuerySelector(".change-head a")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("Themenfeld", latest.QuerySelectorAll(".change-fields th[scope=row]").Select(th => th.TextContent));
        Assert.DoesNotContain("Teilbereich", latest.QuerySelector(".change-fields")!.QuerySelectorAll("th").Select(th => th.TextContent));
        var measureHistory = await client.GetDocumentAsync($"{manage}/measures/{measureId}/history");
        Assert.StartsWith("Änderungsverlauf: Vorhaben", PublicPages.Normalize(measureHistory.QuerySelector("h1")!.TextContent), StringComparison.Ordinal);

        await InEnglishAsync(client);
        var english = (await client.GetDocumentAsync($"{manage}/history")).QuerySelector("li.change")!;
        Assert.StartsWith("Initiative 2.2", PublicPages.Normalize(english.QuerySelector(".change-head a")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("Topic", english.QuerySelectorAll(".change-fields th[scope=row]").Select(th => th.TextContent));
    }
}

public sealed class PlanLevelWordsSqliteTests(SqliteApp app) : PlanLevelWordsTests(app), IClassFixture<SqliteApp>;

public sealed class PlanLevelWordsPostgresTests(PostgresApp app) : PlanLevelWordsTests(app), IClassFixture<PostgresApp>;
