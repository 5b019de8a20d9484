using Planwerk.Infrastructure;

namespace Planwerk.Features.Services;

/// <summary>A topic of the municipality's hierarchical topic list (HSDS <c>taxonomy_term</c>). Its texts
/// are translated like a service's.</summary>
public sealed class ServiceTopic : IMunicipalityOwned, IVersioned
{
    public const int MaxNameLength = 200;
    public const int MaxCodeLength = 60;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Guid Uid { get; set; } = Guid.NewGuid();
    public int? ParentId { get; set; }
    public ServiceTopic? Parent { get; set; }
    /// <summary>A short stable code (e.g. <c>language</c>), unique in the municipality.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public int Position { get; set; }
    public int Version { get; set; }
    public List<ServiceTopic> Children { get; set; } = [];
    public List<HelpService> Services { get; set; } = [];
}
