using Planwerk.Infrastructure.Files;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Versions;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>An organisation invited to a round.</summary>
public sealed class RoundInvitedStakeholder : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int RoundId { get; set; }
    public ConsultationRound? Round { get; set; }
    public int StakeholderId { get; set; }
    public Stakeholder? Stakeholder { get; set; }
}
