namespace Planwerk.Features.Pathways.PublicPages;

/// <summary>What the step partial shows: a published step in the reading language with its live services and measures.
/// <see cref="Code"/> is the pathway it is read in (its feedback link names it); <see cref="Level"/> the heading level.</summary>
public sealed record StepView(PublishedStep Step, IReadOnlyList<StepService> Services, bool NoneInLanguage, IReadOnlyList<StepMeasure> Measures,
    string Language, string Slug, string Code, string? LangQuery, int Level);
