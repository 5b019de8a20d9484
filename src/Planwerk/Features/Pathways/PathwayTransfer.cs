using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Features.Services;

namespace Planwerk.Features.Pathways;

/// <summary>The municipality's pathways in a plan document ("pathways" in the "planwerk-plan" format, see
/// docs/import-export.md): the pathways with their stages, and the steps they share, each with its conditions, the
/// help services it names (by their open-data uid, with their name for readers) and the plan's measures it names (by
/// the measure's key in the plan), and every translation. The plan team's export carries the working state of every
/// pathway; the public export only what is published. An import creates the pathways as drafts, keeping their uids.</summary>
public sealed record PathwayTransferDocument(IReadOnlyList<PathwayTransferEntry> Pathways, IReadOnlyList<StepTransferEntry> Steps);

public sealed record PathwayTransferEntry(Guid Uid, string Code, string Title, string Summary, ResidenceSituations Audience, int? MinimumAge, int? MaximumAge,
    ChildrenCondition Children, bool IsExample, IReadOnlyList<TranslationEntry> Translations, IReadOnlyList<StageTransferEntry> Stages);

/// <summary>A stage; <see cref="Steps"/> are uids of <see cref="PathwayTransferDocument.Steps"/>, in order.</summary>
public sealed record StageTransferEntry(Guid Uid, string Title, string Summary, IReadOnlyList<TranslationEntry> Translations, IReadOnlyList<Guid> Steps);

/// <summary>A step. <see cref="Measures"/> are keys of measures of the plan in the same document.</summary>
public sealed record StepTransferEntry(Guid Uid, string Title, string WhatToDo, string Why, string DocumentsToBring, string Deadlines, string WaitingTime, string Tips,
    ResidenceSituations Audience, int? MinimumAge, int? MaximumAge, ChildrenCondition Children, bool IsExample,
    IReadOnlyList<TranslationEntry> Translations, IReadOnlyList<ServiceReference> Services, IReadOnlyList<int> Measures);

/// <summary>A translated field; <see cref="Outdated"/> when it was made from an earlier German text.</summary>
public sealed record TranslationEntry(string Language, string Field, string Text)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Outdated { get; init; }
}

/// <summary>A help service by its open-data uid (as the HSDS export and import keep it); the name is for readers.</summary>
public sealed record ServiceReference(Guid Uid, string Name);

/// <summary>What an import of pathways did, for the page's message.</summary>
public sealed record PathwayImportCounts(int Created, int Skipped, int ServiceLinksDropped);

public static partial class PathwayTransfer
{
    public const string ReservedCode = "finder";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex CodePattern();

    // ------------------------------------------------------------------ export

    /// <summary>The municipality's pathways for the plan document of <paramref name="planId"/>: the working state of every
    /// pathway, or with <paramref name="publishedOnly"/> the current publications; null when there are none. Links to
    /// measures of other plans are left out.</summary>
    public static async Task<PathwayTransferDocument?> LoadAsync(PlanwerkDbContext db, int planId, bool publishedOnly, PublishedPathways published, CancellationToken ct = default)
    {
        var documents = new List<PathwayDocument>();
        if (publishedOnly) documents.AddRange(await published.ListAsync(db, ct));
        else
        {
            foreach (var id in await db.Pathways.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync(ct))
            {
                if (await PathwayPublishing.BuildAsync(db, id, ct) is { } document) documents.Add(document);
            }
        }
        if (documents.Count == 0) return null;
        var measureKeys = await db.Measures.AsNoTracking().Where(m => m.PlanId == planId).Select(m => new { m.Id, m.Key }).ToDictionaryAsync(m => m.Id, m => m.Key, ct);
        var serviceIds = documents.SelectMany(d => d.AllSteps).SelectMany(s => s.ServiceIds).Distinct().ToList();
        var services = await db.HelpServices.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).Select(s => new { s.Id, s.Uid, s.Name }).ToDictionaryAsync(s => s.Id, ct);
        var steps = new Dictionary<Guid, StepTransferEntry>();
        var pathways = new List<PathwayTransferEntry>();
        foreach (var d in documents)
        {
            var stages = new List<StageTransferEntry>();
            foreach (var stage in d.Stages)
            {
                foreach (var s in stage.Steps.Where(s => !steps.ContainsKey(s.Uid)))
                {
                    steps[s.Uid] = new StepTransferEntry(s.Uid, s.Title.Source, s.WhatToDo.Source, s.Why.Source, s.DocumentsToBring.Source, s.Deadlines.Source,
                        s.WaitingTime.Source, s.Tips.Source, s.Conditions.Audience, s.Conditions.MinimumAge, s.Conditions.MaximumAge, s.Conditions.Children,
                        s.IsExample,
                        Translations(
                            (nameof(PathwayStep.Title), s.Title), (nameof(PathwayStep.WhatToDo), s.WhatToDo), (nameof(PathwayStep.Why), s.Why),
                            (nameof(PathwayStep.DocumentsToBring), s.DocumentsToBring), (nameof(PathwayStep.Deadlines), s.Deadlines),
                            (nameof(PathwayStep.WaitingTime), s.WaitingTime), (nameof(PathwayStep.Tips), s.Tips)),
                        s.ServiceIds.Where(services.ContainsKey).Select(id => new ServiceReference(services[id].Uid, services[id].Name)).ToList(),
                        s.MeasureIds.Where(measureKeys.ContainsKey).Select(id => measureKeys[id]).Order().ToList());
                }
                stages.Add(new StageTransferEntry(stage.Uid, stage.Title.Source, stage.Summary.Source,
                    Translations((nameof(PathwayStage.Title), stage.Title), (nameof(PathwayStage.Summary), stage.Summary)), stage.Steps.Select(s => s.Uid).ToList()));
            }
            pathways.Add(new PathwayTransferEntry(d.Uid, d.Code, d.Title.Source, d.Summary.Source, d.Conditions.Audience, d.Conditions.MinimumAge, d.Conditions.MaximumAge,
                d.Conditions.Children, d.IsExample, Translations((nameof(Pathway.Title), d.Title), (nameof(Pathway.Summary), d.Summary)), stages));
        }
        return new PathwayTransferDocument(pathways, [.. steps.Values]);
    }

    /// <summary>The translations of some fields, by field in the given order, then by language (ordinal).</summary>
    private static List<TranslationEntry> Translations(params (string Field, PublishedText Text)[] fields) =>
        fields.SelectMany(f => f.Text.Translations.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new TranslationEntry(t.Key, f.Field, t.Value.Text) { Outdated = t.Value.Outdated })).ToList();

    // ------------------------------------------------------------------ import: checking

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every problem of the document's pathways, each at its place (<c>$.pathways.steps[2].title</c>).</summary>
    public static List<ImportProblem> Validate(PathwayTransferDocument document, IReadOnlySet<int> measureKeys)
    {
        var problems = new List<ImportProblem>();
        void Problem(string path, string message, params string[] arguments) => problems.Add(new ImportProblem(null, path, message, arguments));
        void Text(string path, string text, int max, bool required)
        {
            if (required && string.IsNullOrWhiteSpace(text)) Problem(path, ImportTexts.Required);
            else if (ValueParsing.ControlCharacter(text) is char c) Problem(path, ImportTexts.ControlCharacter, ValueParsing.Hex(c));
            else if (text.Length > max) Problem(path, ImportTexts.TooLong, Str(text.Length), Str(max));
        }
        void Ages(string path, int? minimum, int? maximum)
        {
            if (minimum is < 0 or > 150) Problem(path + ".minimumAge", PathwayImportTexts.Age);
            if (maximum is < 0 or > 150) Problem(path + ".maximumAge", PathwayImportTexts.Age);
            if (minimum is int a && maximum is int b && a > b) Problem(path + ".maximumAge", PathwayImportTexts.AgesReversed);
        }
        void Translated(string path, IReadOnlyList<TranslationEntry> translations, IReadOnlyList<string> fields)
        {
            var seen = new HashSet<(string, string)>();
            for (var i = 0; i < translations.Count; i++)
            {
                var t = translations[i];
                var at = $"{path}.translations[{i}]";
                if (!LanguageCodes.IsKnown(t.Language) || t.Language == ContentLanguages.Source) Problem(at + ".language", PathwayImportTexts.UnknownLanguage, t.Language);
                if (!fields.Contains(t.Field)) Problem(at + ".field", PathwayImportTexts.UnknownField, t.Field, string.Join(", ", fields));
                Text(at + ".text", t.Text, Pathway.MaxTextLength, required: true);
                if (!seen.Add((t.Language, t.Field))) Problem(at, PathwayImportTexts.DuplicateTranslation, t.Field, t.Language);
            }
        }

        var stepUids = new HashSet<Guid>();
        for (var i = 0; i < document.Steps.Count; i++)
        {
            var s = document.Steps[i];
            var at = $"$.pathways.steps[{i}]";
            if (!stepUids.Add(s.Uid)) Problem(at + ".uid", PathwayImportTexts.DuplicateUid, s.Uid.ToString());
            Text(at + ".title", s.Title, Pathway.MaxTitleLength, required: true);
            foreach (var (name, value) in new[] { ("whatToDo", s.WhatToDo), ("why", s.Why), ("documentsToBring", s.DocumentsToBring), ("deadlines", s.Deadlines), ("waitingTime", s.WaitingTime), ("tips", s.Tips) })
                Text($"{at}.{name}", value, Pathway.MaxTextLength, required: false);
            Ages(at, s.MinimumAge, s.MaximumAge);
            Translated(at, s.Translations, PathwayTexts.StepFields);
            for (var k = 0; k < s.Measures.Count; k++)
            {
                if (!measureKeys.Contains(s.Measures[k])) Problem($"{at}.measures[{k}]", PathwayImportTexts.UnknownMeasure, Str(s.Measures[k]));
            }
            if (s.Services.Select(r => r.Uid).Distinct().Count() != s.Services.Count) Problem(at + ".services", PathwayImportTexts.DuplicateService);
        }
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var uids = new HashSet<Guid>();
        var used = new HashSet<Guid>();
        for (var i = 0; i < document.Pathways.Count; i++)
        {
            var p = document.Pathways[i];
            var at = $"$.pathways.pathways[{i}]";
            if (!uids.Add(p.Uid)) Problem(at + ".uid", PathwayImportTexts.DuplicateUid, p.Uid.ToString());
            if (p.Code.Length > Pathway.MaxCodeLength || !CodePattern().IsMatch(p.Code) || p.Code == ReservedCode) Problem(at + ".code", PathwayImportTexts.Code, p.Code);
            else if (!codes.Add(p.Code)) Problem(at + ".code", PathwayImportTexts.DuplicateCode, p.Code);
            Text(at + ".title", p.Title, Pathway.MaxTitleLength, required: true);
            Text(at + ".summary", p.Summary, Pathway.MaxTextLength, required: false);
            Ages(at, p.MinimumAge, p.MaximumAge);
            Translated(at, p.Translations, PathwayTexts.PathwayFields);
            for (var k = 0; k < p.Stages.Count; k++)
            {
                var stage = p.Stages[k];
                var stageAt = $"{at}.stages[{k}]";
                if (!uids.Add(stage.Uid)) Problem(stageAt + ".uid", PathwayImportTexts.DuplicateUid, stage.Uid.ToString());
                Text(stageAt + ".title", stage.Title, Pathway.MaxTitleLength, required: true);
                Text(stageAt + ".summary", stage.Summary, Pathway.MaxTextLength, required: false);
                Translated(stageAt, stage.Translations, PathwayTexts.StageFields);
                for (var n = 0; n < stage.Steps.Count; n++)
                {
                    if (!stepUids.Contains(stage.Steps[n])) Problem($"{stageAt}.steps[{n}]", PathwayImportTexts.UnknownStep, stage.Steps[n].ToString());
                    used.Add(stage.Steps[n]);
                }
                if (stage.Steps.Distinct().Count() != stage.Steps.Count) Problem(stageAt + ".steps", PathwayImportTexts.StepTwiceInStage);
            }
        }
        for (var i = 0; i < document.Steps.Count; i++)
        {
            if (!used.Contains(document.Steps[i].Uid)) Problem($"$.pathways.steps[{i}]", PathwayImportTexts.UnusedStep);
        }
        return problems;
    }

    // ------------------------------------------------------------------ import: creating

    /// <summary>Adds the document's pathways to the context as drafts of the current municipality, linked to the new
    /// plan's measures (<paramref name="measuresByKey"/>, not saved yet) and to the municipality's services with the same
    /// uid (links to services it does not have are dropped and counted). Pathways whose uid or code the municipality
    /// already has are skipped, and so are steps whose uid it has (a skipped step's pathways use the existing step).
    /// Translations need the rows' ids: they are added by the returned action, to run after the first save.</summary>
    public static async Task<(PathwayImportCounts Counts, Func<Task> AddTranslations)> AddAsync(PlanwerkDbContext db, PathwayTransferDocument document,
        IReadOnlyDictionary<int, Measure> measuresByKey, DateTimeOffset now, CancellationToken ct)
    {
        var existingPathways = await db.Pathways.Select(p => new { p.Uid, p.Code }).ToListAsync(ct);
        var stepUids = document.Steps.Select(s => s.Uid).ToList();
        var existingSteps = await db.PathwaySteps.Where(s => stepUids.Contains(s.Uid)).ToDictionaryAsync(s => s.Uid, ct);
        var serviceUids = document.Steps.SelectMany(s => s.Services).Select(r => r.Uid).Distinct().ToList();
        var services = await db.HelpServices.Where(s => serviceUids.Contains(s.Uid)).Select(s => new { s.Uid, s.Id }).ToDictionaryAsync(s => s.Uid, s => s.Id, ct);
        var position = (await db.Pathways.Select(p => (int?)p.Position).MaxAsync(ct) ?? -1) + 1;

        var dropped = 0;
        var steps = new Dictionary<Guid, PathwayStep>();
        var newSteps = new List<(StepTransferEntry Entry, PathwayStep Step)>();
        foreach (var entry in document.Steps)
        {
            if (existingSteps.TryGetValue(entry.Uid, out var existing)) { steps[entry.Uid] = existing; continue; }
            var step = new PathwayStep
            {
                Uid = entry.Uid, Title = entry.Title.Trim(), WhatToDo = entry.WhatToDo, Why = entry.Why, DocumentsToBring = entry.DocumentsToBring,
                Deadlines = entry.Deadlines, WaitingTime = entry.WaitingTime, Tips = entry.Tips, Audience = entry.Audience,
                MinimumAge = entry.MinimumAge, MaximumAge = entry.MaximumAge, Children = entry.Children, IsExample = entry.IsExample,
            };
            var order = 0;
            foreach (var reference in entry.Services)
            {
                if (services.TryGetValue(reference.Uid, out var serviceId)) step.Services.Add(new PathwayStepService { ServiceId = serviceId, Position = order++ });
                else dropped++;
            }
            foreach (var key in entry.Measures) step.Measures.Add(new PathwayStepMeasure { Measure = measuresByKey[key] });
            db.PathwaySteps.Add(step);
            steps[entry.Uid] = step;
            newSteps.Add((entry, step));
        }
        var created = new List<(PathwayTransferEntry Entry, Pathway Pathway)>();
        var skipped = 0;
        foreach (var entry in document.Pathways)
        {
            if (existingPathways.Any(p => p.Uid == entry.Uid || p.Code == entry.Code)) { skipped++; continue; }
            var pathway = new Pathway
            {
                Uid = entry.Uid, Code = entry.Code, Title = entry.Title.Trim(), Summary = entry.Summary, Audience = entry.Audience,
                MinimumAge = entry.MinimumAge, MaximumAge = entry.MaximumAge, Children = entry.Children, IsExample = entry.IsExample, Position = position++,
            };
            for (var k = 0; k < entry.Stages.Count; k++)
            {
                var s = entry.Stages[k];
                var stage = new PathwayStage { Uid = s.Uid, Title = s.Title.Trim(), Summary = s.Summary, Position = k };
                for (var n = 0; n < s.Steps.Count; n++) stage.Steps.Add(new PathwayStageStep { Step = steps[s.Steps[n]], Position = n });
                pathway.Stages.Add(stage);
            }
            db.Pathways.Add(pathway);
            created.Add((entry, pathway));
        }

        async Task AddTranslations()
        {
            void Add(string kind, int id, IReadOnlyList<TranslationEntry> translations, Func<string, string> source)
            {
                foreach (var t in translations)
                {
                    var text = source(t.Field);
                    db.ContentTranslations.Add(new ContentTranslation
                    {
                        Kind = kind, EntityId = id, Language = t.Language, Field = t.Field, Text = t.Text, TranslatedAt = now,
                        // An outdated translation stays outdated: its fingerprint is not the German text's.
                        SourceFingerprint = ServiceTexts.Fingerprint(t.Outdated ? OutdatedSource + text : text),
                    });
                }
            }
            foreach (var (entry, step) in newSteps) Add(PathwayTexts.StepKind, step.Id, entry.Translations, field => StepText(step, field));
            foreach (var (entry, pathway) in created)
            {
                Add(PathwayTexts.PathwayKind, pathway.Id, entry.Translations, field => field == nameof(Pathway.Title) ? pathway.Title : pathway.Summary);
                for (var k = 0; k < entry.Stages.Count; k++)
                {
                    var stage = pathway.Stages[k];
                    Add(PathwayTexts.StageKind, stage.Id, entry.Stages[k].Translations, field => field == nameof(PathwayStage.Title) ? stage.Title : stage.Summary);
                }
            }
            await db.SaveChangesAsync(ct);
        }
        return (new PathwayImportCounts(created.Count, skipped, dropped), AddTranslations);
    }

    /// <summary>Put before the German text to fingerprint an imported translation that was outdated in its document.</summary>
    private const string OutdatedSource = "\u0001outdated\u0001";

    private static string StepText(PathwayStep step, string field) => field switch
    {
        nameof(PathwayStep.Title) => step.Title,
        nameof(PathwayStep.WhatToDo) => step.WhatToDo,
        nameof(PathwayStep.Why) => step.Why,
        nameof(PathwayStep.DocumentsToBring) => step.DocumentsToBring,
        nameof(PathwayStep.Deadlines) => step.Deadlines,
        nameof(PathwayStep.WaitingTime) => step.WaitingTime,
        nameof(PathwayStep.Tips) => step.Tips,
        _ => "",
    };
}

/// <summary>The German texts of the pathways' import problems (SharedResource keys).</summary>
public static class PathwayImportTexts
{
    public const string Age = "Das Alter muss zwischen 0 und 150 Jahren liegen.";
    public const string AgesReversed = "Das Höchstalter liegt unter dem Mindestalter.";
    public const string UnknownLanguage = "„{0}“ ist keine bekannte Inhaltssprache (ISO-639-Code wie ar, fa, uk oder de-x-ls für Leichte Sprache).";
    public const string UnknownField = "„{0}“ ist kein übersetzbares Feld. Erlaubt: {1}.";
    public const string DuplicateTranslation = "Die Übersetzung von „{0}“ in „{1}“ kommt doppelt vor.";
    public const string DuplicateUid = "Die Kennung {0} kommt doppelt vor.";
    public const string UnknownMeasure = "Der Plan hat keine Maßnahme mit dem Schlüssel {0}.";
    public const string DuplicateService = "Ein Angebot ist mehrfach genannt.";
    public const string Code = "„{0}“ ist kein gültiges Kürzel: nur Kleinbuchstaben, Ziffern und einzelne Bindestriche, höchstens 80 Zeichen, nicht „finder“.";
    public const string DuplicateCode = "Das Kürzel „{0}“ kommt doppelt vor.";
    public const string UnknownStep = "Der Schritt {0} steht nicht in der Liste der Schritte.";
    public const string StepTwiceInStage = "Ein Schritt steht zweimal in derselben Stufe.";
    public const string UnusedStep = "Dieser Schritt steht in keinem Weg.";
}
