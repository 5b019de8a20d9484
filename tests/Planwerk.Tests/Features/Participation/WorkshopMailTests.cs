using Ical.Net;
using MimeKit;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Workshop mails through a real SMTP conversation: the invitation arrives with the calendar entry
/// attached as text/calendar (METHOD:REQUEST), and a cancellation with METHOD:CANCEL.</summary>
public abstract class WorkshopMailTests(MailingApp app)
{
    [Fact]
    public async Task Registration_and_cancellation_mails_arrive_over_SMTP_with_the_calendar_entry_attached()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddWorkshopAsync(DateTimeOffset.UtcNow, capacity: 3, title: "Fachtag " + HostileText.RightToLeft, online: "https://meet.example.org/fachtag");
        var person = await app.CreateUserAsync();
        var client = await app.SignInAsync(person.Email!);
        await client.SubmitFormAsync(m.Url(id), new Dictionary<string, string?>(), "#register-form");

        var invitation = await app.Smtp.WaitForMessageToAsync(person.Email!);
        Assert.Equal("Planwerk: Anmeldung bestätigt – Fachtag " + HostileText.RightToLeft, invitation.Subject);
        Assert.Contains("https://meet.example.org/fachtag", invitation.TextBody, StringComparison.Ordinal);
        var part = Assert.Single(invitation.Attachments.OfType<MimePart>());
        Assert.Equal("text/calendar", part.ContentType.MimeType);
        Assert.Equal("REQUEST", part.ContentType.Parameters["method"]);
        Assert.EndsWith(".ics", part.FileName, StringComparison.Ordinal);
        var calendar = Calendar.Load(WorkshopTestSupport.CalendarAttachment(invitation))!;
        Assert.Equal("REQUEST", calendar.Method);
        var e = Assert.Single(calendar.Events);
        Assert.Equal(FormattableString.Invariant($"workshop-{id}@{m.Slug}.planwerk"), e.Uid);
        Assert.Equal("Fachtag " + HostileText.RightToLeft, e.Summary);
        Assert.Equal((await m.WorkshopAsync(id)).StartsAt.UtcDateTime, e.DtStart!.AsUtc);

        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        await editor.SubmitFormAsync(m.ManageUrl(id), new Dictionary<string, string?> { ["message"] = "Leider abgesagt." }, "#cancel-form");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (app.Smtp.MessagesTo(person.Email!).Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(100);
        var cancellation = app.Smtp.MessagesTo(person.Email!)[^1];
        Assert.StartsWith("Planwerk: Abgesagt", cancellation.Subject, StringComparison.Ordinal);
        var cancelled = Calendar.Load(WorkshopTestSupport.CalendarAttachment(cancellation))!;
        Assert.Equal("CANCEL", cancelled.Method);
        Assert.Equal("CANCELLED", Assert.Single(cancelled.Events).Status);
        Assert.Equal(1, cancelled.Events[0]!.Sequence);
        Assert.Equal(e.Uid, cancelled.Events[0]!.Uid);
    }
}

public sealed class WorkshopMailSqliteTests(MailingSqliteApp app) : WorkshopMailTests(app), IClassFixture<MailingSqliteApp>;

public sealed class WorkshopMailPostgresTests(MailingPostgresApp app) : WorkshopMailTests(app), IClassFixture<MailingPostgresApp>;
