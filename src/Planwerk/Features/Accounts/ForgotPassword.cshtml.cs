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

/// <summary>Asks for a password link by mail. The answer is the same whether or not an account
/// exists for the address, so nobody can find out who has one.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class ForgotPasswordModel(
    UserManager<PlanwerkUser> users,
    MailSender mail,
    IStringLocalizer<SharedResource> L,
    ILogger<ForgotPasswordModel> logger) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse an.")]
        [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
        [Display(Name = "E-Mail-Adresse")]
        public string Email { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user?.Email is not null)
        {
            try
            {
                var link = await AccountMails.PasswordLinkAsync(users, user, Request);
                await mail.SendAsync(AccountMails.PasswordReset(L, user, link), ct);
            }
            catch (Exception e)
            {
                // Saying so would tell that the account exists; the log tells the operator.
                logger.LogError(e, "Password reset mail for user {UserId} could not be sent", user.Id);
            }
        }
        return LocalRedirect("/account/forgot-password?sent=true");
    }
}
