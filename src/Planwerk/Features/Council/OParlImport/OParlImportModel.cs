using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Council.OParlImport;

/// <summary>The import's own tables: followed papers and the links of imported objects to their source. Nothing is
/// added to the council's tables.</summary>
internal static class OParlImportModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<FollowedPaper>(e =>
        {
            e.Property(f => f.PaperUrl).HasMaxLength(FollowedPaper.MaxUrlLength);
            e.Property(f => f.EndpointUrl).HasMaxLength(FollowedPaper.MaxUrlLength);
            e.Property(f => f.LastError).HasMaxLength(FollowedPaper.MaxMessageLength);
            e.Property(f => f.LastSyncedAt).AsUtc();
            e.Property(f => f.CreatedAt).AsUtc();
            e.Property(f => f.ModifiedAt).AsUtc();
            e.HasOne(f => f.Paper).WithMany().HasForeignKey(f => f.PaperId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(f => f.PaperId).IsUnique();
            e.HasIndex(f => new { f.MunicipalityId, f.PaperUrl }).IsUnique();
        });

        builder.Entity<ImportedCouncilObject>(e =>
        {
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.OParlId).HasMaxLength(FollowedPaper.MaxUrlLength);
            e.Property(o => o.SourceModified).AsUtc();
            e.HasIndex(o => new { o.MunicipalityId, o.Kind, o.LocalId }).IsUnique();
            e.HasIndex(o => new { o.MunicipalityId, o.Kind, o.OParlId }).IsUnique();
        });
    }
}
