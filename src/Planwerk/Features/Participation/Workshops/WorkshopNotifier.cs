using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Infrastructure.Mail;

namespace Planwerk.Features.Participation.Workshops;

/// <summary>Sends a workshop's mails with their calendar entries. A mail that cannot be sent is logged and
/// does not undo the registration or change that caused it: the page shows the same facts.</summary>
public sealed class WorkshopNotifier(PlanwerkDbContext db, MailSender mail, IOptions<MailOptions> options, IStringLocalizer L, ILogger logger,
    HttpRequest request, string municipalitySlug, DateTimeOffset now)
{
    public enum Kind { Confirmed, Waiting, MovedUp, Updated, CancelledByOrganiser, RegistrationCancelled }

    public static string UidHost(string municipalitySlug) => municipalitySlug + ".planwerk";

    public string PageLink(int workshopId) =>
        AccountMails.AbsoluteLink(request, string.Create(CultureInfo.InvariantCulture, $"/{municipalitySlug}/workshops/{workshopId}"));

    public async Task SendAsync(Workshop workshop, IEnumerable<WorkshopRegistration> registrations, Kind kind, string message = "", CancellationToken ct = default)
    {
        var userIds = registrations.Select(r => r.UserId).Distinct().ToList();
        if (userIds.Count == 0) return;
        var addresses = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.Email != null)
            .Select(u => u.Email!).ToListAsync(ct);
        var link = PageLink(workshop.Id);
        var method = kind is Kind.CancelledByOrganiser or Kind.RegistrationCancelled ? WorkshopCalendar.Cancel : WorkshopCalendar.Request;
        foreach (var to in addresses)
        {
            var calendar = WorkshopCalendar.Build(workshop, UidHost(municipalitySlug), method,
                withOnlineLink: kind is Kind.Confirmed or Kind.MovedUp or Kind.Updated, link, now, options.Value.FromAddress, to, waiting: kind == Kind.Waiting);
            var message1 = kind switch
            {
                Kind.Confirmed => WorkshopMails.Confirmed(L, to, workshop, link, calendar),
                Kind.Waiting => WorkshopMails.Waiting(L, to, workshop, link, calendar),
                Kind.MovedUp => WorkshopMails.MovedUp(L, to, workshop, link, calendar),
                Kind.Updated => WorkshopMails.Updated(L, to, workshop, link, calendar),
                Kind.CancelledByOrganiser => WorkshopMails.CancelledByOrganiser(L, to, workshop, message, link, calendar),
                _ => WorkshopMails.RegistrationCancelled(L, to, workshop, link, calendar),
            };
            try
            {
                await mail.SendAsync(message1, ct);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or InvalidOperationException)
            {
                logger.LogWarning(e, "Workshop mail ({Kind}) to {Recipient} could not be sent", kind, to);
            }
        }
    }
}
