namespace Planwerk.Features.Accounts;

/// <summary>German interface words for account concepts; they are keys of the shared resource, so
/// views render them through <c>L[...]</c>.</summary>
public static class AccountText
{
    public static string Role(MunicipalityRole role) => role switch
    {
        MunicipalityRole.Administrator => "Administrator/in",
        MunicipalityRole.PlanEditor => "Planbearbeiter/in",
        MunicipalityRole.Moderator => "Moderator/in",
        MunicipalityRole.CouncilClerk => "Ratsbüro (Sitzungsdienst)",
        MunicipalityRole.Counsellor => "Berater/in",
        _ => role.ToString(),
    };
}
