using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Versions;
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
}

/// <summary>A body of the municipality's council (Gremium): the city council, a committee, a district
/// advisory council, a local council, the council of elders, an advisory council. OParl calls it an
/// Organization; OParl's Body is the municipality itself.</summary>
public sealed class CouncilBody : IMunicipalityOwned, IVersioned, ITimestamped
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

/// <summary>Where a meeting stands (OParl: Meeting.meetingState is free text; cancelled is a flag).</summary>
public enum MeetingState
{
    Scheduled,
    Invited,
    Held,
    Cancelled,
}

/// <summary>A meeting (Sitzung) of one body.</summary>
public sealed class Meeting : IMunicipalityOwned, IVersioned, ITimestamped
{
    public const int MaxNameLength = 300;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int BodyId { get; set; }
    public CouncilBody? Body { get; set; }
    public required string Name { get; set; }
    /// <summary>Stored in UTC; entered and shown in Europe/Berlin.</summary>
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset? End { get; set; }
    public string Location { get; set; } = "";
    public MeetingState State { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public List<AgendaItem> AgendaItems { get; set; } = [];
}

/// <summary>An item of a meeting's agenda (Tagesordnungspunkt), usually treating a paper.</summary>
public sealed class AgendaItem : IMunicipalityOwned, IVersioned, ITimestamped
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    /// <summary>The number as printed on the agenda, e.g. "Ö 5.1".</summary>
    public string Number { get; set; } = "";
    public int Order { get; set; }
    public required string Name { get; set; }
    public bool IsPublic { get; set; } = true;
    public int? PaperId { get; set; }
    public Paper? Paper { get; set; }
    /// <summary>The result as recorded, in words (OParl: AgendaItem.result).</summary>
    public string Result { get; set; } = "";
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
}

/// <summary>A council paper (Vorlage), e.g. the administration's submission of a plan version for decision.</summary>
public sealed class Paper : IMunicipalityOwned, IVersioned, ITimestamped
{
    public const int MaxNameLength = 500;

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
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public List<PaperFile> Files { get; set; } = [];
    public List<PaperConsultation> Consultations { get; set; } = [];
    public List<Amendment> Amendments { get; set; } = [];
}

/// <summary>A file of a paper (OParl: File), kept in the database.</summary>
public sealed class PaperFile : IMunicipalityOwned, ITimestamped
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PaperId { get; set; }
    public Paper? Paper { get; set; }
    /// <summary>The title shown, e.g. "Anlage 1: Fachplan".</summary>
    public required string Name { get; set; }
    public required string FileName { get; set; }
    public required string MimeType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    /// <summary>SHA-256 of the content, hex (OParl: File.sha512Checksum is optional; we give our own in ETag).</summary>
    public string Sha256 { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
}

/// <summary>The role of a body in a paper's consultation (Beratungsfolge).</summary>
public enum ConsultationRole
{
    PreliminaryConsultation,
    Decision,
    ForInformation,
}

public enum ConsultationResult
{
    Approved,
    Rejected,
    ApprovedWithChanges,
    Postponed,
    Noted,
}

/// <summary>One step of a paper's path through the bodies: which body, in which meeting (agenda item),
/// in what role, with which result and votes.</summary>
public sealed class PaperConsultation : IMunicipalityOwned, IVersioned, ITimestamped
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PaperId { get; set; }
    public Paper? Paper { get; set; }
    /// <summary>Order on the paper's path, from 1.</summary>
    public int Position { get; set; }
    public int BodyId { get; set; }
    public CouncilBody? Body { get; set; }
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int? AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public ConsultationRole Role { get; set; }
    /// <summary>Null until the clerk records the result.</summary>
    public ConsultationResult? Result { get; set; }
    public int? VotesFor { get; set; }
    public int? VotesAgainst { get; set; }
    public int? VotesAbstaining { get; set; }
    public DateTimeOffset? ResultRecordedAt { get; set; }
    public string? ResultRecordedByUserId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
}

public enum AmendmentResult
{
    Adopted,
    Rejected,
    Withdrawn,
}

/// <summary>An amendment (Änderungsantrag) to a paper. An adopted amendment changes the plan; those
/// changes are history records linked to it.</summary>
public sealed class Amendment : IMunicipalityOwned, IVersioned, ITimestamped
{
    public const int MaxTextLength = 20_000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PaperId { get; set; }
    public Paper? Paper { get; set; }
    /// <summary>The consultation in which it was decided, if recorded.</summary>
    public int? ConsultationId { get; set; }
    public PaperConsultation? Consultation { get; set; }
    /// <summary>E.g. "ÄA 1".</summary>
    public string Number { get; set; } = "";
    public required string Title { get; set; }
    /// <summary>Markdown.</summary>
    public string Text { get; set; } = "";
    /// <summary>Who proposed it, e.g. a parliamentary group or the foreigners' advisory council.</summary>
    public string Proposer { get; set; } = "";
    public AmendmentResult? Result { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public List<AmendmentChangeLink> ChangeLinks { get; set; } = [];
}

/// <summary>A plan change (a history record) made because an amendment was adopted.</summary>
public sealed class AmendmentChangeLink : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int AmendmentId { get; set; }
    public Amendment? Amendment { get; set; }
    public long ChangeRecordId { get; set; }
}
