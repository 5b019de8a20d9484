using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Mail;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>The reminder before a round closes. It goes to the members of invited organisations on whose
/// behalf nothing has been submitted in the round yet (a person in several such organisations gets one
/// mail). Residents are not reminded: the round's page and the list of rounds say until when it is open,
/// and a resident who has already written needs no reminder.</summary>
public sealed class ConsultationReminders(
    PlanwerkDbContext db,
    MailSender mail,
    TimeProvider clock,
    IOptions<ConsultationOptions> options,
    Infrastructure.Security.PublicAddress publicAddress,
    IStringLocalizer<SharedResource> L,
    ILogger<ConsultationReminders> logger)
{
    /// <summary>Sends every reminder that is due now, in every municipality; returns how many mails went out.
    /// A round is claimed by setting its <see cref="ConsultationRound.ReminderSentAt"/> with a conditional
    /// update before any mail is sent, so with several instances of the application only one sends.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        // Sent without a request, so in the interface's own language, whatever the server's culture.
        System.Globalization.CultureInfo.CurrentCulture = Languages.German;
        System.Globalization.CultureInfo.CurrentUICulture = Languages.German;
        var now = clock.GetUtcNow();
        var until = now + options.Value.ReminderLeadTime;
        var due = await db.ConsultationRounds.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.ReminderSentAt == null && r.OpensAt <= now && r.ClosesAt > now && r.ClosesAt <= until)
            .Select(r => new { r.Id, r.MunicipalityId, r.Title, r.ClosesAt })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var round in due)
        {
            var claimed = await db.ConsultationRounds.IgnoreQueryFilters()
                .Where(r => r.Id == round.Id && r.ReminderSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderSentAt, now), ct);
            if (claimed != 1) continue;

            var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == round.MunicipalityId)
                .Select(m => new { m.Slug, m.Name }).SingleAsync(ct);
            var recipients = await db.StakeholderMembers.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.MunicipalityId == round.MunicipalityId
                    && db.RoundInvitedStakeholders.IgnoreQueryFilters().Any(i => i.RoundId == round.Id && i.StakeholderId == m.StakeholderId)
                    && !db.Statements.IgnoreQueryFilters().Any(s => s.RoundId == round.Id && s.StakeholderId == m.StakeholderId)
                    && m.User!.Email != null && m.User.EmailConfirmed)
                .Select(m => m.User!.Email!)
                .Distinct()
                .ToListAsync(ct);
            var link = publicAddress.Link(string.Create(CultureInfo.InvariantCulture, $"/{municipality.Slug}/consultations/{round.Id}/statements/new"));
            foreach (var email in recipients.Order(StringComparer.Ordinal))
            {
                try
                {
                    await mail.SendAsync(ConsultationMails.Reminder(L, email, round.Title, municipality.Name, round.ClosesAt, link), ct);
                    sent++;
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ServiceNotConnectedException
                    or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or InvalidOperationException)
                {
                    logger.LogWarning(e, "Reminder for round {Round} to {Recipient} could not be sent", round.Id, email);
                }
            }
            logger.LogInformation("Reminder for round {Round} sent to {Count} people", round.Id, recipients.Count);
        }
        return sent;
    }
}

/// <summary>Looks for due reminders once a minute (on the application's clock); off in tests, which call
/// <see cref="ConsultationReminders.SendDueAsync"/> themselves.</summary>
public sealed class ConsultationReminderService(IServiceScopeFactory scopes, Infrastructure.Instances.JobLocks locks, TimeProvider clock, IOptions<ConsultationOptions> options,
    IHostEnvironment environment, ILogger<ConsultationReminderService> logger) : Infrastructure.Instances.RecurringJob(scopes, locks, clock, logger)
{
    public const string Job = "consultation-reminders";

    protected override string Name => Job;

    protected override TimeSpan? Interval => options.Value.RemindersEnabled ?? !environment.IsEnvironment("Testing") ? TimeSpan.FromMinutes(1) : null;

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ConsultationReminders>().SendDueAsync(ct);
}
