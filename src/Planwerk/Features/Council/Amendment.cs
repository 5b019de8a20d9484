using Planwerk.Infrastructure;

namespace Planwerk.Features.Council;

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
