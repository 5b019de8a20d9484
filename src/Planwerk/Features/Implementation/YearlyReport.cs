using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Implementation;

/// <summary>The plan team's implementation report on one calendar year of a plan, for the council and the public. Its
/// content is computed from the reports of the reporting periods that end in that year, the milestones and the
/// indicators; what is stored is the team's foreword and whether (and when) it was published. A published report
/// appears on the plan's public timeline.</summary>
public sealed class YearlyReport : IMunicipalityOwned, IVersioned
{
    public const int MaxForewordLength = 20_000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int Year { get; set; }
    /// <summary>Markdown, rendered sanitised.</summary>
    public string Foreword { get; set; } = "";
    /// <summary>Berlin day of publication; null while it is a draft.</summary>
    public DateOnly? PublishedOn { get; set; }
    public int Version { get; set; }
}

public sealed class YearlyReportConfiguration : IEntityTypeConfiguration<YearlyReport>
{
    public void Configure(EntityTypeBuilder<YearlyReport> builder)
    {
        builder.Property(r => r.Foreword).HasMaxLength(YearlyReport.MaxForewordLength);
        builder.HasOne(r => r.Plan).WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PlanId, r.Year }).IsUnique();
    }
}
