using Planwerk.Infrastructure.Files;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Versions;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>The plan team's outcome for a statement.</summary>
public enum WeighingOutcome
{
    Accepted,
    PartlyAccepted,
    NotAccepted,
    Noted,
}
