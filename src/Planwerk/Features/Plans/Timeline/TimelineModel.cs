using Microsoft.EntityFrameworkCore;

namespace Planwerk.Features.Plans.Timeline;

/// <summary>The database shape of the plan's timeline: the plan team's entries, each possibly pointing to a
/// round, a workshop, a council paper or a meeting.</summary>
internal static class TimelineModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<TimelineEntry>(e =>
        {
            e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.StartPrecision).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.EndPrecision).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.Title).HasMaxLength(TimelineEntry.MaxTitleLength);
            e.Property(t => t.Activities).HasMaxLength(TimelineEntry.MaxActivitiesLength);
            e.HasOne(t => t.Plan).WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(t => t.Round).WithMany().HasForeignKey(t => t.RoundId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(t => t.Workshop).WithMany().HasForeignKey(t => t.WorkshopId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(t => t.Paper).WithMany().HasForeignKey(t => t.PaperId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(t => t.Meeting).WithMany().HasForeignKey(t => t.MeetingId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(t => new { t.PlanId, t.StartDate });
        });
    }
}
