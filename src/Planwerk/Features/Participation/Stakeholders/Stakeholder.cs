using Planwerk.Features.Accounts;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Stakeholders;

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

    /// <summary>Its id in the open data (HSDS <c>organization</c>), kept when a directory is imported.</summary>
    public Guid Uid { get; set; } = Guid.NewGuid();

    /// <summary>Changes its members make to its help services wait for the plan team's review; otherwise they
    /// are published at once.</summary>
    public bool ServiceChangesReviewed { get; set; }

    public int Version { get; set; }
    public List<StakeholderMember> Members { get; set; } = [];
}
