using System.Globalization;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Time;
using Planwerk.Infrastructure.Mail;

namespace Planwerk.Features.Participation.Stakeholders;

/// <summary>The mails of the registry, in the interface language of the request that sends them.</summary>
public static class StakeholderMails
{
    public static MailMessage Invitation(IStringLocalizer L, string email, string stakeholderName, string municipalityName, string link, DateTimeOffset expiresAt) => new(
        email,
        L["Planwerk: Einladung für {0}", stakeholderName],
        string.Join("\n",
            L["Guten Tag,"],
            "",
            L["das Planungsteam von {0} lädt Sie ein, in Planwerk für „{1}“ mitzuwirken.", municipalityName, stakeholderName],
            L["Über diesen Link nehmen Sie die Einladung an (einmal verwendbar, gültig bis {0}, deutsche Zeit):", BerlinTime.DateAndTime(expiresAt)],
            "",
            link,
            "",
            L["Wenn Sie noch kein Konto haben, legen Sie es über den Link an. Wenn Sie die Einladung nicht erwartet haben, ignorieren Sie diese E-Mail."]) + "\n");
}
