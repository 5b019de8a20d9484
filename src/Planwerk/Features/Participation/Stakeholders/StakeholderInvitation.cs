using Planwerk.Features.Accounts;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Stakeholders;

/// <summary>A one-time invitation link sent to an organisation's contact. Only the SHA-256 hash of the
/// link's token is stored, so neither a database copy nor a backup lets anyone follow it.</summary>
public sealed class StakeholderInvitation : IMunicipalityOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int StakeholderId { get; set; }
    public Stakeholder? Stakeholder { get; set; }
    public required string Email { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public string? InvitedByUserId { get; set; }
    public string? UsedByUserId { get; set; }

    public bool IsOpen(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;
}
