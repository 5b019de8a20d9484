using Planwerk.Features.Council.OParl;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Council;

/// <summary>The kind of a council body (OParl: Organization.classification).</summary>
public enum BodyClassification
{
    CityCouncil,
    Committee,
    DistrictAdvisoryCouncil,
    LocalCouncil,
    CouncilOfElders,
    AdvisoryCouncil,
    /// <summary>A parliamentary group (Fraktion): it proposes papers and amendments (OParl: organizationType "Fraktion").</summary>
    ParliamentaryGroup,
}

/// <summary>A body of the municipality's council (Gremium): the city council, a committee, a district
/// advisory council, a local council, the council of elders, an advisory council, or a parliamentary group. OParl calls it an
/// Organization; OParl's Body is the municipality itself.</summary>
public sealed class CouncilBody : IMunicipalityOwned, IVersioned, ITimestamped, IOParlRow
{
    public const int MaxNameLength = 300;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Name { get; set; }
    public string ShortName { get; set; } = "";
    public BodyClassification Classification { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string Website { get; set; } = "";
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public List<Meeting> Meetings { get; set; } = [];
}
