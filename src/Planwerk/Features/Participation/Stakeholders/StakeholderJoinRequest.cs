using Planwerk.Features.Accounts;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Stakeholders;

/// <summary>A signed-in person asks to join a listed organisation, or proposes a new one for the registry.
/// The plan team approves or declines; the person is told by mail.</summary>
public sealed class StakeholderJoinRequest : IMunicipalityOwned
{
    public const int MaxMessageLength = 2000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string UserId { get; set; }
    public PlanwerkUser? User { get; set; }
    /// <summary>The organisation to join; null when a new one is proposed.</summary>
    public int? StakeholderId { get; set; }
    public Stakeholder? Stakeholder { get; set; }
    /// <summary>For a proposed organisation: its name, kind and description.</summary>
    public string ProposedName { get; set; } = "";
    public StakeholderKind? ProposedKind { get; set; }
    public string ProposedDescription { get; set; } = "";
    public string Message { get; set; } = "";
    public JoinRequestState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    /// <summary>Told to the person with the decision.</summary>
    public string DecisionNote { get; set; } = "";
}
