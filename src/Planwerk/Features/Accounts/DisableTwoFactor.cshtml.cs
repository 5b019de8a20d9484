using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Accounts;

/// <summary>Switches two-factor sign-in off, after the password confirms it is the account's owner.
/// The app's key is replaced, so switching on again needs a new set-up.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DisableTwoFactorModel(
    UserManager<PlanwerkUser> users,
    SignInManager<PlanwerkUser> signIn,
    PlanwerkDbContext db,
    SignInThrottle throttle,
    IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihr Passwort an.")]
        [Display(Name = "Passwort")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return LocalRedirect("/account/two-factor");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return LocalRedirect("/account/two-factor");
        if (!ModelState.IsValid) return Page();
        var account = SignInThrottle.AccountKey(user.Email ?? user.Id);
        var address = SignInThrottle.AddressKey(HttpContext);
        var wait = await throttle.WaitForAsync(account, address);
        if (wait > TimeSpan.Zero) return this.TooManyAttempts(wait, L);
        if (!await users.CheckPasswordAsync(user, Input.Password))
        {
            await throttle.FailedAsync(account, address);
            ModelState.AddModelError("Input.Password", L["Das Passwort ist falsch."]);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await throttle.SucceededAsync(account);
        await signIn.ForgetTwoFactorClientAsync();
        await UserSessions.EndOthersAsync(db, User);
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = L["Die Zwei-Faktor-Anmeldung ist ausgeschaltet."].Value;
        return LocalRedirect("/account/two-factor");
    }
}
