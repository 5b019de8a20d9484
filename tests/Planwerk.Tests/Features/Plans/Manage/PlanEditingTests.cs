using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Plans.Manage.ManageTestData;

namespace Planwerk.Tests.Features.Plans.Manage;

public abstract class PlanEditingTests(PlanwerkApp app)
{
    [Fact]
    public async Task Editor_creates_a_plan_and_finds_it_on_the_dashboard()
    {
        var m = await app.CreateMunicipalityAsync();
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var predecessor = await m.PlanAsync(title: "Fachplan Asyl 2014–2016");

        var response = await client.SubmitFormAsync($"/{m.Slug}/manage/plans/new", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Fachplan Asyl und Integration 2022",
            ["Input.PeriodStart"] = "2019",
            ["Input.PeriodEnd"] = "2022",
            ["Input.Summary"] = "Vom Stadtrat **beschlossen**. " + HostileText.RightToLeft,
            ["Input.PredecessorId"] = Id(predecessor.Id),
            ["Input.IsPublic"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var plan = await m.WithDbAsync(db => db.Plans.AsNoTracking().SingleAsync(p => p.Title == "Fachplan Asyl und Integration 2022"));
        Assert.Equal((2019, 2022, PlanState.Draft, predecessor.Id, true, false), (plan.PeriodStart, plan.PeriodEnd, plan.State, plan.PredecessorId, plan.IsPublic, plan.IsExample));
        Assert.Equal("Vom Stadtrat **beschlossen**. " + HostileText.RightToLeft, plan.Summary);
        Assert.Equal($"/{m.Slug}/manage/plans/{plan.Id}", response.Headers.Location?.OriginalString);

        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Der Fachplan wurde angelegt.", page.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        var dashboard = await client.GetDocumentAsync($"/{m.Slug}/manage");
        Assert.Contains(dashboard.QuerySelectorAll("table a"), a => a.TextContent == "Fachplan Asyl und Integration 2022");
    }

    [Fact]
    public async Task Dashboard_lists_the_municipality_s_plans_public_or_not_and_no_other_one_s()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        await m.WithDbAsync(db =>
        {
            db.Plans.Add(new Plan { Title = "Öffentlicher Plan", IsPublic = true });
            db.Plans.Add(new Plan { Title = "Entwurf " + HostileText.Script, IsPublic = false });
            return Task.FromResult(0);
        });
        await other.PlanAsync(title: "Plan einer anderen Kommune");
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var dashboard = await client.GetDocumentAsync($"/{m.Slug}/manage");

        var rows = dashboard.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("Öffentlicher Plan", StringComparison.Ordinal) && r.Contains("öffentlich sichtbar", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Entwurf " + HostileText.Script, StringComparison.Ordinal) && r.Contains("nicht öffentlich", StringComparison.Ordinal));
        Assert.Empty(dashboard.QuerySelectorAll("main script"));
        Assert.NotNull(dashboard.QuerySelector($"a[href='/{m.Slug}/manage/plans/new']"));
    }

    [Theory]
    [InlineData("Input.Title", "", "Input_Title", "Bitte geben Sie einen Titel für den Fachplan an.")]
    [InlineData("Input.Title", "   ", "Input_Title", "Bitte geben Sie einen Titel für den Fachplan an.")]
    [InlineData("Input.Title", "{long}", "Input_Title", "Der Titel des Fachplans darf höchstens 300 Zeichen lang sein.")]
    [InlineData("Input.PeriodStart", "1850", "Input_PeriodStart", "Das erste Jahr des Zeitraums muss zwischen 1900 und 2100 liegen.")]
    [InlineData("Input.PeriodEnd", "20222", "Input_PeriodEnd", "Das letzte Jahr des Zeitraums muss zwischen 1900 und 2100 liegen.")]
    [InlineData("Input.PeriodEnd", "2018", "Input_PeriodEnd", "Das letzte Jahr des Zeitraums darf nicht vor dem ersten liegen.")]
    [InlineData("Input.PeriodStart", "zwanzig", "Input_PeriodStart", "Erstes Jahr")]
    [InlineData("Input.PredecessorId", "{self}", "Input_PredecessorId", "Ein Fachplan kann nicht sein eigener Vorgänger sein.")]
    [InlineData("Input.PredecessorId", "{successor}", "Input_PredecessorId", "Dieser Vorgänger würde einen Kreis bilden")]
    [InlineData("Input.PredecessorId", "{foreign}", "Input_PredecessorId", "Bitte wählen Sie den Vorgängerplan aus der Liste.")]
    public async Task Bad_plan_input_is_refused_with_a_message_at_the_field_and_changes_nothing(string name, string value, string fieldId, string expected)
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(title: "Fachplan 2019–2022");
        var successor = await m.WithDbAsync(async db =>
        {
            var next = new Plan { Title = "Nachfolger", PredecessorId = plan.Id };
            db.Plans.Add(next);
            await db.SaveChangesAsync();
            return next.Id;
        });
        var foreign = await other.PlanAsync(title: "Fremder Plan");
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{plan.Id}";
        var form = await client.GetDocumentAsync(url);
        if (name == "Input.PredecessorId")
        {
            // A select only sends what it offers; a tampered request can send anything.
            var select = (IHtmlSelectElement)form.QuerySelector("#Input_PredecessorId")!;
            var option = (IHtmlOptionElement)form.CreateElement("option");
            option.Value = value.Replace("{self}", Id(plan.Id), StringComparison.Ordinal)
                .Replace("{successor}", Id(successor), StringComparison.Ordinal).Replace("{foreign}", Id(foreign.Id), StringComparison.Ordinal);
            select.AppendChild(option);
            value = option.Value;
        }
        var before = await m.SnapshotAsync();

        var response = await client.SubmitFormAsync(form, url, new Dictionary<string, string?>
        {
            ["Input.PeriodStart"] = "2019",
            [name] = value.Replace("{long}", HostileText.VeryLong, StringComparison.Ordinal),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        page.AssertFieldError(fieldId, expected);
        Assert.Equal(before, await m.SnapshotAsync());
        // The structure is still shown beside the refused form.
        Assert.NotNull(page.QuerySelector($"#field-{plan.Field(1).Id}"));
    }

    [Fact]
    public async Task Saving_a_plan_makes_the_change_visible_on_the_cached_public_start_page_at_once()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.WithDbAsync(async db =>
        {
            var p = new Plan { Title = "Alter Titel", IsPublic = true };
            db.Plans.Add(p);
            await db.SaveChangesAsync();
            return p;
        });
        var visitor = app.CreateClient();
        Assert.Contains("Alter Titel", await visitor.GetStringAsync($"/{m.Slug}"), StringComparison.Ordinal);
        // Changed behind the cache's back, the public page still shows the cached title ...
        await m.WithDbAsync(async db => { (await db.Plans.SingleAsync(p => p.Id == plan.Id)).Title = "Zwischentitel"; return 0; });
        Assert.Contains("Alter Titel", await visitor.GetStringAsync($"/{m.Slug}"), StringComparison.Ordinal);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var response = await client.SubmitFormAsync($"/{m.Slug}/manage/plans/{plan.Id}", new Dictionary<string, string?> { ["Input.Title"] = "Neuer Titel" });

        // ... but an editor's save evicts it.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Neuer Titel", await visitor.GetStringAsync($"/{m.Slug}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_plan_form_does_not_overwrite_and_shows_both_versions()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(title: "Ausgangstitel");
        var url = $"/{m.Slug}/manage/plans/{plan.Id}";
        var first = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var second = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var secondForm = await second.GetDocumentAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.Title"] = "Titel von eins" })).StatusCode);

        var refused = await second.SubmitFormAsync(secondForm, url, new Dictionary<string, string?> { ["Input.Title"] = "Titel von zwei" });

        var page = await HtmlForms.ParseAsync(refused);
        Assert.Contains(page.Errors(), e => e.Contains("inzwischen von jemand anderem geändert", StringComparison.Ordinal));
        Assert.Equal("Titel von zwei", page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Contains("Titel von eins", page.QuerySelector(".conflict-table .conflict-stored")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Titel von eins", await m.WithDbAsync(db => db.Plans.Where(p => p.Id == plan.Id).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task Deleting_a_plan_asks_first_then_removes_it_with_everything_in_it()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(title: "Zu löschender Plan", principles: 2, fields: 2, measuresPerField: 3);
        var keep = await m.PlanAsync(title: "Bleibender Plan");
        var district = await m.DistrictAsync("Altstadt");
        await m.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == keep.Id)).PredecessorId = plan.Id;
            var measure = await db.Measures.Include(x => x.Districts).Include(x => x.Principles).FirstAsync(x => x.PlanId == plan.Id);
            measure.Districts.Add(await db.Districts.SingleAsync(d => d.Id == district));
            measure.Principles.Add(await db.Principles.FirstAsync(p => p.PlanId == plan.Id));
            return 0;
        });
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{plan.Id}/delete";
        var measureIds = plan.Fields.SelectMany(f => f.MeasureIds).ToList();
        Task<int> LinksAsync(string table, string column) => m.WithDbAsync(db =>
            db.Set<Dictionary<string, object>>(table).CountAsync(j => measureIds.Contains(EF.Property<int>(j, column))));
        Assert.Equal((1, 1), (await LinksAsync("MeasureDistricts", "MeasuresId"), await LinksAsync("MeasurePrinciples", "MeasuresId")));

        var confirmation = await client.GetDocumentAsync(url);
        Assert.Contains("6 Maßnahmen", confirmation.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bleibender Plan", confirmation.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await m.WithDbAsync(db => db.Plans.CountAsync()));

        var response = await client.SubmitFormAsync(confirmation, url, new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/{m.Slug}/manage", response.Headers.Location?.OriginalString);
        var (plans, principles, fields, measures, districts, predecessor) = await m.WithDbAsync(async db => (
            await db.Plans.Select(p => p.Title).ToListAsync(), await db.Principles.CountAsync(p => p.PlanId == plan.Id),
            await db.FieldsOfAction.CountAsync(f => f.PlanId == plan.Id), await db.Measures.CountAsync(x => x.PlanId == plan.Id),
            await db.Districts.CountAsync(), await db.Plans.Where(p => p.Id == keep.Id).Select(p => p.PredecessorId).SingleAsync()));
        Assert.Equal(["Bleibender Plan"], plans);
        Assert.Equal((0, 0, 0, 1, (int?)null), (principles, fields, measures, districts, predecessor));
        Assert.Equal((0, 0), (await LinksAsync("MeasureDistricts", "MeasuresId"), await LinksAsync("MeasurePrinciples", "MeasuresId")));
        var dashboard = await client.GetDocumentAsync($"/{m.Slug}/manage");
        Assert.Contains("Der Fachplan „Zu löschender Plan“ wurde gelöscht.", dashboard.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_plan_that_changed_after_the_confirmation_was_shown_asks_again()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{plan.Id}/delete";
        var confirmation = await client.GetDocumentAsync(url);
        await client.SubmitFormAsync($"/{m.Slug}/manage/plans/{plan.Id}", new Dictionary<string, string?> { ["Input.Title"] = "Inzwischen geändert" });

        var response = await client.SubmitFormAsync(confirmation, url, new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(response)).Errors(), e => e.Contains("inzwischen von jemand anderem geändert", StringComparison.Ordinal));
        Assert.Equal(1, await m.WithDbAsync(db => db.Plans.CountAsync()));
    }
}

public sealed class PlanEditingSqliteTests(SqliteApp app) : PlanEditingTests(app), IClassFixture<SqliteApp>;

public sealed class PlanEditingPostgresTests(PostgresApp app) : PlanEditingTests(app), IClassFixture<PostgresApp>;
