using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Mail;
using Planwerk.Infrastructure.RateLimiting;

namespace Planwerk.Features.Accounts;

/// <summary>Confirms a self-registered account's address from the mailed link, and sends the link again on
/// request. The request form answers the same whether or not an unconfirmed account exists for the address.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class ConfirmEmailModel(
    UserManager<PlanwerkUser> users,
    MailSender mail,
    IStringLocalizer<SharedResource> L,
    ILogger<ConfirmEmailModel> logger) : PageModel
{
    public sealed class ResendInput
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse an.")]
        [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
        [Display(Name = "E-Mail-Adresse")]
        public string Email { get; set; } = "";
    }

    public enum Outcome { Form, Confirmed, InvalidLink, Sent }

    [BindProperty]
    public ResendInput Input { get; set; } = new();

    public Outcome Result { get; private set; } = Outcome.Form;

    public async Task<IActionResult> OnGetAsync(string? userId, string? code, bool sent = false)
    {
        if (sent)
        {
            Result = Outcome.Sent;
            return Page();
        }
        if (userId is null && code is null) return Page();

        var token = AccountMails.DecodeCode(code);
        var user = string.IsNullOrEmpty(userId) || token is null ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null)
        {
            Result = Outcome.InvalidLink;
            return Page();
        }
        if (user.EmailConfirmed)
        {
            // Following the link twice (or from a mail preview) is no error.
            Result = Outcome.Confirmed;
            return Page();
        }
        var confirmed = await users.ConfirmEmailAsync(user, token);
        Result = confirmed.Succeeded ? Outcome.Confirmed : Outcome.InvalidLink;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { EmailConfirmed: false, Email: not null })
        {
            try
            {
                await mail.SendAsync(AccountMails.ConfirmEmail(L, user, await AccountMails.ConfirmLinkAsync(users, user, Request)), ct);
            }
            catch (Exception e)
            {
                // Saying so would tell that the account exists; the log tells the operator.
                logger.LogError(e, "Confirmation mail for user {UserId} could not be sent", user.Id);
            }
        }
        return LocalRedirect("/account/confirm-email?sent=true");
    }
}
