using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Accounts;

/// <summary>A signed-in person changes their password, proving the current one.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ChangePasswordModel(UserManager<PlanwerkUser> users, SignInManager<PlanwerkUser> signIn, IStringLocalizer<SharedResource> L) : PageModel
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

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var key = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword"
                    : error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty;
                ModelState.AddModelError(key, error.Description);
            }
            return Page();
        }
        // The password change renews the security stamp; renewing the cookie keeps this session.
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = L["Ihr Passwort wurde geändert."].Value;
        return LocalRedirect("/account");
    }
}
