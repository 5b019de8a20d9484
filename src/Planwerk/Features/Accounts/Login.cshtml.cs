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

/// <summary>Sign-in with email and password. The error never says whether an account exists.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class LoginModel(
    SignInManager<PlanwerkUser> signIn,
    UserManager<PlanwerkUser> users,
    PlanwerkDbContext db,
    SignInThrottle throttle,
    IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse an.")]
        [Display(Name = "E-Mail-Adresse")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie Ihr Passwort an.")]
        [Display(Name = "Passwort")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Angemeldet bleiben")]
        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The right password for an account whose address is not confirmed yet: the page offers the link again.</summary>
    public bool Unconfirmed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (!ModelState.IsValid) return Page();

        var email = Input.Email.Trim();
        var account = SignInThrottle.AccountKey(email);
        var address = SignInThrottle.AddressKey(HttpContext);
        var wait = await throttle.WaitForAsync(account, address);
        if (wait > TimeSpan.Zero) return this.TooManyAttempts(wait, L);

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Spend the time a password check would take, so the answer's timing does not tell
            // whether the account exists either.
            users.PasswordHasher.HashPassword(new PlanwerkUser(), Input.Password);
            return await FailedAsync(account, address);
        }

        if (!user.EmailConfirmed)
        {
            // A self-registered account waits for its address to be confirmed. Only the right password learns
            // so, so the message tells a stranger nothing.
            var check = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: false);
            if (!check.Succeeded) return await FailedAsync(account, address);
            await throttle.SucceededAsync(account);
            Unconfirmed = true;
            ModelState.AddModelError(string.Empty, L["Ihre E-Mail-Adresse ist noch nicht bestätigt. Bitte folgen Sie dem Link in der E-Mail, die wir Ihnen geschickt haben."]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(account);
            return LocalRedirect(await SignInTarget.ForAsync(db, Url, user.Id, returnUrl));
        }
        // The failures count on until the second step is passed too.
        if (result.RequiresTwoFactor) return LocalRedirect("/account/login-2fa" + SignInTarget.Carry(Url, returnUrl, Input.RememberMe));
        // A lock set before Planwerk throttled instead answers like a wrong password.
        return await FailedAsync(account, address);
    }

    private async Task<PageResult> FailedAsync(string account, string address)
    {
        await throttle.FailedAsync(account, address);
        ModelState.AddModelError(string.Empty, L["Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie E-Mail-Adresse und Passwort."]);
        return Page();
    }
}
