using Planwerk.Features.Plans;

namespace Planwerk.Features.Implementation.Reports;

/// <summary>What a move does to a report, and what publishing does to its measure.</summary>
public static class ReportWorkflow
{
    /// <summary>Makes <paramref name="move"/> on the tracked report (checked with <see cref="MeasureReport.Allows"/>
    /// before): submitting notes the time, returning keeps the plan team's comment, publishing notes the time.</summary>
    public static void Apply(MeasureReport report, ReportMove move, DateTimeOffset now, string? returnComment)
    {
        report.State = MeasureReport.After(report.State, move);
        switch (move)
        {
            case ReportMove.Submit:
                report.SubmittedAt = now;
                break;
            case ReportMove.Return:
                report.ReturnComment = returnComment?.Trim() ?? "";
                break;
            case ReportMove.Publish:
                report.PublishedAt = now;
                break;
        }
    }

    /// <summary>Publishing moves the measure's live status (the kind of the report's status) and progress (the report's
    /// own, else its status's proposed one) — unless a report of a later period is published already: the newest word
    /// counts. Returns whether the measure moved.</summary>
    public static bool MoveMeasure(Measure measure, MeasureReport report, ImplementationStatus? status, bool laterPublished, DateTimeOffset now)
    {
        if (laterPublished) return false;
        var moved = false;
        if (status is not null && measure.Status != status.Kind)
        {
            measure.Status = status.Kind;
            moved = true;
        }
        if (MeasureReport.EffectiveProgress(report.Progress, status?.DefaultProgress) is int progress && measure.Progress != progress)
        {
            measure.Progress = progress;
            moved = true;
        }
        if (moved) measure.UpdatedAt = now;
        return moved;
    }
}
