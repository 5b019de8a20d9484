namespace Planwerk.Features.Implementation.Indicators;

/// <summary>The German words (SharedResource keys) for where an indicator stands, so no page needs colour to say it.</summary>
public static class IndicatorText
{
    public static string State(TrackState state) => state switch
    {
        TrackState.TargetReached => "Ziel erreicht",
        TrackState.OnTrack => "auf Kurs",
        TrackState.Behind => "hinter dem Kurs",
        _ => "noch keine Werte",
    };

    public static string Direction(IndicatorDirection direction) => direction == IndicatorDirection.LowerIsBetter
        ? "niedriger ist besser"
        : "höher ist besser";
}
