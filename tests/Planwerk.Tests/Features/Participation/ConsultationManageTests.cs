using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Files;
using Planwerk.Infrastructure.Time;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>The plan team's round pages: creating and editing a round in German time, the checks, the edit
/// conflict, the consulted version locked once statements exist, invitations by mail, the statements list.</summary>
public abstract class ConsultationManageTests(ConsultationApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_editor_creates_a_round_in_German_time_and_sees_the_times_back_as_entered()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync("Beispiel-Jobcenter");
        var other = await m.AddStakeholderAsync("Nicht gewählt");
        var plan = await m.PlanAsync(title: "Integrationsplan");
        var version = await m.AddVersionAsync(plan.Id, "Beteiligungsfassung 2018");
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var created = await editor.SubmitFormAsync($"/{m.Slug}/manage/consultations/new", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Beteiligung zum Entwurf",
            ["Input.Description"] = "Bitte **schriftlich** Stellung nehmen.",
            ["Input.PlanId"] = Id(plan.Id),
            ["Input.PlanVersionId"] = Id(version),
            ["Input.OpensAt"] = "2030-01-08T09:00",
            ["Input.ClosesAt"] = "2030-07-05T18:00",
            ["Input.Audience"] = "OrganisationsAndResidents",
            ["Input.Invited"] = Id(org),
        }, "#round-form");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var round = await m.WithDbAsync(db => db.ConsultationRounds.AsNoTracking().Include(r => r.InvitedStakeholders).SingleAsync());
        Assert.Equal($"/{m.Slug}/manage/consultations/{Id(round.Id)}", created.RedirectTarget());
        Assert.Equal(new DateTimeOffset(2030, 1, 8, 8, 0, 0, TimeSpan.Zero), round.OpensAt);
        Assert.Equal(new DateTimeOffset(2030, 7, 5, 16, 0, 0, TimeSpan.Zero), round.ClosesAt);
        Assert.Equal(version, round.PlanVersionId);
        Assert.Equal(RoundAudience.OrganisationsAndResidents, round.Audience);
        Assert.Equal([org], round.InvitedStakeholders.Select(i => i.StakeholderId).ToList());

        var edit = await editor.GetDocumentAsync($"/{m.Slug}/manage/consultations/{Id(round.Id)}");
        Assert.Equal("2030-01-08T09:00", edit.QuerySelector("#Input_OpensAt")!.GetAttribute("value"));
        Assert.Equal("2030-07-05T18:00", edit.QuerySelector("#Input_ClosesAt")!.GetAttribute("value"));
        Assert.NotNull(edit.QuerySelector($"#invite-{Id(org)}[checked]"));
        Assert.Null(edit.QuerySelector($"#invite-{Id(other)}[checked]"));
        // Invitations change with the checkboxes; a later close gets a reminder of its own again.
        await m.WithDbAsync(async db => await db.ConsultationRounds.Where(r => r.Id == round.Id).ExecuteUpdateAsync(x => x.SetProperty(r => r.ReminderSentAt, DateTimeOffset.UtcNow)));
        var changed = await editor.SubmitFormAsync($"/{m.Slug}/manage/consultations/{Id(round.Id)}", new Dictionary<string, string?>
        {
            ["Input.Invited"] = Id(other), ["Input.ClosesAt"] = "2030-07-06T18:00",
        }, "#round-form");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var after = await m.WithDbAsync(db => db.ConsultationRounds.AsNoTracking().Include(r => r.InvitedStakeholders).SingleAsync());
        Assert.Equal([other], after.InvitedStakeholders.Select(i => i.StakeholderId).ToList());
        Assert.Null(after.ReminderSentAt);
        Assert.Equal(round.Version + 1, after.Version);
        var list = await editor.GetDocumentAsync($"/{m.Slug}/manage/consultations");
        Assert.Contains("08.01.2030, 09:00", list.QuerySelector("#rounds")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("geplant", list.QuerySelector("#rounds")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_refuses_a_close_before_the_opening_a_version_of_another_plan_and_unreadable_times()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(title: "Plan A");
        var otherPlan = await m.PlanAsync(title: "Plan B");
        var otherVersion = await m.AddVersionAsync(otherPlan.Id, "Fassung von B");
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var response = await editor.SubmitFormAsync($"/{m.Slug}/manage/consultations/new", new Dictionary<string, string?>
        {
            ["Input.Title"] = "",
            ["Input.PlanId"] = Id(plan.Id),
            ["Input.PlanVersionId"] = Id(otherVersion),
            ["Input.OpensAt"] = "2030-02-05T18:00",
            ["Input.ClosesAt"] = "2030-02-05T18:00",
        }, "#round-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        page.AssertFieldError("Input_Title", "Titel");
        page.AssertFieldError("Input_PlanVersionId", "gehört nicht zum Plan „Plan A“");
        page.AssertFieldError("Input_ClosesAt", "nach dem Beginn");
        var unreadable = await editor.SubmitFormAsync($"/{m.Slug}/manage/consultations/new", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Runde", ["Input.PlanId"] = Id(otherPlan.Id), ["Input.PlanVersionId"] = Id(otherVersion),
            ["Input.OpensAt"] = "nächste Woche", ["Input.ClosesAt"] = "2030-03-31T02:30",
        }, "#round-form");
        var unreadablePage = await HtmlForms.ParseAsync(unreadable);
        unreadablePage.AssertFieldError("Input_OpensAt", "Datum und Uhrzeit");
        unreadablePage.AssertFieldError("Input_ClosesAt", "Datum und Uhrzeit");
        Assert.Equal(0, await m.WithDbAsync(db => db.ConsultationRounds.CountAsync()));
    }

    [Fact]
    public async Task A_stale_form_shows_a_conflict_and_the_version_stays_once_statements_exist()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync();
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddHours(-1), t0.AddDays(5), invited: [org], title: "Ursprünglich");
        var newer = await m.AddVersionAsync(round.PlanId, "Neuere Fassung");
        var url = round.ManageUrl(m);
        var first = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var second = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var stale = await second.GetDocumentAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.Title"] = "Von der ersten" }, "#round-form")).StatusCode);
        var conflict = await second.SubmitFormAsync(stale, url, new Dictionary<string, string?> { ["Input.Title"] = "Von der zweiten" }, "#round-form");
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var conflictPage = await HtmlForms.ParseAsync(conflict);
        Assert.Contains(conflictPage.Errors(), e => e.Contains("inzwischen von jemand anderem geändert", StringComparison.Ordinal));
        Assert.Contains("Von der ersten", conflictPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Von der ersten", await m.WithDbAsync(db => db.ConsultationRounds.Where(r => r.Id == round.Id).Select(r => r.Title).SingleAsync()));

        // The version may change while no statement exists; afterwards it stays.
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.PlanVersionId"] = Id(newer) }, "#round-form")).StatusCode);
        var (member, _) = await m.MemberClientAsync(org);
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitStatementAsync(round.NewStatementUrl(m), new Dictionary<string, string?> { ["Input.Text"] = "Erste Stellungnahme" })).StatusCode);
        var locked = await first.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.PlanVersionId"] = Id(round.VersionId) }, "#round-form");
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        (await HtmlForms.ParseAsync(locked)).AssertFieldError("Input_PlanVersionId", "schon Stellungnahmen");
        Assert.NotNull((await first.GetDocumentAsync(url)).QuerySelector("#version-locked"));
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.Title"] = "Nur der Titel" }, "#round-form")).StatusCode);
        var stored = await m.WithDbAsync(db => db.ConsultationRounds.AsNoTracking().SingleAsync(r => r.Id == round.Id));
        Assert.Equal(newer, stored.PlanVersionId);
        Assert.Equal("Nur der Titel", stored.Title);
    }

    [Fact]
    public async Task Invited_organisations_are_notified_by_mail_and_the_team_reads_every_statement()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync("Beispiel-Migrantenverein");
        var notInvited = await m.AddStakeholderAsync();
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddHours(-1), t0.AddDays(5), invited: [org], title: "Runde mit Einladung");
        var (member, memberUser) = await m.MemberClientAsync(org);
        var outsider = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(notInvited, outsider.Id);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var notified = await editor.SubmitFormAsync(round.ManageUrl(m), new Dictionary<string, string?>(), "#notify-form");
        Assert.Equal(round.ManageUrl(m), notified.RedirectTarget());
        var mail = await app.Smtp.WaitForMessageToAsync(memberUser.Email!);
        Assert.Equal("Planwerk: Einladung zur Beteiligungsrunde „Runde mit Einladung“", mail.Subject);
        Assert.Contains("„Beispiel-Migrantenverein“", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(round.Url(m), mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(GermanText.Of(() => BerlinTime.Until(round.ClosesAt)), mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(app.Smtp.MessagesTo(outsider.Email!));

        var id = ConsultationTestSupport.StatementIdOf(await member.SubmitStatementAsync(round.NewStatementUrl(m),
            new Dictionary<string, string?> { ["Input.Text"] = "Ein *wichtiger* Hinweis", ["Input.Quote"] = "Zitat aus dem Plan" }, ("anlage.pdf", ConsultationTestSupport.Files.Pdf())));
        var moderator = await m.SignedInClientAsync(MunicipalityRole.Moderator);
        var list = await moderator.GetDocumentAsync(round.ManageUrl(m, "/statements"));
        var row = list.QuerySelector($"#statement-row-{Id(id)}")!;
        Assert.Contains(ReceiptNumbers.Prefix(round.Id) + "0001", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Beispiel-Migrantenverein", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("noch nicht abgewogen", row.TextContent, StringComparison.Ordinal);
        Assert.Contains($"/{m.Slug}/manage/statements/{Id(id)}/weigh", row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        var full = list.QuerySelector($"#statement-{Id(id)}")!;
        Assert.Equal("wichtiger", full.QuerySelector(".statement-text em")!.TextContent);
        Assert.Equal("Zitat aus dem Plan", full.QuerySelector(".quote")!.TextContent.Trim());
        var download = full.QuerySelector(".attachments a")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync(download)).StatusCode);
    }
}

public sealed class ConsultationManageSqliteTests(ConsultationSqliteApp app) : ConsultationManageTests(app), IClassFixture<ConsultationSqliteApp>;

public sealed class ConsultationManagePostgresTests(ConsultationPostgresApp app) : ConsultationManageTests(app), IClassFixture<ConsultationPostgresApp>;
