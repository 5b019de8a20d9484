using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Implementation;

/// <summary>A measurable sign of whether the plan works ("Anteil der Geflüchteten in eigener Wohnung", in per cent, from
/// the social office's statistics): it belongs to the plan, to one of its fields of action or to one of its measures;
/// it has a baseline and a target, each with its date, and dated values. <see cref="IndicatorTrack"/> says whether the
/// latest value is on track. Changes of an indicator and of its values are recorded in the plan's history.</summary>
public sealed class Indicator : IMunicipalityOwned, IVersioned
{
    public const int MaxNameLength = 300;
    public const int MaxDefinitionLength = 4000;
    public const int MaxUnitLength = 50;
    public const int MaxSourceLength = 500;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    /// <summary>Set when the indicator belongs to a field of action (and not to a measure).</summary>
    public int? FieldOfActionId { get; set; }
    public FieldOfAction? FieldOfAction { get; set; }
    /// <summary>Set when the indicator belongs to a measure.</summary>
    public int? MeasureId { get; set; }
    public Measure? Measure { get; set; }
    public required string Name { get; set; }
    /// <summary>Plain text: what is counted, how, and what it means.</summary>
    public string Definition { get; set; } = "";
    /// <summary>"%", "Personen", "Tage"; may be empty for a plain number.</summary>
    public string Unit { get; set; } = "";
    /// <summary>Where the values come from, by default (a value may name its own).</summary>
    public string Source { get; set; } = "";
    public IndicatorDirection Direction { get; set; }
    public decimal BaselineValue { get; set; }
    public DateOnly BaselineOn { get; set; }
    public decimal TargetValue { get; set; }
    public DateOnly TargetOn { get; set; }
    /// <summary>The order within the plan (lists show plan indicators first, then by field and measure).</summary>
    public int Position { get; set; }
    /// <summary>Set when the indicator takes its values from a dataset's series instead of typed values: the dataset's
    /// observations (of <see cref="DatasetCategoryId"/>, or those without a category when empty) are its values.</summary>
    public int? DatasetId { get; set; }
    public Statistics.StatisticsDataset? Dataset { get; set; }
    public int? DatasetCategoryId { get; set; }
    public Statistics.StatisticsCategory? DatasetCategory { get; set; }
    public int Version { get; set; }

    public List<IndicatorValue> Values { get; set; } = [];
}

/// <summary>One measured value of an indicator on a day, with where it comes from and a note.</summary>
public sealed class IndicatorValue : IMunicipalityOwned, IVersioned
{
    public const int MaxNoteLength = 1000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public DateOnly On { get; set; }
    public decimal Value { get; set; }
    public string Note { get; set; } = "";
    public string Source { get; set; } = "";
    public int Version { get; set; }
}

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(Indicator.MaxNameLength);
        builder.Property(i => i.Definition).HasMaxLength(Indicator.MaxDefinitionLength);
        builder.Property(i => i.Unit).HasMaxLength(Indicator.MaxUnitLength);
        builder.Property(i => i.Source).HasMaxLength(Indicator.MaxSourceLength);
        builder.Property(i => i.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.BaselineValue).HasPrecision(18, 4);
        builder.Property(i => i.TargetValue).HasPrecision(18, 4);
        builder.HasOne(i => i.Plan).WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.FieldOfAction).WithMany().HasForeignKey(i => i.FieldOfActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Measure).WithMany().HasForeignKey(i => i.MeasureId).OnDelete(DeleteBehavior.Cascade);
        // A dataset in use by an indicator cannot be deleted until the indicator lets go of it (the page says which).
        builder.HasOne(i => i.Dataset).WithMany().HasForeignKey(i => i.DatasetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.DatasetCategory).WithMany().HasForeignKey(i => i.DatasetCategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.PlanId, i.Position });
        builder.HasIndex(i => new { i.PlanId, i.Name }).IsUnique();
    }
}

public sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.Property(v => v.Value).HasPrecision(18, 4);
        builder.Property(v => v.Note).HasMaxLength(IndicatorValue.MaxNoteLength);
        builder.Property(v => v.Source).HasMaxLength(Indicator.MaxSourceLength);
        builder.HasOne(v => v.Indicator).WithMany(i => i.Values).HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.IndicatorId, v.On });
    }
}
