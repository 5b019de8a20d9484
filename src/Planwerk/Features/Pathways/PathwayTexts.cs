using Planwerk.Features.Services;

namespace Planwerk.Features.Pathways;

/// <summary>The translated texts of pathways: <see cref="ContentTranslation"/> rows of these kinds and fields, in the
/// municipality's content languages (the same as the help-service inventory's), easy German among them.</summary>
public static class PathwayTexts
{
    public const string PathwayKind = "Pathway";
    public const string StageKind = "PathwayStage";
    public const string StepKind = "PathwayStep";

    /// <summary>Easy German (Leichte Sprache) as a content language of its own: German (<c>lang="de-x-ls"</c>, a private-use
    /// tag under German, so readers and screen readers treat it as German) marked as easy language.</summary>
    public const string EasyGerman = "de-x-ls";

    public static readonly IReadOnlyList<string> PathwayFields = [nameof(Pathway.Title), nameof(Pathway.Summary)];
    public static readonly IReadOnlyList<string> StageFields = [nameof(PathwayStage.Title), nameof(PathwayStage.Summary)];
    public static readonly IReadOnlyList<string> StepFields =
    [
        nameof(PathwayStep.Title), nameof(PathwayStep.WhatToDo), nameof(PathwayStep.Why), nameof(PathwayStep.DocumentsToBring),
        nameof(PathwayStep.Deadlines), nameof(PathwayStep.WaitingTime), nameof(PathwayStep.Tips),
    ];
}
