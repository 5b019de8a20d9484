using Planwerk.Features.Implementation;
using Planwerk.Features.Plans;

namespace Planwerk.Tests.Features.Implementation;

/// <summary>The roll-up of progress and status, by plain average and by weight.</summary>
public sealed class RollUpTests
{
    private static readonly RollUpMeasure[] Measures =
    [
        new(1, MeasureStatus.Completed, 100, 3m),
        new(1, MeasureStatus.InProgress, 40, 1m),
        new(1, MeasureStatus.Discontinued, 10, 5m),
        new(2, MeasureStatus.NotStarted, 0, 1m),
        new(2, MeasureStatus.InProgress, 50, 0m),
    ];

    [Fact]
    public void The_average_counts_every_measure_alike_and_leaves_discontinued_ones_out()
    {
        var result = RollUp.Compute(Measures, RollUpMethod.Average);
        Assert.Equal((100 + 40 + 0 + 50) / 4.0, result.Plan.Progress);
        Assert.Equal((5, 4), (result.Plan.Count, result.Plan.CountedForProgress));
        Assert.Equal(70.0, result.Field(1).Progress);
        Assert.Equal(25.0, result.Field(2).Progress);
        Assert.Equal([1, 2, 1, 0, 1], result.Plan.ByStatus.Select(s => s.Count));
        Assert.Equal(1, result.Field(1).CountOf(MeasureStatus.Discontinued));
    }

    [Fact]
    public void The_weighted_progress_counts_each_measure_by_its_weight_and_a_weight_of_zero_not_at_all()
    {
        var result = RollUp.Compute(Measures, RollUpMethod.Weighted);
        Assert.Equal((100 * 3 + 40 * 1 + 0 * 1) / 5.0, result.Plan.Progress!.Value, 6);
        Assert.Equal(85.0, result.Field(1).Progress);
        Assert.Equal(0.0, result.Field(2).Progress);
        Assert.Equal(3, result.Plan.CountedForProgress);
    }

    [Fact]
    public void A_field_without_counted_measures_has_no_progress_rather_than_zero()
    {
        var result = RollUp.Compute([new(7, MeasureStatus.Discontinued, 30, 1m)], RollUpMethod.Average);
        Assert.Null(result.Field(7).Progress);
        Assert.Null(result.Field(99).Progress);
        Assert.Equal(0, result.Field(99).Count);
    }
}
