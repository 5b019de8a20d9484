using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Implementation;

/// <summary>A measure's milestones: the plan team adds, corrects and deletes them, bad input is named at its
/// field and changes nothing, a stale form gets the conflict view, the public measure page says which are
/// done and which are overdue (in words), and every change is in the measure's history.</summary>
public abstract class MilestoneTests(ClockedApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The application's day, and days around it as a date input and a page show them.</summary>
    private DateOnly Today => Planwerk.Infrastructure.Time.BerlinTime.Today(app.Clock);
    private string Input(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private string Shown(int days) => Today.AddDays(days).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private async Task<(TestMunicipality M, int PlanId, int MeasureId, string Url)> MeasureAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 1, measuresPerField: 1);
        await m.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == plan.Id)).IsPublic = true;
            await db.SaveChangesAsync();
            return 0;
        });
        var measureId = plan.Fields[0].MeasureIds[0];
        return (m, plan.Id, measureId, $"/{m.Slug}/manage/plans/{Id(plan.Id)}/measures/{Id(measureId)}/milestones");
    }

    [Fact]
    public async Task Editor_adds_milestones_that_the_public_page_shows_done_overdue_or_open_and_the_history_records()
    {
        var (m, planId, measureId, url) = await MeasureAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var edit = await editor.GetDocumentAsync($"/{m.Slug}/manage/plans/{Id(planId)}/measures/{Id(measureId)}");
        Assert.Equal(url, edit.QuerySelector("#milestones-link")!.GetAttribute("href"));

        async Task AddAsync(string title, string due, string? done = null, string note = "")
        {
            var response = await editor.SubmitFormAsync(url, new Dictionary<string, string?>
            {
                ["Input.Title"] = title, ["Input.DueOn"] = due, ["Input.DoneOn"] = done ?? "", ["Input.Note"] = note,
            }, "#milestone-form");
            Assert.Equal(url, response.RedirectTarget());
        }
        await AddAsync("Sprachkurse ausgeschrieben " + HostileText.Script, Input(-30), note: HostileText.RightToLeft);
        await AddAsync("Träger ausgewählt", Input(-20), done: Input(-18));
        await AddAsync("Kurse laufen", Input(60));

        var list = await editor.GetDocumentAsync(url);
        var rows = list.QuerySelectorAll("#milestones tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        // Open ones first, by due date; then the done ones.
        Assert.Contains("überfällig seit " + Shown(-30), rows[0], StringComparison.Ordinal);
        Assert.Contains("offen", rows[1], StringComparison.Ordinal);
        Assert.Contains("erledigt am " + Shown(-18), rows[2], StringComparison.Ordinal);

        var anonymous = app.CreateBrowserlikeClient();
        var response = await anonymous.GetAsync($"/{m.Slug}/plans/{Id(planId)}/measures/{Id(measureId)}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        var section = (await HtmlForms.ParseAsync(response)).QuerySelector("#milestones")!;
        Assert.Contains("Sprachkurse ausgeschrieben " + HostileText.Script, section.TextContent, StringComparison.Ordinal);
        Assert.Contains(HostileText.RightToLeft, section.TextContent, StringComparison.Ordinal);
        Assert.Equal("überfällig seit " + Shown(-30), section.QuerySelector(".milestone-overdue")!.TextContent);
        Assert.Single(section.QuerySelectorAll(".milestone-overdue"));
        Assert.Equal("erledigt am " + Shown(-18), section.QuerySelector(".milestone-done")!.TextContent);
        var history = await editor.GetDocumentAsync($"/{m.Slug}/manage/plans/{Id(planId)}/measures/{Id(measureId)}/history");
        var text = history.QuerySelector("main")!.TextContent;
        Assert.Contains("Meilenstein", text, StringComparison.Ordinal);
        Assert.Contains($"Träger ausgewählt · {Input(-20)} · ✓ {Input(-18)}", text, StringComparison.Ordinal);

        // A day after the last due date, every open one is overdue.
        // (The sign-in has expired by then; the editor signs in again.)
        app.Clock.Advance(TimeSpan.FromDays(61));
        var later = await (await m.SignedInClientAsync(MunicipalityRole.PlanEditor)).GetDocumentAsync(url);
        Assert.Equal(2, later.QuerySelectorAll("#milestones .milestone-overdue").Length);
    }

    [Fact]
    public async Task Bad_input_is_named_at_its_field_and_changes_nothing()
    {
        var (m, _, measureId, url) = await MeasureAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        async Task<IReadOnlyList<string>> ErrorsAsync(string title, string due, string done, string note = "")
        {
            var response = await editor.SubmitFormAsync(url, new Dictionary<string, string?>
            {
                ["Input.Title"] = title, ["Input.DueOn"] = due, ["Input.DoneOn"] = done, ["Input.Note"] = note,
            }, "#milestone-form");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await HtmlForms.ParseAsync(response)).Errors();
        }

        Assert.Contains("Bitte geben Sie an, was erreicht werden soll.", await ErrorsAsync("  ", "2020-06-30", ""));
        Assert.Contains("Fällig am: Bitte geben Sie ein Datum an (TT.MM.JJJJ).", await ErrorsAsync("Ziel", "", ""));
        Assert.Contains("Fällig am: Bitte geben Sie ein Datum an (TT.MM.JJJJ).", await ErrorsAsync("Ziel", "im Sommer", ""));
        Assert.Contains("Fällig am: Bitte geben Sie ein Datum zwischen 1900 und 2100 an.", await ErrorsAsync("Ziel", "0001-01-01", ""));
        Assert.Contains("Erledigt am: Das Datum liegt in der Zukunft. Tragen Sie es ein, wenn der Meilenstein erreicht ist.", await ErrorsAsync("Ziel", "2020-06-30", Input(1)));
        Assert.Contains("Der Titel darf höchstens 300 Zeichen lang sein.", await ErrorsAsync(new string('x', 301), "2020-06-30", ""));
        Assert.Contains("Die Anmerkung darf höchstens 2000 Zeichen lang sein.", await ErrorsAsync("Ziel", "2020-06-30", "", new string('x', 2001)));
        Assert.Equal(0, await m.WithDbAsync(db => db.Milestones.CountAsync(x => x.MeasureId == measureId)));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_both_states_and_a_deletion_is_recorded()
    {
        var (m, planId, measureId, url) = await MeasureAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        await editor.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.Title"] = "Beirat gegründet", ["Input.DueOn"] = "2020-06-30" }, "#milestone-form");
        var id = await m.WithDbAsync(db => db.Milestones.Where(x => x.MeasureId == measureId).Select(x => x.Id).SingleAsync());
        var editUrl = url + "/" + Id(id);
        var form = await editor.GetDocumentAsync(editUrl);

        var other = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        Assert.Equal(url, (await other.SubmitFormAsync(editUrl, new Dictionary<string, string?> { ["Input.DoneOn"] = "2020-07-01" }, "#milestone-edit-form")).RedirectTarget());

        var stale = await editor.SubmitFormAsync(form, editUrl, new Dictionary<string, string?> { ["Input.Note"] = "Meine Anmerkung" }, "#milestone-edit-form");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await HtmlForms.ParseAsync(stale);
        Assert.Contains("01.07.2020", page.QuerySelector(".conflict-table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Meine Anmerkung", page.QuerySelector("#Input_Note")!.TextContent.Trim());
        var stored = await m.WithDbAsync(db => db.Milestones.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal((new DateOnly(2020, 7, 1), ""), (stored.DoneOn!.Value, stored.Note));

        // Sent again from the conflict view with the other's done date taken over, it applies over the stored state.
        Assert.Equal(url, (await editor.SubmitFormAsync(page, editUrl, new Dictionary<string, string?> { ["Input.DoneOn"] = "2020-07-01" }, "#milestone-edit-form")).RedirectTarget());
        Assert.Equal("Meine Anmerkung", await m.WithDbAsync(db => db.Milestones.Where(x => x.Id == id).Select(x => x.Note).SingleAsync()));

        var deleted = await editor.SubmitFormAsync(editUrl, new Dictionary<string, string?>(), "#milestone-delete-form");
        Assert.Equal(url, deleted.RedirectTarget());
        Assert.Equal(0, await m.WithDbAsync(db => db.Milestones.CountAsync(x => x.MeasureId == measureId)));
        var fields = await m.WithDbAsync(db => db.ChangeRecordFields.Where(f => f.Field == "Milestone" && f.ChangeRecord!.EntityId == measureId && f.ChangeRecord.PlanId == planId)
            .OrderBy(f => f.Id).Select(f => new { f.OldValue, f.NewValue }).ToListAsync());
        Assert.Equal(4, fields.Count); // added, done, noted, deleted
        Assert.Null(fields[0].OldValue);
        Assert.Equal("Beirat gegründet · 2020-06-30 · ✓ 2020-07-01 · Meine Anmerkung", fields[^1].OldValue);
        Assert.Null(fields[^1].NewValue);
    }

    public static TheoryData<Visitor> Visitors() => PermissionMatrix.Visitors(
        Visitor.Anonymous, Visitor.Resident, Visitor.StakeholderMember, Visitor.PlanEditor, Visitor.Moderator, Visitor.CouncilClerk, Visitor.Administrator, Visitor.OtherAdministrator);

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Each_page_and_handler_admits_exactly_its_roles(Visitor visitor)
    {
        var (m, _, measureId, url) = await MeasureAsync();
        var ids = await m.WithDbAsync(async db =>
        {
            var kept = new Planwerk.Features.Implementation.Milestone { MeasureId = measureId, Title = "Bleibt", DueOn = new DateOnly(2020, 1, 1) };
            var doomed = new Planwerk.Features.Implementation.Milestone { MeasureId = measureId, Title = "Zu löschen", DueOn = new DateOnly(2020, 1, 1) };
            db.Milestones.AddRange(kept, doomed);
            await db.SaveChangesAsync();
            return (kept.Id, doomed.Id);
        });
        var client = await PermissionMatrix.ClientAsync(app, m, visitor);
        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get(url, Access.PlanEditor),
            PermissionCheck.Get(url + "/" + Id(ids.Item1), Access.PlanEditor),
            PermissionCheck.Post(url, Access.PlanEditor, new() { ["Input.Title"] = "Neu " + visitor, ["Input.DueOn"] = "2020-06-30" }),
            PermissionCheck.Post(url + "/" + Id(ids.Item1), Access.PlanEditor, new() { ["Input.Title"] = "Geändert " + visitor, ["Input.DueOn"] = "2020-06-30", ["Input.Version"] = "0" }),
            PermissionCheck.Post(url + "/" + Id(ids.Item2) + "?handler=Delete", Access.PlanEditor),
        ]);
        var mayEdit = Access.PlanEditor(visitor);
        var titles = await m.WithDbAsync(db => db.Milestones.Where(x => x.MeasureId == measureId).Select(x => x.Title).ToListAsync());
        Assert.Equal(mayEdit, titles.Contains("Neu " + visitor));
        Assert.Equal(mayEdit, titles.Contains("Geändert " + visitor));
        Assert.Equal(mayEdit, !titles.Contains("Zu löschen"));
    }

    [Fact]
    public async Task Another_municipality_s_editor_finds_no_milestone_of_this_one()
    {
        var (m, _, measureId, url) = await MeasureAsync();
        var id = await m.WithDbAsync(async db =>
        {
            var milestone = new Planwerk.Features.Implementation.Milestone { MeasureId = measureId, Title = "Fremd", DueOn = new DateOnly(2020, 1, 1) };
            db.Milestones.Add(milestone);
            await db.SaveChangesAsync();
            return milestone.Id;
        });
        var other = await app.CreateMunicipalityAsync();
        var editor = await other.SignedInClientAsync(MunicipalityRole.PlanEditor);
        // The same ids under the other municipality's address: its context sees no such measure or milestone.
        var foreign = url.Replace("/" + m.Slug + "/", "/" + other.Slug + "/", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(foreign)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(foreign + "/" + Id(id))).StatusCode);
        var token = await editor.AntiforgeryTokenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostWithTokenAsync(foreign + "/" + Id(id) + "?handler=Delete", token, new Dictionary<string, string>())).StatusCode);
        Assert.Equal(1, await m.WithDbAsync(db => db.Milestones.CountAsync(x => x.Id == id)));
    }
}

public sealed class MilestoneSqliteTests(SqliteClockedApp app) : MilestoneTests(app), IClassFixture<SqliteClockedApp>;

public sealed class MilestonePostgresTests(PostgresClockedApp app) : MilestoneTests(app), IClassFixture<PostgresClockedApp>;
