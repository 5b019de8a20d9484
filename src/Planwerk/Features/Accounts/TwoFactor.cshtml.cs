using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Accounts;

/// <summary>The state of two-factor sign-in for the signed-in person, and the ways to change it.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TwoFactorModel(UserManager<PlanwerkUser> users, SignInManager<PlanwerkUser> signIn, IStringLocalizer<SharedResource> L) : PageModel
{
    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public bool BrowserRemembered { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        BrowserRemembered = Enabled && await signIn.IsTwoFactorClientRememberedAsync(user);
        return Page();
    }

    /// <summary>This browser asks for the code again at the next sign-in.</summary>
    public async Task<IActionResult> OnPostForgetBrowserAsync()
    {
        await signIn.ForgetTwoFactorClientAsync();
        TempData["Notice"] = L["Dieser Browser fragt bei der nächsten Anmeldung wieder nach dem Code."].Value;
        return LocalRedirect("/account/two-factor");
    }
}
