using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Workshops;

/// <summary>A person's registration for a workshop. One per person and workshop; cancelling keeps the row.</summary>
public sealed class WorkshopRegistration : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int WorkshopId { get; set; }
    public Workshop? Workshop { get; set; }
    public required string UserId { get; set; }
    public PlanwerkUser? User { get; set; }
    /// <summary>The organisation the person comes for, if any.</summary>
    public int? StakeholderId { get; set; }
    public Stakeholder? Stakeholder { get; set; }
    public int? WorkingGroupId { get; set; }
    public WorkingGroup? WorkingGroup { get; set; }
    public RegistrationState State { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    /// <summary>Recorded by the plan team after the workshop; null until then.</summary>
    public bool? Attended { get; set; }
}
