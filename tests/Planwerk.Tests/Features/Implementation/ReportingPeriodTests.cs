using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Implementation;
using Planwerk.Features.Implementation.Manage;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Implementation;

/// <summary>A plan's reporting periods: the plan team adds a series or one period, bad input and overlaps are named
/// and change nothing, a stale form gets the conflict view, and only the plan team of the municipality may touch them.</summary>
public abstract class ReportingPeriodTests(ClockedApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<(TestMunicipality M, int PlanId, string Url)> PlanAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 1, measuresPerField: 1);
        return (m, plan.Id, $"/{m.Slug}/manage/plans/{Id(plan.Id)}/reporting-periods");
    }

    private static Dictionary<string, string?> Series(string rhythm, string firstYear, string firstPart, string lastYear, string lastPart, string weeks = "6") => new()
    {
        ["Series.Rhythm"] = rhythm, ["Series.FirstYear"] = firstYear, ["Series.FirstPart"] = firstPart,
        ["Series.LastYear"] = lastYear, ["Series.LastPart"] = lastPart, ["Series.WeeksToReport"] = weeks,
    };

    private Task<List<ReportingPeriod>> StoredAsync(TestMunicipality m, int planId) =>
        m.WithDbAsync(db => db.ReportingPeriods.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.StartsOn).ToListAsync());

    [Fact]
    public async Task A_half_yearly_series_makes_the_periods_from_first_to_last_and_an_overlapping_series_makes_none()
    {
        var (m, planId, url) = await PlanAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var plan = await editor.GetDocumentAsync($"/{m.Slug}/manage/plans/{Id(planId)}");
        Assert.Equal(url, plan.QuerySelector("#reporting-periods-link")!.GetAttribute("href"));

        var response = await editor.SubmitFormAsync(url, Series("HalfYearly", "2019", "2", "2022", "2"), "#series-form");
        Assert.Equal(url, response.RedirectTarget());
        var periods = await StoredAsync(m, planId);
        Assert.Equal(["2019, 2. Halbjahr", "2020, 1. Halbjahr", "2020, 2. Halbjahr", "2021, 1. Halbjahr", "2021, 2. Halbjahr", "2022, 1. Halbjahr", "2022, 2. Halbjahr"],
            periods.Select(p => p.Name));
        Assert.Equal((new DateOnly(2019, 7, 1), new DateOnly(2019, 12, 31), new DateOnly(2020, 2, 11)), (periods[0].StartsOn, periods[0].EndsOn, periods[0].DueOn));
        Assert.Equal((new DateOnly(2020, 1, 1), new DateOnly(2020, 6, 30)), (periods[1].StartsOn, periods[1].EndsOn));

        var list = await editor.GetDocumentAsync(url);
        Assert.Contains("7 Berichtszeiträume wurden angelegt, von „2019, 2. Halbjahr“ bis „2022, 2. Halbjahr“.", list.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        var rows = list.QuerySelectorAll("#periods tbody tr");
        Assert.Equal(7, rows.Length);
        Assert.Contains("11.02.2020", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("abgelaufen", rows[0].TextContent, StringComparison.Ordinal);
        // The series form now starts after the last period.
        Assert.Equal("2023", list.QuerySelector("#Series_FirstYear")!.GetAttribute("value"));

        var overlapping = await editor.SubmitFormAsync(url, Series("Quarterly", "2022", "3", "2023", "2"), "#series-form");
        Assert.Equal(HttpStatusCode.OK, overlapping.StatusCode);
        Assert.Contains("„2022, 3. Quartal“ (01.07.2022 bis 30.09.2022) überschneidet sich mit dem vorhandenen Zeitraum „2022, 2. Halbjahr“. Es wurde kein Zeitraum angelegt.",
            (await HtmlForms.ParseAsync(overlapping)).Errors());
        Assert.Equal(7, (await StoredAsync(m, planId)).Count);
    }

    [Fact]
    public async Task Bad_series_are_named_at_their_field_and_make_nothing()
    {
        var (m, planId, url) = await PlanAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        async Task<IReadOnlyList<string>> ErrorsAsync(Dictionary<string, string?> form)
        {
            var response = await editor.SubmitFormAsync(url, form, "#series-form");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await HtmlForms.ParseAsync(response)).Errors();
        }

        Assert.Contains("Der letzte Zeitraum liegt vor dem ersten.", await ErrorsAsync(Series("HalfYearly", "2022", "1", "2021", "2")));
        Assert.Contains("Es können höchstens 100 Zeiträume auf einmal angelegt werden.", await ErrorsAsync(Series("Quarterly", "1990", "1", "2030", "1")));
        Assert.Contains("Erster Zeitraum: Bitte wählen Sie ein Halbjahr oder Quartal des Rhythmus.", await ErrorsAsync(Series("HalfYearly", "2020", "3", "2021", "1")));
        Assert.Contains("Erster Zeitraum: Bitte geben Sie ein Jahr an.", await ErrorsAsync(Series("Yearly", "", "1", "2021", "1")));
        Assert.Contains("Erster Zeitraum, Jahr: Bitte geben Sie ein Jahr zwischen 1900 und 2100 an.", await ErrorsAsync(Series("Yearly", "1", "1", "2021", "1")));
        Assert.Contains("Berichte fällig, Wochen nach Ende: Bitte geben Sie eine ganze Zahl von 0 bis 52 an.", await ErrorsAsync(Series("Yearly", "2020", "1", "2021", "1", "-1")));
        Assert.Empty(await StoredAsync(m, planId));
    }

    [Fact]
    public async Task One_period_is_added_and_bad_input_or_an_overlap_is_named_at_its_field_and_changes_nothing()
    {
        var (m, planId, url) = await PlanAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var name = "2020 " + HostileText.Script + " " + HostileText.RightToLeft;
        Assert.Equal(url, (await editor.SubmitFormAsync(url, new Dictionary<string, string?>
        {
            ["Input.Name"] = name, ["Input.StartsOn"] = "2020-01-01", ["Input.EndsOn"] = "2020-12-31", ["Input.DueOn"] = "2021-02-15",
        }, "#period-form")).RedirectTarget());
        var html = await (await editor.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        Assert.Contains(name, (await editor.GetDocumentAsync(url)).QuerySelector("#periods")!.TextContent, StringComparison.Ordinal);

        async Task<IReadOnlyList<string>> ErrorsAsync(string periodName, string start, string end, string due)
        {
            var response = await editor.SubmitFormAsync(url, new Dictionary<string, string?>
            {
                ["Input.Name"] = periodName, ["Input.StartsOn"] = start, ["Input.EndsOn"] = end, ["Input.DueOn"] = due,
            }, "#period-form");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await HtmlForms.ParseAsync(response)).Errors();
        }

        Assert.Contains("Bitte geben Sie dem Zeitraum einen Namen, zum Beispiel „2019, 2. Halbjahr“.", await ErrorsAsync(" ", "2021-01-01", "2021-12-31", "2022-02-01"));
        Assert.Contains("Der Name darf höchstens 100 Zeichen lang sein.", await ErrorsAsync(new string('x', 101), "2021-01-01", "2021-12-31", "2022-02-01"));
        Assert.Contains("Ende: Der Zeitraum endet vor seinem Beginn.", await ErrorsAsync("2021", "2021-12-31", "2021-01-01", "2022-02-01"));
        Assert.Contains("Berichte fällig am: Die Berichte können nicht vor dem Beginn des Zeitraums fällig sein.", await ErrorsAsync("2021", "2021-01-01", "2021-12-31", "2020-12-01"));
        Assert.Contains("Der Zeitraum überschneidet sich mit „" + name + "“ (01.01.2020 bis 31.12.2020).", await ErrorsAsync("2020/21", "2020-12-31", "2021-12-30", "2022-02-01"));
        Assert.Contains("Einen Zeitraum „" + name.ToUpperInvariant() + "“ gibt es in diesem Plan schon.", await ErrorsAsync(name.ToUpperInvariant(), "2021-01-01", "2021-12-31", "2022-02-01"));
        Assert.Contains("Beginn: Bitte geben Sie ein Datum an (TT.MM.JJJJ).", await ErrorsAsync("2021", "im Januar", "2021-12-31", "2022-02-01"));
        Assert.Contains("Ende: Bitte geben Sie ein Datum zwischen 1900 und 2100 an.", await ErrorsAsync("2021", "2021-01-01", "0001-01-01", "2022-02-01"));
        Assert.Contains("Berichte fällig am: Bitte geben Sie ein Datum an (TT.MM.JJJJ).", await ErrorsAsync("2021", "2021-01-01", "2021-12-31", ""));
        Assert.Single(await StoredAsync(m, planId));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_both_states_and_a_period_can_be_deleted()
    {
        var (m, planId, url) = await PlanAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        await editor.SubmitFormAsync(url, Series("Yearly", "2020", "1", "2021", "1"), "#series-form");
        var periods = await StoredAsync(m, planId);
        var editUrl = url + "/" + Id(periods[0].Id);
        var form = await editor.GetDocumentAsync(editUrl);

        var other = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        Assert.Equal(url, (await other.SubmitFormAsync(editUrl, new Dictionary<string, string?> { ["Input.DueOn"] = "2021-03-31" }, "#period-edit-form")).RedirectTarget());

        var stale = await editor.SubmitFormAsync(form, editUrl, new Dictionary<string, string?> { ["Input.Name"] = "Jahr 2020" }, "#period-edit-form");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await HtmlForms.ParseAsync(stale);
        Assert.Contains("31.03.2021", page.QuerySelector(".conflict-table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Jahr 2020", page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal("2020", (await StoredAsync(m, planId))[0].Name);

        // Moving the first period into the second is refused on the edit page too.
        var overlap = await editor.SubmitFormAsync(page, editUrl, new Dictionary<string, string?> { ["Input.EndsOn"] = "2021-01-31" }, "#period-edit-form");
        Assert.Contains("Der Zeitraum überschneidet sich mit „2021“ (01.01.2021 bis 31.12.2021).", (await HtmlForms.ParseAsync(overlap)).Errors());

        Assert.Equal(url, (await editor.SubmitFormAsync(page, editUrl, new Dictionary<string, string?> { ["Input.DueOn"] = "2021-03-31" }, "#period-edit-form")).RedirectTarget());
        Assert.Equal(("Jahr 2020", new DateOnly(2021, 3, 31)), (await StoredAsync(m, planId)).Select(p => (p.Name, p.DueOn)).First());

        Assert.Equal(url, (await editor.SubmitFormAsync(editUrl, new Dictionary<string, string?>(), "#period-delete-form")).RedirectTarget());
        Assert.Equal(["2021"], (await StoredAsync(m, planId)).Select(p => p.Name));
    }

    [Fact]
    public void Quarters_and_years_run_from_the_first_day_to_the_last_with_their_due_dates()
    {
        var quarters = new ReportingPeriodSeries { Rhythm = ReportingRhythm.Quarterly, FirstYear = 2023, FirstPart = 4, LastYear = 2024, LastPart = 1, WeeksToReport = 0 }.Periods();
        Assert.Equal([("2023, 4. Quartal", new DateOnly(2023, 10, 1), new DateOnly(2023, 12, 31), new DateOnly(2023, 12, 31)),
            ("2024, 1. Quartal", new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31), new DateOnly(2024, 3, 31))], quarters);
        var years = new ReportingPeriodSeries { Rhythm = ReportingRhythm.Yearly, FirstYear = 2024, LastYear = 2024, WeeksToReport = 2 }.Periods();
        Assert.Equal([("2024", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), new DateOnly(2025, 1, 14))], years);
    }

    public static TheoryData<Visitor> Visitors() => PermissionMatrix.Visitors(
        Visitor.Anonymous, Visitor.Resident, Visitor.StakeholderMember, Visitor.PlanEditor, Visitor.Moderator, Visitor.CouncilClerk, Visitor.Administrator, Visitor.OtherAdministrator);

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Each_page_and_handler_admits_exactly_its_roles(Visitor visitor)
    {
        var (m, planId, url) = await PlanAsync();
        var ids = await m.WithDbAsync(async db =>
        {
            var kept = new ReportingPeriod { PlanId = planId, Name = "Bleibt", StartsOn = new(2019, 1, 1), EndsOn = new(2019, 12, 31), DueOn = new(2020, 1, 31) };
            var doomed = new ReportingPeriod { PlanId = planId, Name = "Zu löschen", StartsOn = new(2018, 1, 1), EndsOn = new(2018, 12, 31), DueOn = new(2019, 1, 31) };
            db.ReportingPeriods.AddRange(kept, doomed);
            await db.SaveChangesAsync();
            return (kept.Id, doomed.Id);
        });
        var client = await PermissionMatrix.ClientAsync(app, m, visitor);
        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get(url, Access.PlanEditor),
            PermissionCheck.Get(url + "/" + Id(ids.Item1), Access.PlanEditor),
            PermissionCheck.Post(url, Access.PlanEditor, new() { ["Input.Name"] = "Neu " + visitor, ["Input.StartsOn"] = "2020-01-01", ["Input.EndsOn"] = "2020-12-31", ["Input.DueOn"] = "2021-01-31" }),
            PermissionCheck.Post(url + "?handler=Series", Access.PlanEditor, new() { ["Series.Rhythm"] = "Yearly", ["Series.FirstYear"] = "2021", ["Series.LastYear"] = "2021", ["Series.WeeksToReport"] = "4" }),
            PermissionCheck.Post(url + "/" + Id(ids.Item1), Access.PlanEditor, new() { ["Input.Name"] = "Geändert " + visitor, ["Input.StartsOn"] = "2019-01-01", ["Input.EndsOn"] = "2019-12-31", ["Input.DueOn"] = "2020-01-31", ["Input.Version"] = "0" }),
            PermissionCheck.Post(url + "/" + Id(ids.Item2) + "?handler=Delete", Access.PlanEditor),
        ]);
        var mayEdit = Access.PlanEditor(visitor);
        var names = (await StoredAsync(m, planId)).Select(p => p.Name).ToList();
        Assert.Equal(mayEdit, names.Contains("Neu " + visitor));
        Assert.Equal(mayEdit, names.Contains("2021"));
        Assert.Equal(mayEdit, names.Contains("Geändert " + visitor));
        Assert.Equal(mayEdit, !names.Contains("Zu löschen"));
    }

    [Fact]
    public async Task Another_municipality_s_editor_finds_no_period_of_this_one()
    {
        var (m, planId, url) = await PlanAsync();
        var id = await m.WithDbAsync(async db =>
        {
            var period = new ReportingPeriod { PlanId = planId, Name = "Fremd", StartsOn = new(2019, 1, 1), EndsOn = new(2019, 12, 31), DueOn = new(2020, 1, 31) };
            db.ReportingPeriods.Add(period);
            await db.SaveChangesAsync();
            return period.Id;
        });
        var other = await app.CreateMunicipalityAsync();
        var editor = await other.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var foreign = url.Replace("/" + m.Slug + "/", "/" + other.Slug + "/", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(foreign)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(foreign + "/" + Id(id))).StatusCode);
        var token = await editor.AntiforgeryTokenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostWithTokenAsync(foreign + "/" + Id(id) + "?handler=Delete", token, new Dictionary<string, string>())).StatusCode);
        Assert.Equal(1, await m.WithDbAsync(db => db.ReportingPeriods.CountAsync(x => x.Id == id)));
    }
}

public sealed class ReportingPeriodSqliteTests(SqliteClockedApp app) : ReportingPeriodTests(app), IClassFixture<SqliteClockedApp>;

public sealed class ReportingPeriodPostgresTests(PostgresClockedApp app) : ReportingPeriodTests(app), IClassFixture<PostgresClockedApp>;
