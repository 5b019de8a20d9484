using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Planwerk.Data;

namespace Planwerk.Features.Accounts;

/// <summary>Sign-out. Only a POST with the antiforgery token signs out, so no link on another site can.
/// A GET shows a button that does it. The session ends on the server too, so a copy of the cookie is worthless.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<PlanwerkUser> signIn, PlanwerkDbContext db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessionId = UserSessions.CurrentId(User);
        if (userId is not null && sessionId is not null) await UserSessions.EndAsync(db, userId, sessionId);
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
