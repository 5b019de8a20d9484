using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Tests.Features.Council;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Plans.Manage;

namespace Planwerk.Tests.Infrastructure;

/// <summary>Every date a form takes: a year 0001 or 9999 or words that are no date are refused with a message
/// naming the field, change nothing and never answer 500; the browser's field carries the same range.</summary>
public abstract class DateInputTests(PlanwerkApp app)
{
    private static string S(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<IHtmlDocument> AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        var errors = page.Errors();
        Assert.True(errors.Any(e => e.Contains(field, StringComparison.Ordinal)), $"No message naming „{field}“ in: {string.Join(" | ", errors)}");
        return page;
    }

    [Theory]
    [InlineData("0001-01-01T09:00")]
    [InlineData("9999-12-31T23:00")]
    [InlineData("kein Datum <script>")]
    public async Task A_round_s_impossible_start_is_refused_and_the_round_stays(string value)
    {
        var m = await app.CreateMunicipalityAsync();
        var round = await m.AddRoundAsync(new DateTimeOffset(2030, 1, 10, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 2, 10, 8, 0, 0, TimeSpan.Zero));
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var form = await editor.GetDocumentAsync(round.ManageUrl(m));
        Assert.Equal(("1900-01-01T00:00", "2100-12-31T23:59"), (form.QuerySelector("#Input_OpensAt")!.GetAttribute("min"), form.QuerySelector("#Input_OpensAt")!.GetAttribute("max")));

        var response = await editor.SubmitFormAsync(form, round.ManageUrl(m), new Dictionary<string, string?> { ["Input.OpensAt"] = value }, "#round-form");

        await AssertRefusedAsync(response, "Beginn");
        Assert.Equal(round.OpensAt, await m.WithDbAsync(db => db.ConsultationRounds.Where(r => r.Id == round.Id).Select(r => r.OpensAt).SingleAsync()));
    }

    [Theory]
    [InlineData("0001-01-01T09:00")]
    [InlineData("9999-12-31T23:00")]
    [InlineData("kein Datum <script>")]
    public async Task A_workshop_s_impossible_start_is_refused_and_the_workshop_stays(string value)
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddWorkshopAsync(DateTimeOffset.UtcNow);
        var before = await m.WorkshopAsync(id);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var form = await editor.GetDocumentAsync(m.ManageUrl(id));
        Assert.Equal("2100-12-31T23:59", form.QuerySelector("#Input_StartsAt")!.GetAttribute("max"));

        var response = await editor.SubmitFormAsync(form, m.ManageUrl(id), new Dictionary<string, string?> { ["Input.StartsAt"] = value }, "#workshop-form");

        await AssertRefusedAsync(response, "Beginn");
        var after = await m.WorkshopAsync(id);
        Assert.Equal((before.StartsAt, before.Version), (after.StartsAt, after.Version));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("kein Datum <script>")]
    public async Task A_meeting_s_impossible_start_is_refused_and_the_meeting_stays(string value)
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var body = await clerk.CreateBodyAsync(m, "Stadtrat", BodyClassification.CityCouncil);
        var meeting = await clerk.CreateMeetingAsync(m, body, "Sitzung des Stadtrates", "05.07.2019 16:00");
        var url = m.Council("/meetings/" + S(meeting));

        var response = await clerk.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.StartDate"] = value }, "#meeting-form");

        await AssertRefusedAsync(response, "Datum");
        Assert.Equal(new DateTimeOffset(2019, 7, 5, 14, 0, 0, TimeSpan.Zero), await m.WithDbAsync(db => db.Meetings.Where(x => x.Id == meeting).Select(x => x.Start).SingleAsync()));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("kein Datum <script>")]
    public async Task A_body_s_impossible_start_a_paper_s_impossible_date_are_refused_and_nothing_is_saved(string value)
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var body = await clerk.CreateBodyAsync(m, "Stadtrat", BodyClassification.CityCouncil);
        var bodyUrl = m.Council("/bodies/" + S(body));
        var form = await clerk.GetDocumentAsync(bodyUrl);
        Assert.Equal(("1900-01-01", "2100-12-31"), (form.QuerySelector("#Input_StartDate")!.GetAttribute("min"), form.QuerySelector("#Input_StartDate")!.GetAttribute("max")));

        await AssertRefusedAsync(await clerk.SubmitFormAsync(form, bodyUrl, new Dictionary<string, string?> { ["Input.StartDate"] = value }, "#body-form"), "Beginn");
        await AssertRefusedAsync(await clerk.SubmitFormAsync(m.Council("/papers/new"), new Dictionary<string, string?>
        {
            ["Input.Reference"] = "V1/19", ["Input.Name"] = "Vorlage", ["Input.Date"] = value,
        }, "#paper-form"), "Datum");

        Assert.Equal((null, 0), await m.WithDbAsync(async db => (await db.CouncilBodies.Where(b => b.Id == body).Select(b => b.StartDate).SingleAsync(), await db.Papers.CountAsync())));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("kein Datum <script>")]
    public async Task A_measure_s_impossible_start_is_refused_and_the_measure_stays(string value)
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        var id = plan.Field(1).MeasureIds[0];
        var url = $"/{m.Slug}/manage/plans/{S(plan.Id)}/measures/{S(id)}";
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var before = await m.WithDbAsync(db => db.Measures.Where(x => x.Id == id).Select(x => new { x.StartDate, x.Version }).SingleAsync());

        await AssertRefusedAsync(await editor.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.StartDate"] = value }, "#measure-form"), "Beginn");

        Assert.Equal(before, await m.WithDbAsync(db => db.Measures.Where(x => x.Id == id).Select(x => new { x.StartDate, x.Version }).SingleAsync()));
    }

    [Theory]
    [InlineData("01.01.0001", "1", "Beginn oder Datum")]
    [InlineData("31.12.9999", "9999", "Beginn oder Datum")]
    [InlineData("kein Datum <script>", "kein Jahr", "Beginn oder Datum")]
    public async Task A_timeline_entry_s_and_a_plan_period_s_impossible_dates_are_refused_and_nothing_is_saved(string day, string year, string field)
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var period = await m.WithDbAsync(db => db.Plans.Where(p => p.Id == plan.Id).Select(p => p.PeriodStart).SingleAsync());

        await AssertRefusedAsync(await editor.SubmitFormAsync($"/{m.Slug}/manage/plans/{S(plan.Id)}/timeline/new",
            new Dictionary<string, string?> { ["Input.Kind"] = "Event", ["Input.Start"] = day, ["Input.Title"] = "Termin" }, "#entry-form"), field);
        await AssertRefusedAsync(await editor.SubmitFormAsync($"/{m.Slug}/manage/plans/{S(plan.Id)}",
            new Dictionary<string, string?> { ["Input.PeriodStart"] = year }, "#plan-form"), "rste");

        Assert.Equal((0, period), await m.WithDbAsync(async db => (await db.TimelineEntries.CountAsync(), await db.Plans.Where(p => p.Id == plan.Id).Select(p => p.PeriodStart).SingleAsync())));
    }

    [Theory]
    [InlineData("from", "0001-01-01", "Von (Datum)")]
    [InlineData("to", "9999-12-31", "Bis (Datum)")]
    [InlineData("from", "kein Datum <script>", "Von (Datum)")]
    public async Task A_history_filter_with_an_impossible_day_says_so_and_lists_unfiltered(string name, string value, string field)
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var response = await editor.GetAsync($"/{m.Slug}/manage/plans/{S(plan.Id)}/history?{name}={Uri.EscapeDataString(value)}");

        var page = await AssertRefusedAsync(response, field);
        Assert.Equal("1900-01-01", page.QuerySelector("#from")!.GetAttribute("min"));
        Assert.Empty(page.QuerySelectorAll("main script"));
    }
}

public sealed class DateInputSqliteTests(SqliteApp app) : DateInputTests(app), IClassFixture<SqliteApp>;

public sealed class DateInputPostgresTests(PostgresApp app) : DateInputTests(app), IClassFixture<PostgresApp>;
