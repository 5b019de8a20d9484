using System.Globalization;
using System.Text.Json.Serialization;

namespace Planwerk.Features.Plans;

public static class PlanLevelQueries
{
    /// <summary>The levels of the plans queried, as one projection (the entity's <see cref="Plan.Levels"/> is not mapped).</summary>
    public static IQueryable<PlanLevels> SelectLevels(this IQueryable<Plan> plans) => plans.Select(p => new PlanLevels(
        new LevelWords(p.PrincipleSingular, p.PrinciplePlural, p.PrincipleSingularEn, p.PrinciplePluralEn),
        new LevelWords(p.FieldSingular, p.FieldPlural, p.FieldSingularEn, p.FieldPluralEn),
        new LevelWords(p.MeasureSingular, p.MeasurePlural, p.MeasureSingularEn, p.MeasurePluralEn)));

    /// <summary>The plans' titles with their levels, as one projection: what a page's heading and texts need of a plan.</summary>
    public static IQueryable<PlanHeading> SelectHeading(this IQueryable<Plan> plans) => plans.Select(p => new PlanHeading(p.Title, new PlanLevels(
        new LevelWords(p.PrincipleSingular, p.PrinciplePlural, p.PrincipleSingularEn, p.PrinciplePluralEn),
        new LevelWords(p.FieldSingular, p.FieldPlural, p.FieldSingularEn, p.FieldPluralEn),
        new LevelWords(p.MeasureSingular, p.MeasurePlural, p.MeasureSingularEn, p.MeasurePluralEn))));
}

/// <summary>A plan's title and the words for its levels.</summary>
public sealed record PlanHeading(string Title, PlanLevels Levels);

/// <summary>The words of one level of a plan, German and English, singular and plural.</summary>
public sealed record LevelWords(string Singular, string Plural, string SingularEn, string PluralEn)
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The singular in the interface language ("Handlungsfeld" or "Field of action").</summary>
    [JsonIgnore]
    public string One => English ? SingularEn : Singular;

    /// <summary>The singular inside a sentence: German nouns keep their capital, English words lose it
    /// ("Edit topic 4.2").</summary>
    [JsonIgnore]
    public string OneInSentence => English && SingularEn.Length > 0 ? char.ToLowerInvariant(SingularEn[0]) + SingularEn[1..] : One;

    /// <summary>The plural in the interface language.</summary>
    [JsonIgnore]
    public string Many => English ? PluralEn : Plural;

    /// <summary>The plural inside a sentence: German nouns keep their capital, English words lose it
    /// ("Fields of action and measures").</summary>
    [JsonIgnore]
    public string ManyInSentence => English && PluralEn.Length > 0 ? char.ToLowerInvariant(PluralEn[0]) + PluralEn[1..] : Many;

    /// <summary>A number with the word, singular for one ("1 Themenfeld", "12 Themenfelder", "12 topics").</summary>
    public string Counted(int count) => string.Create(CultureInfo.CurrentCulture, $"{count} {(count == 1 ? One : ManyInSentence)}");

    [JsonIgnore]
    public IEnumerable<string> Words => [Singular, Plural, SingularEn, PluralEn];

    public override string ToString() => One;
}

/// <summary>What a plan calls its three levels: cities say "Leitlinien" or "Leitziele", "Handlungsfelder",
/// "Teilbereiche" or "Themenfelder", "Maßnahmen". Stored per plan (<see cref="Plan.Levels"/>), edited on
/// the plan's edit page, and used wherever a level is named: pages, print, PDF, exports, history.</summary>
public sealed record PlanLevels(LevelWords Principle, LevelWords Field, LevelWords Measure)
{
    public const int MaxWordLength = 60;

    /// <summary>Each level with the name of its group of fields ("Principle" for PrincipleSingular, …).</summary>
    [JsonIgnore]
    public IEnumerable<(string Level, LevelWords Words)> All => [("Principle", Principle), ("Field", Field), ("Measure", Measure)];

    public static readonly PlanLevels Default = new(
        new("Leitlinie", "Leitlinien", "Guiding principle", "Guiding principles"),
        new("Handlungsfeld", "Handlungsfelder", "Field of action", "Fields of action"),
        new("Maßnahme", "Maßnahmen", "Measure", "Measures"));

    /// <summary>The choices offered on the plan's edit page; any other words may be typed.</summary>
    public static readonly IReadOnlyList<LevelWords> PrinciplePresets =
    [
        Default.Principle,
        new("Leitziel", "Leitziele", "Guiding goal", "Guiding goals"),
        new("Leitbild", "Leitbilder", "Vision", "Visions"),
        new("Ziel", "Ziele", "Goal", "Goals"),
    ];

    public static readonly IReadOnlyList<LevelWords> FieldPresets =
    [
        Default.Field,
        new("Teilbereich", "Teilbereiche", "Area", "Areas"),
        new("Themenfeld", "Themenfelder", "Topic", "Topics"),
        new("Handlungsbereich", "Handlungsbereiche", "Area of action", "Areas of action"),
    ];

    public static readonly IReadOnlyList<LevelWords> MeasurePresets =
    [
        Default.Measure,
        new("Projekt", "Projekte", "Project", "Projects"),
        new("Vorhaben", "Vorhaben", "Initiative", "Initiatives"),
    ];
}
