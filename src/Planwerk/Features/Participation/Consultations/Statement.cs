using Planwerk.Infrastructure.Files;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Versions;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Consultations;

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
