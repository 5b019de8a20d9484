namespace Planwerk.Features.Plans;

/// <summary>One step of a breadcrumb trail; the last step is the current page and has no link.</summary>
public sealed record Breadcrumb(string Text, string? Href = null);

/// <summary>The model of the measure table partial.</summary>
public sealed record MeasureTable(string Caption, IReadOnlyList<MeasureRow> Measures, string PlanUrl)
{
    /// <summary>Added to each measure's link ("?stand=aktuell" in the working state of an adopted plan).</summary>
    public string Query { get; init; } = "";
}
