using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Mail;

namespace Planwerk.Features.Participation.Stakeholders;

/// <summary>The mail that tells a person how the plan team decided their join request, in the interface
/// language of the request that sends it.</summary>
public static class JoinRequestMails
{
    public static MailMessage Decided(IStringLocalizer L, string email, string displayName, string organisation, string municipalityName,
        bool approved, string note, string link)
    {
        var lines = new List<string>
        {
            L["Guten Tag {0},", displayName],
            "",
            approved
                ? L["das Planungsteam von {0} hat Ihre Anfrage angenommen: Sie gehören jetzt zu „{1}“.", municipalityName, organisation]
                : L["das Planungsteam von {0} hat Ihre Anfrage für „{1}“ abgelehnt.", municipalityName, organisation],
        };
        if (note.Length > 0)
        {
            lines.Add("");
            lines.Add(L["Anmerkung des Planungsteams:"]);
            lines.Add(note);
        }
        lines.Add("");
        lines.Add(approved ? L["Ihre Organisationen in Planwerk:"] : L["Ihre Anfragen in Planwerk:"]);
        lines.Add(link);
        return new MailMessage(email,
            approved ? L["Planwerk: Aufnahme in „{0}“", organisation] : L["Planwerk: Ihre Anfrage für „{0}“", organisation],
            string.Join("\n", lines) + "\n");
    }
}
