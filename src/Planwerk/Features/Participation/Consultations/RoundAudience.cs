using Planwerk.Infrastructure.Files;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Versions;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>Who may submit statements in a round.</summary>
public enum RoundAudience
{
    /// <summary>Members of the organisations invited to the round.</summary>
    InvitedOrganisations,
    /// <summary>The invited organisations and every signed-in resident.</summary>
    OrganisationsAndResidents,
}
