using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Versions;
using Planwerk.Features.Council.OParl;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Council;

/// <summary>A council paper (Vorlage), e.g. the administration's submission of a plan version for decision.</summary>
public sealed class Paper : IMunicipalityOwned, IVersioned, ITimestamped, IOParlRow
{
    public const int MaxNameLength = 500;
    public const int MaxResolutionTextLength = 20_000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    /// <summary>The reference number (Drucksachennummer), e.g. "A0282/17"; unique in the municipality.</summary>
    public required string Reference { get; set; }
    /// <summary>Demo content: the reference is an invented example, not the city's real number.</summary>
    public bool ReferenceIsExample { get; set; }
    public required string Name { get; set; }
    /// <summary>E.g. "Beschlussvorlage", "Antrag", "Informationsvorlage" (OParl: paperType, free text).</summary>
    public string PaperType { get; set; } = "";
    public DateOnly Date { get; set; }
    /// <summary>The plan the paper is about, and the named version it submits, if any.</summary>
    public int? PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int? PlanVersionId { get; set; }
    public PlanVersion? PlanVersion { get; set; }
    /// <summary>The paper this one is a revised version (Neufassung) of, in the same municipality; never itself,
    /// never a chain that leads back here (<see cref="PaperRevisions"/>).</summary>
    public int? ReplacesPaperId { get; set; }
    public Paper? ReplacesPaper { get; set; }
    /// <summary>The resolution's wording (Beschlusstext), Markdown; empty when none is recorded. For an amendment, the
    /// wording it proposes.</summary>
    public string ResolutionText { get; set; } = "";
    /// <summary>For an amendment (Änderungsantrag): the paper it amends, in the same municipality, never itself an
    /// amendment (OParl: superordinatedPaper; the amended paper lists it as subordinatedPaper). Its result is the
    /// result of its own consultation; the plan changes it made are <see cref="ChangeLinks"/>.</summary>
    public int? AmendsPaperId { get; set; }
    public Paper? AmendsPaper { get; set; }
    /// <summary>Who brought the paper in: a body or a parliamentary group (a <see cref="CouncilBody"/>); none is the
    /// administration (OParl: originatorOrganization).</summary>
    public int? OriginatorBodyId { get; set; }
    public CouncilBody? OriginatorBody { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public List<PaperFile> Files { get; set; } = [];
    public List<PaperConsultation> Consultations { get; set; } = [];
    /// <summary>The amendments to this paper.</summary>
    public List<Paper> Amendments { get; set; } = [];
    /// <summary>For an amendment: the plan changes it made.</summary>
    public List<AmendmentChangeLink> ChangeLinks { get; set; } = [];

    public bool IsAmendment => AmendsPaperId is not null;
}
