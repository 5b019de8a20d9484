using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Planwerk.Features.Plans;

/// <summary>The German interface words for the plan's enumerations; they are keys of SharedResource,
/// so views pass them through the localizer.</summary>
public static class PlanText
{
    public static string State(PlanState state) => state switch
    {
        PlanState.Draft => "Entwurf",
        PlanState.InConsultation => "In Beteiligung",
        PlanState.InDeliberation => "In Beratung",
        PlanState.Adopted => "Beschlossen",
        PlanState.InImplementation => "In Umsetzung",
        PlanState.Closed => "Abgeschlossen",
        PlanState.Superseded => "Abgelöst",
        _ => state.ToString(),
    };

    public static string Status(MeasureStatus status) => status switch
    {
        MeasureStatus.NotStarted => "Nicht begonnen",
        MeasureStatus.InProgress => "In Umsetzung",
        MeasureStatus.Completed => "Abgeschlossen",
        MeasureStatus.Delayed => "Verzögert",
        MeasureStatus.Discontinued => "Eingestellt",
        _ => status.ToString(),
    };

    public static string Priority(MeasurePriority priority) => priority switch
    {
        MeasurePriority.High => "Hoch",
        MeasurePriority.Medium => "Mittel",
        MeasurePriority.Low => "Niedrig",
        _ => priority.ToString(),
    };

    public static string DistrictKind(DistrictKind kind) => kind == Plans.DistrictKind.Locality ? "Ortschaft" : "Stadtbezirk";

    /// <summary>The plan's period in the interface language: "2019–2022", "ab 2019" / "from 2019", "bis 2022" / "until 2022".</summary>
    public static string Period(int? start, int? end, IStringLocalizer localizer) => (start, end) switch
    {
        (int s, int e) when s == e => s.ToString(CultureInfo.InvariantCulture),
        (int s, int e) => string.Create(CultureInfo.InvariantCulture, $"{s}–{e}"),
        (int s, null) => localizer["ab {0}", s.ToString(CultureInfo.InvariantCulture)],
        (null, int e) => localizer["bis {0}", e.ToString(CultureInfo.InvariantCulture)],
        _ => "",
    };
}
