using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Plans.Manage.ManageTestData;

namespace Planwerk.Tests.Features.Plans.Manage;

public abstract class StructureEditingTests(PlanwerkApp app)
{
    private static async Task<HttpResponseMessage> MoveAsync(HttpClient client, string url, string kind, int id, string direction)
    {
        var page = await client.GetDocumentAsync(url);
        return await client.SubmitFormAsync(page, url, new Dictionary<string, string?>(), $"#move-{kind}-{id}", "direction", direction);
    }

    private static async Task<List<string>> MeasureOrderAsync(HttpClient client, string url, int fieldId)
    {
        var page = await client.GetDocumentAsync(url);
        return page.QuerySelectorAll($"#field-{fieldId} li .structure-title").Select(e => e.TextContent).ToList();
    }

    [Fact]
    public async Task Editor_can_reorder_measures_within_a_field_without_changing_their_numbers_or_versions()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 1, measuresPerField: 3);
        var field = plan.Field(1);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{plan.Id}";

        var response = await MoveAsync(client, url, "measure", field.MeasureIds[2], "Up");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{url}#measure-{field.MeasureIds[2]}", response.Headers.Location?.OriginalString);
        Assert.Equal(["1.1 Maßnahme 1.1", "1.3 Maßnahme 1.3", "1.2 Maßnahme 1.2"], await MeasureOrderAsync(client, url, field.Id));
        var rows = await m.WithDbAsync(db => db.Measures.OrderBy(x => x.Position).Select(x => new { x.Number, x.Version }).ToListAsync());
        Assert.Equal(["1.1", "1.3", "1.2"], rows.Select(r => r.Number));
        Assert.All(rows, r => Assert.Equal(0, r.Version));

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(client, url, "measure", field.MeasureIds[0], "Down")).StatusCode);
        Assert.Equal(["1.3 Maßnahme 1.3", "1.1 Maßnahme 1.1", "1.2 Maßnahme 1.2"], await MeasureOrderAsync(client, url, field.Id));
        var page = await client.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector("#renumber-hint"));
        // The first has nothing to move up to, the last nothing to move down to.
        Assert.Null(page.QuerySelector($"#move-measure-{field.MeasureIds[2]} button[value=Up]"));
        Assert.Null(page.QuerySelector($"#move-measure-{field.MeasureIds[1]} button[value=Down]"));
    }

    [Fact]
    public async Task Editor_can_reorder_fields_and_principles()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 3, fields: 3, measuresPerField: 0);
        var client = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var url = $"/{m.Slug}/manage/plans/{plan.Id}";

        await MoveAsync(client, url, "field", plan.Field(3).Id, "Up");
        await MoveAsync(client, url, "principle", plan.PrincipleIds[0], "Down");

        var page = await client.GetDocumentAsync(url);
        Assert.Equal(["1 Teilbereich 1", "3 Teilbereich 3", "2 Teilbereich 2"], page.QuerySelectorAll(".structure-field h3").Select(h => h.TextContent));
        Assert.Equal(["Leitlinie 2", "Leitlinie 1", "Leitlinie 3"], page.QuerySelectorAll("#principles + ol .structure-title").Select(e => e.TextContent));
        Assert.Contains("Die Reihenfolge wurde geändert.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renumbering_numbers_fields_and_measures_by_their_order()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 3, measuresPerField: 2);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{plan.Id}";
        await MoveAsync(client, url, "field", plan.Field(2).Id, "Up");
        await MoveAsync(client, url, "measure", plan.Field(1).MeasureIds[1], "Up");
        var stale = await client.GetDocumentAsync($"{url}/measures/{plan.Field(1).MeasureIds[0]}");

        var page = await client.GetDocumentAsync(url);
        var response = await client.SubmitFormAsync(page, url, new Dictionary<string, string?>(), "#renumber");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var fields = await m.WithDbAsync(db => db.FieldsOfAction.OrderBy(f => f.Number).Select(f => new { f.Id, f.Number, f.Position }).ToListAsync());
        Assert.Equal([plan.Field(2).Id, plan.Field(1).Id, plan.Field(3).Id], fields.Select(f => f.Id));
        Assert.Equal([1, 2, 3], fields.Select(f => f.Position));
        var numbers = await m.WithDbAsync(db => db.Measures.ToDictionaryAsync(x => x.Id, x => x.Number));
        Assert.Equal("1.1", numbers[plan.Field(2).MeasureIds[0]]);
        Assert.Equal("1.2", numbers[plan.Field(2).MeasureIds[1]]);
        Assert.Equal("2.1", numbers[plan.Field(1).MeasureIds[1]]);
        Assert.Equal("2.2", numbers[plan.Field(1).MeasureIds[0]]);
        Assert.Equal("3.1", numbers[plan.Field(3).MeasureIds[0]]);
        var after = await client.GetDocumentAsync(url);
        Assert.Contains("Neu nummeriert: 2 Handlungsfelder und 4 Maßnahmen haben eine neue Nummer", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("#renumber-hint"));

        // A form opened before the renumbering shows an old number: saving it is refused, not silently undone.
        var refused = await client.SubmitFormAsync(stale, $"{url}/measures/{plan.Field(1).MeasureIds[0]}", new Dictionary<string, string?> { ["Input.Title"] = "Neu" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("2.2", (await m.MeasureAsync(plan.Field(1).MeasureIds[0])).Number);
    }

    [Fact]
    public async Task Renumbering_a_plan_already_in_order_changes_nothing()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{plan.Id}";
        var before = await m.SnapshotAsync();

        var response = await client.SubmitFormAsync(url, new Dictionary<string, string?>(), "#renumber");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, await m.SnapshotAsync());
    }

    [Fact]
    public async Task A_new_field_number_carries_over_to_the_field_s_measures()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 2, measuresPerField: 2);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var response = await client.SubmitFormAsync($"/{m.Slug}/manage/plans/{plan.Id}/fields/{plan.Field(1).Id}", new Dictionary<string, string?>
        {
            ["Input.Number"] = "5",
            ["Input.Title"] = "Sprache " + HostileText.RightToLeft,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var field = await m.WithDbAsync(db => db.FieldsOfAction.SingleAsync(f => f.Id == plan.Field(1).Id));
        Assert.Equal((5, "Sprache " + HostileText.RightToLeft), (field.Number, field.Title));
        var numbers = await m.WithDbAsync(db => db.Measures.Where(x => x.FieldOfActionId == field.Id).OrderBy(x => x.Position).Select(x => x.Number).ToListAsync());
        Assert.Equal(["5.1", "5.2"], numbers);
    }

    [Theory]
    [InlineData("Input.Number", "2", "Input_Number", "Die Nummer 2 ist in diesem Plan schon vergeben: Handlungsfeld „Teilbereich 2“.")]
    [InlineData("Input.Number", "0", "Input_Number", "Die Nummer muss eine ganze Zahl zwischen 1 und 999 sein.")]
    [InlineData("Input.Number", "", "Input_Number", "Bitte geben Sie eine Nummer an.")]
    [InlineData("Input.Number", "1,5", "Input_Number", "Nummer")]
    [InlineData("Input.Title", "", "Input_Title", "Bitte geben Sie einen Titel an.")]
    [InlineData("Input.Title", "{long}", "Input_Title", "Der Titel darf höchstens 300 Zeichen lang sein.")]
    public async Task Bad_field_input_is_refused_with_a_message_at_the_field_and_changes_nothing(string name, string value, string fieldId, string expected)
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var before = await m.SnapshotAsync();

        var response = await client.SubmitFormAsync($"/{m.Slug}/manage/plans/{plan.Id}/fields/{plan.Field(1).Id}",
            new Dictionary<string, string?> { [name] = value.Replace("{long}", HostileText.VeryLong, StringComparison.Ordinal) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        (await HtmlForms.ParseAsync(response)).AssertFieldError(fieldId, expected);
        Assert.Equal(before, await m.SnapshotAsync());
    }

    [Fact]
    public async Task Editor_adds_a_field_with_the_next_number_and_a_principle_at_the_chosen_place()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 2, fields: 2, measuresPerField: 0);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var fieldUrl = $"/{m.Slug}/manage/plans/{plan.Id}/fields/new";
        var principleUrl = $"/{m.Slug}/manage/plans/{plan.Id}/principles/new";

        var fieldForm = await client.GetDocumentAsync(fieldUrl);
        Assert.Equal("3", fieldForm.QuerySelector<IHtmlInputElement>("#Input_Number")!.Value);
        var fieldResponse = await client.SubmitFormAsync(fieldForm, fieldUrl, new Dictionary<string, string?> { ["Input.Title"] = "Gesundheit", ["Input.Description"] = HostileText.Script });
        var principleResponse = await client.SubmitFormAsync(principleUrl, new Dictionary<string, string?>
        {
            ["Input.Title"] = "Neue erste Leitlinie",
            ["Input.Description"] = "*Markdown* " + HostileText.RightToLeft,
            ["Input.Position"] = "1",
        });

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (fieldResponse.StatusCode, principleResponse.StatusCode));
        var field = await m.WithDbAsync(db => db.FieldsOfAction.SingleAsync(f => f.Title == "Gesundheit"));
        Assert.Equal((3, 3, HostileText.Script), (field.Number, field.Position, field.Description));
        var principles = await m.WithDbAsync(db => db.Principles.OrderBy(p => p.Position).Select(p => new { p.Title, p.Position, p.Description }).ToListAsync());
        Assert.Equal(["Neue erste Leitlinie", "Leitlinie 1", "Leitlinie 2"], principles.Select(p => p.Title));
        Assert.Equal([1, 2, 3], principles.Select(p => p.Position));
        Assert.Equal("*Markdown* " + HostileText.RightToLeft, principles[0].Description);
    }

    [Fact]
    public async Task Changing_a_principle_s_position_moves_the_others_along()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 3);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var response = await client.SubmitFormAsync($"/{m.Slug}/manage/plans/{plan.Id}/principles/{plan.PrincipleIds[0]}",
            new Dictionary<string, string?> { ["Input.Position"] = "3" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var order = await m.WithDbAsync(db => db.Principles.OrderBy(p => p.Position).Select(p => p.Title).ToListAsync());
        Assert.Equal(["Leitlinie 2", "Leitlinie 3", "Leitlinie 1"], order);
    }

    [Theory]
    [InlineData("Input.Position", "4", "Input_Position", "Die Position muss zwischen 1 und 3 liegen.")]
    [InlineData("Input.Position", "", "Input_Position", "Bitte geben Sie die Position an.")]
    [InlineData("Input.Title", "", "Input_Title", "Bitte geben Sie einen Titel an.")]
    [InlineData("Input.Title", "{long}", "Input_Title", "Der Titel darf höchstens 500 Zeichen lang sein.")]
    public async Task Bad_principle_input_is_refused_with_a_message_at_the_field_and_changes_nothing(string name, string value, string fieldId, string expected)
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 3);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var before = await m.SnapshotAsync();

        var response = await client.SubmitFormAsync($"/{m.Slug}/manage/plans/{plan.Id}/principles/{plan.PrincipleIds[1]}",
            new Dictionary<string, string?> { [name] = value.Replace("{long}", HostileText.VeryLong, StringComparison.Ordinal) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        (await HtmlForms.ParseAsync(response)).AssertFieldError(fieldId, expected);
        Assert.Equal(before, await m.SnapshotAsync());
    }

    [Fact]
    public async Task Deleting_a_field_that_still_has_measures_is_refused_with_a_clear_message()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 2, measuresPerField: 2);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{plan.Id}/fields/{plan.Field(1).Id}/delete";

        var page = await client.GetDocumentAsync(url);

        Assert.Null(page.QuerySelector("#delete-form"));
        Assert.Contains("Handlungsfeld „1 Teilbereich 1“ enthält noch 2 Maßnahmen und kann deshalb nicht gelöscht werden.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_that_got_a_measure_after_the_confirmation_was_shown_is_not_deleted()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 2, measuresPerField: 0);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{plan.Id}/fields/{plan.Field(1).Id}/delete";
        var confirmation = await client.GetDocumentAsync(url);
        await client.SubmitFormAsync($"/{m.Slug}/manage/plans/{plan.Id}/measures/new?fieldId={plan.Field(1).Id}", new Dictionary<string, string?> { ["Input.Title"] = "Gerade angelegt" });
        var before = await m.SnapshotAsync();

        var response = await client.SubmitFormAsync(confirmation, url, new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(response)).Errors(), e => e.Contains("enthält noch 1 Maßnahme und", StringComparison.Ordinal));
        Assert.Equal(before, await m.SnapshotAsync());
    }

    [Fact]
    public async Task Editor_deletes_an_empty_field_a_measure_and_a_principle_after_confirming()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 2, fields: 2, measuresPerField: 1);
        var measureId = plan.Field(2).MeasureIds[0];
        await m.WithDbAsync(async db =>
        {
            var measure = await db.Measures.Include(x => x.Principles).SingleAsync(x => x.Id == plan.Field(1).MeasureIds[0]);
            measure.Principles.Add(await db.Principles.SingleAsync(p => p.Id == plan.PrincipleIds[0]));
            return 0;
        });
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var basePath = $"/{m.Slug}/manage/plans/{plan.Id}";

        var principlePage = await client.GetDocumentAsync($"{basePath}/principles/{plan.PrincipleIds[0]}/delete");
        Assert.Contains("Genannt bei: 1 Maßnahme; dort wird der Bezug entfernt.", principlePage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var responses = new[]
        {
            await client.SubmitFormAsync(principlePage, $"{basePath}/principles/{plan.PrincipleIds[0]}/delete", new Dictionary<string, string?>()),
            await client.SubmitFormAsync($"{basePath}/measures/{measureId}/delete", new Dictionary<string, string?>()),
            await client.SubmitFormAsync($"{basePath}/fields/{plan.Field(2).Id}/delete", new Dictionary<string, string?>()),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var (principles, fields, measures, links) = await m.WithDbAsync(async db => (
            await db.Principles.Select(p => p.Id).ToListAsync(), await db.FieldsOfAction.Select(f => f.Id).ToListAsync(),
            await db.Measures.Select(x => x.Id).ToListAsync(), await db.Measures.SelectMany(x => x.Principles).CountAsync()));
        Assert.Equal([plan.PrincipleIds[1]], principles);
        Assert.Equal([plan.Field(1).Id], fields);
        Assert.Equal([plan.Field(1).MeasureIds[0]], measures);
        Assert.Equal(0, links);
    }

    [Fact]
    public async Task A_stale_field_form_does_not_overwrite()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{plan.Id}/fields/{plan.Field(1).Id}";
        var stale = await client.GetDocumentAsync(url);
        await client.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.Title"] = "Erste Änderung" });

        var response = await client.SubmitFormAsync(stale, url, new Dictionary<string, string?> { ["Input.Title"] = "Zweite Änderung" });

        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains(page.Errors(), e => e.Contains("inzwischen von jemand anderem geändert", StringComparison.Ordinal));
        Assert.Equal("Zweite Änderung", page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal("Erste Änderung", page.QuerySelector(".conflict-stored")!.TextContent);
        Assert.Equal("Erste Änderung", await m.WithDbAsync(db => db.FieldsOfAction.Where(f => f.Id == plan.Field(1).Id).Select(f => f.Title).SingleAsync()));
    }
}

public sealed class StructureEditingSqliteTests(SqliteApp app) : StructureEditingTests(app), IClassFixture<SqliteApp>;

public sealed class StructureEditingPostgresTests(PostgresApp app) : StructureEditingTests(app), IClassFixture<PostgresApp>;
