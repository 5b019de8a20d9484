using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Implementation;

/// <summary>What an organisation does in carrying out a measure.</summary>
public enum MeasureOrganisationRole
{
    /// <summary>Federführung: at most one per measure.</summary>
    Lead,
    Partner,
}

/// <summary>An organisation of the municipality's registry (<see cref="Stakeholder"/>) that carries out a measure: its
/// lead or one of its partners. Changes are recorded in the measure's history as the fields "Lead" and "Partners".</summary>
public sealed class MeasureOrganisation : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int MeasureId { get; set; }
    public Measure? Measure { get; set; }
    public int OrganisationId { get; set; }
    public Stakeholder? Organisation { get; set; }
    public MeasureOrganisationRole Role { get; set; }
    /// <summary>Order among the measure's partners (0 for the lead).</summary>
    public int Position { get; set; }

    /// <summary>Partners in a text (import, export, versions): names separated by semicolons or line breaks.</summary>
    public const string PartnerSeparator = "; ";

    public static List<string> SplitPartners(string? text) =>
        (text ?? "").Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static string JoinPartners(IEnumerable<string> names) => string.Join(PartnerSeparator, names);
}

/// <summary>Sets who carries out a measure, on its loaded <see cref="Measure.Organisations"/>.</summary>
public static class MeasureOrganisations
{
    /// <summary>Makes <paramref name="lead"/> the lead and <paramref name="partners"/> the partners in this order, by id
    /// (organisations of the registry). A partner that is also the lead is left out.</summary>
    public static void Assign(Measure measure, int? lead, IReadOnlyList<int> partners) =>
        Assign(measure, Wanted(lead is int l ? [l] : [], partners.Where(p => p != lead).Distinct()),
            (link, id) => link.OrganisationId == id, id => new MeasureOrganisation { OrganisationId = id });

    /// <summary>The same with organisations that may not be saved yet (an import that creates them).</summary>
    public static void Assign(Measure measure, Stakeholder? lead, IReadOnlyList<Stakeholder> partners) =>
        Assign(measure, Wanted(lead is null ? [] : [lead], partners.Where(p => p != lead).Distinct()),
            (link, s) => ReferenceEquals(link.Organisation, s) || (s.Id != 0 && link.OrganisationId == s.Id),
            s => s.Id != 0 ? new MeasureOrganisation { OrganisationId = s.Id } : new MeasureOrganisation { Organisation = s });

    private static List<(T Organisation, MeasureOrganisationRole Role, int Position)> Wanted<T>(IEnumerable<T> lead, IEnumerable<T> partners) =>
        [.. lead.Select(l => (l, MeasureOrganisationRole.Lead, 0)), .. partners.Select((p, i) => (p, MeasureOrganisationRole.Partner, i + 1))];

    private static void Assign<T>(Measure measure, List<(T Organisation, MeasureOrganisationRole Role, int Position)> wanted,
        Func<MeasureOrganisation, T, bool> isOf, Func<T, MeasureOrganisation> link)
    {
        // A link whose role changes is deleted and added anew: the save deletes before it inserts, so the unique
        // indexes (one lead; an organisation once per measure) hold at every step, even when lead and partner swap.
        measure.Organisations.RemoveAll(o => !wanted.Any(w => w.Role == o.Role && isOf(o, w.Organisation)));
        foreach (var (organisation, role, position) in wanted)
        {
            if (measure.Organisations.FirstOrDefault(o => isOf(o, organisation)) is { } kept)
            {
                if (kept.Position != position) kept.Position = position;
                continue;
            }
            var added = link(organisation);
            added.Role = role;
            added.Position = position;
            measure.Organisations.Add(added);
        }
    }
}

public sealed class MeasureOrganisationConfiguration : IEntityTypeConfiguration<MeasureOrganisation>
{
    public void Configure(EntityTypeBuilder<MeasureOrganisation> builder)
    {
        builder.Property(o => o.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(o => o.Measure).WithMany(m => m.Organisations).HasForeignKey(o => o.MeasureId).OnDelete(DeleteBehavior.Cascade);
        // An organisation that carries out measures is not deleted from under them.
        builder.HasOne(o => o.Organisation).WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.MeasureId, o.OrganisationId }).IsUnique();
        // One lead per measure; the same SQL on SQLite and PostgreSQL.
        builder.HasIndex(o => o.MeasureId).IsUnique().HasFilter("\"Role\" = 'Lead'").HasDatabaseName("IX_MeasureOrganisations_MeasureId_Lead");
        builder.HasIndex(o => o.OrganisationId);
    }
}
