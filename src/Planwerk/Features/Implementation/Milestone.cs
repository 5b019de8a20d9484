using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Implementation;

/// <summary>A dated step of carrying out a measure ("Sprachkursangebot ausgeschrieben", due 30.06.2020). It is
/// overdue while it is not done and its due date has passed. Changes are recorded in the measure's history.</summary>
public sealed class Milestone : IMunicipalityOwned, IVersioned
{
    public const int MaxTitleLength = 300;
    public const int MaxNoteLength = 2000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int MeasureId { get; set; }
    public Measure? Measure { get; set; }
    public required string Title { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>When it was reached; null while it is open.</summary>
    public DateOnly? DoneOn { get; set; }
    /// <summary>Plain text.</summary>
    public string Note { get; set; } = "";
    public int Version { get; set; }

    /// <summary>Open and due before <paramref name="today"/>.</summary>
    public static bool IsOverdue(DateOnly dueOn, DateOnly? doneOn, DateOnly today) => doneOn is null && dueOn < today;
}

public sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(Milestone.MaxTitleLength);
        builder.Property(m => m.Note).HasMaxLength(Milestone.MaxNoteLength);
        builder.HasOne(m => m.Measure).WithMany().HasForeignKey(m => m.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.MeasureId, m.DueOn });
    }
}
