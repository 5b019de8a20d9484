using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Accounts;

/// <summary>A signed-in person changes their password, proving the current one.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ChangePasswordModel(
    UserManager<PlanwerkUser> users,
    SignInManager<PlanwerkUser> signIn,
    PlanwerkDbContext db,
    SignInThrottle throttle,
    IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public int RequiredLength => users.Options.Password.RequiredLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        // Whoever holds a stolen session must not be able to guess the password here unhindered.
        var account = SignInThrottle.AccountKey(user.Email ?? user.Id);
        var address = SignInThrottle.AddressKey(HttpContext);
        var wait = await throttle.WaitForAsync(account, address);
        if (wait > TimeSpan.Zero) return this.TooManyAttempts(wait, L);

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))) await throttle.FailedAsync(account, address);
            foreach (var error in result.Errors)
            {
                var key = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword"
                    : error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty;
                ModelState.AddModelError(key, error.Description);
            }
            return Page();
        }
        await throttle.SucceededAsync(account);
        // Every other session ends at once; this one goes on with a renewed cookie.
        await UserSessions.EndOthersAsync(db, User);
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = L["Ihr Passwort wurde geändert."].Value;
        return LocalRedirect("/account");
    }
}
