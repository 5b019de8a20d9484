using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Planwerk.Features.Accounts;
using Planwerk.Infrastructure.Localization;

namespace Planwerk.Infrastructure.Security;

/// <summary>Refuses passwords that attackers try first: those on the list shipped with Planwerk
/// (<c>common-passwords.txt</c>), compared without regard to case, also once the digits and punctuation
/// people add at the end are removed (so "Password12" and "Passwort123!" fall with "password" and
/// "passwort"). Identity runs it for every new password: registration, reset, change and create-admin.</summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> L) : IPasswordValidator<PlanwerkUser>
{
    public const string ErrorCode = "CommonPassword";

    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static bool IsCommon(string password)
    {
        var lowered = password.Trim().ToLowerInvariant();
        if (List.Value.Contains(lowered)) return true;
        var stem = lowered.TrimEnd("0123456789!?.,;:-_+*#$%&@/\\=~^ ".ToCharArray());
        var start = stem.TrimStart("0123456789!?.,;:-_+*#$%&@/\\=~^ ".ToCharArray());
        return (stem.Length >= 4 && List.Value.Contains(stem)) || (start.Length >= 4 && List.Value.Contains(start));
    }

    public Task<IdentityResult> ValidateAsync(UserManager<PlanwerkUser> manager, PlanwerkUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = L["Dieses Passwort ist zu verbreitet und wird bei Angriffen zuerst ausprobiert. Bitte wählen Sie ein anderes, z. B. einen Satz aus mehreren Wörtern."],
            })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Planwerk.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line.Trim().ToLowerInvariant());
        }
        return set;
    }
}
