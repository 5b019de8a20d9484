using Planwerk.Features.Accounts;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Stakeholders;

/// <summary>The kinds of organisation that take part in making a plan.</summary>
public enum StakeholderKind
{
    PublicAuthority,
    FreeWelfareProvider,
    CivilSocietyInitiative,
    MigrantOrganisation,
    PoliticalBody,
    /// <summary>Not yet sorted: organisations created from a plan's import.</summary>
    Other,
}
