using Planwerk.Features.Council.OParl;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Council;

/// <summary>A person's role in a body (OParl: Membership.role, free text; we keep the four a council office records).</summary>
public enum MembershipRole
{
    Chair,
    DeputyChair,
    Member,
    DeputyMember,
}

/// <summary>A person's membership of a council body for a time (OParl: Membership).</summary>
public sealed class BodyMembership : IMunicipalityOwned, IVersioned, ITimestamped, IOParlRow
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PersonId { get; set; }
    public CouncilPerson? Person { get; set; }
    public int BodyId { get; set; }
    public CouncilBody? Body { get; set; }
    public MembershipRole Role { get; set; } = MembershipRole.Member;
    /// <summary>Whether the person may vote in the body (a deputy or an advisory member may not).</summary>
    public bool VotingRight { get; set; } = true;
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
}
