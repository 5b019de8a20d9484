using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Lineage;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;
using Planwerk.Tests.Features.Plans.Manage;
using static Planwerk.Tests.Features.Plans.Manage.ManageTestData;

namespace Planwerk.Tests.Features.Plans.Lineage;

/// <summary>A plan's line through the plan team's pages: continuing a plan, carrying measures over (once, and only
/// from the predecessor), and the closing assessment with its versions.</summary>
public abstract class LineageTests(PlanwerkApp app)
{
    [Fact]
    public async Task Team_continues_a_plan_with_chosen_parts_and_the_carried_measures_remember_their_origin()
    {
        var m = await app.CreateMunicipalityAsync();
        var earlier = await m.PlanAsync(principles: 2, fields: 2, measuresPerField: 2, title: "Fachplan 2014–2016");
        var district = await m.DistrictAsync("Altstadt");
        var source = earlier.Field(2).MeasureIds[0];
        await m.WithDbAsync(async db =>
        {
            var measure = await db.Measures.Include(x => x.Districts).Include(x => x.Principles).SingleAsync(x => x.Id == source);
            measure.Goal = HostileText.Script;
            measure.Districts.Add(await db.Districts.SingleAsync(d => d.Id == district));
            measure.Principles.Add(await db.Principles.SingleAsync(p => p.Id == earlier.PrincipleIds[1]));
            measure.Status = MeasureStatus.InProgress;
            measure.Progress = 40;
            return await db.SaveChangesAsync();
        });
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{earlier.Id}/continue";

        var form = await client.GetDocumentAsync(url);
        Assert.Equal("2023", form.QuerySelector<IHtmlInputElement>("#Input_PeriodStart")!.Value);
        var response = await client.SubmitFormAsync(form, url, new Dictionary<string, string?>
        {
            ["Input.Title"] = "Fachplan 2017–2019 " + HostileText.Markup,
            ["Input.PeriodStart"] = "2017",
            ["Input.PeriodEnd"] = "2019",
            ["Input.PrincipleIds"] = HtmlForms.Many(Id(earlier.PrincipleIds[0]), Id(earlier.PrincipleIds[1])),
            ["Input.FieldIds"] = Id(earlier.Field(2).Id),
            ["Input.MeasureIds"] = Id(source),
        }, "#continue-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (plan, copy, old) = await m.WithDbAsync(async db =>
        {
            var p = await db.Plans.AsNoTracking().SingleAsync(x => x.PredecessorId == earlier.Id);
            var c = await db.Measures.AsNoTracking().Include(x => x.Districts).Include(x => x.Principles).SingleAsync(x => x.PlanId == p.Id);
            return (p, c, await db.Measures.AsNoTracking().SingleAsync(x => x.Id == source));
        });
        Assert.Equal(("Fachplan 2017–2019 " + HostileText.Markup, 2017, 2019), (plan.Title, plan.PeriodStart!.Value, plan.PeriodEnd!.Value));
        Assert.Equal(2, await m.WithDbAsync(db => db.Principles.CountAsync(p => p.PlanId == plan.Id)));
        Assert.Equal([2], await m.WithDbAsync(db => db.FieldsOfAction.Where(f => f.PlanId == plan.Id).Select(f => f.Number).ToListAsync()));
        Assert.Equal((source, "2.1", HostileText.Script, MeasureStatus.NotStarted, 0), (copy.CarriedFromMeasureId!.Value, copy.Number, copy.Goal, copy.Status, copy.Progress));
        Assert.Equal([district], copy.Districts.Select(d => d.Id));
        Assert.Equal(["Leitlinie 2"], await m.WithDbAsync(db => db.Principles.Where(p => p.Measures.Any(x => x.Id == copy.Id)).Select(p => p.Title).ToListAsync()));
        Assert.Equal(MeasureOutcome.Continued, old.Outcome);
    }

    [Fact]
    public async Task A_measure_whose_field_is_not_copied_is_refused_and_nothing_is_created()
    {
        var m = await app.CreateMunicipalityAsync();
        var earlier = await m.PlanAsync();
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{earlier.Id}/continue";
        var before = await m.SnapshotAsync();

        var response = await client.SubmitFormAsync(url, new Dictionary<string, string?>
        {
            ["Input.FieldIds"] = Id(earlier.Field(1).Id),
            ["Input.MeasureIds"] = Id(earlier.Field(2).MeasureIds[0]),
        }, "#continue-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        page.AssertFieldError("Input_MeasureIds", "Maßnahme 2.1");
        Assert.Equal(before, await m.SnapshotAsync());
    }

    [Fact]
    public async Task Carrying_a_measure_twice_or_one_of_another_plan_gets_a_message_and_changes_nothing()
    {
        var m = await app.CreateMunicipalityAsync();
        var earlier = await m.PlanAsync(title: "Früher");
        var other = await m.PlanAsync(title: "Anderer Plan");
        var later = await m.PlanAsync(title: "Später", measuresPerField: 0);
        await m.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == later.Id)).PredecessorId = earlier.Id;
            return await db.SaveChangesAsync();
        });
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{later.Id}/carry";
        var measure = earlier.Field(1).MeasureIds[1];

        var first = await client.SubmitFormAsync(url, new Dictionary<string, string?> { [$"Targets[{measure}]"] = Id(later.Field(2).Id) }, "#carry-form");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var copy = await m.WithDbAsync(db => db.Measures.AsNoTracking().SingleAsync(x => x.CarriedFromMeasureId == measure));
        Assert.Equal((later.Id, "2.1"), (copy.PlanId, copy.Number));

        // The page now shows it as carried; a second post (an old form) is refused at the measure's row.
        var before = await m.SnapshotAsync();
        var token = await client.AntiforgeryTokenAsync();
        var twice = await client.PostWithTokenAsync(url, token, new Dictionary<string, string> { [$"Targets[{measure}]"] = Id(later.Field(1).Id) });
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        var page = await HtmlForms.ParseAsync(twice);
        Assert.Contains("wurde schon in „Später“ übernommen, dort als 2.1", page.QuerySelector($"#Targets_{measure}_-error")!.TextContent, StringComparison.Ordinal);

        var foreign = await client.PostWithTokenAsync(url, token, new Dictionary<string, string> { [$"Targets[{other.Field(1).MeasureIds[0]}]"] = Id(later.Field(1).Id) });
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.Contains(page.Errors().Concat((await HtmlForms.ParseAsync(foreign)).Errors()), e => e.Contains("gehört nicht zum Vorgängerplan", StringComparison.Ordinal));
        Assert.Equal(before, await m.SnapshotAsync());
    }

    [Fact]
    public async Task Carrying_into_a_plan_without_predecessor_is_refused()
    {
        var m = await app.CreateMunicipalityAsync();
        var earlier = await m.PlanAsync(title: "Früher");
        var alone = await m.PlanAsync(title: "Allein");
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var before = await m.SnapshotAsync();
        var token = await client.AntiforgeryTokenAsync();

        var response = await client.PostWithTokenAsync($"/{m.Slug}/manage/plans/{alone.Id}/carry", token,
            new Dictionary<string, string> { [$"Targets[{earlier.Field(1).MeasureIds[0]}]"] = Id(alone.Field(1).Id) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(response)).Errors(), e => e.Contains("schreibt keinen anderen Plan fort", StringComparison.Ordinal));
        Assert.Equal(before, await m.SnapshotAsync());
    }

    [Fact]
    public async Task Assessments_are_saved_for_the_whole_plan_and_a_concurrent_change_is_shown_without_losing_input()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 1, measuresPerField: 2);
        var (a, b) = (plan.Field(1).MeasureIds[0], plan.Field(1).MeasureIds[1]);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{plan.Id}/assessment";

        var form = await client.GetDocumentAsync(url);
        var saved = await client.SubmitFormAsync(form, url, new Dictionary<string, string?>
        {
            ["Rows[0].Outcome"] = nameof(MeasureOutcome.Achieved),
            ["Rows[0].OutcomeText"] = HostileText.Script,
            ["Rows[1].Outcome"] = nameof(MeasureOutcome.Dropped),
        }, "#assessment-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var assessed = await m.MeasureAsync(a);
        Assert.Equal((MeasureOutcome.Achieved, HostileText.Script), (assessed.Outcome!.Value, assessed.OutcomeText));
        Assert.Equal(MeasureOutcome.Dropped, (await m.MeasureAsync(b)).Outcome);

        // Two editors open the form; the second saves first.
        var mine = await client.GetDocumentAsync(url);
        var theirs = await client.SubmitFormAsync(url, new Dictionary<string, string?> { ["Rows[0].Outcome"] = nameof(MeasureOutcome.PartlyAchieved), ["Rows[0].OutcomeText"] = "von jemand anderem" }, "#assessment-form");
        Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);
        var before = await m.SnapshotAsync();
        var refused = await client.SubmitFormAsync(mine, url, new Dictionary<string, string?> { ["Rows[0].Outcome"] = nameof(MeasureOutcome.NotAchieved), ["Rows[1].OutcomeText"] = "meine Zeile zwei" }, "#assessment-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(before, await m.SnapshotAsync());
        var page = await HtmlForms.ParseAsync(refused);
        Assert.Contains("inzwischen von jemand anderem bewertet", page.FieldError("Rows_0__Outcome"), StringComparison.Ordinal);
        Assert.Contains("von jemand anderem", page.QuerySelector($"#stored-{a}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(nameof(MeasureOutcome.NotAchieved), page.QuerySelector<IHtmlSelectElement>("#Rows_0__Outcome")!.Value);
        Assert.Equal("meine Zeile zwei", page.QuerySelector<IHtmlTextAreaElement>("#Rows_1__OutcomeText")!.Value);

        // Saving again takes the typed assessment deliberately.
        var again = await client.SubmitFormAsync(page, url, new Dictionary<string, string?>(), "#assessment-form");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(MeasureOutcome.NotAchieved, (await m.MeasureAsync(a)).Outcome);
        Assert.Equal("meine Zeile zwei", (await m.MeasureAsync(b)).OutcomeText);
    }

    [Fact]
    public async Task Continued_needs_a_carried_measure_once_a_continuation_exists_and_a_foreign_measure_cannot_be_assessed()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 1, measuresPerField: 1);
        var other = await m.PlanAsync(title: "Anderer");
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{plan.Id}/assessment";

        // Before the next plan exists, "continued" is a plan of the team and allowed.
        var early = await client.SubmitFormAsync(url, new Dictionary<string, string?> { ["Rows[0].Outcome"] = nameof(MeasureOutcome.Continued) }, "#assessment-form");
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        await m.WithDbAsync(async db =>
        {
            db.Plans.Add(new Plan { Title = "Folgeplan", PredecessorId = plan.Id, UpdatedAt = DateTimeOffset.UtcNow });
            (await db.Measures.SingleAsync(x => x.Id == plan.Field(1).MeasureIds[0])).Outcome = null;
            return await db.SaveChangesAsync();
        });
        var before = await m.SnapshotAsync();
        var refused = await client.SubmitFormAsync(url, new Dictionary<string, string?> { ["Rows[0].Outcome"] = nameof(MeasureOutcome.Continued) }, "#assessment-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await HtmlForms.ParseAsync(refused);
        Assert.True(refusedPage.FieldError("Rows_0__Outcome").Contains("„Fortgeführt“ passt nur", StringComparison.Ordinal), string.Join(" | ", refusedPage.Errors()));
        Assert.NotNull(refusedPage.QuerySelector(".error-summary a[href='#Rows_0__Outcome']"));

        var token = await client.AntiforgeryTokenAsync();
        var foreign = await client.PostWithTokenAsync(url, token, new Dictionary<string, string>
        {
            ["Rows[0].MeasureId"] = Id(other.Field(1).MeasureIds[0]), ["Rows[0].Outcome"] = nameof(MeasureOutcome.Achieved), ["Rows[0].Version"] = "1",
        });
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(foreign)).Errors(), e => e.Contains("Bewertet werden können nur", StringComparison.Ordinal));
        Assert.Equal(before, await m.SnapshotAsync());
    }

    public static TheoryData<Visitor> Visitors => PermissionMatrix.Visitors();

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Only_plan_editors_and_administrators_of_the_municipality_use_the_lineage_pages(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var earlier = await m.PlanAsync(title: "Früher");
        var later = await m.PlanAsync(title: "Später");
        await m.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == later.Id)).PredecessorId = earlier.Id;
            return await db.SaveChangesAsync();
        });
        var client = await PermissionMatrix.ClientAsync(app, m, visitor);
        var p = $"/{m.Slug}/manage/plans";
        var measure = earlier.Field(1).MeasureIds[0];
        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get($"{p}/{earlier.Id}/continue", Access.PlanEditor),
            PermissionCheck.Get($"{p}/{later.Id}/carry", Access.PlanEditor),
            PermissionCheck.Get($"{p}/{earlier.Id}/assessment", Access.PlanEditor),
            PermissionCheck.Post($"{p}/{earlier.Id}/assessment", Access.PlanEditor, new()
            {
                ["Rows[0].MeasureId"] = Id(measure), ["Rows[0].Outcome"] = nameof(MeasureOutcome.Achieved), ["Rows[0].Version"] = "0",
            }),
            PermissionCheck.Post($"{p}/{earlier.Id}/continue", Access.PlanEditor, new() { ["Input.Title"] = "Neu", ["Input.FieldIds"] = Id(earlier.Field(1).Id), ["Input.MeasureIds"] = Id(measure) }),
            PermissionCheck.Post($"{p}/{later.Id}/carry", Access.PlanEditor, new() { [$"Targets[{earlier.Field(2).MeasureIds[0]}]"] = Id(later.Field(1).Id) }),
        ]);
        var carried = await m.WithDbAsync(db => db.Measures.CountAsync(x => x.CarriedFromMeasureId != null));
        Assert.Equal(Access.PlanEditor(visitor) ? 2 : 0, carried);
    }
}

public sealed class LineageSqliteTests(SqliteApp app) : LineageTests(app), IClassFixture<SqliteApp>;

public sealed class LineagePostgresTests(PostgresApp app) : LineageTests(app), IClassFixture<PostgresApp>;
