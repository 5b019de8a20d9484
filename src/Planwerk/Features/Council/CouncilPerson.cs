using Planwerk.Features.Council.OParl;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Council;

/// <summary>A member of the municipality's council bodies (OParl: Person). Planwerk keeps only what the council's
/// public sessions make public — the name with title and form of address, and the memberships — and no address,
/// telephone, e-mail, birth date or picture (docs/council.md, "People of the bodies").</summary>
public sealed class CouncilPerson : IMunicipalityOwned, IVersioned, ITimestamped, IOParlRow
{
    public const int MaxNameLength = 150;
    public const int MaxShortLength = 50;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string FamilyName { get; set; }
    public string GivenName { get; set; } = "";
    /// <summary>E.g. "Stadträtin", "Bürgermeister" (OParl: formOfAddress).</summary>
    public string FormOfAddress { get; set; } = "";
    /// <summary>An academic title, e.g. "Dr." (OParl: title).</summary>
    public string Title { get; set; } = "";
    /// <summary>A name affix, e.g. "von" (OParl: affix).</summary>
    public string Affix { get; set; } = "";
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public List<BodyMembership> Memberships { get; set; } = [];

    /// <summary>The name as shown and published: title, given name, affix, family name.</summary>
    public static string FullName(string title, string givenName, string affix, string familyName) =>
        string.Join(' ', new[] { title, givenName, affix, familyName }.Where(p => p.Length > 0));
}
