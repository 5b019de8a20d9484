using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans;

/// <summary>A field of action (Teilbereich, Handlungsfeld), numbered within its plan.</summary>
public sealed class FieldOfAction : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    /// <summary>Order within the plan, kept apart from <see cref="Number"/> so editors can reorder
    /// first and renumber once ("Neu nummerieren").</summary>
    public int Position { get; set; }
    /// <summary>Unique within the plan.</summary>
    public int Number { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    public int Version { get; set; }
    public List<Measure> Measures { get; set; } = [];
}
