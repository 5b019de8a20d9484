using Microsoft.AspNetCore.Identity;

namespace Planwerk.Features.Accounts;

/// <summary>An account. Accounts belong to the installation; what a person may do in a
/// municipality comes from their <see cref="MunicipalityMembership"/> there.</summary>
public sealed class PlanwerkUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The 30-second time step of the last authenticator code accepted, so no code works twice.</summary>
    public long LastAuthenticatorTimeStep { get; set; }
}
