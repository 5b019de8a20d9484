using Planwerk.Infrastructure.Files;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Versions;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>Who may submit statements in a round.</summary>
public enum RoundAudience
{
    /// <summary>Members of the organisations invited to the round.</summary>
    InvitedOrganisations,
    /// <summary>The invited organisations and every signed-in resident.</summary>
    OrganisationsAndResidents,
}

/// <summary>Where a round stands at a moment; computed from its times, never stored.</summary>
public enum RoundState
{
    Planned,
    Open,
    Closed,
}

/// <summary>A consultation round (Beteiligungsrunde): one named plan version is consulted between two
/// moments. Statements are accepted only while it is open; the server decides that to the second.</summary>
public sealed class ConsultationRound : IMunicipalityOwned, IVersioned
{
    public const int MaxTitleLength = 300;
    public const int MaxDescriptionLength = 20_000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    /// <summary>The named (frozen) plan version that is consulted.</summary>
    public int PlanVersionId { get; set; }
    public PlanVersion? PlanVersion { get; set; }

    public required string Title { get; set; }
    /// <summary>Markdown: what is consulted and how to take part.</summary>
    public string Description { get; set; } = "";
    /// <summary>Stored in UTC; entered and shown in Europe/Berlin.</summary>
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public RoundAudience Audience { get; set; }

    /// <summary>When the reminder before the close was sent; null until then. Set once, so it goes out once.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }
    /// <summary>When the plan team published the weighing; from then on submitters see their outcome and
    /// the weighing table is public.</summary>
    public DateTimeOffset? WeighingPublishedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public List<RoundInvitedStakeholder> InvitedStakeholders { get; set; } = [];
    public List<Statement> Statements { get; set; } = [];

    /// <summary>Open from <see cref="OpensAt"/> (inclusive) until <see cref="ClosesAt"/> (exclusive).</summary>
    public RoundState StateAt(DateTimeOffset now) =>
        now < OpensAt ? RoundState.Planned : now < ClosesAt ? RoundState.Open : RoundState.Closed;
}

/// <summary>An organisation invited to a round.</summary>
public sealed class RoundInvitedStakeholder : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int RoundId { get; set; }
    public ConsultationRound? Round { get; set; }
    public int StakeholderId { get; set; }
    public Stakeholder? Stakeholder { get; set; }
}

/// <summary>What part of the consulted plan version a statement is about.</summary>
public enum StatementTarget
{
    WholePlan,
    /// <summary><see cref="Statement.TargetRef"/> is the section's 1-based position in the version.</summary>
    Section,
    /// <summary><see cref="Statement.TargetRef"/> is the field of action's number.</summary>
    FieldOfAction,
    /// <summary><see cref="Statement.TargetRef"/> is the measure's stable key (<see cref="Measure.Key"/>).</summary>
    Measure,
}

/// <summary>The plan team's outcome for a statement.</summary>
public enum WeighingOutcome
{
    Accepted,
    PartlyAccepted,
    NotAccepted,
    Noted,
}

/// <summary>A statement (Stellungnahme) submitted in a round, on behalf of an organisation or personally,
/// and the plan team's weighing (Abwägung) of it.</summary>
public sealed class Statement : IMunicipalityOwned, IVersioned
{
    public const int MaxTextLength = 50_000;
    public const int MaxQuoteLength = 4_000;
    public const int MaxReasonsLength = 20_000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int RoundId { get; set; }
    public ConsultationRound? Round { get; set; }

    /// <summary>The receipt number given to the submitter, unique in the municipality, e.g. "B3-0017".</summary>
    public required string ReceiptNumber { get; set; }

    public StatementTarget Target { get; set; }
    public int? TargetRef { get; set; }
    /// <summary>The target's label as it was in the consulted version ("Maßnahme 3.2 Sprachkurse …").</summary>
    public string TargetLabel { get; set; } = "";
    /// <summary>The passage of the plan the statement refers to, optional.</summary>
    public string Quote { get; set; } = "";
    /// <summary>Markdown.</summary>
    public required string Text { get; set; }

    public required string AuthorUserId { get; set; }
    public PlanwerkUser? Author { get; set; }
    /// <summary>The submitter's name at the time of submission.</summary>
    public string AuthorName { get; set; } = "";
    /// <summary>The organisation the statement is submitted for; null for a personal statement.</summary>
    public int? StakeholderId { get; set; }
    public Stakeholder? Stakeholder { get; set; }
    /// <summary>The submitter agreed that the statement may be published (with the weighing table).</summary>
    public bool ConsentToPublish { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }

    public WeighingOutcome? Outcome { get; set; }
    /// <summary>Markdown.</summary>
    public string Reasons { get; set; } = "";
    public string? WeighedByUserId { get; set; }
    public string WeighedByName { get; set; } = "";
    public DateTimeOffset? WeighedAt { get; set; }

    public int Version { get; set; }
    public List<StatementAttachment> Attachments { get; set; } = [];
    public List<StatementChangeLink> ChangeLinks { get; set; } = [];
}

/// <summary>A file attached to a statement: PDF, DOCX or ODT, recognised by content.</summary>
public sealed class StatementAttachment : IMunicipalityOwned
{
    public const int MaxFileNameLength = DocumentTypes.MaxFileNameLength;
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerStatement = 5;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int StatementId { get; set; }
    public Statement? Statement { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>A plan change (a history record) that the weighing of a statement caused.</summary>
public sealed class StatementChangeLink : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int StatementId { get; set; }
    public Statement? Statement { get; set; }
    /// <summary>A <see cref="Plans.History.ChangeRecord"/> of the round's plan.</summary>
    public long ChangeRecordId { get; set; }
}
