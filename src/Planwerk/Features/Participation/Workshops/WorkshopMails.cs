using System.Text;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Time;
using Planwerk.Infrastructure.Mail;

namespace Planwerk.Features.Participation.Workshops;

/// <summary>The mails of workshops, in the interface language of the request that sends them. Each carries
/// the calendar entry (.ics) so the recipient's calendar adds, updates or removes it.</summary>
public static class WorkshopMails
{
    public const string FileName = "workshop.ics";

    public static MailAttachment Ics(string calendar, string method) =>
        new(FileName, "text/calendar; method=" + method + "; charset=utf-8", Encoding.UTF8.GetBytes(calendar));

    private static string When(IStringLocalizer L, Workshop w) =>
        L["{0} bis {1} (Ortszeit Berlin)", BerlinTime.DateAndTime(w.StartsAt),
            BerlinTime.Day(w.StartsAt) == BerlinTime.Day(w.EndsAt) ? BerlinTime.TimeOfDay(w.EndsAt) : BerlinTime.DateAndTime(w.EndsAt)];

    private static IEnumerable<string> Facts(IStringLocalizer L, Workshop w, bool withOnlineLink)
    {
        yield return L["Wann: {0}", When(L, w)];
        if (w.Place.Length > 0) yield return L["Ort: {0}", w.Place];
        if (withOnlineLink && w.OnlineUrl.Length > 0) yield return L["Online: {0}", w.OnlineUrl];
    }

    private static MailMessage Mail(string to, string subject, IEnumerable<string> lines, string calendar, string method) =>
        new(to, subject, string.Join("\n", lines) + "\n", Attachments: [Ics(calendar, method)]);

    public static MailMessage Confirmed(IStringLocalizer L, string to, Workshop w, string link, string calendar) =>
        Mail(to, L["Planwerk: Anmeldung bestätigt – {0}", w.Title],
        [
            L["Guten Tag,"], "",
            L["Ihre Anmeldung zur Veranstaltung „{0}“ ist bestätigt.", w.Title],
            .. Facts(L, w, withOnlineLink: true), "",
            L["Der Termin ist als Kalendereintrag angehängt. Absagen können Sie auf der Seite der Veranstaltung:"],
            link,
        ], calendar, WorkshopCalendar.Request);

    public static MailMessage Waiting(IStringLocalizer L, string to, Workshop w, string link, string calendar) =>
        Mail(to, L["Planwerk: Warteliste – {0}", w.Title],
        [
            L["Guten Tag,"], "",
            L["Die Veranstaltung „{0}“ ist ausgebucht. Sie stehen auf der Warteliste.", w.Title],
            L["Sobald ein Platz frei wird, rücken Sie in der Reihenfolge der Anmeldung nach und erhalten eine E-Mail."],
            .. Facts(L, w, withOnlineLink: false), "",
            L["Der angehängte Kalendereintrag ist vorläufig. Ihre Anmeldung sehen und zurückziehen können Sie hier:"],
            link,
        ], calendar, WorkshopCalendar.Request);

    public static MailMessage MovedUp(IStringLocalizer L, string to, Workshop w, string link, string calendar) =>
        Mail(to, L["Planwerk: Sie haben einen Platz – {0}", w.Title],
        [
            L["Guten Tag,"], "",
            L["für die Veranstaltung „{0}“ ist ein Platz frei geworden. Sie sind von der Warteliste nachgerückt; Ihre Anmeldung ist bestätigt.", w.Title],
            .. Facts(L, w, withOnlineLink: true), "",
            L["Der Termin ist als Kalendereintrag angehängt. Wenn Sie nicht kommen können, sagen Sie bitte ab:"],
            link,
        ], calendar, WorkshopCalendar.Request);

    public static MailMessage Updated(IStringLocalizer L, string to, Workshop w, string link, string calendar) =>
        Mail(to, L["Planwerk: Geänderter Termin – {0}", w.Title],
        [
            L["Guten Tag,"], "",
            L["Zeit oder Ort der Veranstaltung „{0}“ haben sich geändert. Es gilt jetzt:", w.Title],
            .. Facts(L, w, withOnlineLink: true), "",
            L["Der angehängte Kalendereintrag ersetzt den bisherigen."],
            link,
        ], calendar, WorkshopCalendar.Request);

    public static MailMessage CancelledByOrganiser(IStringLocalizer L, string to, Workshop w, string message, string link, string calendar) =>
        Mail(to, L["Planwerk: Abgesagt – {0}", w.Title],
        [
            L["Guten Tag,"], "",
            L["die Veranstaltung „{0}“ am {1} findet nicht statt.", w.Title, BerlinTime.DateAndTime(w.StartsAt)],
            .. (message.Length > 0 ? new[] { "", message, "" } : [""]),
            L["Der angehängte Kalendereintrag entfernt den Termin aus Ihrem Kalender."],
            link,
        ], calendar, WorkshopCalendar.Cancel);

    public static MailMessage RegistrationCancelled(IStringLocalizer L, string to, Workshop w, string link, string calendar) =>
        Mail(to, L["Planwerk: Abmeldung – {0}", w.Title],
        [
            L["Guten Tag,"], "",
            L["Sie haben Ihre Anmeldung zur Veranstaltung „{0}“ zurückgezogen.", w.Title],
            L["Der angehängte Kalendereintrag entfernt den Termin aus Ihrem Kalender."],
            link,
        ], calendar, WorkshopCalendar.Cancel);
}
