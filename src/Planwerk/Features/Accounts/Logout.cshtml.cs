using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Planwerk.Features.Accounts;

/// <summary>Sign-out. Only a POST with the antiforgery token signs out, so no link on another site can.
/// A GET shows a button that does it.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<PlanwerkUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
