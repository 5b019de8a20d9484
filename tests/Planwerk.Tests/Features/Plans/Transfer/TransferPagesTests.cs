using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Plans.Transfer.TransferData;

namespace Planwerk.Tests.Features.Plans.Transfer;

/// <summary>The import and export pages and downloads over HTTP: who may use them, what they answer.</summary>
public abstract class TransferPagesTests(PlanwerkApp app)
{
    private static string TransferPage(TestMunicipality m, int planId) => $"/{m.Slug}/manage/plans/{planId}/transfer";

    private static IEnumerable<string> EditorAddresses(TestMunicipality m, int planId) =>
    [
        TransferPage(m, planId),
        TransferPage(m, planId) + "/export.csv",
        TransferPage(m, planId) + "/export.xlsx",
        TransferPage(m, planId) + "/export.json",
        $"/{m.Slug}/manage/plans/import",
    ];

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string pageUrl, byte[] content, string fileName, string contentType = "text/csv",
        bool createOrganisations = false)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = (IHtmlFormElement)page.QuerySelector("main form[enctype='multipart/form-data']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        body.Add(file, "Upload", fileName);
        if (createOrganisations) body.Add(new StringContent("true"), "CreateOrganisations");
        return await client.PostAsync(string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action"), body);
    }

    private static string Target(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_editor_address()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        var client = app.CreateBrowserlikeClient();
        foreach (var url in EditorAddresses(m, plan.PlanId))
        {
            Assert.StartsWith("/account/login", Target(await client.GetAsync(url)), StringComparison.Ordinal);
        }
        Assert.StartsWith("/account/login", Target(await client.PostAsync(TransferPage(m, plan.PlanId), new MultipartFormDataContent())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_who_are_no_editors_of_the_municipality_are_refused_everywhere()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        var other = await app.CreateMunicipalityAsync();
        var stranger = await app.SignInAsync((await app.CreateUserAsync()).Email!);
        var editorElsewhere = await other.SignedInClientAsync(MunicipalityRole.PlanEditor);

        foreach (var client in new[] { stranger, editorElsewhere })
        {
            foreach (var url in EditorAddresses(m, plan.PlanId))
            {
                var target = Target(await client.GetAsync(url));
                Assert.StartsWith("/account/access-denied", target, StringComparison.Ordinal);
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(target)).StatusCode);
            }
            var post = await client.PostAsync(TransferPage(m, plan.PlanId), new MultipartFormDataContent());
            Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"POST answered {(int)post.StatusCode}");
        }
        Assert.Equal(1, await CountMeasuresAsync(m, plan.PlanId));
    }

    [Fact]
    public async Task Editors_and_administrators_may_use_every_editor_address()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        foreach (var role in new[] { MunicipalityRole.PlanEditor, MunicipalityRole.Administrator })
        {
            var client = await m.SignedInClientAsync(role);
            foreach (var url in EditorAddresses(m, plan.PlanId))
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            }
        }
    }

    [Fact]
    public async Task An_editor_cannot_reach_a_plan_of_another_municipality_through_their_own()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var foreign = await SmallPlanAsync(other);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        foreach (var url in EditorAddresses(m, foreign.PlanId).SkipLast(1))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }
        var upload = await client.GetAsync(TransferPage(m, foreign.PlanId));
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
    }

    [Fact]
    public async Task Editor_downloads_have_file_names_and_types_and_are_not_stored_by_caches()
    {
        var m = await app.CreateMunicipalityAsync();
        var planId = await m.WithDbAsync(async db =>
        {
            var plan = new Plan { Title = "Fachplan Asyl und Integration 2022", UpdatedAt = Now };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var csv = await client.GetAsync(TransferPage(m, planId) + "/export.csv");
        var xlsx = await client.GetAsync(TransferPage(m, planId) + "/export.xlsx");
        var json = await client.GetAsync(TransferPage(m, planId) + "/export.json");

        Assert.Equal(("text/csv", "fachplan-asyl-und-integration-2022-massnahmen.csv"), (csv.Content.Headers.ContentType!.MediaType, csv.Content.Headers.ContentDisposition!.FileName));
        Assert.Equal(MeasureFiles.XlsxContentType, xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("fachplan-asyl-und-integration-2022.json", json.Content.Headers.ContentDisposition!.FileName);
        Assert.Contains("\"format\": \"planwerk-plan\"", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(csv.Headers.CacheControl?.NoStore, "Editor downloads must not be stored");
    }

    [Fact]
    public async Task A_file_with_problems_shows_them_as_a_table_and_changes_nothing()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var csv = Csv("Teilbereich-Nummer;Nummer;Titel;Status", "1;1.2;" + HostileText.Script + ";In Umsetzung", "1;1.3;B;fertig");

        var response = await UploadAsync(client, TransferPage(m, plan.PlanId), csv, "massnahmen.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        var cells = page.QuerySelectorAll("table.import-problems tbody tr td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["3", "Status", "„fertig“ ist kein gültiger Status. Erlaubt: Nicht begonnen, In Umsetzung, Abgeschlossen, Verzögert, Eingestellt."], cells);
        Assert.NotNull(page.QuerySelector(".error-summary"));
        Assert.Equal(1, await CountMeasuresAsync(m, plan.PlanId));
    }

    [Fact]
    public async Task A_successful_import_shows_the_counts_and_the_public_sees_the_change_at_once()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        await m.WithDbAsync(async db => (await db.Plans.SingleAsync(p => p.Id == plan.PlanId)).IsPublic = true);
        var publicCsv = $"/{m.Slug}/plans/{plan.PlanId}/export.csv";
        var anonymous = app.CreateClient();
        Assert.DoesNotContain("Lesepaten", await anonymous.GetStringAsync(publicCsv), StringComparison.Ordinal);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var response = await UploadAsync(client, TransferPage(m, plan.PlanId), Csv(
            "Schlüssel;Teilbereich-Nummer;Nummer;Titel",
            $"{plan.MeasureKey};1;1.1;Sprachcafé (neu)",
            ";1;1.2;Lesepaten"), "massnahmen.csv");

        Assert.Equal(TransferPage(m, plan.PlanId), Target(response));
        var page = await client.GetDocumentAsync(TransferPage(m, plan.PlanId));
        Assert.Contains("Import abgeschlossen (Maßnahmen): 1 neu angelegt, 1 geändert, 0 unverändert.", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lesepaten", await anonymous.GetStringAsync(publicCsv), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workbook_can_be_uploaded_too()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var xlsx = await client.GetByteArrayAsync(TransferPage(m, plan.PlanId) + "/export.xlsx");

        // The file's name says CSV; its content is what counts.
        var response = await UploadAsync(client, TransferPage(m, plan.PlanId), xlsx, "eigentlich.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("(Maßnahmen): 0 neu angelegt, 0 geändert, 1 unverändert", (await client.GetDocumentAsync(TransferPage(m, plan.PlanId))).QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_over_10_MB_gets_a_clear_message()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var response = await UploadAsync(client, TransferPage(m, plan.PlanId), new byte[MeasureFiles.MaxBytes + 1], "gross.csv");

        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Die Datei ist zu groß (10 MB). Erlaubt sind höchstens 10 MB.", page.QuerySelector("table.import-problems")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_speaks_English_when_chosen()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await SmallPlanAsync(m);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        await client.GetAsync("/language/en?returnUrl=/");

        var response = await UploadAsync(client, TransferPage(m, plan.PlanId), Csv("Teilbereich-Nummer;Nummer;Titel", "1;1.2;"), "x.csv");

        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("Import and export", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Please give a value.", page.QuerySelector("table.import-problems")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_document_uploaded_on_the_import_page_becomes_a_new_plan()
    {
        var source = await app.CreateMunicipalityAsync();
        var planId = await HostilePlanAsync(source);
        var json = (await DocumentAsync(source, planId)).ToJson();
        var m = await app.CreateMunicipalityAsync();
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        // The other municipality's registry lacks the plan's organisations: refused by name, then created on request.
        var refused = await HtmlForms.ParseAsync(await UploadAsync(client, $"/{m.Slug}/manage/plans/import", json, "plan.json", "application/json"));
        Assert.Contains("steht nicht im Verzeichnis der Organisationen", refused.QuerySelector("table.import-problems")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await m.WithDbAsync(db => db.Plans.CountAsync()));
        var response = await UploadAsync(client, $"/{m.Slug}/manage/plans/import", json, "plan.json", "application/json", createOrganisations: true);

        var newPlanId = await m.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        Assert.Equal(TransferPage(m, newPlanId), Target(response));
        var page = await client.GetDocumentAsync(TransferPage(m, newPlanId));
        Assert.Contains("14 Maßnahmen. Er ist noch nicht öffentlich.", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Organisationen: 10 im Verzeichnis neu angelegt.", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        var exported = await client.GetByteArrayAsync(TransferPage(m, newPlanId) + "/export.json");
        Assert.Equal((await DocumentAsync(source, planId)).ToJson(), exported);
    }

    [Fact]
    public async Task A_broken_plan_document_shows_its_problems_and_creates_nothing()
    {
        var m = await app.CreateMunicipalityAsync();
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var response = await UploadAsync(client, $"/{m.Slug}/manage/plans/import", Encoding.UTF8.GetBytes("""{"format": "planwerk-plan", "version": 7}"""), "plan.json", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Die Formatversion 7 wird nicht unterstützt. Unterstützt werden die Versionen 1 bis 3.", page.QuerySelector("table.import-problems")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await m.WithDbAsync(db => db.Plans.CountAsync()));
    }

    [Fact]
    public async Task Public_exports_of_a_public_plan_are_open_to_everyone()
    {
        var m = await app.CreateMunicipalityAsync();
        var planId = await HostilePlanAsync(m);
        var anonymous = app.CreateClient();

        var csv = await anonymous.GetAsync($"/{m.Slug}/plans/{planId}/export.csv");
        var xlsx = await anonymous.GetAsync($"/{m.Slug}/plans/{planId}/export.xlsx");
        var json = await anonymous.GetAsync($"/{m.Slug}/plans/{planId}/export.json");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { csv.StatusCode, xlsx.StatusCode, json.StatusCode });
        var document = await DocumentAsync(m, planId);
        Assert.Equal(MeasureFiles.WriteCsv(document), await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal(document.ToJson(), await json.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Public_exports_of_plans_that_are_not_public_or_not_there_answer_404()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var hidden = await SmallPlanAsync(m);
        var foreign = await HostilePlanAsync(other);
        var anonymous = app.CreateClient();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        foreach (var format in PlanExport.Formats)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/{m.Slug}/plans/{hidden.PlanId}/export.{format}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/{m.Slug}/plans/{hidden.PlanId}/export.{format}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/{m.Slug}/plans/{foreign}/export.{format}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/{other.Slug}/plans/{foreign}/export.pdfx")).StatusCode);
    }
}

public sealed class TransferPagesSqliteTests(SqliteApp app) : TransferPagesTests(app), IClassFixture<SqliteApp>;

public sealed class TransferPagesPostgresTests(PostgresApp app) : TransferPagesTests(app), IClassFixture<PostgresApp>;
