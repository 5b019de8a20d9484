using System.Security.Cryptography;
using System.Text;

namespace Planwerk.Features.Services.Hsds;

/// <summary>HSDS ids of objects that have no <c>Uid</c> of their own (an address, a phone, a language row, special hours,
/// an attribute): name-based UUIDs (version 5, RFC 9562) of the owning object's kept UUID and what the object is, so they
/// are the same on every request and survive an export and import into another municipality unchanged.</summary>
public static class HsdsIds
{
    /// <summary>Planwerk's own namespace for name-based UUIDs.</summary>
    public static readonly Guid Namespace = new("6a1f3c2e-5b7d-4e0a-9c84-2f1d7e5b9a30");

    /// <summary>The taxonomy of the municipality's topic list: the same id in every Planwerk directory (each directory has one).</summary>
    public static readonly Guid TopicTaxonomy = Derive(Namespace, "taxonomy/topics");

    /// <summary>The taxonomy of residence situations (who may use a service): one vocabulary, the same ids everywhere.</summary>
    public static readonly Guid ResidenceTaxonomy = Derive(Namespace, "taxonomy/residence-situations");

    public static Guid Derive(Guid owner, string name)
    {
        var ownerBytes = owner.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[ownerBytes.Length + nameBytes.Length];
        ownerBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, ownerBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5 UUIDs; it is an id, not a security measure.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static string Text(Guid id) => id.ToString("D");
}

/// <summary>The residence situations as terms of <see cref="HsdsIds.ResidenceTaxonomy"/>: a service's <c>attributes</c> name the
/// situations it admits (Planwerk profile).</summary>
public static class ResidenceTerms
{
    public sealed record Term(ResidenceSituations Flag, string Code, string German, string English)
    {
        public Guid Id { get; } = HsdsIds.Derive(HsdsIds.ResidenceTaxonomy, "term/" + Code);
    }

    public static readonly IReadOnlyList<Term> All =
    [
        new(ResidenceSituations.AsylumSeekers, "asylum-seekers", "Asylsuchende", "Asylum seekers"),
        new(ResidenceSituations.ToleratedPersons, "tolerated-persons", "Geduldete", "Tolerated persons"),
        new(ResidenceSituations.RecognisedRefugees, "recognised-refugees", "Anerkannte Geflüchtete", "Recognised refugees"),
        new(ResidenceSituations.TemporaryProtection, "temporary-protection", "Vorübergehender Schutz (§ 24 AufenthG)", "Temporary protection (section 24 Residence Act)"),
        new(ResidenceSituations.EuCitizens, "eu-citizens", "EU-Bürgerinnen und -Bürger", "EU citizens"),
        new(ResidenceSituations.OtherMigrants, "other-migrants", "Weitere Zugewanderte", "Other migrants"),
    ];

    public static Term? Find(Guid id) => All.FirstOrDefault(t => t.Id == id);
}
