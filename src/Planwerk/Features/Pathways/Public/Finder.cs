namespace Planwerk.Features.Pathways.PublicPages;

public sealed record FoundStep(PublishedStep Step, IReadOnlyList<StepService> Services, bool NoneInLanguage, IReadOnlyList<StepMeasure> Measures);

public sealed record FoundStage(PublishedStage Stage, IReadOnlyList<FoundStep> Steps);

public sealed record FoundPathway(PathwayDocument Pathway, IReadOnlyList<FoundStage> Stages);

public sealed record ChosenStep(PublishedStep Step, IReadOnlyList<int> ServiceIds, bool NoneInLanguage);

public sealed record ChosenStage(PublishedStage Stage, IReadOnlyList<ChosenStep> Steps);

public sealed record ChosenPathway(PathwayDocument Pathway, IReadOnlyList<ChosenStage> Stages)
{
    public IEnumerable<ChosenStep> Steps => Stages.SelectMany(s => s.Steps);
}

/// <summary>One person's pathway: of the published pathways, those whose conditions admit the answers, and of their
/// steps those that apply, each step once (a step shared by two pathways is shown where it first comes), with at most
/// <see cref="ServicesPerStep"/> of its services: those that admit the person and offer the reading language (when none
/// does, the admitting ones, marked), in the step's order with the ones in the person's district first; in a step for people
/// with children the services' ages are the children's and are not compared with the person's. Pure: it works on
/// what the page has read, so the page's queries do not grow with the pathways. It chooses by the services' narrow facts
/// (<see cref="Choose"/>) so that only the shown services are read whole (<see cref="Show"/>).</summary>
public static class Finder
{
    public const int ServicesPerStep = 3;

    /// <summary>Which steps apply and which of their services to show, by the services' facts alone: the page then reads
    /// only the chosen services whole.</summary>
    public static IReadOnlyList<ChosenPathway> Choose(IEnumerable<PathwayDocument> pathways, FinderAnswers answers, string language,
        IReadOnlyDictionary<int, ServiceFacts> facts)
    {
        var shown = new HashSet<Guid>();
        var result = new List<ChosenPathway>();
        foreach (var pathway in pathways.Where(p => Admits(p.Conditions, answers)))
        {
            var stages = new List<ChosenStage>();
            foreach (var stage in pathway.Stages)
            {
                var steps = stage.Steps.Where(s => Admits(s.Conditions, answers) && shown.Add(s.Uid))
                    .Select(s => Step(s, answers, language, facts)).ToList();
                if (steps.Count > 0) stages.Add(new ChosenStage(stage, steps));
            }
            if (stages.Count > 0) result.Add(new ChosenPathway(pathway, stages));
        }
        return result;
    }

    /// <summary>The chosen pathway with the chosen services and the step's public measures as read; a service no longer
    /// listed when it was read whole is left out.</summary>
    public static IReadOnlyList<FoundPathway> Show(IEnumerable<ChosenPathway> chosen, IReadOnlyDictionary<int, StepService> services,
        IReadOnlyDictionary<int, StepMeasure> measures) =>
        chosen.Select(p => new FoundPathway(p.Pathway, p.Stages.Select(stage => new FoundStage(stage.Stage, stage.Steps.Select(step =>
            new FoundStep(step.Step, step.ServiceIds.Where(services.ContainsKey).Select(id => services[id]).ToList(), step.NoneInLanguage,
                Measured(step.Step, measures))).ToList())).ToList())).ToList();

    public static bool Admits(PathwayConditions conditions, FinderAnswers answers) =>
        conditions.Admits(answers.Situation, answers.Age?.Minimum, answers.Age?.Maximum, answers.Children);

    private static ChosenStep Step(PublishedStep step, FinderAnswers answers, string language, IReadOnlyDictionary<int, ServiceFacts> facts)
    {
        // A step for people with children is done for the children: its services' ages (a school, a day-care centre)
        // are the children's, so the person's own age does not choose among them.
        var forChildren = step.Conditions.Children == ChildrenCondition.WithChildren;
        var admitting = step.ServiceIds.Distinct().Where(facts.ContainsKey).Select(id => facts[id])
            .Where(s => s.Admits(answers.Situation, forChildren ? null : answers.Age?.Minimum, forChildren ? null : answers.Age?.Maximum)).ToList();
        var offering = admitting.Where(s => s.Offers(language)).ToList();
        var noneInLanguage = offering.Count == 0 && admitting.Count > 0;
        var chosen = (noneInLanguage ? admitting : offering)
            .Select((s, i) => (s, i))
            .OrderBy(x => answers.DistrictId is int d && x.s.IsIn(d) ? 0 : 1).ThenBy(x => x.i)
            .Select(x => x.s.Id).Take(ServicesPerStep).ToList();
        return new ChosenStep(step, chosen, noneInLanguage);
    }

    /// <summary>The step's measures that are public, in the document's order.</summary>
    public static IReadOnlyList<StepMeasure> Measured(PublishedStep step, IReadOnlyDictionary<int, StepMeasure> measures) =>
        step.MeasureIds.Where(measures.ContainsKey).Select(id => measures[id]).ToList();
}
