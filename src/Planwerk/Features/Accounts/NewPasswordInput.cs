using System.ComponentModel.DataAnnotations;

namespace Planwerk.Features.Accounts;

/// <summary>A new password typed twice: the input of "reset password" (and of an invited account's first
/// password), and the base of "change password", which adds the current one. The rules of the password
/// itself are Identity's (see <c>RequiredLength</c> on the pages).</summary>
public class NewPasswordInput
{
    [Required(ErrorMessage = "Bitte geben Sie ein neues Passwort ein.")]
    [StringLength(200, ErrorMessage = "Das Passwort darf höchstens {1} Zeichen lang sein.")]
    [Display(Name = "Neues Passwort")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Bitte wiederholen Sie das neue Passwort.")]
    [Compare(nameof(Password), ErrorMessage = "Die beiden Passwörter stimmen nicht überein.")]
    [Display(Name = "Neues Passwort wiederholen")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>Changing one's password: the current one, then the new one twice.</summary>
public sealed class ChangePasswordInput : NewPasswordInput
{
    [Required(ErrorMessage = "Bitte geben Sie Ihr bisheriges Passwort an.")]
    [Display(Name = "Bisheriges Passwort")]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";
}
