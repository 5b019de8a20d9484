using Planwerk.Infrastructure.Time;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Mail;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>The mails of consultation rounds. Times are German time, as the rounds are entered.</summary>
public static class ConsultationMails
{
    public static MailMessage Receipt(IStringLocalizer L, string email, Statement statement, string roundTitle, string municipalityName,
        string? organisation, string link) => new(
        email,
        L["Planwerk: Eingangsbestätigung {0}", statement.ReceiptNumber],
        string.Join("\n",
            L["Guten Tag,"],
            "",
            L["Ihre Stellungnahme ist bei {0} eingegangen.", municipalityName],
            "",
            L["Eingangsnummer: {0}", statement.ReceiptNumber],
            L["Beteiligungsrunde: {0}", roundTitle],
            L["Bezug: {0}", statement.TargetLabel],
            organisation is null ? L["Eingereicht: persönlich"] : L["Eingereicht für: {0}", organisation],
            L["Eingegangen am: {0} (deutsche Zeit)", BerlinTime.DateAndTime(statement.SubmittedAt)],
            statement.ConsentToPublish
                ? L["Veröffentlichung: Sie haben zugestimmt, dass die Stellungnahme mit der Abwägung veröffentlicht wird."]
                : L["Veröffentlichung: Sie haben nicht zugestimmt; die Stellungnahme wird nicht veröffentlicht."],
            L["Anhänge: {0}", statement.Attachments.Count],
            "",
            L["Ihre Stellungnahmen und später das Ergebnis der Abwägung finden Sie hier:"],
            link) + "\n");

    public static MailMessage Reminder(IStringLocalizer L, string email, string roundTitle, string municipalityName, DateTimeOffset closesAt, string link) => new(
        email,
        L["Planwerk: Die Beteiligungsrunde „{0}“ endet bald", roundTitle],
        string.Join("\n",
            L["Guten Tag,"],
            "",
            L["die Beteiligungsrunde „{0}“ von {1} endet am {2} (deutsche Zeit).", roundTitle, municipalityName, BerlinTime.Until(closesAt)],
            L["Für Ihre Organisation ist noch keine Stellungnahme eingegangen. Hier können Sie eine abgeben:"],
            "",
            link) + "\n");

    public static MailMessage Invitation(IStringLocalizer L, string email, string roundTitle, string municipalityName, string organisation,
        DateTimeOffset opensAt, DateTimeOffset closesAt, string link) => new(
        email,
        L["Planwerk: Einladung zur Beteiligungsrunde „{0}“", roundTitle],
        string.Join("\n",
            L["Guten Tag,"],
            "",
            L["{0} lädt „{1}“ zur Beteiligungsrunde „{2}“ ein.", municipalityName, organisation, roundTitle],
            L["Stellungnahmen sind vom {0} bis {1} (deutsche Zeit) möglich.", BerlinTime.DateAndTime(opensAt), BerlinTime.Until(closesAt)],
            "",
            link) + "\n");
}
