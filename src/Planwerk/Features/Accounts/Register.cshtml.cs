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

/// <summary>A resident makes their own account: name, address, password and consent to the privacy note.
/// The account can sign in only after the link mailed to the address was followed. The answer is the same
/// whether or not the address already has an account, so nobody can find out who has one; the owner of an
/// existing account is told by mail instead.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class RegisterModel(
    UserManager<PlanwerkUser> users,
    MailSender mail,
    IStringLocalizer<SharedResource> L,
    ILogger<RegisterModel> logger) : PageModel
{
    public sealed class RegisterInput : NewPasswordInput
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihren Namen an.")]
        [StringLength(200, ErrorMessage = "Der Name darf höchstens {1} Zeichen lang sein.")]
        [Display(Name = "Name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse an.")]
        [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
        [StringLength(256, ErrorMessage = "Die E-Mail-Adresse darf höchstens {1} Zeichen lang sein.")]
        [Display(Name = "E-Mail-Adresse")]
        public string Email { get; set; } = "";

        [Display(Name = "Einwilligung")]
        public bool Consent { get; set; }
    }

    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public int RequiredLength => users.Options.Password.RequiredLength;

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true && !Sent ? LocalRedirect("/account") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Input.Consent)
            ModelState.AddModelError("Input.Consent", L["Bitte stimmen Sie dem Datenschutzhinweis zu."]);
        if (!ModelState.IsValid) return Page();

        var email = Input.Email.Trim();
        var user = new PlanwerkUser { UserName = email, Email = email, EmailConfirmed = false, DisplayName = Input.DisplayName.Trim() };
        // The password is judged before the address is looked up, so a weak one gets the same answer either way.
        var weak = false;
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, Input.Password);
            foreach (var error in check.Errors) ModelState.AddModelError("Input.Password", error.Description);
            weak |= !check.Succeeded;
        }
        if (weak) return Page();

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // The same work as for a new account: one password hash and one mail sent the same way, so neither
            // the answer nor the time it takes tells that the address has an account.
            users.PasswordHasher.HashPassword(user, Input.Password);
            await TrySendAsync(existing.EmailConfirmed
                ? AccountMails.AlreadyRegistered(L, existing, AccountMails.AbsoluteLink(Request, "/account/login"), AccountMails.AbsoluteLink(Request, "/account/forgot-password"))
                : AccountMails.ConfirmEmail(L, existing, await AccountMails.ConfirmLinkAsync(users, existing, Request)), existing.Id, ct);
            return LocalRedirect("/account/register?sent=true");
        }

        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", error.Description);
            return Page();
        }
        await TrySendAsync(AccountMails.ConfirmEmail(L, user, await AccountMails.ConfirmLinkAsync(users, user, Request)), user.Id, ct);
        return LocalRedirect("/account/register?sent=true");
    }

    private async Task TrySendAsync(MailMessage message, string userId, CancellationToken ct)
    {
        try
        {
            await mail.SendAsync(message, ct);
        }
        catch (Exception e)
        {
            // Saying so would tell whether the account exists; the person can ask for the link again.
            logger.LogError(e, "Registration mail for user {UserId} could not be sent", userId);
        }
    }
}
