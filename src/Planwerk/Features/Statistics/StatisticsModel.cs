using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Statistics;

/// <summary>The statistics tables. Codes are unique within a municipality; an observation is unique per dataset,
/// category and period (the index without a category covers datasets that have none).</summary>
public static class StatisticsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<StatisticsDataset>(e =>
        {
            e.Property(d => d.Code).HasMaxLength(StatisticsDataset.MaxCodeLength);
            e.Property(d => d.Title).HasMaxLength(StatisticsDataset.MaxTitleLength);
            e.Property(d => d.Description).HasMaxLength(StatisticsDataset.MaxDescriptionLength);
            e.Property(d => d.Unit).HasMaxLength(StatisticsDataset.MaxUnitLength);
            e.Property(d => d.SourceName).HasMaxLength(StatisticsDataset.MaxSourceLength);
            e.Property(d => d.SourceUrl).HasMaxLength(StatisticsDataset.MaxUrlLength);
            e.Property(d => d.Licence).HasMaxLength(StatisticsDataset.MaxLicenceLength);
            e.Property(d => d.Publisher).HasMaxLength(StatisticsDataset.MaxSourceLength);
            e.Property(d => d.Keywords).HasMaxLength(StatisticsDataset.MaxKeywordsLength);
            e.Property(d => d.CategoryLabel).HasMaxLength(StatisticsDataset.MaxCategoryLabelLength);
            e.Property(d => d.Frequency).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.PeriodKind).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.ChartKind).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.CreatedAt).AsUtc();
            e.Property(d => d.ModifiedAt).AsUtc();
            e.HasIndex(d => new { d.MunicipalityId, d.Code }).IsUnique();
        });
        builder.Entity<StatisticsCategory>(e =>
        {
            e.Property(c => c.Name).HasMaxLength(StatisticsCategory.MaxNameLength);
            e.HasOne(c => c.Dataset).WithMany(d => d.Categories).HasForeignKey(c => c.DatasetId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(c => new { c.DatasetId, c.Name }).IsUnique();
        });
        builder.Entity<StatisticsObservation>(e =>
        {
            e.Property(o => o.Value).HasPrecision(18, 4);
            e.Property(o => o.Note).HasMaxLength(StatisticsObservation.MaxNoteLength);
            e.HasOne(o => o.Dataset).WithMany(d => d.Observations).HasForeignKey(o => o.DatasetId).OnDelete(DeleteBehavior.Cascade);
            // A category with figures is removed together with them (the editing code deletes both); the database checks
            // at the end of the statement, so a dataset's delete may cascade to categories and figures in any order.
            e.HasOne(o => o.Category).WithMany().HasForeignKey(o => o.CategoryId).OnDelete(DeleteBehavior.NoAction);
            e.HasIndex(o => new { o.DatasetId, o.CategoryId, o.Period }).IsUnique();
            e.HasIndex(o => new { o.DatasetId, o.Period }).IsUnique().HasFilter("\"CategoryId\" IS NULL");
        });
    }
}
