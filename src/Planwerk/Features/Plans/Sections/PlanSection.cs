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
    /// <summary>A retrospective section shows, after its text, what Planwerk knows: the earlier plan's measures by their
    /// closing assessment and the charts of the <see cref="Datasets"/> the plan team chose.</summary>
    public PlanSectionKind Kind { get; set; }
    public int Version { get; set; }

    public List<PlanSectionDataset> Datasets { get; set; } = [];
}

public enum PlanSectionKind
{
    Text,
    Retrospective,
}

/// <summary>A dataset whose chart a retrospective section shows, in the order of <see cref="Position"/>.</summary>
public sealed class PlanSectionDataset : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int SectionId { get; set; }
    public PlanSection? Section { get; set; }
    public int DatasetId { get; set; }
    public Statistics.StatisticsDataset? Dataset { get; set; }
    public int Position { get; set; }
}
