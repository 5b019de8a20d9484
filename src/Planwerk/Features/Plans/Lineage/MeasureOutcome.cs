namespace Planwerk.Features.Plans.Lineage;

/// <summary>The closing assessment of a measure when its plan ends and the next plan continues it.</summary>
public enum MeasureOutcome
{
    Achieved,
    PartlyAchieved,
    NotAchieved,
    /// <summary>Carried into the next plan (the new measure names it as <see cref="Measure.CarriedFromMeasureId"/>).</summary>
    Continued,
    Dropped,
}
