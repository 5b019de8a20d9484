using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Sections;
using Planwerk.Features.Plans.Versions;

namespace Planwerk.Features.Plans;

/// <summary>The database shape of plans: the plan and its principles, fields, measures and districts, its
/// history, sections, images and named versions.</summary>
internal static class PlanModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Plan>(e =>
        {
            e.Property(p => p.Title).HasMaxLength(300);
            e.Property(p => p.State).HasConversion<string>().HasMaxLength(40);
            e.Property(p => p.RollUpMethod).HasConversion<string>().HasMaxLength(20);
            e.HasOne(p => p.Predecessor).WithMany().HasForeignKey(p => p.PredecessorId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(p => p.MunicipalityId);
        });

        builder.Entity<Principle>(e =>
        {
            e.Property(p => p.Title).HasMaxLength(500);
            e.HasOne(p => p.Plan).WithMany(p => p.Principles).HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(p => new { p.PlanId, p.Position });
        });

        builder.Entity<FieldOfAction>(e =>
        {
            e.Property(f => f.Title).HasMaxLength(300);
            e.HasOne(f => f.Plan).WithMany(p => p.Fields).HasForeignKey(f => f.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(f => new { f.PlanId, f.Number }).IsUnique();
        });

        builder.Entity<District>(e =>
        {
            e.Property(d => d.Name).HasMaxLength(200);
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
            e.HasIndex(d => new { d.MunicipalityId, d.Name }).IsUnique();
        });

        builder.Entity<Measure>(e =>
        {
            e.Property(m => m.Number).HasMaxLength(20);
            e.Property(m => m.Title).HasMaxLength(500);
            e.Property(m => m.TargetGroups).HasMaxLength(2000);
            e.Property(m => m.Funding).HasMaxLength(2000);
            e.Property(m => m.EstimatedCost).HasPrecision(14, 2);
            e.Property(m => m.Weight).HasPrecision(8, 2);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.Priority).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.OutcomeText).HasMaxLength(Measure.MaxOutcomeTextLength);
            // Deleting the earlier plan leaves the continuing measures without their origin.
            e.HasOne(m => m.CarriedFrom).WithMany().HasForeignKey(m => m.CarriedFromMeasureId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(m => m.CarriedFromMeasureId);
            // A measure is carried into a plan at most once.
            e.HasIndex(m => new { m.PlanId, m.CarriedFromMeasureId }).IsUnique();
            e.HasOne(m => m.Plan).WithMany(p => p.Measures).HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
            // Deleting a field with measures is refused by the page; the database backs that up.
            e.HasOne(m => m.FieldOfAction).WithMany(f => f.Measures).HasForeignKey(m => m.FieldOfActionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.PlanId, m.Number }).IsUnique();
            e.HasIndex(m => new { m.PlanId, m.Key }).IsUnique();
            e.HasIndex(m => new { m.FieldOfActionId, m.Position });
            e.HasMany(m => m.Principles).WithMany(p => p.Measures).UsingEntity("MeasurePrinciples");
            e.HasMany(m => m.Districts).WithMany(d => d.Measures).UsingEntity("MeasureDistricts");
        });

        builder.Entity<ChangeRecord>(e =>
        {
            // No foreign key to the plan or the changed row: the history outlives what it describes.
            e.Property(c => c.EntityType).HasMaxLength(40);
            e.Property(c => c.EntityLabel).HasMaxLength(1000);
            e.Property(c => c.Action).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.At).AsUtc();
            e.Property(c => c.UserId).HasMaxLength(450);
            e.Property(c => c.UserName).HasMaxLength(300);
            e.Property(c => c.Reason).HasMaxLength(ChangeRecord.MaxReasonLength);
            e.HasIndex(c => new { c.PlanId, c.At });
            e.HasIndex(c => new { c.EntityType, c.EntityId });
            e.HasIndex(c => c.UserId);
            e.HasIndex(c => c.MunicipalityId);
            e.HasMany(c => c.Fields).WithOne(f => f.ChangeRecord).HasForeignKey(f => f.ChangeRecordId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ChangeRecordField>(e => e.Property(f => f.Field).HasMaxLength(100));

        builder.Entity<PlanSection>(e =>
        {
            e.Property(s => s.Title).HasMaxLength(PlanSection.MaxTitleLength);
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasOne(s => s.Plan).WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => new { s.PlanId, s.Position });
        });

        builder.Entity<PlanSectionDataset>(e =>
        {
            e.HasOne(l => l.Section).WithMany(s => s.Datasets).HasForeignKey(l => l.SectionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(l => l.Dataset).WithMany().HasForeignKey(l => l.DatasetId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(l => new { l.SectionId, l.DatasetId }).IsUnique();
            e.HasIndex(l => l.DatasetId);
        });

        builder.Entity<PlanImage>(e =>
        {
            e.Property(i => i.FileName).HasMaxLength(PlanImage.MaxFileNameLength);
            e.Property(i => i.ContentType).HasMaxLength(100);
            e.Property(i => i.AltText).HasMaxLength(PlanImage.MaxAltTextLength);
            e.HasOne(i => i.Plan).WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(i => new { i.PlanId, i.Number }).IsUnique();
        });

        builder.Entity<PlanVersion>(e =>
        {
            e.Property(v => v.Name).HasMaxLength(PlanVersion.MaxNameLength);
            e.Property(v => v.Note).HasMaxLength(PlanVersion.MaxNoteLength).HasDefaultValue("");
            e.Property(v => v.CreatedByUserId).HasMaxLength(450);
            e.Property(v => v.CreatedByName).HasMaxLength(300);
            e.HasOne(v => v.Plan).WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(v => new { v.PlanId, v.Name }).IsUnique();
        });

        builder.Entity<PlanVersionPart>(e =>
        {
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasOne(p => p.Version).WithMany(v => v.Parts).HasForeignKey(p => p.VersionId).OnDelete(DeleteBehavior.Cascade);
            // Unique: two instances filling a version's parts at start-up cannot both write them.
            e.HasIndex(p => new { p.VersionId, p.Kind, p.Position }).IsUnique();
            e.HasIndex(p => new { p.VersionId, p.Kind, p.Key });
        });
    }
}
