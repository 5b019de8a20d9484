using System.ComponentModel.DataAnnotations;
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

/// <summary>Second step of sign-in with one of the recovery codes instead of the app. Each code works once.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class LoginRecoveryModel(
    SignInManager<PlanwerkUser> signIn,
    UserManager<PlanwerkUser> users,
    PlanwerkDbContext db,
    SignInThrottle throttle,
    IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie einen Wiederherstellungscode ein.")]
        [StringLength(40, ErrorMessage = "Das ist kein Wiederherstellungscode.")]
        [Display(Name = "Wiederherstellungscode")]
        public string RecoveryCode { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public QueryString Carry { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        Carry = SignInTarget.Carry(Url, returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return LocalRedirect("/account/login");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        Carry = SignInTarget.Carry(Url, returnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return LocalRedirect("/account/login");
        if (!ModelState.IsValid) return Page();
        // A recovery code is a second factor, not a way around the throttle: while the account or the
        // address must wait, it is not even looked at.
        var account = SignInThrottle.AccountKey(user.Email ?? user.Id);
        var address = SignInThrottle.AddressKey(HttpContext);
        var wait = await throttle.WaitForAsync(account, address);
        if (wait > TimeSpan.Zero) return this.TooManyAttempts(wait, L);

        var code = Input.RecoveryCode.Replace(" ", "", StringComparison.Ordinal);
        // Identity redeems a recovery code even for a locked account (a lock can remain from the time
        // before failures were throttled instead): refuse it then.
        var result = await users.IsLockedOutAsync(user) ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(account);
            return LocalRedirect(await SignInTarget.ForAsync(db, Url, user.Id, returnUrl));
        }
        await throttle.FailedAsync(account, address);
        ModelState.AddModelError("Input.RecoveryCode", L["Dieser Wiederherstellungscode ist ungültig oder wurde schon benutzt."]);
        return Page();
    }
}
