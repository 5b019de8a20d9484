using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans;

/// <summary>A district (Stadtbezirk) or locality (Ortschaft) of the municipality.</summary>
public sealed class District : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    /// <summary>Unique within the municipality.</summary>
    public required string Name { get; set; }
    public DistrictKind Kind { get; set; }
    public int Version { get; set; }
    public List<Measure> Measures { get; set; } = [];
}
