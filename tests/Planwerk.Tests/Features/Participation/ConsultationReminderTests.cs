using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Files;
using Planwerk.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>The reminder 48 hours before a round closes: once, to the members of invited organisations that
/// have not written yet, and only to them; safe when two instances look at the same moment.</summary>
public abstract class ConsultationReminderTests(ConsultationApp app)
{
    private async Task<int> RunAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConsultationReminders>().SendDueAsync(CancellationToken.None);
    }

    private static string Email(Planwerk.Features.Accounts.PlanwerkUser user) => user.Email!;

    [Fact]
    public async Task The_reminder_goes_once_48_hours_before_the_close_to_members_of_invited_organisations_that_have_not_written()
    {
        var m = await app.CreateMunicipalityAsync();
        var silent = await m.AddStakeholderAsync("Noch still");
        var written = await m.AddStakeholderAsync("Hat geschrieben");
        var notInvited = await m.AddStakeholderAsync("Nicht eingeladen");
        var silentA = await app.CreateUserAsync();
        var silentB = await app.CreateUserAsync();
        var writer = await app.CreateUserAsync();
        var outsider = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(silent, silentA.Id);
        await m.AddStakeholderMemberAsync(silent, silentB.Id);
        // In both invited organisations: one mail, because one of them has not written.
        await m.AddStakeholderMemberAsync(written, silentB.Id);
        await m.AddStakeholderMemberAsync(written, writer.Id);
        await m.AddStakeholderMemberAsync(notInvited, outsider.Id);
        var resident = await app.CreateUserAsync();
        var t0 = app.Now();
        var closes = t0.AddDays(4);
        var round = await m.AddRoundAsync(t0.AddMinutes(-1), closes, RoundAudience.OrganisationsAndResidents, [silent, written], title: "Runde mit Erinnerung");
        await m.WithDbAsync(db =>
        {
            db.Statements.Add(new Statement { RoundId = round.Id, ReceiptNumber = ReceiptNumbers.Prefix(round.Id) + "0001", Text = "Schon da", AuthorUserId = writer.Id, StakeholderId = written, SubmittedAt = t0 });
            db.Statements.Add(new Statement { RoundId = round.Id, ReceiptNumber = ReceiptNumbers.Prefix(round.Id) + "0002", Text = "Persönlich", AuthorUserId = resident.Id, SubmittedAt = t0 });
            return Task.FromResult(0);
        });
        var everyone = new[] { silentA, silentB, writer, outsider, resident }.Select(Email).ToList();
        int Received() => everyone.Sum(e => app.Smtp.MessagesTo(e).Count(x => (x.Subject ?? "").Contains("Runde mit Erinnerung", StringComparison.Ordinal)));

        await RunAsync();
        app.MoveTo(closes.AddHours(-48).AddSeconds(-1));
        await RunAsync();
        Assert.Equal(0, Received());
        Assert.Null(await m.WithDbAsync(db => db.ConsultationRounds.Where(r => r.Id == round.Id).Select(r => r.ReminderSentAt).SingleAsync()));

        app.MoveTo(closes.AddHours(-48));
        // Whatever the culture of the thread that runs it, the reminder is in German.
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = Planwerk.Infrastructure.Localization.Languages.English;
        try
        {
            await Task.WhenAll(RunAsync(), RunAsync());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
        app.MoveTo(closes.AddHours(-47));
        await RunAsync();
        Assert.Equal(2, Received());
        var mail = Assert.Single(app.Smtp.MessagesTo(Email(silentA)));
        Assert.Equal("Planwerk: Die Beteiligungsrunde „Runde mit Erinnerung“ endet bald", mail.Subject);
        Assert.Contains(GermanText.Of(() => BerlinTime.Until(closes)), mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(round.NewStatementUrl(m), mail.TextBody, StringComparison.Ordinal);
        Assert.Single(app.Smtp.MessagesTo(Email(silentB)));
        Assert.Empty(app.Smtp.MessagesTo(Email(writer)));
        Assert.Empty(app.Smtp.MessagesTo(Email(outsider)));
        Assert.Empty(app.Smtp.MessagesTo(Email(resident)));
        Assert.Equal(closes.AddHours(-48), await m.WithDbAsync(db => db.ConsultationRounds.Where(r => r.Id == round.Id).Select(r => r.ReminderSentAt).SingleAsync()));
    }

    [Fact]
    public async Task The_background_service_sends_the_reminder_when_the_clock_reaches_the_moment()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync();
        var member = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(org, member.Id);
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddMinutes(-1), t0.AddHours(48).AddSeconds(30), invited: [org], title: "Runde für den Dienst");
        var service = new ConsultationReminderService(app.Services.GetRequiredService<IServiceScopeFactory>(),
            app.Services.GetRequiredService<Planwerk.Infrastructure.Instances.JobLocks>(), app.Clock,
            Microsoft.Extensions.Options.Options.Create(new ConsultationOptions { RemindersEnabled = true }),
            app.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ConsultationReminderService>.Instance);
        await service.StartAsync(CancellationToken.None);
        try
        {
            Assert.Empty(app.Smtp.MessagesTo(member.Email!));
            // The service's timer runs on the application's clock: each minute it looks, and the round is due.
            // (The service starts its loop on a thread of its own, so the clock moves until its timer has fired.)
            for (var i = 0; i < 100 && app.Smtp.MessagesTo(member.Email!).Count == 0; i++)
            {
                app.Clock.Advance(TimeSpan.FromMinutes(1));
                await Task.Delay(100);
            }
            var mail = await app.Smtp.WaitForMessageToAsync(member.Email!);
            Assert.Single(app.Smtp.MessagesTo(member.Email!));
            Assert.Contains("Runde für den Dienst", mail.Subject, StringComparison.Ordinal);
            Assert.NotNull(await m.WithDbAsync(db => db.ConsultationRounds.Where(r => r.Id == round.Id).Select(r => r.ReminderSentAt).SingleAsync()));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
            service.Dispose();
        }
    }

    [Fact]
    public async Task Rounds_not_yet_open_already_closed_or_reminded_get_no_reminder()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync();
        var member = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(org, member.Id);
        var t0 = app.Now();
        // Opens within the last 48 hours of its own time, but not yet.
        var planned = await m.AddRoundAsync(t0.AddHours(1), t0.AddHours(20), invited: [org], title: "Noch nicht offen");
        var closed = await m.AddRoundAsync(t0.AddDays(-3), t0.AddSeconds(-1), invited: [org], title: "Schon vorbei");
        var reminded = await m.AddRoundAsync(t0.AddDays(-3), t0.AddHours(10), invited: [org], title: "Schon erinnert");
        await m.WithDbAsync(async db => await db.ConsultationRounds.Where(r => r.Id == reminded.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderSentAt, t0.AddHours(-1))));

        await RunAsync();
        Assert.Empty(app.Smtp.MessagesTo(member.Email!));
        app.MoveTo(planned.OpensAt);
        await RunAsync();
        var mail = Assert.Single(app.Smtp.MessagesTo(member.Email!));
        Assert.Contains("Noch nicht offen", mail.Subject, StringComparison.Ordinal);
        Assert.NotNull(closed);
    }
}

public sealed class ConsultationReminderSqliteTests(ConsultationSqliteApp app) : ConsultationReminderTests(app), IClassFixture<ConsultationSqliteApp>;

public sealed class ConsultationReminderPostgresTests(ConsultationPostgresApp app) : ConsultationReminderTests(app), IClassFixture<ConsultationPostgresApp>;
