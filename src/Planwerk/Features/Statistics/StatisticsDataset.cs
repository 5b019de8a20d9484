using Planwerk.Infrastructure;

namespace Planwerk.Features.Statistics;

/// <summary>Whether a dataset's observations are figures of a year ("2015") or of a day ("30.06.2019").</summary>
public enum StatisticsPeriodKind
{
    /// <summary>The period is a calendar year; <see cref="StatisticsObservation.Period"/> holds 1 January of it.</summary>
    Year,
    /// <summary>The period is a day: a snapshot on a date or a figure up to that date.</summary>
    Day,
}

/// <summary>How often the figures are updated; each maps to the frequency vocabulary that open-data catalogues use.</summary>
public enum StatisticsFrequency
{
    Unknown,
    Annual,
    Semiannual,
    Quarterly,
    Monthly,
    Irregular,
    /// <summary>Closed: the figures will not be updated.</summary>
    Never,
}

/// <summary>The chart a dataset's public page draws; <see cref="Automatic"/> chooses by the dataset's shape.</summary>
public enum StatisticsChartKind
{
    Automatic,
    Line,
    Bar,
    StackedBar,
    GroupedBar,
}

/// <summary>A table of figures a municipality publishes beside its plans ("Zugewiesene Asylsuchende je Jahr",
/// "Untergebrachte nach Ortsamt"): what is counted, in which unit, from which source under which licence, the time it
/// covers and how often it is updated. Its values are <see cref="StatisticsObservation"/>s over years or days, each in
/// one of the dataset's optional <see cref="StatisticsCategory"/>s (one dimension, named by <see cref="CategoryLabel"/>).
/// A period without an observation is a gap, not a zero; an observation may also say it has no value, with a note.
/// Only public datasets are shown on the public site, in the downloads, the catalogue and the API.</summary>
public sealed class StatisticsDataset : IMunicipalityOwned, IVersioned, ITimestamped
{
    public const int MaxCodeLength = 80;
    public const int MaxTitleLength = 300;
    public const int MaxDescriptionLength = 4000;
    public const int MaxUnitLength = 50;
    public const int MaxSourceLength = 300;
    public const int MaxUrlLength = 500;
    public const int MaxLicenceLength = 50;
    public const int MaxCategoryLabelLength = 100;
    public const int MaxKeywordsLength = 500;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    /// <summary>The dataset's name in addresses ("zuweisungen-asyl"), unique within the municipality.</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }
    /// <summary>Plain text: what is counted, how, and what to bear in mind.</summary>
    public string Description { get; set; } = "";
    /// <summary>"Personen", "Plätze", "%"; may be empty for a plain number.</summary>
    public string Unit { get; set; } = "";
    /// <summary>Who publishes the figures ("Landesdirektion Sachsen").</summary>
    public string SourceName { get; set; } = "";
    /// <summary>An http(s) address of the source, or empty.</summary>
    public string SourceUrl { get; set; } = "";
    /// <summary>The licence's code from the licence list the catalogue uses (e.g. "dl-by-de/2.0", "cc-by/4.0").</summary>
    public string Licence { get; set; } = "";
    /// <summary>The office that publishes the dataset ("Sozialamt"); empty means the municipality.</summary>
    public string Publisher { get; set; } = "";
    /// <summary>Comma-separated keywords for the catalogue.</summary>
    public string Keywords { get; set; } = "";
    /// <summary>The time the dataset covers; empty ends are open.</summary>
    public DateOnly? CoversFrom { get; set; }
    public DateOnly? CoversTo { get; set; }
    public StatisticsFrequency Frequency { get; set; }
    public StatisticsPeriodKind PeriodKind { get; set; }
    /// <summary>What the categories are ("Ortsamt", "Art der Unterbringung"); empty when the dataset has none.</summary>
    public string CategoryLabel { get; set; } = "";
    public StatisticsChartKind ChartKind { get; set; }
    public bool IsPublic { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public int Version { get; set; }

    public List<StatisticsCategory> Categories { get; set; } = [];
    public List<StatisticsObservation> Observations { get; set; } = [];
}

/// <summary>One category of a dataset's one dimension ("Cotta", "Wohnungen"), in the order of <see cref="Position"/>.</summary>
public sealed class StatisticsCategory : IMunicipalityOwned
{
    public const int MaxNameLength = 200;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int DatasetId { get; set; }
    public StatisticsDataset? Dataset { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }
}

/// <summary>One figure of a dataset: for a period (a year or a day, by the dataset's <see cref="StatisticsPeriodKind"/>)
/// and, where the dataset has categories, for one of them. At most one per dataset, category and period.
/// <see cref="Value"/> is empty where the figure is known to be missing ("nicht veröffentlicht"): the note says why.</summary>
public sealed class StatisticsObservation : IMunicipalityOwned
{
    public const int MaxNoteLength = 500;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int DatasetId { get; set; }
    public StatisticsDataset? Dataset { get; set; }
    public int? CategoryId { get; set; }
    public StatisticsCategory? Category { get; set; }
    public DateOnly Period { get; set; }
    public decimal? Value { get; set; }
    public string Note { get; set; } = "";
}
