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

/// <summary>Sets up an authenticator app: shows the key and QR code, and switches two-factor sign-in on
/// only after the app has produced a valid code. Then shows the recovery codes, this once.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class EnableAuthenticatorModel(
    UserManager<PlanwerkUser> users,
    SignInManager<PlanwerkUser> signIn,
    PlanwerkDbContext db,
    IStringLocalizer<SharedResource> L) : PageModel
{
    public const int RecoveryCodeCount = 10;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie den Code aus Ihrer Authenticator-App ein.")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "Der Code hat sechs Ziffern.")]
        [Display(Name = "Code aus der Authenticator-App")]
        public string Code { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public AuthenticatorSetup? Setup { get; private set; }

    /// <summary>Set only in the answer that switches two-factor sign-in on.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (await users.GetTwoFactorEnabledAsync(user)) return LocalRedirect("/account/two-factor");
        Setup = await LoadSetupAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (await users.GetTwoFactorEnabledAsync(user)) return LocalRedirect("/account/two-factor");
        Setup = await LoadSetupAsync(user);
        if (!ModelState.IsValid) return Page();

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", L["Der Code stimmt nicht. Prüfen Sie, ob die Uhrzeit Ihres Telefons stimmt, und geben Sie den aktuellen Code ein."]);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        // Sessions signed in without the second factor end; this one goes on with a renewed cookie.
        await UserSessions.EndOthersAsync(db, User);
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    private async Task<AuthenticatorSetup> LoadSetupAsync(PlanwerkUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        return AuthenticatorSetup.For(user.Email ?? user.UserName ?? user.Id, key!);
    }
}
