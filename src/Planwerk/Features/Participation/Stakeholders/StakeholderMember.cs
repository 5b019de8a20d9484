using Planwerk.Features.Accounts;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Stakeholders;

/// <summary>A person who belongs to an organisation. One person may belong to several; some are its contacts.</summary>
public sealed class StakeholderMember : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int StakeholderId { get; set; }
    public Stakeholder? Stakeholder { get; set; }
    public required string UserId { get; set; }
    public PlanwerkUser? User { get; set; }
    public bool IsContact { get; set; }
    /// <summary>Reports on the carrying out of the measures the organisation leads or is a partner in, and on no
    /// others. Marked by the organisation's contacts or the plan team.</summary>
    public bool IsReporter { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}
