using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Pathways;

/// <summary>The pathways' tables. Every row belongs to a municipality; <c>Uid</c>s and codes are unique within one.</summary>
public static class PathwaysModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Pathway>(e =>
        {
            e.Property(p => p.Code).HasMaxLength(Pathway.MaxCodeLength);
            e.Property(p => p.Title).HasMaxLength(Pathway.MaxTitleLength);
            e.Property(p => p.Summary).HasMaxLength(Pathway.MaxTextLength);
            e.Property(p => p.Children).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.CreatedAt).AsUtc();
            e.Property(p => p.ModifiedAt).AsUtc();
            e.HasOne(p => p.CurrentPublication).WithMany().HasForeignKey(p => p.CurrentPublicationId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(p => new { p.MunicipalityId, p.Uid }).IsUnique();
            e.HasIndex(p => new { p.MunicipalityId, p.Code }).IsUnique();
            e.HasIndex(p => p.CurrentPublicationId);
        });
        builder.Entity<PathwayStage>(e =>
        {
            e.Property(s => s.Title).HasMaxLength(Pathway.MaxTitleLength);
            e.Property(s => s.Summary).HasMaxLength(Pathway.MaxTextLength);
            e.HasOne(s => s.Pathway).WithMany(p => p.Stages).HasForeignKey(s => s.PathwayId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => new { s.MunicipalityId, s.Uid }).IsUnique();
            e.HasIndex(s => new { s.PathwayId, s.Position });
        });
        builder.Entity<PathwayStep>(e =>
        {
            e.Property(s => s.Title).HasMaxLength(Pathway.MaxTitleLength);
            e.Property(s => s.WhatToDo).HasMaxLength(Pathway.MaxTextLength);
            e.Property(s => s.Why).HasMaxLength(Pathway.MaxTextLength);
            e.Property(s => s.DocumentsToBring).HasMaxLength(Pathway.MaxTextLength);
            e.Property(s => s.Deadlines).HasMaxLength(Pathway.MaxTextLength);
            e.Property(s => s.WaitingTime).HasMaxLength(Pathway.MaxTextLength);
            e.Property(s => s.Tips).HasMaxLength(Pathway.MaxTextLength);
            e.Property(s => s.Children).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.CreatedAt).AsUtc();
            e.Property(s => s.ModifiedAt).AsUtc();
            e.HasIndex(s => new { s.MunicipalityId, s.Uid }).IsUnique();
        });
        builder.Entity<PathwayStageStep>(e =>
        {
            e.HasOne(l => l.Stage).WithMany(s => s.Steps).HasForeignKey(l => l.StageId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(l => l.Step).WithMany(s => s.Uses).HasForeignKey(l => l.StepId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(l => new { l.StageId, l.StepId }).IsUnique();
            e.HasIndex(l => l.StepId);
        });
        builder.Entity<PathwayStepService>(e =>
        {
            e.HasOne(l => l.Step).WithMany(s => s.Services).HasForeignKey(l => l.StepId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(l => l.Service).WithMany().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(l => new { l.StepId, l.ServiceId }).IsUnique();
            e.HasIndex(l => l.ServiceId);
        });
        builder.Entity<PathwayStepMeasure>(e =>
        {
            e.HasOne(l => l.Step).WithMany(s => s.Measures).HasForeignKey(l => l.StepId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(l => l.Measure).WithMany().HasForeignKey(l => l.MeasureId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(l => new { l.StepId, l.MeasureId }).IsUnique();
            e.HasIndex(l => l.MeasureId);
        });
        builder.Entity<PathwayPublication>(e =>
        {
            e.Property(p => p.PublishedAt).AsUtc();
            e.Property(p => p.PublishedById).HasMaxLength(450);
            e.Property(p => p.PublishedByName).HasMaxLength(200);
            e.HasOne(p => p.Pathway).WithMany().HasForeignKey(p => p.PathwayId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(p => new { p.PathwayId, p.Number }).IsUnique();
        });
        builder.Entity<StepFeedback>(e =>
        {
            e.Property(f => f.Problem).HasConversion<string>().HasMaxLength(30);
            e.Property(f => f.State).HasConversion<string>().HasMaxLength(20);
            e.Property(f => f.Text).HasMaxLength(StepFeedback.MaxTextLength);
            e.Property(f => f.Language).HasMaxLength(Services.ContentLanguage.MaxCodeLength);
            e.Property(f => f.ModeratedByName).HasMaxLength(200);
            e.Property(f => f.CreatedAt).AsUtc();
            e.Property(f => f.ModeratedAt).AsUtc();
            e.HasOne(f => f.Step).WithMany().HasForeignKey(f => f.StepId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(f => f.Pathway).WithMany().HasForeignKey(f => f.PathwayId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(f => new { f.StepId, f.State });
            e.HasIndex(f => new { f.MunicipalityId, f.State, f.CreatedAt });
            e.HasIndex(f => f.PathwayId);
        });
    }
}
