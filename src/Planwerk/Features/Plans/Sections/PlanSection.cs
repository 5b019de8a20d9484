using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans.Sections;

/// <summary>A narrative part of a plan (preface, retrospective, inventory of services, integration paths),
/// in the order of <see cref="Position"/>.</summary>
public sealed class PlanSection : IMunicipalityOwned, IVersioned
{
    public const int MaxTitleLength = 300;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown.</summary>
    public string Body { get; set; } = "";
    public int Version { get; set; }
}
