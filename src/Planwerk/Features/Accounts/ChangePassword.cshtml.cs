using System.ComponentModel.DataAnnotations;
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
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihr bisheriges Passwort an.")]
        [Display(Name = "Bisheriges Passwort")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie ein neues Passwort ein.")]
        [StringLength(200, ErrorMessage = "Das Passwort darf höchstens {1} Zeichen lang sein.")]
        [Display(Name = "Neues Passwort")]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Bitte wiederholen Sie das neue Passwort.")]
        [Compare(nameof(NewPassword), ErrorMessage = "Die beiden Passwörter stimmen nicht überein.")]
        [Display(Name = "Neues Passwort wiederholen")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int RequiredLength => users.Options.Password.RequiredLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var key = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword"
                    : error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.NewPassword" : string.Empty;
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
