using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Mail;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation.Reports;

/// <summary>The mail that reminds reporters of reports still to hand in: from the configured number of days before a
/// period's due date (<see cref="ReportReminderSetting"/>, default 14, 0 for none) until the due date, once per reporter
/// and period, to every reporter (with a confirmed address) of an organisation that leads or partners in a measure whose
/// report of the period is missing, a draft or returned. The mail names those measures.</summary>
public sealed class ReportReminders(
    PlanwerkDbContext db,
    MailSender mail,
    TimeProvider clock,
    Infrastructure.Security.PublicAddress publicAddress,
    IStringLocalizer<SharedResource> L,
    ILogger<ReportReminders> logger)
{
    /// <summary>Sends every reminder that is due today, in every municipality; returns how many mails went out. A reminder
    /// is claimed by inserting its <see cref="ReportReminder"/> row (unique per period and person) before the mail is sent,
    /// so with several instances of the application only one sends it.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        CultureInfo.CurrentCulture = Languages.German;
        CultureInfo.CurrentUICulture = Languages.German;
        var today = BerlinTime.Today(clock);
        var settings = await db.ReportReminderSettings.IgnoreQueryFilters().AsNoTracking()
            .ToDictionaryAsync(s => s.MunicipalityId, s => s.DaysBeforeDue, ct);
        var latest = today.AddDays(ReportReminderSetting.MaxDays);
        var periods = await db.ReportingPeriods.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.DueOn >= today && p.DueOn <= latest)
            .Select(p => new { p.Id, p.MunicipalityId, p.PlanId, p.Name, p.DueOn, PlanTitle = p.Plan!.Title, Slug = db.Municipalities.Where(m => m.Id == p.MunicipalityId).Select(m => m.Slug).First() })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var period in periods)
        {
            var days = settings.TryGetValue(period.MunicipalityId, out var d) ? d : ReportReminderSetting.DefaultDays;
            if (days <= 0 || period.DueOn.AddDays(-days) > today) continue;
            var open = await (
                    from o in db.MeasureOrganisations.IgnoreQueryFilters()
                    join member in db.StakeholderMembers.IgnoreQueryFilters() on o.OrganisationId equals member.StakeholderId
                    where o.MunicipalityId == period.MunicipalityId && o.Measure!.PlanId == period.PlanId
                        && !db.MeasureReports.IgnoreQueryFilters().Any(r => r.MeasureId == o.MeasureId && r.ReportingPeriodId == period.Id
                            && r.State != ReportState.Draft && r.State != ReportState.Returned)
                        && member.IsReporter && member.User!.EmailConfirmed && member.User.Email != null
                        && !db.ReportReminders.IgnoreQueryFilters().Any(x => x.ReportingPeriodId == period.Id && x.UserId == member.UserId)
                    select new { member.UserId, Email = member.User!.Email!, o.Measure!.Number, o.Measure.Title })
                .ToListAsync(ct);
            var link = publicAddress.Link(ReportUrls.Mine(period.Slug));
            foreach (var person in open.GroupBy(x => (x.UserId, x.Email)).OrderBy(g => g.Key.Email, StringComparer.Ordinal))
            {
                // The claim is a row of the period's municipality: written while working in it.
                db.CurrentMunicipalityId = period.MunicipalityId;
                db.ReportReminders.Add(new ReportReminder
                {
                    MunicipalityId = period.MunicipalityId, ReportingPeriodId = period.Id, UserId = person.Key.UserId, SentAt = clock.GetUtcNow(),
                });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Another instance claimed this reminder first.
                    db.ChangeTracker.Clear();
                    continue;
                }
                finally
                {
                    db.CurrentMunicipalityId = null;
                }
                var measures = person.Select(x => x.Number + " " + x.Title).Distinct().Order(StringComparer.Ordinal).ToList();
                try
                {
                    await mail.SendAsync(Mail(person.Key.Email, period.PlanTitle, period.Name, period.DueOn, measures, link), ct);
                    sent++;
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ServiceNotConnectedException
                    or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or InvalidOperationException)
                {
                    logger.LogWarning(e, "Report reminder for period {Period} to {Recipient} could not be sent", period.Id, person.Key.Email);
                }
            }
        }
        return sent;
    }

    private MailMessage Mail(string email, string plan, string period, DateOnly due, IReadOnlyList<string> measures, string link) => new(
        email,
        L["Planwerk: Berichte für „{0}“ sind bis {1} fällig", period, BerlinTime.Date(due)],
        string.Join("\n", [
            L["Guten Tag,"],
            "",
            L["für den Berichtszeitraum „{0}“ des Plans „{1}“ sind die Berichte bis zum {2} fällig. Von Ihrer Organisation fehlen noch die Berichte zu:", period, plan, BerlinTime.Date(due)],
            "",
            .. measures.Select(m => "- " + m),
            "",
            L["Hier schreiben und reichen Sie sie ein:"],
            link]) + "\n");
}

/// <summary>Looks for due report reminders at start-up and once an hour (on the application's clock); the same switch as
/// the consultation reminders: off in tests, which call <see cref="ReportReminders.SendDueAsync"/> themselves.</summary>
public sealed class ReportReminderService(IServiceScopeFactory scopes, Infrastructure.Instances.JobLocks locks, TimeProvider clock,
    IOptions<Participation.Consultations.ConsultationOptions> options, IHostEnvironment environment, ILogger<ReportReminderService> logger)
    : Infrastructure.Instances.RecurringJob(scopes, locks, clock, logger)
{
    public const string Job = "report-reminders";

    protected override string Name => Job;

    protected override TimeSpan? Interval => options.Value.RemindersEnabled ?? !environment.IsEnvironment("Testing") ? TimeSpan.FromHours(1) : null;

    protected override bool RunsAtStart => true;

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ReportReminders>().SendDueAsync(ct);
}
