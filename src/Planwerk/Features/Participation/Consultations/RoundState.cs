using Planwerk.Infrastructure.Files;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Versions;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>Where a round stands at a moment; computed from its times, never stored.</summary>
public enum RoundState
{
    Planned,
    Open,
    Closed,
}
