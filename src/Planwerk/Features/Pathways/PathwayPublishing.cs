using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Planwerk.Data;
using Planwerk.Features.Services;

namespace Planwerk.Features.Pathways;

/// <summary>Publishing pathways: <see cref="BuildAsync"/> reads a pathway's working state into a <see cref="PathwayDocument"/>
/// (in a fixed number of queries), <see cref="PublishAsync"/> freezes it as the next <see cref="PathwayPublication"/> and
/// makes it the public one, <see cref="Withdraw"/> takes it back.</summary>
public static class PathwayPublishing
{
    public static async Task<PathwayDocument?> BuildAsync(PlanwerkDbContext db, int pathwayId, CancellationToken ct = default)
    {
        var pathway = await db.Pathways.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pathwayId, ct);
        if (pathway is null) return null;
        var stages = await db.PathwayStages.AsNoTracking().Where(s => s.PathwayId == pathwayId)
            .OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(ct);
        var stageIds = stages.Select(s => s.Id).ToList();
        var uses = await db.PathwayStageSteps.AsNoTracking().Where(u => stageIds.Contains(u.StageId))
            .OrderBy(u => u.Position).ThenBy(u => u.Id).Select(u => new { u.StageId, u.StepId }).ToListAsync(ct);
        var stepIds = uses.Select(u => u.StepId).Distinct().ToList();
        var steps = await db.PathwaySteps.AsNoTracking().Where(s => stepIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var services = (await db.PathwayStepServices.AsNoTracking().Where(l => stepIds.Contains(l.StepId))
            .OrderBy(l => l.Position).ThenBy(l => l.Id).Select(l => new { l.StepId, l.ServiceId }).ToListAsync(ct)).ToLookup(l => l.StepId, l => l.ServiceId);
        var measures = (await db.PathwayStepMeasures.AsNoTracking().Where(l => stepIds.Contains(l.StepId))
            .OrderBy(l => l.MeasureId).Select(l => new { l.StepId, l.MeasureId }).ToListAsync(ct)).ToLookup(l => l.StepId, l => l.MeasureId);
        var translations = (await db.ContentTranslations.AsNoTracking()
            .Where(t => (t.Kind == PathwayTexts.PathwayKind && t.EntityId == pathwayId)
                        || (t.Kind == PathwayTexts.StageKind && stageIds.Contains(t.EntityId))
                        || (t.Kind == PathwayTexts.StepKind && stepIds.Contains(t.EntityId)))
            .Select(t => new { t.Kind, t.EntityId, t.Field, t.Language, t.Text, t.SourceFingerprint })
            .ToListAsync(ct)).ToLookup(t => (t.Kind, t.EntityId, t.Field));

        PublishedText Text(string kind, int id, string field, string source) => new()
        {
            Source = source,
            Translations = translations[(kind, id, field)].OrderBy(t => t.Language, StringComparer.Ordinal)
                .ToDictionary(t => t.Language, t => new PublishedTranslation(t.Text, t.SourceFingerprint != ServiceTexts.Fingerprint(source))),
        };
        PublishedStep Step(PathwayStep s) => new()
        {
            Uid = s.Uid, StepId = s.Id,
            Title = Text(PathwayTexts.StepKind, s.Id, nameof(PathwayStep.Title), s.Title),
            WhatToDo = Text(PathwayTexts.StepKind, s.Id, nameof(PathwayStep.WhatToDo), s.WhatToDo),
            Why = Text(PathwayTexts.StepKind, s.Id, nameof(PathwayStep.Why), s.Why),
            DocumentsToBring = Text(PathwayTexts.StepKind, s.Id, nameof(PathwayStep.DocumentsToBring), s.DocumentsToBring),
            Deadlines = Text(PathwayTexts.StepKind, s.Id, nameof(PathwayStep.Deadlines), s.Deadlines),
            WaitingTime = Text(PathwayTexts.StepKind, s.Id, nameof(PathwayStep.WaitingTime), s.WaitingTime),
            Tips = Text(PathwayTexts.StepKind, s.Id, nameof(PathwayStep.Tips), s.Tips),
            Conditions = new PathwayConditions(s.Audience, s.MinimumAge, s.MaximumAge, s.Children),
            ServiceIds = [.. services[s.Id]],
            MeasureIds = [.. measures[s.Id]],
            IsExample = s.IsExample,
        };
        return new PathwayDocument
        {
            Uid = pathway.Uid, PathwayId = pathway.Id, Code = pathway.Code, Position = pathway.Position, IsExample = pathway.IsExample,
            Title = Text(PathwayTexts.PathwayKind, pathway.Id, nameof(Pathway.Title), pathway.Title),
            Summary = Text(PathwayTexts.PathwayKind, pathway.Id, nameof(Pathway.Summary), pathway.Summary),
            Conditions = new PathwayConditions(pathway.Audience, pathway.MinimumAge, pathway.MaximumAge, pathway.Children),
            Stages = stages.Select(stage => new PublishedStage
            {
                Uid = stage.Uid,
                Title = Text(PathwayTexts.StageKind, stage.Id, nameof(PathwayStage.Title), stage.Title),
                Summary = Text(PathwayTexts.StageKind, stage.Id, nameof(PathwayStage.Summary), stage.Summary),
                Steps = uses.Where(u => u.StageId == stage.Id).Select(u => Step(steps[u.StepId])).ToList(),
            }).ToList(),
        };
    }

    /// <summary>Freezes the pathway's working state as its next publication and makes that the public one. The pathway
    /// row is changed (status, current publication), so a concurrent edit of it fails on its version. The caller saves.</summary>
    public static async Task<PathwayPublication?> PublishAsync(PlanwerkDbContext db, Pathway pathway, DateTimeOffset now, CancellationToken ct = default)
    {
        var document = await BuildAsync(db, pathway.Id, ct);
        if (document is null) return null;
        var number = await db.PathwayPublications.Where(p => p.PathwayId == pathway.Id).Select(p => (int?)p.Number).MaxAsync(ct) ?? 0;
        var publication = new PathwayPublication
        {
            PathwayId = pathway.Id, Number = number + 1, PublishedAt = now, Document = document.ToJson(),
            PublishedById = db.Author.UserId, PublishedByName = db.Author.UserName ?? "",
        };
        db.PathwayPublications.Add(publication);
        pathway.CurrentPublication = publication;
        pathway.Status = PathwayStatus.Published;
        return publication;
    }

    /// <summary>Takes the pathway back from the public; its publications stay. The caller saves.</summary>
    public static void Withdraw(Pathway pathway)
    {
        pathway.CurrentPublicationId = null;
        pathway.CurrentPublication = null;
        pathway.Status = PathwayStatus.Withdrawn;
    }
}

/// <summary>The public's pathways: the current publication of every published pathway of the municipality, in order.
/// Two queries at most whatever their number: the current publications' ids, and the documents not yet in memory
/// (a publication never changes, so its parsed document is kept by id).</summary>
public sealed class PublishedPathways(IMemoryCache cache)
{
    public async Task<IReadOnlyList<PathwayDocument>> ListAsync(PlanwerkDbContext db, CancellationToken ct = default)
    {
        var current = await db.Pathways.AsNoTracking()
            .Where(p => p.Status == PathwayStatus.Published && p.CurrentPublicationId != null)
            .OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => p.CurrentPublicationId!.Value).ToListAsync(ct);
        var documents = new Dictionary<int, PathwayDocument>();
        var missing = new List<int>();
        foreach (var id in current)
        {
            if (cache.TryGetValue(Key(id), out PathwayDocument? document) && document is not null) documents[id] = document;
            else missing.Add(id);
        }
        if (missing.Count > 0)
        {
            var rows = await db.PathwayPublications.AsNoTracking().Where(p => missing.Contains(p.Id))
                .Select(p => new { p.Id, p.Document }).ToListAsync(ct);
            foreach (var row in rows)
            {
                var document = PathwayDocument.FromJson(row.Document);
                cache.Set(Key(row.Id), document, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1), Size = 1 });
                documents[row.Id] = document;
            }
        }
        return current.Where(documents.ContainsKey).Select(id => documents[id]).ToList();
    }

    /// <summary>One published pathway by its code, or null.</summary>
    public async Task<PathwayDocument?> FindAsync(PlanwerkDbContext db, string code, CancellationToken ct = default) =>
        (await ListAsync(db, ct)).FirstOrDefault(p => p.Code == code);

    private static string Key(int publicationId) => "pathway-publication:" + publicationId;
}
