namespace Planwerk.Features.Pathways.PublicPages;

/// <summary>Small pieces the public pathway pages share.</summary>
public static class PathwayShown
{
    /// <summary>Every text of a published pathway (for "is anything shown in German instead?").</summary>
    public static IEnumerable<PublishedText> Texts(PathwayDocument pathway)
    {
        yield return pathway.Title;
        yield return pathway.Summary;
        foreach (var stage in pathway.Stages)
        {
            yield return stage.Title;
            yield return stage.Summary;
            foreach (var step in stage.Steps)
            {
                foreach (var text in Texts(step)) yield return text;
            }
        }
    }

    public static IEnumerable<PublishedText> Texts(PublishedStep step) =>
        [step.Title, step.WhatToDo, step.Why, step.DocumentsToBring, step.Deadlines, step.WaitingTime, step.Tips];

    public static bool IsEasyGerman(string language) => language == PathwayTexts.EasyGerman;
}
