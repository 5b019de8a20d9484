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

    /// <summary>The notice after a member was marked as reporter or no longer is.</summary>
    public static string ReporterNotice(Microsoft.Extensions.Localization.IStringLocalizer l, string name, bool reporter) => reporter
        ? l["{0} berichtet jetzt über die Umsetzung der Maßnahmen dieser Organisation.", name]
        : l["{0} berichtet nicht mehr über die Umsetzung.", name];
}

/// <summary>The button that marks a member as reporter or takes the mark away; <paramref name="OrganisationId"/> is
/// sent where the page lists several organisations.</summary>
public sealed record ReporterToggle(int MemberId, string DisplayName, bool IsReporter, int? OrganisationId);
