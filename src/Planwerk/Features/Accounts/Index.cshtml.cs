using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Planwerk.Data;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Accounts;

/// <summary>The signed-in person's account: who they are, where they hold which role, and the way to
/// their password and two-factor settings.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(UserManager<PlanwerkUser> users, PlanwerkDbContext db) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }
    public IReadOnlyList<UserMemberships.Row> Memberships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
        Memberships = await UserMemberships.OfUserAsync(db, user.Id, ct);
        return Page();
    }
}
