using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans;

/// <summary>A guiding principle (Leitlinie).</summary>
public sealed class Principle : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    public int Version { get; set; }
    public List<Measure> Measures { get; set; } = [];
}
