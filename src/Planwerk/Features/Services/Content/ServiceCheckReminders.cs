using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Mail;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Services.Content;

/// <summary>The mail that reminds an organisation's contacts of its services due for checking (see
/// <see cref="ServiceChecks"/>): once per overdue period of a service, to every contact (with a confirmed address) of its
/// organisation, one mail per contact and organisation naming the services with links to their edit pages. A reminder is
/// claimed by moving the service's <see cref="HelpService.CheckReminderSentAt"/> with a conditional update before the mail
/// goes out, so with several instances of the application only one sends it. An organisation without contacts is not
/// claimed: it is reminded once it has one.</summary>
public sealed class ServiceCheckReminders(
    PlanwerkDbContext db,
    MailSender mail,
    TimeProvider clock,
    Infrastructure.Security.PublicAddress publicAddress,
    IStringLocalizer<SharedResource> L,
    ILogger<ServiceCheckReminders> logger)
{
    /// <summary>Sends every reminder that is due today, in every municipality; returns how many mails went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        CultureInfo.CurrentCulture = Languages.German;
        CultureInfo.CurrentUICulture = Languages.German;
        var today = BerlinTime.Today(clock);
        var municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.Slug, m.ServiceCheckMonths }).ToListAsync(ct);
        var sent = 0;
        foreach (var municipality in municipalities)
        {
            // Each municipality's services are read and claimed while working in it.
            db.CurrentMunicipalityId = municipality.Id;
            try
            {
                sent += await SendDueInAsync(municipality.Slug, municipality.ServiceCheckMonths, today, ct);
            }
            finally
            {
                db.CurrentMunicipalityId = null;
                db.ChangeTracker.Clear();
            }
        }
        return sent;
    }

    private async Task<int> SendDueInAsync(string slug, int months, DateOnly today, CancellationToken ct)
    {
        var before = ServiceChecks.CandidatesBefore(today, months);
        var candidates = await db.HelpServices.AsNoTracking()
            .Where(s => s.Status != ServiceStatus.Defunct && s.LastCheckedOn < before)
            .Select(s => new { s.Id, s.Name, s.OrganisationId, Organisation = s.Organisation!.Name, s.LastCheckedOn, s.CheckReminderSentAt })
            .ToListAsync(ct);
        var due = candidates.Where(s => ServiceChecks.IsOverdue(s.LastCheckedOn, today, months) && !ServiceChecks.WasReminded(s.CheckReminderSentAt, s.LastCheckedOn)).ToList();
        if (due.Count == 0) return 0;
        var organisationIds = due.Select(s => s.OrganisationId).Distinct().ToList();
        var contacts = await db.StakeholderMembers.AsNoTracking()
            .Where(m => organisationIds.Contains(m.StakeholderId) && m.IsContact && m.User!.EmailConfirmed && m.User.Email != null)
            .Select(m => new { m.StakeholderId, Email = m.User!.Email! })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var organisation in due.GroupBy(s => (s.OrganisationId, s.Organisation)).OrderBy(g => g.Key.OrganisationId))
        {
            var recipients = contacts.Where(c => c.StakeholderId == organisation.Key.OrganisationId).Select(c => c.Email).Distinct().Order(StringComparer.Ordinal).ToList();
            if (recipients.Count == 0) continue;
            var claimed = new List<(string Name, DateOnly LastCheckedOn, string Link)>();
            foreach (var service in organisation.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                var previous = service.CheckReminderSentAt;
                var now = clock.GetUtcNow();
                var rows = await db.HelpServices.Where(s => s.Id == service.Id && s.CheckReminderSentAt == previous)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.CheckReminderSentAt, now), ct);
                // Another instance claimed it first.
                if (rows == 1) claimed.Add((service.Name, service.LastCheckedOn, publicAddress.Link(ContentUrls.Service(slug, service.Id))));
            }
            if (claimed.Count == 0) continue;
            foreach (var email in recipients)
            {
                try
                {
                    await mail.SendAsync(Mail(email, organisation.Key.Organisation, months, claimed), ct);
                    sent++;
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ServiceNotConnectedException
                    or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or InvalidOperationException)
                {
                    logger.LogWarning(e, "Service check reminder for organisation {Organisation} to {Recipient} could not be sent", organisation.Key.OrganisationId, email);
                }
            }
        }
        return sent;
    }

    private MailMessage Mail(string email, string organisation, int months, IReadOnlyList<(string Name, DateOnly LastCheckedOn, string Link)> services) => new(
        email,
        L["Planwerk: Hilfeangebote von „{0}“ bitte prüfen", organisation],
        string.Join("\n", [
            L["Guten Tag,"],
            "",
            L["die folgenden Hilfeangebote von „{0}“ wurden seit mehr als {1} Monaten nicht geprüft. Menschen, die Hilfe suchen, verlassen sich auf diese Angaben. Bitte prüfen Sie jeden Eintrag und bestätigen Sie ihn oder ändern Sie, was nicht mehr stimmt:", organisation, months],
            "",
            .. services.SelectMany(s => new[] { "- " + s.Name + " (" + L["zuletzt geprüft am {0}", BerlinTime.Date(s.LastCheckedOn)] + ")", "  " + s.Link }),
            ]) + "\n");
}

/// <summary>Looks for due service check reminders at start-up and once an hour (on the application's clock); the same
/// switch as the other reminders: off in tests, which call <see cref="ServiceCheckReminders.SendDueAsync"/> themselves.</summary>
public sealed class ServiceCheckReminderService(IServiceScopeFactory scopes, Infrastructure.Instances.JobLocks locks, TimeProvider clock,
    IOptions<Participation.Consultations.ConsultationOptions> options, IHostEnvironment environment, ILogger<ServiceCheckReminderService> logger)
    : Infrastructure.Instances.RecurringJob(scopes, locks, clock, logger)
{
    public const string Job = "service-check-reminders";

    protected override string Name => Job;

    protected override TimeSpan? Interval => options.Value.RemindersEnabled ?? !environment.IsEnvironment("Testing") ? TimeSpan.FromHours(1) : null;

    protected override bool RunsAtStart => true;

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ServiceCheckReminders>().SendDueAsync(ct);
}
