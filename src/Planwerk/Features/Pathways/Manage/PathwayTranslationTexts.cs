using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Services.Content;

namespace Planwerk.Features.Pathways.Manage;

/// <summary>The translatable texts of one pathway: its own, its stages' and its steps' (each step once, in the order it
/// first appears), read in a fixed number of queries, and their stored translations.</summary>
public static class PathwayTranslationTexts
{
    public static async Task<IReadOnlyList<SourceText>?> SourcesAsync(PlanwerkDbContext db, int pathwayId, IStringLocalizer l, CancellationToken ct)
    {
        var pathway = await db.Pathways.AsNoTracking().Where(p => p.Id == pathwayId).Select(p => new { p.Id, p.Title, p.Summary }).FirstOrDefaultAsync(ct);
        if (pathway is null) return null;
        var stages = await db.PathwayStages.AsNoTracking().Where(s => s.PathwayId == pathwayId).OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Title, s.Summary }).ToListAsync(ct);
        var stageIds = stages.Select(s => s.Id).ToList();
        var uses = await db.PathwayStageSteps.AsNoTracking().Where(u => stageIds.Contains(u.StageId)).ToListAsync(ct);
        var order = uses.OrderBy(u => stageIds.IndexOf(u.StageId)).ThenBy(u => u.Position).ThenBy(u => u.Id).Select(u => u.StepId).Distinct().ToList();
        var steps = await db.PathwaySteps.AsNoTracking().Where(s => order.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        const int title = Pathway.MaxTitleLength, text = Pathway.MaxTextLength;
        var sources = new List<SourceText>
        {
            new(PathwayTexts.PathwayKind, pathway.Id, nameof(Pathway.Title), l["Titel des Integrationswegs"], pathway.Title, title, false),
            new(PathwayTexts.PathwayKind, pathway.Id, nameof(Pathway.Summary), l["Kurzbeschreibung des Integrationswegs"], pathway.Summary, text, true),
        };
        foreach (var s in stages)
        {
            sources.Add(new(PathwayTexts.StageKind, s.Id, nameof(PathwayStage.Title), l["Abschnitt „{0}“: Titel", s.Title], s.Title, title, false));
            sources.Add(new(PathwayTexts.StageKind, s.Id, nameof(PathwayStage.Summary), l["Abschnitt „{0}“: Kurzbeschreibung", s.Title], s.Summary, text, true));
        }
        foreach (var step in order.Select(id => steps[id]))
        {
            foreach (var field in PathwayTexts.StepFields)
            {
                var source = field switch
                {
                    nameof(PathwayStep.Title) => step.Title,
                    nameof(PathwayStep.WhatToDo) => step.WhatToDo,
                    nameof(PathwayStep.Why) => step.Why,
                    nameof(PathwayStep.DocumentsToBring) => step.DocumentsToBring,
                    nameof(PathwayStep.Deadlines) => step.Deadlines,
                    nameof(PathwayStep.WaitingTime) => step.WaitingTime,
                    _ => step.Tips,
                };
                var isTitle = field == nameof(PathwayStep.Title);
                sources.Add(new(PathwayTexts.StepKind, step.Id, field, l["Schritt „{0}“: {1}", step.Title, l[PathwayEntry.StepFieldLabel(field)]], source, isTitle ? title : text, !isTitle));
            }
        }
        return sources;
    }

    /// <summary>The stored translations of the sources, by language (one language, or all for null), in one query.</summary>
    public static async Task<Dictionary<string, Dictionary<(string Kind, int EntityId, string Field), StoredTranslation>>> StoredAsync(
        PlanwerkDbContext db, string? language, IReadOnlyList<SourceText> sources, CancellationToken ct)
    {
        var pathwayIds = sources.Where(s => s.Kind == PathwayTexts.PathwayKind).Select(s => s.EntityId).Distinct().ToList();
        var stageIds = sources.Where(s => s.Kind == PathwayTexts.StageKind).Select(s => s.EntityId).Distinct().ToList();
        var stepIds = sources.Where(s => s.Kind == PathwayTexts.StepKind).Select(s => s.EntityId).Distinct().ToList();
        var query = db.ContentTranslations.AsNoTracking().Where(t =>
            (t.Kind == PathwayTexts.PathwayKind && pathwayIds.Contains(t.EntityId))
            || (t.Kind == PathwayTexts.StageKind && stageIds.Contains(t.EntityId))
            || (t.Kind == PathwayTexts.StepKind && stepIds.Contains(t.EntityId)));
        if (language is not null) query = query.Where(t => t.Language == language);
        var rows = await query.Select(t => new { t.Language, t.Kind, t.EntityId, t.Field, t.Text, t.SourceFingerprint }).ToListAsync(ct);
        return rows.GroupBy(r => r.Language).ToDictionary(g => g.Key,
            g => g.ToDictionary(r => (r.Kind, r.EntityId, r.Field), r => new StoredTranslation(r.Text, r.SourceFingerprint)));
    }
}
