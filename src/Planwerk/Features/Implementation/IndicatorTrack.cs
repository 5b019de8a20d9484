namespace Planwerk.Features.Implementation;

/// <summary>Which way an indicator gets better.</summary>
public enum IndicatorDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>Where an indicator stands against its target, said in words so it needs no colour.</summary>
public enum TrackState
{
    NoValues,
    TargetReached,
    OnTrack,
    Behind,
}

/// <summary>One measured value of an indicator on a day.</summary>
public sealed record IndicatorPoint(DateOnly On, decimal Value);

/// <summary>The latest value, the value expected on its day on the straight path from baseline to target, and what
/// follows from the two. <see cref="Latest"/> and <see cref="Expected"/> are null when there are no values yet.</summary>
public sealed record IndicatorTrackResult(TrackState State, IndicatorPoint? Latest, decimal? Expected);

/// <summary>The one place that says whether an indicator is on track. The expected value on a day lies on the straight
/// line from (baseline date, baseline) to (target date, target); before the baseline date it is the baseline, after
/// the target date the target, because the path promises nothing outside its dates. The latest value is on track when
/// it is at least as good as expected in the indicator's direction, and the target is reached when it is at least as
/// good as the target, whatever the day.</summary>
public static class IndicatorTrack
{
    public static IndicatorTrackResult Of(
        IndicatorDirection direction,
        DateOnly baselineOn,
        decimal baseline,
        DateOnly targetOn,
        decimal target,
        IEnumerable<IndicatorPoint> values)
    {
        // The latest by date; of values on the same day the last one given counts, as it was entered last.
        IndicatorPoint? latest = null;
        foreach (var value in values)
        {
            if (latest is null || value.On >= latest.On)
            {
                latest = value;
            }
        }

        if (latest is null)
        {
            return new IndicatorTrackResult(TrackState.NoValues, null, null);
        }

        var expected = Expected(baselineOn, baseline, targetOn, target, latest.On);
        var state = AtLeastAsGood(latest.Value, target, direction) ? TrackState.TargetReached
            : AtLeastAsGood(latest.Value, expected, direction) ? TrackState.OnTrack
            : TrackState.Behind;
        return new IndicatorTrackResult(state, latest, expected);
    }

    /// <summary>The value on the straight path from baseline to target on a day, held at the baseline before its date
    /// and at the target after its date (and at the target when the dates do not run forward).</summary>
    public static decimal Expected(DateOnly baselineOn, decimal baseline, DateOnly targetOn, decimal target, DateOnly on)
    {
        if (targetOn <= baselineOn || on >= targetOn)
        {
            return target;
        }

        if (on <= baselineOn)
        {
            return baseline;
        }

        var share = (decimal)(on.DayNumber - baselineOn.DayNumber) / (targetOn.DayNumber - baselineOn.DayNumber);
        return baseline + ((target - baseline) * share);
    }

    public static bool AtLeastAsGood(decimal value, decimal than, IndicatorDirection direction) =>
        direction == IndicatorDirection.HigherIsBetter ? value >= than : value <= than;
}
