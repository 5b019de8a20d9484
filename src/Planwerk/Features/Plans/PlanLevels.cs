using System.Globalization;

namespace Planwerk.Features.Plans;

/// <summary>The words of one level of a plan, German and English, singular and plural.</summary>
public sealed record LevelWords(string Singular, string Plural, string SingularEn, string PluralEn)
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The singular in the interface language ("Handlungsfeld" or "Field of action").</summary>
    public string One => English ? SingularEn : Singular;

    /// <summary>The plural in the interface language.</summary>
    public string Many => English ? PluralEn : Plural;

    public override string ToString() => One;
}

/// <summary>What a plan calls its three levels: cities say "Leitlinien" or "Leitziele", "Handlungsfelder",
/// "Teilbereiche" or "Themenfelder", "Maßnahmen". Stored per plan (<see cref="Plan.Levels"/>), edited on
/// the plan's edit page, and used wherever a level is named: pages, print, PDF, exports, history.</summary>
public sealed record PlanLevels(LevelWords Principle, LevelWords Field, LevelWords Measure)
{
    public const int MaxWordLength = 60;

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
