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

/// <summary>Second step of sign-in for accounts with an authenticator app: the six-digit code.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class LoginTwoFactorModel(SignInManager<PlanwerkUser> signIn, PlanwerkDbContext db, SignInThrottle throttle, IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie den Code aus Ihrer Authenticator-App ein.")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "Der Code hat sechs Ziffern.")]
        [Display(Name = "Code aus der Authenticator-App")]
        public string Code { get; set; } = "";

        [Display(Name = "Diesem Browser vertrauen")]
        public bool RememberMachine { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public QueryString Carry { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, bool rememberMe)
    {
        Carry = SignInTarget.Carry(Url, returnUrl, rememberMe);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return LocalRedirect("/account/login");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, bool rememberMe)
    {
        Carry = SignInTarget.Carry(Url, returnUrl, rememberMe);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return LocalRedirect("/account/login");
        if (!ModelState.IsValid) return Page();
        var account = SignInThrottle.AccountKey(user.Email ?? user.Id);
        var address = SignInThrottle.AddressKey(HttpContext);
        var wait = await throttle.WaitForAsync(account, address);
        if (wait > TimeSpan.Zero) return this.TooManyAttempts(wait, L);

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, rememberMe, Input.RememberMachine);
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(account);
            return LocalRedirect(await SignInTarget.ForAsync(db, Url, user.Id, returnUrl));
        }
        await throttle.FailedAsync(account, address);
        ModelState.AddModelError("Input.Code", L["Der Code ist ungültig. Bitte geben Sie den aktuellen Code aus Ihrer Authenticator-App ein."]);
        return Page();
    }
}
