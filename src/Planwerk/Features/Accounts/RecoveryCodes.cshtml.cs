using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Planwerk.Data;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Accounts;

/// <summary>Replaces the recovery codes with ten new ones (the old ones stop working) and shows them once.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class RecoveryCodesModel(UserManager<PlanwerkUser> users, PlanwerkDbContext db) : PageModel
{
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

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
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableAuthenticatorModel.RecoveryCodeCount) ?? []];
        // New codes are asked for when the old ones may be known to someone else: who might have used one is signed out.
        await UserSessions.EndOthersAsync(db, User);
        return Page();
    }
}
