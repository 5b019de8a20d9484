using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Mail;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Accounts;

/// <summary>The mails an account receives, and the password link they carry. Mails are written in the
/// interface language of the request that sends them (German unless English was chosen). Every link
/// points to the installation's configured <see cref="PublicAddress"/>, never to the request's host.</summary>
public static class AccountMails
{
    public const string ResetPasswordPath = "/account/reset-password";

    /// <summary>An absolute link to the reset-password page with a fresh reset token. It sets the first
    /// password of an invited account as well as a forgotten one.</summary>
    public static async Task<string> PasswordLinkAsync(UserManager<PlanwerkUser> users, PlanwerkUser user, HttpRequest request)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return AbsoluteLink(request, ResetPasswordPath
            + QueryString.Create(new KeyValuePair<string, string?>[] { new("userId", user.Id), new("code", code) }));
    }

    public const string ConfirmEmailPath = "/account/confirm-email";

    /// <summary>An absolute link to the confirm-email page with a fresh confirmation token.</summary>
    public static async Task<string> ConfirmLinkAsync(UserManager<PlanwerkUser> users, PlanwerkUser user, HttpRequest request)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return AbsoluteLink(request, ConfirmEmailPath
            + QueryString.Create(new KeyValuePair<string, string?>[] { new("userId", user.Id), new("code", code) }));
    }

    /// <summary>The absolute address of <paramref name="path"/> on this installation, from its configured
    /// public address (the request only supplies the services).</summary>
    public static string AbsoluteLink(HttpRequest request, string path) =>
        request.HttpContext.RequestServices.GetRequiredService<PublicAddress>().Link(path);

    /// <summary>The token from a link's <c>code</c>, or null when it is not one of ours.</summary>
    public static string? DecodeCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static MailMessage PasswordReset(IStringLocalizer L, PlanwerkUser user, string link) => new(
        user.Email!,
        L["Planwerk: Passwort zurücksetzen"],
        Lines(
            L["Guten Tag {0},", user.DisplayName],
            "",
            L["für Ihr Planwerk-Konto wurde ein neues Passwort angefordert. Über diesen Link legen Sie es fest (24 Stunden gültig):"],
            "",
            link,
            "",
            L["Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail. Ihr Passwort bleibt dann unverändert."]));

    public static MailMessage Invitation(IStringLocalizer L, string email, string municipalityName, MunicipalityRole role, string link, string forgotPasswordLink) => new(
        email,
        L["Planwerk: Ihr Zugang für {0}", municipalityName],
        Lines(
            L["Guten Tag,"],
            "",
            L["Sie wurden in Planwerk für {0} als {1} eingetragen. Über diesen Link legen Sie Ihr Passwort fest (24 Stunden gültig):", municipalityName, L[AccountText.Role(role)]],
            "",
            link,
            "",
            L["Ist der Link abgelaufen, fordern Sie hier einen neuen an:"],
            forgotPasswordLink));

    public static MailMessage RoleGranted(IStringLocalizer L, PlanwerkUser user, string municipalityName, MunicipalityRole role, string loginLink) => new(
        user.Email!,
        L["Planwerk: Ihr Zugang für {0}", municipalityName],
        Lines(
            L["Guten Tag {0},", user.DisplayName],
            "",
            L["Sie wurden in Planwerk für {0} als {1} eingetragen. Sie melden sich mit Ihrem bisherigen Konto an:", municipalityName, L[AccountText.Role(role)]],
            "",
            loginLink));

    public static MailMessage ConfirmEmail(IStringLocalizer L, PlanwerkUser user, string link) => new(
        user.Email!,
        L["Planwerk: E-Mail-Adresse bestätigen"],
        Lines(
            L["Guten Tag {0},", user.DisplayName],
            "",
            L["Sie haben in Planwerk ein Konto angelegt. Bitte bestätigen Sie Ihre E-Mail-Adresse über diesen Link; danach können Sie sich anmelden:"],
            "",
            link,
            "",
            L["Wenn Sie kein Konto angelegt haben, ignorieren Sie diese E-Mail."]));

    public static MailMessage AlreadyRegistered(IStringLocalizer L, PlanwerkUser user, string loginLink, string forgotPasswordLink) => new(
        user.Email!,
        L["Planwerk: Sie haben schon ein Konto"],
        Lines(
            L["Guten Tag {0},", user.DisplayName],
            "",
            L["mit Ihrer E-Mail-Adresse wurde versucht, ein neues Planwerk-Konto anzulegen. Sie haben aber schon eines. Melden Sie sich hier an:"],
            "",
            loginLink,
            "",
            L["Haben Sie Ihr Passwort vergessen, legen Sie hier ein neues fest:"],
            forgotPasswordLink,
            "",
            L["Wenn Sie das nicht waren, ignorieren Sie diese E-Mail. An Ihrem Konto hat sich nichts geändert."]));

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";
}
