using Planwerk.Features.Services;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Pathways;

/// <summary>An integration pathway (Integrationsweg): the way a person in one life situation walks through the city,
/// told from that person's side ("newly arrived, asylum application filed", "recognised refugee looking for work"), as
/// ordered <see cref="PathwayStage"/>s of <see cref="PathwayStep"/>s. Its texts are written in German (the source);
/// translations, easy German (<see cref="PathwayTexts.EasyGerman"/>) among them, are <see cref="ContentTranslation"/>
/// rows of the kinds in <see cref="PathwayTexts"/>.
/// <para>Edits change the rows (the working state); the public sees only what the plan team publishes deliberately:
/// <see cref="PathwayPublication"/>, a frozen copy of the whole pathway in every language, the latest of which is
/// <see cref="CurrentPublicationId"/>.</para></summary>
public sealed class Pathway : IMunicipalityOwned, IVersioned, ITimestamped
{
    public const int MaxTitleLength = 300;
    public const int MaxTextLength = 4000;
    public const int MaxCodeLength = 80;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    /// <summary>Its id in the open data and in exported plan documents, kept on import.</summary>
    public Guid Uid { get; set; } = Guid.NewGuid();
    /// <summary>The part of its public address (<c>/{municipality}/pathways/{code}</c>): lower-case letters, digits and
    /// hyphens, unique within the municipality.</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }
    /// <summary>Plain text: for whom the pathway is and what it leads to.</summary>
    public string Summary { get; set; } = "";

    /// <summary>For whom it is (the finder chooses pathways by it): residence situations, an age range, and whether
    /// the person has children.</summary>
    public ResidenceSituations Audience { get; set; } = ResidenceSituations.Everybody;
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public ChildrenCondition Children { get; set; }

    /// <summary>Order in the municipality's list of pathways.</summary>
    public int Position { get; set; }
    public PathwayStatus Status { get; set; } = PathwayStatus.Draft;
    /// <summary>The publication the public sees; null before the first publication and after withdrawal.</summary>
    public int? CurrentPublicationId { get; set; }
    public PathwayPublication? CurrentPublication { get; set; }
    /// <summary>Marked as invented example content (demo).</summary>
    public bool IsExample { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public int Version { get; set; }

    public List<PathwayStage> Stages { get; set; } = [];
}

public enum PathwayStatus
{
    /// <summary>Never published: only the plan team and counsellors see it.</summary>
    Draft,
    /// <summary>Its <see cref="Pathway.CurrentPublication"/> is public; later edits wait for the next publication.</summary>
    Published,
    /// <summary>Taken back from the public; its publications stay in the history.</summary>
    Withdrawn,
}

/// <summary>Whether a pathway or step applies to people with children, without, or to everybody.</summary>
public enum ChildrenCondition
{
    Any,
    WithChildren,
    WithoutChildren,
}

/// <summary>A stage of a pathway ("Ankommen", "Asylverfahren", "Wohnen"), in order; it holds steps in order.</summary>
public sealed class PathwayStage : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Guid Uid { get; set; } = Guid.NewGuid();
    public int PathwayId { get; set; }
    public Pathway? Pathway { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    public string Summary { get; set; } = "";

    public List<PathwayStageStep> Steps { get; set; } = [];
}

/// <summary>A step a person takes: what to do and why, where (help services of the inventory), which documents to
/// bring, deadlines and waiting times, tips, and the plan's measures that improve it. A step belongs to the municipality,
/// not to one pathway: the same step ("Register at the residents' office") can stand in several pathways
/// (<see cref="PathwayStageStep"/>). Its conditions narrow, for the finder, who within a pathway's audience it applies to.</summary>
public sealed class PathwayStep : IMunicipalityOwned, IVersioned, ITimestamped
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Guid Uid { get; set; } = Guid.NewGuid();
    public required string Title { get; set; }
    /// <summary>Plain text (paragraphs separated by blank lines).</summary>
    public string WhatToDo { get; set; } = "";
    public string Why { get; set; } = "";
    /// <summary>One per line.</summary>
    public string DocumentsToBring { get; set; } = "";
    /// <summary>Deadlines to keep, in words ("within two weeks of moving in").</summary>
    public string Deadlines { get; set; } = "";
    /// <summary>How long it usually takes or how long one waits, in words.</summary>
    public string WaitingTime { get; set; } = "";
    public string Tips { get; set; } = "";

    public ResidenceSituations Audience { get; set; } = ResidenceSituations.Everybody;
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public ChildrenCondition Children { get; set; }

    public bool IsExample { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public int Version { get; set; }

    public List<PathwayStageStep> Uses { get; set; } = [];
    public List<PathwayStepService> Services { get; set; } = [];
    public List<PathwayStepMeasure> Measures { get; set; } = [];
}

/// <summary>A step's place in a stage, in order.</summary>
public sealed class PathwayStageStep : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int StageId { get; set; }
    public PathwayStage? Stage { get; set; }
    public int StepId { get; set; }
    public PathwayStep? Step { get; set; }
    public int Position { get; set; }
}

/// <summary>A help service of the inventory where the step is done, in the order the step names them.</summary>
public sealed class PathwayStepService : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int StepId { get; set; }
    public PathwayStep? Step { get; set; }
    public int ServiceId { get; set; }
    public HelpService? Service { get; set; }
    public int Position { get; set; }
}

/// <summary>A measure of a plan that is meant to make the step easier.</summary>
public sealed class PathwayStepMeasure : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int StepId { get; set; }
    public PathwayStep? Step { get; set; }
    public int MeasureId { get; set; }
    public Plans.Measure? Measure { get; set; }
}

/// <summary>A pathway as published: the whole pathway with its stages, steps, conditions, links and every translation,
/// frozen as a <see cref="PathwayDocument"/> in JSON (<see cref="Document"/>). Never changed after it is written, so its
/// parsed form can be kept in memory by <see cref="Id"/>. Services and measures are named by id and read live (their
/// hours and status are the services' and measures' own).</summary>
public sealed class PathwayPublication : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PathwayId { get; set; }
    public Pathway? Pathway { get; set; }
    /// <summary>1, 2, 3, … per pathway.</summary>
    public int Number { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string? PublishedById { get; set; }
    public string PublishedByName { get; set; } = "";
    public required string Document { get; set; }
}

/// <summary>What a person said about one step of a pathway: whether it worked for them and, optionally, what went
/// wrong. Anonymous: no account, no name, no address is asked or stored. Shown to the plan team after moderation.</summary>
public sealed class StepFeedback : IMunicipalityOwned
{
    public const int MaxTextLength = 2000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int StepId { get; set; }
    public PathwayStep? Step { get; set; }
    /// <summary>The pathway the person was reading (a step can stand in several).</summary>
    public int? PathwayId { get; set; }
    public Pathway? Pathway { get; set; }
    public bool Worked { get; set; }
    /// <summary>What went wrong, chosen from a short list; <see cref="StepProblem.None"/> when it worked.</summary>
    public StepProblem Problem { get; set; }
    /// <summary>Optional free text; only shown after moderation.</summary>
    public string Text { get; set; } = "";
    /// <summary>The language the page was read in (a content language code).</summary>
    public string Language { get; set; } = "de";
    public FeedbackState State { get; set; } = FeedbackState.Pending;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ModeratedAt { get; set; }
    public string ModeratedByName { get; set; } = "";
    /// <summary>Taken into a consultation round as input for the next plan (its statement there).</summary>
    public int? ConsultationRoundId { get; set; }
    public int? StatementId { get; set; }
    /// <summary>Named as a reason of a plan change (the change record).</summary>
    public int? ChangeRecordId { get; set; }
}

public enum StepProblem
{
    None,
    /// <summary>The service did not admit the person.</summary>
    NotAdmitted,
    /// <summary>Nobody spoke a language the person understands.</summary>
    Language,
    /// <summary>No appointment, or only after a long wait.</summary>
    Waiting,
    /// <summary>The information here was wrong or out of date (address, hours, documents).</summary>
    WrongInformation,
    /// <summary>Documents were asked for that the person did not have.</summary>
    Documents,
    /// <summary>Too far, or not reachable without steps.</summary>
    Reach,
    Other,
}

/// <summary>Moderation states, as the comments' moderation has them: only <see cref="Approved"/> text is shown to the plan
/// team's statistics with its words; the yes/no count includes every non-rejected entry.</summary>
public enum FeedbackState
{
    Pending,
    Approved,
    Rejected,
}
