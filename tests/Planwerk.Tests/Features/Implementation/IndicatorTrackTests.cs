using Planwerk.Features.Implementation;

namespace Planwerk.Tests.Features.Implementation;

/// <summary>Whether an indicator is on track against the straight path from its baseline to its target.</summary>
public sealed class IndicatorTrackTests
{
    private static readonly DateOnly BaselineOn = new(2020, 1, 1);
    private static readonly DateOnly TargetOn = BaselineOn.AddDays(1000);

    private static IndicatorTrackResult Higher(params IndicatorPoint[] values) =>
        IndicatorTrack.Of(IndicatorDirection.HigherIsBetter, BaselineOn, 100m, TargetOn, 300m, values);

    private static IndicatorTrackResult Lower(params IndicatorPoint[] values) =>
        IndicatorTrack.Of(IndicatorDirection.LowerIsBetter, BaselineOn, 20m, TargetOn, 4m, values);

    private static IndicatorPoint P(DateOnly on, decimal value) => new(on, value);

    private static DateOnly Halfway => BaselineOn.AddDays((TargetOn.DayNumber - BaselineOn.DayNumber) / 2);

    [Fact]
    public void An_indicator_without_values_says_so_and_expects_nothing()
    {
        var result = Higher();
        Assert.Equal(new IndicatorTrackResult(TrackState.NoValues, null, null), result);
    }

    [Fact]
    public void Halfway_between_the_dates_the_expected_value_lies_halfway_between_baseline_and_target()
    {
        Assert.Equal(200m, IndicatorTrack.Expected(BaselineOn, 100m, TargetOn, 300m, Halfway));
        Assert.Equal(12m, IndicatorTrack.Expected(BaselineOn, 20m, TargetOn, 4m, Halfway));
    }

    [Fact]
    public void A_value_as_good_as_expected_is_on_track_and_a_worse_one_behind()
    {
        Assert.Equal(TrackState.OnTrack, Higher(P(Halfway, 200m)).State);
        Assert.Equal(TrackState.OnTrack, Higher(P(Halfway, 250m)).State);
        var behind = Higher(P(Halfway, 199.9m));
        Assert.Equal(TrackState.Behind, behind.State);
        Assert.Equal(200m, behind.Expected);
        Assert.Equal(new IndicatorPoint(Halfway, 199.9m), behind.Latest);
    }

    [Fact]
    public void Lower_is_better_turns_the_comparison_round()
    {
        Assert.Equal(TrackState.OnTrack, Lower(P(Halfway, 12m)).State);
        Assert.Equal(TrackState.OnTrack, Lower(P(Halfway, 10m)).State);
        Assert.Equal(TrackState.Behind, Lower(P(Halfway, 12.1m)).State);
        Assert.Equal(TrackState.TargetReached, Lower(P(Halfway, 4m)).State);
        Assert.Equal(TrackState.TargetReached, Lower(P(Halfway, 3m)).State);
    }

    [Fact]
    public void Only_the_latest_value_by_date_counts_whatever_the_order_given()
    {
        var result = Higher(P(Halfway, 120m), P(BaselineOn.AddDays(10), 500m));
        Assert.Equal(TrackState.Behind, result.State);
        Assert.Equal(Halfway, result.Latest!.On);
    }

    [Fact]
    public void Of_two_values_on_the_same_day_the_one_entered_last_counts()
    {
        Assert.Equal(TrackState.OnTrack, Higher(P(Halfway, 100m), P(Halfway, 210m)).State);
    }

    [Fact]
    public void Before_the_baseline_date_the_baseline_is_expected()
    {
        var before = BaselineOn.AddYears(-1);
        Assert.Equal(100m, Higher(P(before, 150m)).Expected);
        Assert.Equal(TrackState.OnTrack, Higher(P(before, 100m)).State);
        Assert.Equal(TrackState.Behind, Higher(P(before, 99m)).State);
    }

    [Fact]
    public void After_the_target_date_the_target_is_expected_and_anything_short_of_it_is_behind()
    {
        var after = TargetOn.AddYears(2);
        var result = Higher(P(after, 299m));
        Assert.Equal(300m, result.Expected);
        Assert.Equal(TrackState.Behind, result.State);
        Assert.Equal(TrackState.TargetReached, Higher(P(after, 300m)).State);
    }

    [Fact]
    public void Reaching_the_target_early_says_target_reached_rather_than_on_track()
    {
        Assert.Equal(TrackState.TargetReached, Higher(P(BaselineOn.AddDays(1), 300m)).State);
    }

    [Fact]
    public void When_baseline_and_target_are_the_same_value_holding_it_reaches_the_target_and_falling_below_is_behind()
    {
        IndicatorTrackResult Hold(decimal value) =>
            IndicatorTrack.Of(IndicatorDirection.HigherIsBetter, BaselineOn, 50m, TargetOn, 50m, [new(Halfway, value)]);
        Assert.Equal(50m, Hold(50m).Expected);
        Assert.Equal(TrackState.TargetReached, Hold(50m).State);
        Assert.Equal(TrackState.Behind, Hold(49m).State);
    }

    [Fact]
    public void On_the_baseline_and_target_dates_the_path_gives_exactly_baseline_and_target()
    {
        Assert.Equal(100m, IndicatorTrack.Expected(BaselineOn, 100m, TargetOn, 300m, BaselineOn));
        Assert.Equal(300m, IndicatorTrack.Expected(BaselineOn, 100m, TargetOn, 300m, TargetOn));
    }

    [Fact]
    public void Dates_that_do_not_run_forward_expect_the_target_rather_than_dividing_by_zero()
    {
        Assert.Equal(300m, IndicatorTrack.Expected(BaselineOn, 100m, BaselineOn, 300m, BaselineOn));
        Assert.Equal(300m, IndicatorTrack.Expected(TargetOn, 100m, BaselineOn, 300m, Halfway));
    }
}
