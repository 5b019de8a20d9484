namespace Planwerk.Features.Pathways.PublicPages;

public sealed record FoundStep(PublishedStep Step, IReadOnlyList<StepService> Services, bool NoneInLanguage, IReadOnlyList<StepMeasure> Measures);

public sealed record FoundStage(PublishedStage Stage, IReadOnlyList<FoundStep> Steps);

public sealed record FoundPathway(PathwayDocument Pathway, IReadOnlyList<FoundStage> Stages);

/// <summary>One person's pathway: of the published pathways, those whose conditions admit the answers, and of their
/// steps those that apply, each step once (a step shared by two pathways is shown where it first comes), with at most
/// <see cref="ServicesPerStep"/> of its services: those that admit the person and offer the reading language (when none
/// does, the admitting ones, marked), in the step's order with the ones in the person's district first; in a step for people
/// with children the services' ages are the children's and are not compared with the person's. Pure: it works on
/// what the page has read, so the page's queries do not grow with the pathways.</summary>
public static class Finder
{
    public const int ServicesPerStep = 3;

    public static IReadOnlyList<FoundPathway> Find(IEnumerable<PathwayDocument> pathways, FinderAnswers answers, string language,
        IReadOnlyDictionary<int, StepService> services, IReadOnlyDictionary<int, StepMeasure> measures)
    {
        var shown = new HashSet<Guid>();
        var result = new List<FoundPathway>();
        foreach (var pathway in pathways.Where(p => Admits(p.Conditions, answers)))
        {
            var stages = new List<FoundStage>();
            foreach (var stage in pathway.Stages)
            {
                var steps = stage.Steps.Where(s => Admits(s.Conditions, answers) && shown.Add(s.Uid))
                    .Select(s => Step(s, answers, language, services, measures)).ToList();
                if (steps.Count > 0) stages.Add(new FoundStage(stage, steps));
            }
            if (stages.Count > 0) result.Add(new FoundPathway(pathway, stages));
        }
        return result;
    }

    public static bool Admits(PathwayConditions conditions, FinderAnswers answers) =>
        conditions.Admits(answers.Situation, answers.Age?.Minimum, answers.Age?.Maximum, answers.Children);

    private static FoundStep Step(PublishedStep step, FinderAnswers answers, string language,
        IReadOnlyDictionary<int, StepService> services, IReadOnlyDictionary<int, StepMeasure> measures)
    {
        // A step for people with children is done for the children: its services' ages (a school, a day-care centre)
        // are the children's, so the person's own age does not choose among them.
        var forChildren = step.Conditions.Children == ChildrenCondition.WithChildren;
        var admitting = step.ServiceIds.Distinct().Where(services.ContainsKey).Select(id => services[id])
            .Where(s => s.Admits(answers.Situation, forChildren ? null : answers.Age?.Minimum, forChildren ? null : answers.Age?.Maximum)).ToList();
        var offering = admitting.Where(s => s.Offers(language)).ToList();
        var noneInLanguage = offering.Count == 0 && admitting.Count > 0;
        var chosen = (noneInLanguage ? admitting : offering)
            .Select((s, i) => (s, i))
            .OrderBy(x => answers.DistrictId is int d && x.s.IsIn(d) ? 0 : 1).ThenBy(x => x.i)
            .Select(x => x.s).Take(ServicesPerStep).ToList();
        return new FoundStep(step, chosen, noneInLanguage, Measured(step, measures));
    }

    /// <summary>The step's measures that are public, in the document's order.</summary>
    public static IReadOnlyList<StepMeasure> Measured(PublishedStep step, IReadOnlyDictionary<int, StepMeasure> measures) =>
        step.MeasureIds.Where(measures.ContainsKey).Select(id => measures[id]).ToList();
}
