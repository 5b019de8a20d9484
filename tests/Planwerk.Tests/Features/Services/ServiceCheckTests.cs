using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Accounts;
using Planwerk.Features.Services;
using Planwerk.Features.Services.Content;
using Planwerk.Infrastructure.Time;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Services;

/// <summary>Keeping entries current: the plan team sets the months after which an entry is due (1 to 60) and sees the
/// overdue services by organisation (Europe/Berlin date of the application's clock); the organisation's contacts get one
/// mail per overdue period over SMTP, again only after the entry was checked and became overdue again; nobody else is
/// written to, and other municipalities are untouched.</summary>
public abstract class ServiceCheckTests(ConsultationApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private DateOnly Today => BerlinTime.Today(app.Clock);

    private static string Overdue(TestMunicipality m) => $"/{m.Slug}/manage/services/overdue";

    private static string Interval(TestMunicipality m) => $"/{m.Slug}/manage/services/check-interval";

    [Fact]
    public async Task The_check_interval_takes_one_to_sixty_months_and_refuses_anything_else_at_its_field()
    {
        var m = await app.CreateMunicipalityAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var form = await editor.GetDocumentAsync(Interval(m));
        Assert.Equal("12", form.QuerySelector("#Input_Months")!.GetAttribute("value"));
        foreach (var bad in new[] { "0", "61", "-3", "zwölf", "", HostileText.Script })
        {
            var response = await editor.SubmitFormAsync(Interval(m), new Dictionary<string, string?> { ["Input.Months"] = bad }, "#check-interval-form");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var error = (await HtmlForms.ParseAsync(response)).QuerySelector("#Input_Months-error")!.TextContent;
            Assert.True(error.Contains("Prüfabstand", StringComparison.Ordinal), $"'{bad}': {error}");
        }
        Assert.Equal(12, await MonthsAsync(m));
        var saved = await editor.SubmitFormAsync(Interval(m), new Dictionary<string, string?> { ["Input.Months"] = "60" }, "#check-interval-form");
        Assert.Equal(Interval(m), saved.RedirectTarget());
        Assert.Equal(60, await MonthsAsync(m));
        await editor.SubmitFormAsync(Interval(m), new Dictionary<string, string?> { ["Input.Months"] = "1" }, "#check-interval-form");
        Assert.Equal(1, await MonthsAsync(m));
    }

    private Task<int> MonthsAsync(TestMunicipality m) => app.InMunicipalityAsync(m.Id, (db, _) => db.Municipalities.Where(x => x.Id == m.Id).Select(x => x.ServiceCheckMonths).SingleAsync());

    [Fact]
    public async Task The_overdue_list_shows_services_last_checked_longer_ago_than_the_interval_by_organisation()
    {
        var m = await app.CreateMunicipalityAsync();
        var a = await m.AddStakeholderAsync("Verein A " + HostileText.Script);
        var b = await m.AddStakeholderAsync("Amt B");
        var overdue = (await m.AddServiceAsync(a, "Sprachkurs " + HostileText.RightToLeft, lastCheckedOn: Today.AddMonths(-13), withLocation: false)).ServiceId;
        var current = (await m.AddServiceAsync(a, "Hausaufgabenhilfe", lastCheckedOn: Today.AddMonths(-12).AddDays(2), withLocation: false)).ServiceId;
        var defunct = (await m.AddServiceAsync(a, "Altes Angebot", lastCheckedOn: Today.AddYears(-5), status: ServiceStatus.Defunct, withLocation: false)).ServiceId;
        var older = (await m.AddServiceAsync(b, "Wohnberatung", lastCheckedOn: Today.AddMonths(-24), status: ServiceStatus.TemporarilyClosed, withLocation: false)).ServiceId;
        var other = await app.CreateMunicipalityAsync();
        var otherService = (await other.AddServiceAsync(await other.AddStakeholderAsync("Andere Stadt"), "Fremdes Angebot", lastCheckedOn: Today.AddYears(-3), withLocation: false)).ServiceId;

        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var page = await editor.GetDocumentAsync(Overdue(m));
        var sections = page.QuerySelectorAll(".overdue-organisation").Select(x => x.QuerySelector("h2")!.TextContent + ": "
            + string.Join(" ", x.QuerySelectorAll("tbody tr").Select(r => r.Id))).ToList();
        Assert.Equal(["Amt B: " + $"overdue-{Id(older)}", "Verein A " + HostileText.Script + ": " + $"overdue-{Id(overdue)}"], sections);
        Assert.Equal($"/{m.Slug}/manage/services/{Id(overdue)}", page.QuerySelector($"#overdue-{Id(overdue)} a")!.GetAttribute("href"));
        var cells = page.QuerySelectorAll($"#overdue-{Id(overdue)} td").Select(c => c.TextContent).ToList();
        Assert.Equal([BerlinTime.Date(Today.AddMonths(-13)), BerlinTime.Date(Today.AddMonths(-13).AddMonths(12).AddDays(1)), "noch nicht"], cells);
        Assert.Contains("2 Einträge", page.QuerySelector("#overdue-count")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(HostileText.Script, await (await editor.GetAsync(Overdue(m))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"#overdue-{Id(current)}"));
        Assert.Null(page.QuerySelector($"#overdue-{Id(defunct)}"));
        Assert.Null(page.QuerySelector($"#overdue-{Id(otherService)}"));

        // With 36 months nothing is due; with one month the current one is too.
        await editor.SubmitFormAsync(Interval(m), new Dictionary<string, string?> { ["Input.Months"] = "36" }, "#check-interval-form");
        Assert.NotNull((await editor.GetDocumentAsync(Overdue(m))).QuerySelector("#none-overdue"));
        await editor.SubmitFormAsync(Interval(m), new Dictionary<string, string?> { ["Input.Months"] = "1" }, "#check-interval-form");
        Assert.NotNull((await editor.GetDocumentAsync(Overdue(m))).QuerySelector($"#overdue-{Id(current)}"));
    }

    [Fact]
    public async Task The_contacts_get_one_mail_per_overdue_period_over_SMTP_and_again_only_after_the_entry_was_checked_and_overdue_again()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Beratungsverein " + HostileText.RightToLeft);
        var silent = await m.AddStakeholderAsync("Verein ohne Ansprechperson");
        var lastChecked = Today.AddMonths(-12).AddDays(5);
        var due = lastChecked.AddMonths(12);
        var service = (await m.AddServiceAsync(organisation, "Asylberatung", lastCheckedOn: lastChecked, withLocation: false)).ServiceId;
        var fresh = (await m.AddServiceAsync(organisation, "Frisch geprüft", lastCheckedOn: Today, withLocation: false)).ServiceId;
        await m.AddServiceAsync(organisation, "Eingestellt", lastCheckedOn: Today.AddYears(-3), status: ServiceStatus.Defunct, withLocation: false);
        var unreminded = (await m.AddServiceAsync(silent, "Ohne Kontakt", lastCheckedOn: lastChecked, withLocation: false)).ServiceId;
        var (contact1, contact2, member, otherContact) = (await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync());
        await m.AddStakeholderMemberAsync(organisation, contact1.Id, contact: true);
        await m.AddStakeholderMemberAsync(organisation, contact2.Id, contact: true);
        await m.AddStakeholderMemberAsync(organisation, member.Id);
        await m.AddStakeholderMemberAsync(silent, member.Id);
        // Another municipality: an entry checked at the same time, but with a 24-month interval, and its contact.
        var other = await app.CreateMunicipalityAsync();
        var otherOrganisation = await other.AddStakeholderAsync("Verein der anderen Stadt");
        var otherService = (await other.AddServiceAsync(otherOrganisation, "Asylberatung", lastCheckedOn: lastChecked, withLocation: false)).ServiceId;
        await other.AddStakeholderMemberAsync(otherOrganisation, otherContact.Id, contact: true);
        await app.InMunicipalityAsync(other.Id, async (db, _) => (await db.Municipalities.SingleAsync(x => x.Id == other.Id)).ServiceCheckMonths = 24);

        async Task<int> RunAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ServiceCheckReminders>().SendDueAsync(CancellationToken.None);
        }
        int Received(Planwerk.Features.Accounts.PlanwerkUser user) => app.Smtp.MessagesTo(user.Email!).Count;

        // Not before the day after the due day.
        await RunAsync();
        app.MoveTo(BerlinTime.StartOfDay(due).AddHours(23));
        await RunAsync();
        Assert.Equal(0, Received(contact1) + Received(contact2));
        app.MoveTo(BerlinTime.StartOfDay(due.AddDays(1)));
        await Task.WhenAll(RunAsync(), RunAsync());
        await RunAsync();
        Assert.Equal((1, 1, 0, 0), (Received(contact1), Received(contact2), Received(member), Received(otherContact)));
        var mail = Assert.Single(app.Smtp.MessagesTo(contact1.Email!));
        Assert.Equal("Planwerk: Hilfeangebote von „Beratungsverein " + HostileText.RightToLeft + "“ bitte prüfen", mail.Subject);
        Assert.Contains("- Asylberatung (zuletzt geprüft am " + BerlinTime.Date(lastChecked) + ")", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/{m.Slug}/manage/services/{Id(service)}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Frisch geprüft", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Eingestellt", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Ohne Kontakt", mail.TextBody, StringComparison.Ordinal);
        // The organisation without contacts is not marked as reminded; the other municipality's entry is untouched.
        Assert.Null(await m.WithDbAsync(db => db.HelpServices.Where(s => s.Id == unreminded).Select(s => s.CheckReminderSentAt).SingleAsync()));
        Assert.Null(await other.WithDbAsync(db => db.HelpServices.Where(s => s.Id == otherService).Select(s => s.CheckReminderSentAt).SingleAsync()));
        Assert.NotNull(await m.WithDbAsync(db => db.HelpServices.Where(s => s.Id == service).Select(s => s.CheckReminderSentAt).SingleAsync()));
        // The plan team sees when they were reminded.
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        Assert.Equal(BerlinTime.Date(due.AddDays(1)), (await editor.GetDocumentAsync(Overdue(m))).QuerySelectorAll($"#overdue-{Id(service)} td")[2].TextContent);

        // Days later, still overdue: no second mail.
        app.MoveTo(BerlinTime.StartOfDay(due.AddDays(20)));
        await RunAsync();
        Assert.Equal((1, 1), (Received(contact1), Received(contact2)));

        // Both entries checked: a new period; a mail again only when that one is over.
        var checkedOn = Today;
        await m.WithDbAsync(async db =>
        {
            foreach (var row in await db.HelpServices.Where(s => s.Id == service || s.Id == fresh).ToListAsync()) row.LastCheckedOn = checkedOn;
            return 0;
        });
        await RunAsync();
        var nextDue = checkedOn.AddMonths(12);
        app.MoveTo(BerlinTime.StartOfDay(nextDue));
        await RunAsync();
        Assert.Equal((1, 1), (Received(contact1), Received(contact2)));
        app.MoveTo(BerlinTime.StartOfDay(nextDue.AddDays(1)));
        await RunAsync();
        Assert.Equal((2, 2, 0), (Received(contact1), Received(contact2), Received(member)));
        // Now the entry checked back then with a 24-month interval is due in the other municipality.
        Assert.Equal(1, Received(otherContact));
        var second = app.Smtp.MessagesTo(contact1.Email!)[1].TextBody;
        Assert.Contains("- Asylberatung (zuletzt geprüft am " + BerlinTime.Date(checkedOn) + ")", second, StringComparison.Ordinal);
        Assert.Contains("Frisch geprüft", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_plan_editors_and_administrators_see_the_overdue_list_and_set_the_interval()
    {
        var m = await app.CreateMunicipalityAsync();
        foreach (var visitor in Enum.GetValues<Visitor>())
        {
            var client = await PermissionMatrix.ClientAsync(app, m, visitor);
            // The post is refused for everyone admitted (out of range), so nothing changes.
            await PermissionMatrix.AssertAsync(client, visitor, [
                PermissionCheck.Get(Overdue(m), Access.PlanEditor),
                PermissionCheck.Get(Interval(m), Access.PlanEditor),
                PermissionCheck.Post(Interval(m), Access.PlanEditor, new() { ["Input.Months"] = "99" }, HttpStatusCode.OK),
            ]);
            if (!Access.PlanEditor(visitor))
            {
                var token = await client.AntiforgeryTokenAsync();
                await client.PostWithTokenAsync(Interval(m), token, new Dictionary<string, string> { ["Input.Months"] = "3" });
            }
        }
        Assert.Equal(12, await MonthsAsync(m));
    }
}

public sealed class ServiceCheckSqliteTests(ConsultationSqliteApp app) : ServiceCheckTests(app), IClassFixture<ConsultationSqliteApp>;

public sealed class ServiceCheckPostgresTests(ConsultationPostgresApp app) : ServiceCheckTests(app), IClassFixture<ConsultationPostgresApp>;

/// <summary>The rule of when an entry is overdue and when its contacts were reminded in the current period.</summary>
public sealed class ServiceCheckRuleTests
{
    [Theory]
    [InlineData("2025-03-10", "2026-03-10", 12, false)]
    [InlineData("2025-03-10", "2026-03-11", 12, true)]
    [InlineData("2025-01-31", "2025-02-28", 1, false)]
    [InlineData("2025-01-31", "2025-03-01", 1, true)]
    [InlineData("2024-02-29", "2025-02-28", 12, false)]
    [InlineData("2024-02-29", "2025-03-01", 12, true)]
    [InlineData("2021-06-01", "2026-06-01", 60, false)]
    [InlineData("2021-06-01", "2026-06-02", 60, true)]
    public void An_entry_is_overdue_once_the_day_of_its_last_check_plus_the_months_lies_before_today(string lastChecked, string today, int months, bool overdue)
    {
        var (last, now) = (DateOnly.Parse(lastChecked, CultureInfo.InvariantCulture), DateOnly.Parse(today, CultureInfo.InvariantCulture));
        Assert.Equal(overdue, ServiceChecks.IsOverdue(last, now, months));
        // The database's narrowing never leaves out an overdue entry.
        if (overdue) Assert.True(last < ServiceChecks.CandidatesBefore(now, months));
    }

    [Fact]
    public void A_reminder_counts_for_the_period_when_it_was_sent_after_the_day_of_the_last_check()
    {
        var checkedOn = new DateOnly(2025, 3, 10);
        Assert.False(ServiceChecks.WasReminded(null, checkedOn));
        Assert.True(ServiceChecks.WasReminded(BerlinTime.StartOfDay(new DateOnly(2026, 3, 11)), checkedOn));
        // A reminder of the previous period, before the entry was checked again.
        Assert.False(ServiceChecks.WasReminded(BerlinTime.StartOfDay(new DateOnly(2025, 3, 9)), checkedOn));
        Assert.False(ServiceChecks.WasReminded(BerlinTime.StartOfDay(checkedOn).AddHours(23), checkedOn));
    }
}
