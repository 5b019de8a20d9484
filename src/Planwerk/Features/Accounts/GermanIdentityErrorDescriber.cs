using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Localization;

namespace Planwerk.Features.Accounts;

/// <summary>Identity's error messages in German, the interface's first language. The German texts are
/// keys of the shared resource, so a person who chose English reads them in English.</summary>
public sealed class GermanIdentityErrorDescriber(IStringLocalizer<SharedResource> L) : IdentityErrorDescriber
{
    private IdentityError Error(string code, string german, params object[] values) =>
        new() { Code = code, Description = L[german, values] };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Ein unbekannter Fehler ist aufgetreten.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Das Konto wurde inzwischen geändert. Bitte versuchen Sie es erneut.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Das Passwort ist falsch.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Der Link ist ungültig oder abgelaufen.");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Der Wiederherstellungscode ist ungültig.");
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "Diese Anmeldung gehört schon zu einem anderen Konto.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "Die E-Mail-Adresse „{0}“ ist ungültig.", email ?? "");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Der Benutzername „{0}“ ist ungültig.", userName ?? "");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Die E-Mail-Adresse „{0}“ wird bereits verwendet.", email);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Der Benutzername „{0}“ wird bereits verwendet.", userName);
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), "Der Rollenname „{0}“ ist ungültig.", role ?? "");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), "Der Rollenname „{0}“ wird bereits verwendet.", role);
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Für dieses Konto ist schon ein Passwort festgelegt.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Für dieses Konto ist keine Sperre möglich.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "Das Konto hat die Rolle „{0}“ schon.", role);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "Das Konto hat die Rolle „{0}“ nicht.", role);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "Das Passwort muss mindestens {0} Zeichen lang sein.", length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), "Das Passwort muss mindestens {0} verschiedene Zeichen enthalten.", uniqueChars);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Das Passwort muss mindestens ein Sonderzeichen enthalten.");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Das Passwort muss mindestens eine Ziffer enthalten.");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Das Passwort muss mindestens einen Kleinbuchstaben enthalten.");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Das Passwort muss mindestens einen Großbuchstaben enthalten.");
}
