using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;

namespace Planwerk.Features.Accounts;

/// <summary>Sign-in with email and password. The error never says whether an account exists.</summary>
[AllowAnonymous]
public sealed class LoginModel(
    SignInManager<PlanwerkUser> signIn,
    UserManager<PlanwerkUser> users,
    PlanwerkDbContext db,
    IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse an.")]
        [Display(Name = "E-Mail-Adresse")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie Ihr Passwort an.")]
        [Display(Name = "Passwort")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Angemeldet bleiben")]
        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            // Spend the time a password check would take, so the answer's timing does not tell
            // whether the account exists either.
            users.PasswordHasher.HashPassword(new PlanwerkUser(), Input.Password);
            return Failed();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(await SignInTarget.ForAsync(db, Url, user.Id, returnUrl));
        if (result.RequiresTwoFactor) return LocalRedirect("/account/login-2fa" + SignInTarget.Carry(Url, returnUrl, Input.RememberMe));
        if (result.IsLockedOut) return LocalRedirect("/account/lockout");
        return Failed();
    }

    private PageResult Failed()
    {
        ModelState.AddModelError(string.Empty, L["Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie E-Mail-Adresse und Passwort."]);
        return Page();
    }
}
