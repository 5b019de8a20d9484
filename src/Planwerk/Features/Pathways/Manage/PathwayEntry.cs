using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Services;
using Planwerk.Features.Services.Manage;

namespace Planwerk.Features.Pathways.Manage;

/// <summary>A pathway's own fields as the form has them.</summary>
public sealed class PathwayInput
{
    public string? Title { get; set; }
    public string? Code { get; set; }
    public string? Summary { get; set; }
    /// <summary>Nothing chosen: for everybody.</summary>
    public List<ResidenceSituations> Audience { get; set; } = [];
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public ChildrenCondition Children { get; set; }
    public int Position { get; set; }
}

/// <summary>A stage's fields as the form has them.</summary>
public sealed class StageInput
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
}

/// <summary>A step's fields as the form has them.</summary>
public sealed class StepInput
{
    public string? Title { get; set; }
    public string? WhatToDo { get; set; }
    public string? Why { get; set; }
    public string? DocumentsToBring { get; set; }
    public string? Deadlines { get; set; }
    public string? WaitingTime { get; set; }
    public string? Tips { get; set; }
    public List<ResidenceSituations> Audience { get; set; } = [];
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public ChildrenCondition Children { get; set; }
}

/// <summary>Checking, applying and describing pathways, stages and steps: every problem at its field with a message that
/// names the field; descriptions as text for the history and the conflict view.</summary>
public static partial class PathwayEntry
{
    /// <summary>Codes that are addresses of their own below <c>/{municipality}/pathways</c>.</summary>
    public static readonly IReadOnlySet<string> ReservedCodes = new HashSet<string>(StringComparer.Ordinal) { "finder", "new", "print", "pdf" };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    public static PathwayInput ToInput(Pathway p) => new()
    {
        Title = p.Title, Code = p.Code, Summary = p.Summary, Audience = Singles(p.Audience),
        MinimumAge = p.MinimumAge, MaximumAge = p.MaximumAge, Children = p.Children, Position = p.Position,
    };

    public static StepInput ToInput(PathwayStep s) => new()
    {
        Title = s.Title, WhatToDo = s.WhatToDo, Why = s.Why, DocumentsToBring = s.DocumentsToBring, Deadlines = s.Deadlines,
        WaitingTime = s.WaitingTime, Tips = s.Tips, Audience = Singles(s.Audience), MinimumAge = s.MinimumAge, MaximumAge = s.MaximumAge, Children = s.Children,
    };

    private static List<ResidenceSituations> Singles(ResidenceSituations audience) =>
        audience == ResidenceSituations.Everybody ? [] : Enum.GetValues<ResidenceSituations>().Where(f => ServiceEntry.IsSingle(f) && audience.HasFlag(f)).ToList();

    private static ResidenceSituations Combine(List<ResidenceSituations> audience) =>
        audience.Count == 0 ? ResidenceSituations.Everybody : audience.Aggregate(ResidenceSituations.None, (a, b) => a | b);

    /// <summary>The pathway's problems; <paramref name="codeTaken"/> says whether another pathway of the municipality has the code.</summary>
    public static List<EntryProblem> Check(PathwayInput input, bool codeTaken, string prefix)
    {
        var problems = new List<EntryProblem>();
        void Add(string key, string text, params object[] args) => problems.Add(new EntryProblem(prefix + "." + key, text, args));
        if (string.IsNullOrWhiteSpace(input.Title)) Add(nameof(input.Title), "Titel: Bitte geben Sie einen Titel an.");
        Length(Add, nameof(input.Title), input.Title, Pathway.MaxTitleLength, "Titel");
        var code = input.Code?.Trim() ?? "";
        if (code.Length == 0) Add(nameof(input.Code), "Adresskürzel: Bitte geben Sie ein Kürzel für die Adresse an.");
        else if (code.Length > Pathway.MaxCodeLength) Add(nameof(input.Code), "Adresskürzel: Bitte kürzen Sie das Kürzel auf höchstens {0} Zeichen.", Pathway.MaxCodeLength);
        else if (!CodePattern().IsMatch(code)) Add(nameof(input.Code), "Adresskürzel: Bitte verwenden Sie nur Kleinbuchstaben (a–z), Ziffern und einzelne Bindestriche zwischen ihnen, z. B. „neu-in-dresden“.");
        else if (ReservedCodes.Contains(code)) Add(nameof(input.Code), "Adresskürzel: „{0}“ ist für eine andere Seite reserviert. Bitte wählen Sie ein anderes Kürzel.", code);
        else if (codeTaken) Add(nameof(input.Code), "Adresskürzel: „{0}“ hat schon ein anderer Integrationsweg. Bitte wählen Sie ein anderes Kürzel.", code);
        Length(Add, nameof(input.Summary), input.Summary, Pathway.MaxTextLength, "Kurzbeschreibung");
        CheckConditions(Add, input.Audience, input.MinimumAge, input.MaximumAge, input.Children);
        if (input.Position is < 0 or > 10000) Add(nameof(input.Position), "Position: Bitte geben Sie eine Zahl zwischen 0 und 10000 an.");
        return problems;
    }

    public static List<EntryProblem> Check(StageInput input, string prefix)
    {
        var problems = new List<EntryProblem>();
        void Add(string key, string text, params object[] args) => problems.Add(new EntryProblem(prefix + "." + key, text, args));
        if (string.IsNullOrWhiteSpace(input.Title)) Add(nameof(input.Title), "Titel des Abschnitts: Bitte geben Sie einen Titel an.");
        Length(Add, nameof(input.Title), input.Title, Pathway.MaxTitleLength, "Titel des Abschnitts");
        Length(Add, nameof(input.Summary), input.Summary, Pathway.MaxTextLength, "Kurzbeschreibung des Abschnitts");
        return problems;
    }

    public static List<EntryProblem> Check(StepInput input, string prefix)
    {
        var problems = new List<EntryProblem>();
        void Add(string key, string text, params object[] args) => problems.Add(new EntryProblem(prefix + "." + key, text, args));
        if (string.IsNullOrWhiteSpace(input.Title)) Add(nameof(input.Title), "Titel des Schritts: Bitte geben Sie einen Titel an.");
        Length(Add, nameof(input.Title), input.Title, Pathway.MaxTitleLength, "Titel des Schritts");
        foreach (var (field, value) in StepTexts(input).Skip(1)) Length(Add, field, value, Pathway.MaxTextLength, StepFieldLabel(field));
        CheckConditions(Add, input.Audience, input.MinimumAge, input.MaximumAge, input.Children);
        return problems;
    }

    private static IEnumerable<(string Field, string? Value)> StepTexts(StepInput s) =>
    [
        (nameof(s.Title), s.Title), (nameof(s.WhatToDo), s.WhatToDo), (nameof(s.Why), s.Why), (nameof(s.DocumentsToBring), s.DocumentsToBring),
        (nameof(s.Deadlines), s.Deadlines), (nameof(s.WaitingTime), s.WaitingTime), (nameof(s.Tips), s.Tips),
    ];

    private static void Length(Action<string, string, object[]> add, string key, string? value, int max, string label)
    {
        if ((value?.Trim().Length ?? 0) > max) add(key, "{0}: Bitte kürzen Sie den Text auf höchstens {1} Zeichen (jetzt {2}).", [label, max, value!.Trim().Length]);
    }

    private static void CheckConditions(Action<string, string, object[]> add, List<ResidenceSituations> audience, int? min, int? max, ChildrenCondition children)
    {
        if (audience.Any(a => !ServiceEntry.IsSingle(a) || !Enum.IsDefined(a)))
            add("Audience", "Aufenthaltssituation: Bitte wählen Sie nur Aufenthaltssituationen aus der Liste.", []);
        if (min is < 0 or > 120) add("MinimumAge", "Mindestalter: Bitte geben Sie ein Alter zwischen 0 und 120 an.", []);
        if (max is < 0 or > 120) add("MaximumAge", "Höchstalter: Bitte geben Sie ein Alter zwischen 0 und 120 an.", []);
        if (min is int a && max is int b && a is >= 0 and <= 120 && b is >= 0 and <= 120 && b < a)
            add("MaximumAge", "Höchstalter: Das Höchstalter liegt unter dem Mindestalter.", []);
        if (!Enum.IsDefined(children)) add("Children", "Kinder: Bitte wählen Sie aus der Liste.", []);
    }

    public static void Apply(Pathway p, PathwayInput input)
    {
        p.Title = Clean(input.Title);
        p.Code = Clean(input.Code);
        p.Summary = Clean(input.Summary);
        p.Audience = Combine(input.Audience);
        (p.MinimumAge, p.MaximumAge, p.Children, p.Position) = (input.MinimumAge, input.MaximumAge, input.Children, input.Position);
    }

    public static void Apply(PathwayStep s, StepInput input)
    {
        s.Title = Clean(input.Title);
        s.WhatToDo = Clean(input.WhatToDo);
        s.Why = Clean(input.Why);
        s.DocumentsToBring = Clean(input.DocumentsToBring);
        s.Deadlines = Clean(input.Deadlines);
        s.WaitingTime = Clean(input.WaitingTime);
        s.Tips = Clean(input.Tips);
        s.Audience = Combine(input.Audience);
        (s.MinimumAge, s.MaximumAge, s.Children) = (input.MinimumAge, input.MaximumAge, input.Children);
    }

    /// <summary>Trimmed, with line ends as <c>\n</c>.</summary>
    public static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>The pathway's own fields as text (German labels are text keys).</summary>
    public static IReadOnlyList<EntryPart> Describe(PathwayInput p) =>
    [
        new("Title", "Titel", Clean(p.Title)),
        new("Code", "Adresskürzel", Clean(p.Code)),
        new("Summary", "Kurzbeschreibung", Clean(p.Summary)),
        new("Audience", "Aufenthaltssituation", AudienceText(p.Audience)),
        new("Ages", "Alter", Ages(p.MinimumAge, p.MaximumAge)),
        new("Children", "Kinder", ChildrenText(p.Children)),
        new("Position", "Position", p.Position.ToString(CultureInfo.InvariantCulture)),
    ];

    public static IReadOnlyList<EntryPart> Describe(StepInput s) =>
    [
        .. StepTexts(s).Select(t => new EntryPart(t.Field, StepFieldLabel(t.Field), Clean(t.Value))),
        new("Audience", "Aufenthaltssituation", AudienceText(s.Audience)),
        new("Ages", "Alter", Ages(s.MinimumAge, s.MaximumAge)),
        new("Children", "Kinder", ChildrenText(s.Children)),
    ];

    public static string StepFieldLabel(string field) => field switch
    {
        nameof(PathwayStep.Title) => "Titel des Schritts",
        nameof(PathwayStep.WhatToDo) => "Was zu tun ist",
        nameof(PathwayStep.Why) => "Warum",
        nameof(PathwayStep.DocumentsToBring) => "Mitzubringende Unterlagen",
        nameof(PathwayStep.Deadlines) => "Fristen",
        nameof(PathwayStep.WaitingTime) => "Dauer und Wartezeit",
        nameof(PathwayStep.Tips) => "Tipps",
        _ => field,
    };

    private static string AudienceText(List<ResidenceSituations> audience) =>
        audience.Count == 0 ? "alle" : string.Join("; ", audience.Distinct().Order().Select(ServiceEntry.AudienceText));

    public static string AudienceText(ResidenceSituations audience) => AudienceText(Singles(audience));

    public static string Ages(int? min, int? max) => (min, max) switch
    {
        (null, null) => "",
        (int a, null) => "ab " + a.ToString(CultureInfo.InvariantCulture),
        (null, int b) => "bis " + b.ToString(CultureInfo.InvariantCulture),
        (int a, int b) => a.ToString(CultureInfo.InvariantCulture) + "–" + b.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The German text (a text key) of a children condition.</summary>
    public static string ChildrenText(ChildrenCondition c) => c switch
    {
        ChildrenCondition.WithChildren => "mit Kindern",
        ChildrenCondition.WithoutChildren => "ohne Kinder",
        _ => "mit oder ohne Kinder",
    };

    public static string StatusText(PathwayStatus s) => s switch
    {
        PathwayStatus.Published => "veröffentlicht",
        PathwayStatus.Withdrawn => "zurückgezogen",
        _ => "Entwurf",
    };

    /// <summary>The pathway's stages and steps as an outline ("1. Ankommen" / "1.1 Anmelden"), for the history.</summary>
    public static async Task<string> OutlineAsync(PlanwerkDbContext db, int pathwayId, CancellationToken ct)
    {
        var stages = await db.PathwayStages.AsNoTracking().Where(s => s.PathwayId == pathwayId).OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Title }).ToListAsync(ct);
        var ids = stages.Select(s => s.Id).ToList();
        var uses = await db.PathwayStageSteps.AsNoTracking().Where(u => ids.Contains(u.StageId)).OrderBy(u => u.Position).ThenBy(u => u.Id)
            .Select(u => new { u.StageId, u.Step!.Title }).ToListAsync(ct);
        var text = new StringBuilder();
        for (var i = 0; i < stages.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {stages[i].Title}\n");
            var k = 0;
            foreach (var use in uses.Where(u => u.StageId == stages[i].Id)) text.Append(CultureInfo.InvariantCulture, $"   {i + 1}.{++k} {use.Title}\n");
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>The municipality's services a step may name, by name: id → "name (organisation)".</summary>
    public static async Task<IReadOnlyList<(int Id, string Text)>> ServiceChoicesAsync(PlanwerkDbContext db, CancellationToken ct) =>
        (await db.HelpServices.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, Organisation = s.Organisation!.Name }).ToListAsync(ct))
        .Select(s => (s.Id, s.Name + " (" + s.Organisation + ")")).ToList();

    /// <summary>The measures of the municipality's plans a step may name: id → "number title (plan)".</summary>
    public static async Task<IReadOnlyList<(int Id, string Text)>> MeasureChoicesAsync(PlanwerkDbContext db, CancellationToken ct) =>
        (await db.Measures.AsNoTracking().OrderBy(x => x.Plan!.Title).ThenBy(x => x.PlanId).ThenBy(x => x.FieldOfAction!.Position).ThenBy(x => x.Position).ThenBy(x => x.Id)
            .Select(x => new { x.Id, x.Number, x.Title, Plan = x.Plan!.Title }).ToListAsync(ct))
        .Select(x => (x.Id, MeasureText(x.Number, x.Title, x.Plan))).ToList();

    public static string MeasureText(string number, string title, string plan) => number + " " + title + " (" + plan + ")";
}
