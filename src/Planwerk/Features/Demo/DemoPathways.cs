using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Pathways;
using Planwerk.Features.Plans;
using Planwerk.Features.Services;

namespace Planwerk.Features.Demo;

/// <summary>The demo's integration pathways: five invented pathways for Dresden ("newly arrived, asylum application
/// filed", "recognised refugee looking for work", "family with children", "temporary protection from Ukraine",
/// "unaccompanied minor"), marked as example content, made of sixteen steps, several of them shared between pathways,
/// linked to the demo's help services and to measures of the demo plan. Every title and what-to-do text is written in
/// German, easy German, English, Arabic and Ukrainian; the reasons in German and English (the others show the German
/// text, marked). All five are published; the family pathway was edited after it was published, so it shows unpublished
/// changes. A few anonymous notes on steps show what the plan team sees. Adds nothing a second time.</summary>
public static partial class DemoPathways
{
    /// <summary>The languages the demo pathways are written in besides German.</summary>
    public static readonly IReadOnlyList<string> Languages = [PathwayTexts.EasyGerman, "en", "ar", "uk"];

    /// <summary>The pathway edited after it was published.</summary>
    public const string EditedAfterPublishing = "familie-mit-kindern";

    /// <summary>A text in German, easy German, English, Arabic and Ukrainian.</summary>
    private sealed record T(string De, string Ls, string En, string Ar, string Uk)
    {
        public IEnumerable<(string Language, string Text)> Translations => [(PathwayTexts.EasyGerman, Ls), ("en", En), ("ar", Ar), ("uk", Uk)];
    }

    private sealed record StepEntry
    {
        public required string Key { get; init; }
        public required T Title { get; init; }
        public required T WhatToDo { get; init; }
        /// <summary>German and English.</summary>
        public required (string De, string En) Why { get; init; }
        public string Documents { get; init; } = "";
        public string Deadlines { get; init; } = "";
        public string WaitingTime { get; init; } = "";
        public string Tips { get; init; } = "";
        public ResidenceSituations Audience { get; init; } = ResidenceSituations.Everybody;
        public int? MinimumAge { get; init; }
        public int? MaximumAge { get; init; }
        public ChildrenCondition Children { get; init; }
        public required string[] Services { get; init; }
        public required string[] Measures { get; init; }
    }

    private sealed record StageEntry(T Title, string[] Steps);

    private sealed record PathwayEntry
    {
        public required string Code { get; init; }
        public required T Title { get; init; }
        public required T Summary { get; init; }
        public ResidenceSituations Audience { get; init; } = ResidenceSituations.Everybody;
        public int? MinimumAge { get; init; }
        public int? MaximumAge { get; init; }
        public ChildrenCondition Children { get; init; }
        public required StageEntry[] Stages { get; init; }
    }

    public static async Task AddAsync(PlanwerkDbContext db, Plan plan, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await db.Pathways.AnyAsync(ct)) return;
        if (!await db.ContentLanguages.AnyAsync(l => l.Code == PathwayTexts.EasyGerman, ct))
        {
            var last = await db.ContentLanguages.Select(l => (int?)l.Position).MaxAsync(ct) ?? -1;
            db.ContentLanguages.Add(new ContentLanguage { Code = PathwayTexts.EasyGerman, Name = "Leichte Sprache", IsRightToLeft = false, Position = last + 1 });
        }
        var services = (await db.HelpServices.Select(s => new { s.Id, s.Name }).ToListAsync(ct)).GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().Id);
        var measures = await db.Measures.Where(m => m.PlanId == plan.Id).Select(m => new { m.Id, m.Number }).ToDictionaryAsync(m => m.Number, m => m.Id, ct);

        var steps = new Dictionary<string, PathwayStep>();
        foreach (var entry in Steps)
        {
            var step = new PathwayStep
            {
                Title = entry.Title.De, WhatToDo = entry.WhatToDo.De, Why = entry.Why.De, DocumentsToBring = entry.Documents,
                Deadlines = entry.Deadlines, WaitingTime = entry.WaitingTime, Tips = entry.Tips,
                Audience = entry.Audience, MinimumAge = entry.MinimumAge, MaximumAge = entry.MaximumAge, Children = entry.Children, IsExample = true,
            };
            var position = 0;
            foreach (var name in entry.Services)
            {
                if (!services.TryGetValue(name, out var serviceId)) throw new InvalidOperationException($"The demo service “{name}” is missing.");
                step.Services.Add(new PathwayStepService { ServiceId = serviceId, Position = position++ });
            }
            foreach (var number in entry.Measures) step.Measures.Add(new PathwayStepMeasure { MeasureId = measures[number] });
            steps[entry.Key] = step;
            db.PathwaySteps.Add(step);
        }
        var pathways = new List<(PathwayEntry Entry, Pathway Pathway)>();
        for (var i = 0; i < Pathways.Length; i++)
        {
            var entry = Pathways[i];
            var pathway = new Pathway
            {
                Code = entry.Code, Title = entry.Title.De, Summary = entry.Summary.De, Audience = entry.Audience,
                MinimumAge = entry.MinimumAge, MaximumAge = entry.MaximumAge, Children = entry.Children, Position = i, IsExample = true,
            };
            for (var s = 0; s < entry.Stages.Length; s++)
            {
                var stage = new PathwayStage { Title = entry.Stages[s].Title.De, Position = s };
                for (var k = 0; k < entry.Stages[s].Steps.Length; k++) stage.Steps.Add(new PathwayStageStep { Step = steps[entry.Stages[s].Steps[k]], Position = k });
                pathway.Stages.Add(stage);
            }
            db.Pathways.Add(pathway);
            pathways.Add((entry, pathway));
        }
        await db.SaveChangesAsync(ct);

        void Translate(string kind, int id, string field, string source, IEnumerable<(string Language, string Text)> texts)
        {
            foreach (var (language, text) in texts)
            {
                db.ContentTranslations.Add(new ContentTranslation
                {
                    Kind = kind, EntityId = id, Language = language, Field = field, Text = text,
                    SourceFingerprint = ServiceTexts.Fingerprint(source), TranslatedAt = now,
                });
            }
        }
        foreach (var entry in Steps)
        {
            var step = steps[entry.Key];
            Translate(PathwayTexts.StepKind, step.Id, nameof(PathwayStep.Title), step.Title, entry.Title.Translations);
            Translate(PathwayTexts.StepKind, step.Id, nameof(PathwayStep.WhatToDo), step.WhatToDo, entry.WhatToDo.Translations);
            Translate(PathwayTexts.StepKind, step.Id, nameof(PathwayStep.Why), step.Why, [("en", entry.Why.En)]);
        }
        foreach (var (entry, pathway) in pathways)
        {
            Translate(PathwayTexts.PathwayKind, pathway.Id, nameof(Pathway.Title), pathway.Title, entry.Title.Translations);
            Translate(PathwayTexts.PathwayKind, pathway.Id, nameof(Pathway.Summary), pathway.Summary, entry.Summary.Translations);
            for (var s = 0; s < entry.Stages.Length; s++)
            {
                var stage = pathway.Stages[s];
                Translate(PathwayTexts.StageKind, stage.Id, nameof(PathwayStage.Title), stage.Title, entry.Stages[s].Title.Translations);
            }
        }
        await db.SaveChangesAsync(ct);

        foreach (var (_, pathway) in pathways) await PathwayPublishing.PublishAsync(db, pathway, now, ct);
        await db.SaveChangesAsync(ct);

        // Edited after publishing: the public still reads the published summary until the plan team publishes again.
        var edited = pathways.Single(p => p.Pathway.Code == EditedAfterPublishing).Pathway;
        edited.Summary += " Neu: Auch Familien, die gerade erst angekommen sind, finden hier die ersten Schritte.";
        await db.SaveChangesAsync(ct);

        // What people said about some steps (invented): what the plan team's statistics and moderation show.
        var asylum = pathways.Single(p => p.Pathway.Code == "asyl-neu-angekommen").Pathway;
        var work = pathways.Single(p => p.Pathway.Code == "arbeit-suchen").Pathway;
        db.StepFeedback.AddRange(
            new StepFeedback { StepId = steps["asylberatung"].Id, PathwayId = asylum.Id, Worked = true, Language = "ar", State = FeedbackState.Approved, CreatedAt = now.AddDays(-20), ModeratedAt = now.AddDays(-19), ModeratedByName = "Demo-Moderation" },
            new StepFeedback { StepId = steps["asylberatung"].Id, PathwayId = asylum.Id, Worked = false, Problem = StepProblem.Waiting, Text = "Der nächste freie Termin war erst nach meiner Anhörung.", Language = "de", State = FeedbackState.Approved, CreatedAt = now.AddDays(-12), ModeratedAt = now.AddDays(-11), ModeratedByName = "Demo-Moderation" },
            new StepFeedback { StepId = steps["anerkennung"].Id, PathwayId = work.Id, Worked = false, Problem = StepProblem.Documents, Text = "Mein Zeugnis war nicht übersetzt; das hat niemand vorher gesagt.", Language = "de", State = FeedbackState.Approved, CreatedAt = now.AddDays(-8), ModeratedAt = now.AddDays(-7), ModeratedByName = "Demo-Moderation" },
            new StepFeedback { StepId = steps["anerkennung"].Id, PathwayId = work.Id, Worked = true, Language = "uk", State = FeedbackState.Approved, CreatedAt = now.AddDays(-6), ModeratedAt = now.AddDays(-6), ModeratedByName = "Demo-Moderation" },
            new StepFeedback { StepId = steps["jobcenter"].Id, PathwayId = work.Id, Worked = false, Problem = StepProblem.Language, Text = "Niemand sprach Arabisch, und die Telefonnummer für die Sprachmittlung kannte keiner.", Language = "ar", State = FeedbackState.Pending, CreatedAt = now.AddDays(-2) });
        await db.SaveChangesAsync(ct);
    }
}
