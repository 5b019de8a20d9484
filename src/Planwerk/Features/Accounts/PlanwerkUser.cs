using Microsoft.AspNetCore.Identity;
using Planwerk.Features.Municipalities;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Accounts;

/// <summary>An account. Accounts belong to the installation; what a person may do in a
/// municipality comes from their <see cref="MunicipalityMembership"/> there.</summary>
public sealed class PlanwerkUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The 30-second time step of the last authenticator code accepted, so no code works twice.</summary>
    public long LastAuthenticatorTimeStep { get; set; }
}

public enum MunicipalityRole
{
    /// <summary>Manages the municipality's users and roles, and may do everything a plan editor may.</summary>
    Administrator,
    /// <summary>Writes and edits the municipality's plans.</summary>
    PlanEditor,
    /// <summary>Belongs to the plan team for participation: reads the stakeholder registry and (later) moderates public comments.</summary>
    Moderator,
    /// <summary>Records the council's deliberation: bodies, meetings, papers, their consultations, results and amendments.</summary>
    CouncilClerk,
}

public sealed class MunicipalityMembership : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    public required string UserId { get; set; }
    public PlanwerkUser? User { get; set; }
    public MunicipalityRole Role { get; set; }
}
