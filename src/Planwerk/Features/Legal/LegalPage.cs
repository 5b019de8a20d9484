using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Planwerk.Data;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Legal;

/// <summary>The legal pages every German public body's site must have.</summary>
public enum LegalPageKind
{
    /// <summary>Impressum (§ 5 DDG, § 18 MStV).</summary>
    Imprint = 1,
    /// <summary>Datenschutzerklärung (Art. 13 and 14 GDPR).</summary>
    Privacy = 2,
    /// <summary>Erklärung zur Barrierefreiheit (§ 12b BGG, BITV 2.0, and the state laws for municipalities).</summary>
    Accessibility = 3,
}

/// <summary>A municipality's text of one legal page, in Markdown, written by its administrators. Until one is
/// saved, the page shows <see cref="LegalTexts.Starting"/>. The stamps say when it was last changed (the
/// accessibility statement must show that); the version guards against two administrators overwriting each other.</summary>
public sealed class LegalPage : IMunicipalityOwned, IVersioned, ITimestamped
{
    public const int MaxBodyLength = 100_000;
    public const int MaxChangedByLength = 200;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public LegalPageKind Kind { get; set; }
    public required string Body { get; set; }
    /// <summary>The display name of who saved it last.</summary>
    public string ChangedBy { get; set; } = "";
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
}

public sealed class LegalPageConfiguration : IEntityTypeConfiguration<LegalPage>
{
    public void Configure(EntityTypeBuilder<LegalPage> builder)
    {
        var e = builder;
        e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Body).HasMaxLength(LegalPage.MaxBodyLength);
        e.Property(p => p.ChangedBy).HasMaxLength(LegalPage.MaxChangedByLength);
        e.Property(p => p.CreatedAt).AsUtc();
        e.Property(p => p.ModifiedAt).AsUtc();
        e.HasIndex(p => new { p.MunicipalityId, p.Kind }).IsUnique();
    }
}

/// <summary>The addresses of the legal pages: German words, as a German visitor expects them.</summary>
public static class LegalPaths
{
    /// <summary>The route constraint matching the three path segments.</summary>
    public const string Constraint = "regex(^(impressum|datenschutz|barrierefreiheit)$)";

    public static readonly IReadOnlyList<LegalPageKind> All = [LegalPageKind.Imprint, LegalPageKind.Privacy, LegalPageKind.Accessibility];

    public static string Segment(LegalPageKind kind) => kind switch
    {
        LegalPageKind.Imprint => "impressum",
        LegalPageKind.Privacy => "datenschutz",
        LegalPageKind.Accessibility => "barrierefreiheit",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static LegalPageKind? KindOf(string? segment) => All.Cast<LegalPageKind?>().FirstOrDefault(k => Segment(k!.Value) == segment);

    /// <summary>The page's name, a German key of the interface's texts.</summary>
    public static string Title(LegalPageKind kind) => kind switch
    {
        LegalPageKind.Imprint => "Impressum",
        LegalPageKind.Privacy => "Datenschutzerklärung",
        LegalPageKind.Accessibility => "Erklärung zur Barrierefreiheit",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Public(string municipality, LegalPageKind kind) => "/" + municipality + "/" + Segment(kind);

    public static string Manage(string municipality, LegalPageKind kind) => "/" + municipality + "/manage/legal/" + Segment(kind);
}
