using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.RateLimiting;

namespace Planwerk.Features.Accounts;

/// <summary>Sets a new password from the link in a mail: after "forgot password" and for the first
/// password of an invited account. The link is checked before the form is shown and works once.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class ResetPasswordModel(UserManager<PlanwerkUser> users, PlanwerkDbContext db, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public bool LinkValid { get; private set; }

    /// <summary>An invited account that has never had a password: the page says "set", not "reset".</summary>
    public bool FirstPassword { get; private set; }

    public int RequiredLength => users.Options.Password.RequiredLength;

    public async Task OnGetAsync(string? userId, string? code) => await CheckLinkAsync(userId, code);

    public async Task<IActionResult> OnPostAsync(string? userId, string? code)
    {
        var (user, token) = await CheckLinkAsync(userId, code);
        if (user is null || token is null || !ModelState.IsValid) return Page();

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, error.Description);
            LinkValid = !result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            return Page();
        }

        // Whoever can read the account's mail has proved the address and may end a lockout.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        // A new password through the mail is how a person takes back an account: every session of it ends.
        await UserSessions.EndAllAsync(db, user.Id);
        TempData["Notice"] = L["Ihr Passwort ist gespeichert. Sie können sich jetzt damit anmelden."].Value;
        return LocalRedirect("/account/login");
    }

    private async Task<(PlanwerkUser? User, string? Token)> CheckLinkAsync(string? userId, string? code)
    {
        var token = AccountMails.DecodeCode(code);
        var user = string.IsNullOrEmpty(userId) || token is null ? null : await users.FindByIdAsync(userId);
        LinkValid = user is not null && token is not null && await users.VerifyUserTokenAsync(
            user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<PlanwerkUser>.ResetPasswordTokenPurpose, token);
        if (!LinkValid) return (null, null);
        FirstPassword = !await users.HasPasswordAsync(user!);
        return (user, token);
    }
}
