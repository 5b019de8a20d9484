using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Participation.Moderation;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Public comments on a round open to residents, reports, and the moderators' decisions with their log.
/// The clock is the test's, so "open" is decided to the second.</summary>
public abstract class ModerationTests(ClockedApp app)
{
    private static string CommentsUrl(TestMunicipality m, int roundId) => string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/consultations/{roundId}/comments");

    private static string DeskUrl(TestMunicipality m) => $"/{m.Slug}/manage/moderation";

    private static Task<HttpResponseMessage> PostCommentAsync(HttpClient client, string url, string text) =>
        client.SubmitFormAsync(url, new Dictionary<string, string?> { ["Comment.Text"] = text }, "#comment-form");

    [Fact]
    public async Task Comments_are_accepted_from_the_opening_second_until_just_before_the_close()
    {
        var m = await app.CreateMunicipalityAsync();
        var opens = app.Clock.GetUtcNow().AddHours(1);
        var closes = opens.AddDays(7);
        var roundId = await m.AddCommentableRoundAsync(opens, closes);
        var url = CommentsUrl(m, roundId);
        var resident = await app.SignInAsync((await app.CreateUserAsync()).Email!);
        var token = await resident.AntiforgeryTokenAsync();
        Task<HttpResponseMessage> PostAsync(string text) =>
            resident.PostWithTokenAsync(url + "?handler=Comment", token, new Dictionary<string, string> { ["Comment.Text"] = text });

        app.Clock.SetUtcNow(opens.AddSeconds(-1));
        var early = await resident.GetDocumentAsync(url);
        Assert.Null(early.QuerySelector("#comment-form"));
        var tooEarly = await PostAsync("Zu früh");
        Assert.Equal(HttpStatusCode.OK, tooEarly.StatusCode);
        Assert.Contains("Die Beteiligungsrunde hat noch nicht begonnen. Kommentare sind erst ab dem Beginn möglich.", (await HtmlForms.ParseAsync(tooEarly)).Errors());

        app.Clock.SetUtcNow(opens);
        Assert.Equal(HttpStatusCode.Redirect, (await PostCommentAsync(resident, url, "Pünktlich")).StatusCode);
        app.Clock.SetUtcNow(closes.AddSeconds(-1));
        Assert.Equal(HttpStatusCode.Redirect, (await PostCommentAsync(resident, url, "Gerade noch")).StatusCode);

        app.Clock.SetUtcNow(closes);
        var closed = await resident.GetDocumentAsync(url);
        Assert.Null(closed.QuerySelector("#comment-form"));
        var tooLate = await PostAsync("Zu spät");
        Assert.Contains("Die Beteiligungsrunde ist beendet. Neue Kommentare sind nicht mehr möglich.", (await HtmlForms.ParseAsync(tooLate)).Errors());

        var texts = await m.WithDbAsync(db => db.RoundComments.OrderBy(c => c.Id).Select(c => c.Text).ToListAsync());
        Assert.Equal(["Pünktlich", "Gerade noch"], texts);
        var shown = closed.QuerySelectorAll("#comments .comment-text").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["Pünktlich", "Gerade noch"], shown);
    }

    [Fact]
    public async Task Comments_are_plain_text_for_everyone_and_anonymous_visitors_are_asked_to_sign_in()
    {
        var m = await app.CreateMunicipalityAsync();
        var now = app.Clock.GetUtcNow();
        var roundId = await m.AddCommentableRoundAsync(now.AddDays(-1), now.AddDays(1), title: HostileText.RightToLeft);
        var url = CommentsUrl(m, roundId);
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user.Email!);
        var text = HostileText.Script + "\n**kein Markdown** " + HostileText.Markup;

        var posted = await PostCommentAsync(client, url, text);
        Assert.StartsWith(url + "#comment-", posted.RedirectTarget(), StringComparison.Ordinal);
        var tooLong = await PostCommentAsync(client, url, new string('x', RoundComment.MaxTextLength + 1));
        Assert.Contains("Der Kommentar darf höchstens 4000 Zeichen lang sein.", (await HtmlForms.ParseAsync(tooLong)).Errors());

        var anonymous = app.CreateBrowserlikeClient();
        var response = await anonymous.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>kein Markdown", html, StringComparison.Ordinal);
        var page = await HtmlForms.ParseAsync(response);
        var comment = page.QuerySelector("#comments li")!;
        Assert.Contains(HostileText.Script, comment.TextContent, StringComparison.Ordinal);
        Assert.Contains(user.DisplayName, comment.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form"));
        Assert.StartsWith("/account/login?returnUrl=", page.QuerySelector("#sign-in-to-comment a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Rounds_only_for_invited_organisations_and_unknown_rounds_have_no_comments_page()
    {
        var m = await app.CreateMunicipalityAsync();
        var now = app.Clock.GetUtcNow();
        var invitedOnly = await m.AddCommentableRoundAsync(now.AddDays(-1), now.AddDays(1), RoundAudience.InvitedOrganisations);
        var open = await m.AddCommentableRoundAsync(now.AddDays(-1), now.AddDays(1));
        var other = await app.CreateMunicipalityAsync();
        var client = await app.SignInAsync((await app.CreateUserAsync()).Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserlikeClient().GetAsync(CommentsUrl(m, invitedOnly))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(CommentsUrl(m, invitedOnly))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(CommentsUrl(other, open))).StatusCode);
        var token = await client.AntiforgeryTokenAsync();
        var post = await client.PostWithTokenAsync(CommentsUrl(m, invitedOnly) + "?handler=Comment", token, new Dictionary<string, string> { ["Comment.Text"] = "Hallo" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await m.WithDbAsync(db => db.RoundComments.CountAsync()));
    }

    [Fact]
    public async Task A_comment_is_reported_once_per_person_hidden_at_once_restored_and_every_decision_is_logged()
    {
        var m = await app.CreateMunicipalityAsync();
        var now = app.Clock.GetUtcNow();
        var roundId = await m.AddCommentableRoundAsync(now.AddDays(-1), now.AddDays(1));
        var url = CommentsUrl(m, roundId);
        var author = await app.SignInAsync((await app.CreateUserAsync()).Email!);
        await PostCommentAsync(author, url, "Beleidigender Kommentar");
        var commentId = await m.WithDbAsync(db => db.RoundComments.Select(c => c.Id).SingleAsync());

        // The anonymous page is cached now; hiding must evict it.
        var anonymous = app.CreateBrowserlikeClient();
        Assert.Contains("Beleidigender Kommentar", (await anonymous.GetDocumentAsync(url)).QuerySelector("#comments")!.TextContent, StringComparison.Ordinal);

        var reporter = await app.SignInAsync((await app.CreateUserAsync()).Email!);
        var form = $"#report-form-{commentId}";
        var noReason = await reporter.SubmitFormAsync(url, new Dictionary<string, string?> { ["Report.Reason"] = "  " }, form);
        Assert.Contains("Bitte nennen Sie den Grund der Meldung.", (await HtmlForms.ParseAsync(noReason)).Errors());
        var reported = await reporter.SubmitFormAsync(url, new Dictionary<string, string?> { ["Report.Reason"] = "Beleidigung " + HostileText.Script }, form);
        Assert.StartsWith(url, reported.RedirectTarget(), StringComparison.Ordinal);
        var after = await reporter.GetDocumentAsync(url);
        Assert.NotNull(after.QuerySelector($"#reported-{commentId}"));
        Assert.Null(after.QuerySelector(form));
        var token = await reporter.AntiforgeryTokenAsync();
        var twice = await reporter.PostWithTokenAsync(url + "?handler=Report&commentId=" + commentId.ToString(CultureInfo.InvariantCulture), token,
            new Dictionary<string, string> { ["Report.Reason"] = "Nochmal" });
        Assert.Contains("Sie haben diesen Kommentar schon gemeldet.", (await HtmlForms.ParseAsync(twice)).Errors());
        var second = await app.SignInAsync((await app.CreateUserAsync()).Email!);
        await second.SubmitFormAsync(url, new Dictionary<string, string?> { ["Report.Reason"] = "Hetze" }, form);
        Assert.Equal(2, await m.WithDbAsync(db => db.CommentReports.CountAsync()));

        var moderator = await m.SignedInClientAsync(MunicipalityRole.Moderator);
        var desk = await moderator.GetAsync(DeskUrl(m));
        Assert.DoesNotContain(HostileText.Script, await desk.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var deskPage = await HtmlForms.ParseAsync(desk);
        var entry = deskPage.QuerySelector($"#reported-{commentId}")!.TextContent;
        Assert.Contains("Beleidigender Kommentar", entry, StringComparison.Ordinal);
        Assert.Contains("Beleidigung " + HostileText.Script, entry, StringComparison.Ordinal);
        Assert.Contains("Hetze", entry, StringComparison.Ordinal);

        var noHideReason = await moderator.SubmitFormAsync(deskPage, DeskUrl(m), new Dictionary<string, string?> { ["Decision.Reason"] = "" }, $"#decide-{commentId}", "decision", "hide");
        Assert.Contains("Bitte begründen Sie, warum der Kommentar ausgeblendet wird.", (await HtmlForms.ParseAsync(noHideReason)).Errors());
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var hidden = await moderator.SubmitFormAsync(DeskUrl(m), new Dictionary<string, string?> { ["Decision.Reason"] = "Verstößt gegen die Regeln" }, $"#decide-{commentId}", "decision", "hide");
        Assert.Equal(DeskUrl(m), hidden.RedirectTarget());

        var publicPage = await anonymous.GetDocumentAsync(url);
        Assert.DoesNotContain("Beleidigender Kommentar", publicPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(publicPage.QuerySelector("#no-comments"));
        Assert.DoesNotContain("Beleidigender Kommentar", (await author.GetDocumentAsync(url)).Body!.TextContent, StringComparison.Ordinal);
        var stored = await m.WithDbAsync(db => db.RoundComments.AsNoTracking().Include(c => c.Reports).SingleAsync());
        // PostgreSQL keeps microseconds, the clock has ticks.
        Assert.InRange(stored.HiddenAt!.Value, app.Clock.GetUtcNow().AddMilliseconds(-1), app.Clock.GetUtcNow());
        Assert.All(stored.Reports, r => Assert.NotNull(r.ResolvedAt));
        // Reporting a hidden comment is not possible.
        var hiddenReport = await second.PostWithTokenAsync(url + "?handler=Report&commentId=" + commentId.ToString(CultureInfo.InvariantCulture),
            await second.AntiforgeryTokenAsync(), new Dictionary<string, string> { ["Report.Reason"] = "x" });
        Assert.Equal(HttpStatusCode.NotFound, hiddenReport.StatusCode);

        var deskAfter = await moderator.GetDocumentAsync(DeskUrl(m));
        Assert.NotNull(deskAfter.QuerySelector("#no-reports"));
        Assert.NotNull(deskAfter.QuerySelector($"#hidden-{commentId}"));
        var restored = await moderator.SubmitFormAsync(deskAfter, DeskUrl(m), new Dictionary<string, string?> { ["Decision.Reason"] = "Nach Rücksprache vertretbar" }, $"#restore-{commentId}", "decision", "restore");
        Assert.Equal(DeskUrl(m), restored.RedirectTarget());
        Assert.Contains("Beleidigender Kommentar", (await anonymous.GetDocumentAsync(url)).QuerySelector("#comments")!.TextContent, StringComparison.Ordinal);

        var log = await moderator.GetDocumentAsync(DeskUrl(m) + "/log");
        var rows = log.QuerySelectorAll("#moderation-log tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("wieder eingeblendet", rows[0], StringComparison.Ordinal);
        Assert.Contains("Nach Rücksprache vertretbar", rows[0], StringComparison.Ordinal);
        Assert.Contains("ausgeblendet", rows[1], StringComparison.Ordinal);
        Assert.Contains("Verstößt gegen die Regeln", rows[1], StringComparison.Ordinal);
        var entries = await m.WithDbAsync(db => db.ModerationLog.AsNoTracking().OrderBy(l => l.Id).ToListAsync());
        Assert.Equal([ModerationAction.Hidden, ModerationAction.Restored], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(commentId, e.CommentId));
    }

    [Fact]
    public async Task Dismissing_reports_keeps_the_comment_resolves_the_reports_and_is_logged()
    {
        var m = await app.CreateMunicipalityAsync();
        var now = app.Clock.GetUtcNow();
        var roundId = await m.AddCommentableRoundAsync(now.AddDays(-10), now.AddDays(-1));
        var author = await app.CreateUserAsync();
        var commentId = await m.AddCommentAsync(roundId, author.Id, "Sachliche Kritik", now.AddDays(-5));
        await m.AddReportAsync(commentId, author.Id, "Gefällt mir nicht", now.AddDays(-4));
        var admin = await m.SignedInClientAsync(MunicipalityRole.Administrator);

        var dismissed = await admin.SubmitFormAsync(DeskUrl(m), new Dictionary<string, string?> { ["Decision.Reason"] = "Zulässige Meinung" }, $"#decide-{commentId}", "decision", "dismiss");
        Assert.Equal(DeskUrl(m), dismissed.RedirectTarget());
        var state = await m.WithDbAsync(async db => (
            Comment: await db.RoundComments.AsNoTracking().SingleAsync(),
            Open: await db.CommentReports.CountAsync(r => r.ResolvedAt == null),
            Log: await db.ModerationLog.AsNoTracking().SingleAsync()));
        Assert.Null(state.Comment.HiddenAt);
        Assert.Equal(0, state.Open);
        Assert.Equal(ModerationAction.ReportDismissed, state.Log.Action);
        Assert.Equal("Zulässige Meinung", state.Log.Reason);
        Assert.Contains("Sachliche Kritik", (await app.CreateBrowserlikeClient().GetDocumentAsync(CommentsUrl(m, roundId))).QuerySelector("#comments")!.TextContent, StringComparison.Ordinal);

        // Dismissing again finds no open report and changes nothing.
        var token = await admin.AntiforgeryTokenAsync();
        var again = await admin.PostWithTokenAsync(DeskUrl(m) + "?handler=Decide", token,
            new Dictionary<string, string> { ["commentId"] = commentId.ToString(CultureInfo.InvariantCulture), ["decision"] = "dismiss" });
        Assert.Contains("Zu diesem Kommentar gibt es keine offene Meldung mehr.", (await HtmlForms.ParseAsync(again)).Errors());
        Assert.Equal(1, await m.WithDbAsync(db => db.ModerationLog.CountAsync()));
    }

    [Fact]
    public async Task The_navigation_links_the_participation_pages_and_the_plan_team_start_links_each_team_page_by_role()
    {
        var m = await app.CreateMunicipalityAsync();
        var p = "/" + m.Slug;
        string[] Links(AngleSharp.Dom.IDocument page, string selector) =>
            page.QuerySelectorAll(selector + " a").Select(a => a.GetAttribute("href")!).ToArray();

        var anonymous = await app.CreateBrowserlikeClient().GetDocumentAsync($"{p}/stakeholders");
        var main = Links(anonymous, "header nav[aria-label='Hauptnavigation']");
        Assert.Contains($"{p}/consultations", main);
        Assert.Contains($"{p}/workshops", main);
        Assert.Contains("/account/register", main);
        Assert.Equal("page", anonymous.QuerySelector($"header nav a[href='{p}/stakeholders']")!.GetAttribute("aria-current"));
        Assert.Null(anonymous.QuerySelector("nav.my-participation"));

        var resident = await app.SignInAsync((await app.CreateUserAsync()).Email!);
        var residentPage = await resident.GetDocumentAsync($"{p}/stakeholders");
        Assert.Equal([$"{p}/my-statements", $"{p}/stakeholders/join"], Links(residentPage, "nav.my-participation"));
        var member = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(await m.AddStakeholderAsync(), member.Id);
        var memberPage = await (await app.SignInAsync(member.Email!)).GetDocumentAsync($"{p}/stakeholders");
        Assert.Equal([$"{p}/my-statements", $"{p}/my-organisations", $"{p}/stakeholders/join"], Links(memberPage, "nav.my-participation"));

        string[] team = [$"{p}/manage/consultations", $"{p}/manage/workshops", $"{p}/manage/stakeholders", $"{p}/manage/join-requests"];
        var editorStart = await (await m.SignedInClientAsync(MunicipalityRole.PlanEditor)).GetDocumentAsync($"{p}/manage");
        Assert.Equal(team, Links(editorStart, "#participation-links"));
        var adminStart = await (await m.SignedInClientAsync(MunicipalityRole.Administrator)).GetDocumentAsync($"{p}/manage");
        Assert.Equal([.. team, $"{p}/manage/moderation"], Links(adminStart, "#participation-links"));
    }

    [Fact]
    public async Task A_moderator_lands_on_moderation_when_reports_are_open_and_on_the_registry_otherwise()
    {
        var m = await app.CreateMunicipalityAsync();
        var moderator = await m.AddMemberAsync(MunicipalityRole.Moderator);
        var quiet = await app.CreateBrowserlikeClient().SubmitLoginAsync(moderator.Email!, PlanwerkApp.Password);
        Assert.Equal($"/{m.Slug}/manage/stakeholders", quiet.RedirectTarget());

        var now = app.Clock.GetUtcNow();
        var roundId = await m.AddCommentableRoundAsync(now.AddDays(-1), now.AddDays(1));
        var commentId = await m.AddCommentAsync(roundId, moderator.Id, "Text", now);
        await m.AddReportAsync(commentId, null, "Grund", now);
        // Open reports of another municipality do not count.
        var other = await app.CreateMunicipalityAsync();
        var otherModerator = await other.AddMemberAsync(MunicipalityRole.Moderator);
        var busy = await app.CreateBrowserlikeClient().SubmitLoginAsync(moderator.Email!, PlanwerkApp.Password);
        Assert.Equal($"/{m.Slug}/manage/moderation", busy.RedirectTarget());
        var otherLanding = await app.CreateBrowserlikeClient().SubmitLoginAsync(otherModerator.Email!, PlanwerkApp.Password);
        Assert.Equal($"/{other.Slug}/manage/stakeholders", otherLanding.RedirectTarget());
    }
}

public sealed class ModerationSqliteTests(SqliteClockedApp app) : ModerationTests(app), IClassFixture<SqliteClockedApp>;

public sealed class ModerationPostgresTests(PostgresClockedApp app) : ModerationTests(app), IClassFixture<PostgresClockedApp>;
