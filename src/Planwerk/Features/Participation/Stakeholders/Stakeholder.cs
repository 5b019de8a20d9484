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
}

/// <summary>An organisation (Akteur, Träger) of one municipality's participation registry. Its members
/// sign in as themselves; the registry is kept by the plan team.</summary>
public sealed class Stakeholder : IMunicipalityOwned, IVersioned
{
    public const int MaxNameLength = 300;
    public const int MaxDescriptionLength = 2000;
    public const int MaxLineLength = 500;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Name { get; set; }
    public StakeholderKind Kind { get; set; }
    public string Description { get; set; } = "";
    public string Address { get; set; } = "";
    public string Website { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string ContactPerson { get; set; } = "";

    /// <summary>Shown on the public list of organisations. The plan team sees every entry.</summary>
    public bool IsListed { get; set; }

    public int Version { get; set; }
    public List<StakeholderMember> Members { get; set; } = [];
}

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
    public DateTimeOffset JoinedAt { get; set; }
}

/// <summary>A one-time invitation link sent to an organisation's contact. Only the SHA-256 hash of the
/// link's token is stored, so neither a database copy nor a backup lets anyone follow it.</summary>
public sealed class StakeholderInvitation : IMunicipalityOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int StakeholderId { get; set; }
    public Stakeholder? Stakeholder { get; set; }
    public required string Email { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public string? InvitedByUserId { get; set; }
    public string? UsedByUserId { get; set; }

    public bool IsOpen(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;
}

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
        _ => kind.ToString(),
    };
}

public enum JoinRequestState
{
    Pending,
    Approved,
    Declined,
}

/// <summary>A signed-in person asks to join a listed organisation, or proposes a new one for the registry.
/// The plan team approves or declines; the person is told by mail.</summary>
public sealed class StakeholderJoinRequest : IMunicipalityOwned
{
    public const int MaxMessageLength = 2000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string UserId { get; set; }
    public PlanwerkUser? User { get; set; }
    /// <summary>The organisation to join; null when a new one is proposed.</summary>
    public int? StakeholderId { get; set; }
    public Stakeholder? Stakeholder { get; set; }
    /// <summary>For a proposed organisation: its name, kind and description.</summary>
    public string ProposedName { get; set; } = "";
    public StakeholderKind? ProposedKind { get; set; }
    public string ProposedDescription { get; set; } = "";
    public string Message { get; set; } = "";
    public JoinRequestState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    /// <summary>Told to the person with the decision.</summary>
    public string DecisionNote { get; set; } = "";
}
