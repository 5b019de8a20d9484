using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Council.CouncilTestSupport;

namespace Planwerk.Tests.Features.Council;

/// <summary>A clerk edits an agenda item; a second clerk's stale form is shown the stored state; an item that a
/// paper's path names is not removed.</summary>
public abstract class AgendaItemTests(PlanwerkApp app)
{
    private sealed record Setup(TestMunicipality M, HttpClient Clerk, int MeetingId, int ItemId, int PaperId, int ConsultationId);

    private async Task<Setup> SetupAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var body = await clerk.CreateBodyAsync(m, "Ausschuss für Soziales", BodyClassification.Committee);
        var meeting = await clerk.CreateMeetingAsync(m, body, "Sitzung des Sozialausschusses", "18.06.2019 16:00");
        var ids = await m.WithDbAsync(async db =>
        {
            var paper = new Paper { Reference = "V2950/19", Name = "Fachplan", Date = new DateOnly(2019, 4, 9) };
            var item = new AgendaItem { MeetingId = meeting, Number = "Ö 5", Order = 5, Name = "Fachplan", Paper = paper };
            db.AddRange(paper, item);
            await db.SaveChangesAsync();
            var consultation = new PaperConsultation { PaperId = paper.Id, Position = 1, BodyId = body, MeetingId = meeting, AgendaItemId = item.Id, Role = ConsultationRole.PreliminaryConsultation };
            db.Add(consultation);
            await db.SaveChangesAsync();
            return (Item: item.Id, Paper: paper.Id, Consultation: consultation.Id);
        });
        return new Setup(m, clerk, meeting, ids.Item, ids.Paper, ids.Consultation);
    }

    private static string ItemUrl(Setup s) => s.M.Council($"/meetings/{Id(s.MeetingId)}/items/{Id(s.ItemId)}");

    [Fact]
    public async Task A_clerk_edits_number_name_order_and_public_and_the_public_pages_follow()
    {
        var s = await SetupAsync();
        var meetingPage = await s.Clerk.GetDocumentAsync(s.M.Council("/meetings/" + Id(s.MeetingId)));
        Assert.Equal(ItemUrl(s), meetingPage.QuerySelector($"#item-{s.ItemId} a.edit-item")!.GetAttribute("href"));

        var response = await s.Clerk.SubmitFormAsync(ItemUrl(s), new Dictionary<string, string?>
        {
            ["Item.Number"] = "Ö 5.1", ["Item.Order"] = "7", ["Item.Name"] = "Fachplan " + HostileText.Script, ["Item.Result"] = "vertagt",
        }, "#item-edit-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await s.M.WithDbAsync(db => db.AgendaItems.SingleAsync(i => i.Id == s.ItemId));
        Assert.Equal(("Ö 5.1", 7, "Fachplan " + HostileText.Script, "vertagt", true, s.PaperId), (stored.Number, stored.Order, stored.Name, stored.Result, stored.IsPublic, stored.PaperId!.Value));
        var publicPage = await app.CreateBrowserlikeClient().GetDocumentAsync(s.M.PublicMeeting(s.MeetingId));
        Assert.Contains("Fachplan " + HostileText.Script, publicPage.QuerySelector("#agenda")!.TextContent, StringComparison.Ordinal);

        // Made non-public (the box unticked, so the browser sends nothing for it): gone from the public page (the edit evicted the cached one).
        var hide = await s.Clerk.SubmitFormAsync(ItemUrl(s), new Dictionary<string, string?> { ["Item.IsPublic"] = null }, "#item-edit-form");
        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        Assert.False(await s.M.WithDbAsync(db => db.AgendaItems.Where(i => i.Id == s.ItemId).Select(i => i.IsPublic).SingleAsync()));
        var hidden = await app.CreateBrowserlikeClient().GetDocumentAsync(s.M.PublicMeeting(s.MeetingId));
        Assert.Null(hidden.QuerySelector("#agenda"));
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_a_stale_form_shows_the_stored_state_and_changes_nothing()
    {
        var s = await SetupAsync();
        var empty = await s.Clerk.SubmitFormAsync(ItemUrl(s), new Dictionary<string, string?> { ["Item.Name"] = "  ", ["Item.Number"] = new string('1', 41) }, "#item-edit-form");
        var errors = await empty.ErrorsAsync();
        Assert.Contains(errors, e => e.Contains("Namen des Tagesordnungspunkts", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Nummer", StringComparison.Ordinal));
        var order = await s.Clerk.SubmitFormAsync(ItemUrl(s), new Dictionary<string, string?> { ["Item.Order"] = "zwei" }, "#item-edit-form");
        Assert.Contains(await order.ErrorsAsync(), e => e.Contains("Reihenfolge", StringComparison.Ordinal));
        Assert.Equal("Fachplan", await s.M.WithDbAsync(db => db.AgendaItems.Where(i => i.Id == s.ItemId).Select(i => i.Name).SingleAsync()));

        // Two clerks open the form; the first saves, the second's save is refused with the stored state beside it.
        var other = await s.M.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var stalePage = await other.GetDocumentAsync(ItemUrl(s));
        Assert.Equal(HttpStatusCode.Redirect, (await s.Clerk.SubmitFormAsync(ItemUrl(s), new Dictionary<string, string?> { ["Item.Name"] = "Erster" }, "#item-edit-form")).StatusCode);
        var stale = await other.SubmitFormAsync(stalePage, ItemUrl(s), new Dictionary<string, string?> { ["Item.Name"] = "Zweiter" }, "#item-edit-form");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var conflict = await HtmlForms.ParseAsync(stale);
        Assert.Contains("inzwischen von jemand anderem geändert", conflict.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Erster", conflict.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Erster", await s.M.WithDbAsync(db => db.AgendaItems.Where(i => i.Id == s.ItemId).Select(i => i.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_item_a_papers_path_names_is_not_removed_and_the_clerk_is_told_where_to_go()
    {
        var s = await SetupAsync();
        var response = await s.Clerk.SubmitFormAsync(s.M.Council("/meetings/" + Id(s.MeetingId)), new Dictionary<string, string?>(), $"#item-{s.ItemId} form");
        Assert.Contains(await response.ErrorsAsync(), e => e.Contains("V2950/19", StringComparison.Ordinal) && e.Contains("nicht entfernt", StringComparison.Ordinal));
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal(s.M.Council("/papers/" + Id(s.PaperId)) + "#consultations", page.QuerySelector("#removal-blocked a")!.GetAttribute("href"));
        Assert.True(await s.M.WithDbAsync(db => db.AgendaItems.AnyAsync(i => i.Id == s.ItemId)));
        Assert.Equal(s.ItemId, await s.M.WithDbAsync(db => db.PaperConsultations.Where(c => c.Id == s.ConsultationId).Select(c => c.AgendaItemId).SingleAsync()));

        // Once the path names no item, the item can go.
        await s.M.WithDbAsync(async db =>
        {
            (await db.PaperConsultations.SingleAsync(c => c.Id == s.ConsultationId)).AgendaItemId = null;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await s.Clerk.SubmitFormAsync(s.M.Council("/meetings/" + Id(s.MeetingId)), new Dictionary<string, string?>(), $"#item-{s.ItemId} form")).StatusCode);
        Assert.False(await s.M.WithDbAsync(db => db.AgendaItems.AnyAsync(i => i.Id == s.ItemId)));
    }

    [Fact]
    public async Task The_plan_team_reads_the_item_but_cannot_change_it()
    {
        var s = await SetupAsync();
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var page = await editor.GetDocumentAsync(ItemUrl(s));
        Assert.NotNull(page.QuerySelector("#read-only"));
        var token = await editor.AntiforgeryTokenAsync();
        var post = await editor.PostWithTokenAsync(ItemUrl(s), token, new Dictionary<string, string> { ["Item.Name"] = "Vom Team", ["Item.Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/access-denied", post.RedirectTarget(), StringComparison.Ordinal);
        Assert.Equal("Fachplan", await s.M.WithDbAsync(db => db.AgendaItems.Where(i => i.Id == s.ItemId).Select(i => i.Name).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await s.Clerk.GetAsync(s.M.Council($"/meetings/{Id(s.MeetingId)}/items/999999"))).StatusCode);
    }
}

public sealed class AgendaItemSqliteTests(SqliteApp app) : AgendaItemTests(app), IClassFixture<SqliteApp>;

public sealed class AgendaItemPostgresTests(PostgresApp app) : AgendaItemTests(app), IClassFixture<PostgresApp>;
