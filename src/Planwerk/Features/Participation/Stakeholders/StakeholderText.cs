using Planwerk.Features.Accounts;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Stakeholders;

/// <summary>German interface words for the registry; keys of the shared resource.</summary>
public static class StakeholderText
{
    public static string Kind(StakeholderKind kind) => kind switch
    {
        StakeholderKind.PublicAuthority => "Behörde, öffentliche Stelle",
        StakeholderKind.FreeWelfareProvider => "Freie Wohlfahrtspflege",
        StakeholderKind.CivilSocietyInitiative => "Zivilgesellschaftliche Initiative",
        StakeholderKind.MigrantOrganisation => "Migrantenorganisation",
        StakeholderKind.PoliticalBody => "Politisches Gremium",
        StakeholderKind.Other => "Sonstige Organisation",
        _ => kind.ToString(),
    };
}
