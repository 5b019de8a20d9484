using Planwerk.Features.Implementation;

namespace Planwerk.Features.Plans.Lineage;

/// <summary>The rules of a plan's line (docs/plan-lineage.md): what a carried measure takes along, and which closing
/// assessment fits a measure.</summary>
public static class LineageRules
{
    public const string ContinuedWithoutCarrying =
        "„Fortgeführt“ passt nur, wenn die Maßnahme in den Folgeplan übernommen wurde: Übernehmen Sie sie dort oder wählen Sie eine andere Bewertung.";
    public const string AlreadyCarried = "{0} {1} wurde schon in „{2}“ übernommen, dort als {3}.";
    public const string NotOfPredecessor = "{0} gehört nicht zum Vorgängerplan dieses Plans; übernommen werden können nur {1} von „{2}“.";
    public const string NotOfThisPlan = "Bewertet werden können nur {0} dieses Plans.";
    public const string FieldNotCopied = "{0} {1}: Übernehmen Sie auch {2} {3}, oder lassen Sie die {4} weg.";

    /// <summary>The German text key of an outcome.</summary>
    public static string Text(MeasureOutcome outcome) => outcome switch
    {
        MeasureOutcome.Achieved => "erreicht",
        MeasureOutcome.PartlyAchieved => "teilweise erreicht",
        MeasureOutcome.NotAchieved => "nicht erreicht",
        MeasureOutcome.Continued => "fortgeführt",
        _ => "nicht weiterverfolgt",
    };

    /// <summary>"Continued" says the measure goes on in the next plan. Once a plan continues this one, the measure must
    /// have been carried into it; before that (the team assesses first, then starts the next plan) it is allowed,
    /// and the assessment page lists such measures until they are carried over. Every other outcome fits any measure,
    /// a carried one too (partly achieved, and continued).</summary>
    public static string? OutcomeProblem(MeasureOutcome? outcome, bool carried, bool planIsContinued) =>
        outcome == MeasureOutcome.Continued && !carried && planIsContinued ? ContinuedWithoutCarrying : null;

    /// <summary>A new measure in <paramref name="field"/> of <paramref name="plan"/> that continues <paramref name="source"/>:
    /// its title, goal, description and target groups, its districts, lead and partners, priority and funding;
    /// its principles where the new plan has one of the same title (<paramref name="principles"/>, by the earlier
    /// principle's id). Schedule, cost, status and progress start afresh: they belong to the new plan's work.</summary>
    public static Measure Copy(Measure source, Plan plan, FieldOfAction field, string number, int position,
        IReadOnlyDictionary<int, Principle> principles, DateTimeOffset now)
    {
        var copy = new Measure
        {
            Plan = plan,
            FieldOfAction = field,
            Number = number,
            Position = position,
            Title = source.Title,
            Goal = source.Goal,
            Description = source.Description,
            TargetGroups = source.TargetGroups,
            Funding = source.Funding,
            Priority = source.Priority,
            Weight = source.Weight,
            IsExample = source.IsExample,
            CarriedFromMeasureId = source.Id,
            UpdatedAt = now,
            Districts = [.. source.Districts],
            Principles = source.Principles.Select(p => principles.GetValueOrDefault(p.Id)).OfType<Principle>().Distinct().ToList(),
        };
        var lead = source.Organisations.Where(o => o.Role == MeasureOrganisationRole.Lead).Select(o => (int?)o.OrganisationId).FirstOrDefault();
        var partners = source.Organisations.Where(o => o.Role == MeasureOrganisationRole.Partner).OrderBy(o => o.Position).Select(o => o.OrganisationId).ToList();
        MeasureOrganisations.Assign(copy, lead, partners);
        return copy;
    }

    /// <summary>The help services the carried measures create or strengthen go along: each copy is linked to the same
    /// services as its source (<paramref name="links"/>: the sources' links, by the source's id).</summary>
    public static IEnumerable<Planwerk.Features.Services.MeasureService> ServiceLinks(IEnumerable<(Measure Source, Measure Copy)> copies, ILookup<int, int> links) =>
        copies.SelectMany(c => links[c.Source.Id].Distinct().Select(serviceId => new Planwerk.Features.Services.MeasureService { Measure = c.Copy, ServiceId = serviceId }));

    /// <summary>Carrying a measure over makes its assessment "continued" unless the team has assessed it already.</summary>
    public static void MarkContinued(Measure source)
    {
        source.Outcome ??= MeasureOutcome.Continued;
    }
}
