namespace Planwerk.Features.Pathways.PublicPages;

/// <summary>A published pathway step that names a measure, for the measure's public page (German, as that page is).</summary>
public sealed record MeasureStepLink(string Code, string Pathway, Guid StepUid, string Step)
{
    public string Address(string m) => PathwayLinks.Pathway(m, Code, null) + "#step-" + StepUid.ToString("N");

    /// <summary>The steps of the published pathways that name the measure, in the pathways' and steps' order, each step
    /// once per pathway. Works on the documents in memory: no query per step.</summary>
    public static IReadOnlyList<MeasureStepLink> Of(IEnumerable<PathwayDocument> pathways, int measureId) =>
        pathways.SelectMany(p => p.AllSteps.Where(s => s.MeasureIds.Contains(measureId)).DistinctBy(s => s.Uid)
            .Select(s => new MeasureStepLink(p.Code, p.Title.Source, s.Uid, s.Title.Source))).ToList();
}
