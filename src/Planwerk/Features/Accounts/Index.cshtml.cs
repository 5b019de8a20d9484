using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Accounts;

/// <summary>The signed-in person's account: who they are, where they hold which role, the browsers signed
/// in to it (ending all but this one), and the way to their password and two-factor settings.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(UserManager<PlanwerkUser> users, PlanwerkDbContext db, IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed record Session(DateTimeOffset StartedAt, DateTimeOffset LastSeenAt, SessionDevice Device, bool IsCurrent);

    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }
    public IReadOnlyList<UserMemberships.Row> Memberships { get; private set; } = [];
    public IReadOnlyList<Session> Sessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
        Memberships = await UserMemberships.OfUserAsync(db, user.Id, ct);
        var current = UserSessions.CurrentId(User);
        var rows = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == user.Id)
            .Select(s => new { s.Id, s.StartedAt, s.LastSeenAt, s.UserAgent })
            .ToListAsync(ct);
        Sessions = [.. rows
            .Select(s => new Session(s.StartedAt, s.LastSeenAt, SessionDevice.FromUserAgent(s.UserAgent), s.Id == current))
            .OrderByDescending(s => s.IsCurrent).ThenByDescending(s => s.LastSeenAt)];
        return Page();
    }

    /// <summary>Signs out every other browser at once, e.g. after using a shared computer.</summary>
    public async Task<IActionResult> OnPostEndOtherSessionsAsync(CancellationToken ct)
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is null) return Challenge();
        var ended = await UserSessions.EndOthersAsync(db, User, ct);
        TempData["Notice"] = (ended switch
        {
            0 => L["Es gab keine anderen Sitzungen."],
            1 => L["Eine andere Sitzung wurde beendet."],
            _ => L["{0} andere Sitzungen wurden beendet.", ended],
        }).Value;
        return LocalRedirect("/account");
    }
}
