using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Implementation;

/// <summary>A span of a plan's years on which the offices report ("2019, 2. Halbjahr": 01.07.2019–31.12.2019, reports due
/// 15.02.2020). A plan's periods do not overlap; each has a name unique within its plan.</summary>
public sealed class ReportingPeriod : IMunicipalityOwned, IVersioned
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public required string Name { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>The day by which the reports of this period are due.</summary>
    public DateOnly DueOn { get; set; }
    public int Version { get; set; }

    /// <summary>Whether the two spans share a day.</summary>
    public static bool Overlap(DateOnly startA, DateOnly endA, DateOnly startB, DateOnly endB) => startA <= endB && startB <= endA;
}

/// <summary>Where a period stands on a day: to come, running, or over (reports due or overdue).</summary>
public enum ReportingPeriodState
{
    Coming,
    Running,
    Over,
}

public static class ReportingPeriodStates
{
    public static ReportingPeriodState On(DateOnly startsOn, DateOnly endsOn, DateOnly today) =>
        today < startsOn ? ReportingPeriodState.Coming : today <= endsOn ? ReportingPeriodState.Running : ReportingPeriodState.Over;
}

public sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(ReportingPeriod.MaxNameLength);
        builder.HasOne(p => p.Plan).WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.PlanId, p.Name }).IsUnique();
        builder.HasIndex(p => new { p.PlanId, p.StartsOn });
    }
}
