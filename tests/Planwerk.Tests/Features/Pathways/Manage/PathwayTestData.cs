using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Pathways;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Pathways.Manage;

/// <summary>Pathways, stages and steps made for one test, straight in the database.</summary>
public static class PathwayTestData
{
    public static Task<int> AddStepAsync(this TestMunicipality m, string title = "Wohnsitz anmelden") =>
        m.WithDbAsync(async db =>
        {
            var step = new PathwayStep { Title = title, WhatToDo = "Gehen Sie zum Bürgerbüro.", CreatedAt = DateTimeOffset.UtcNow, ModifiedAt = DateTimeOffset.UtcNow };
            db.PathwaySteps.Add(step);
            await db.SaveChangesAsync();
            return step.Id;
        });

    /// <summary>A draft pathway with the stages given, each holding the steps given (by id), in order.</summary>
    public static Task<(int PathwayId, IReadOnlyList<int> StageIds)> AddPathwayAsync(this TestMunicipality m, string code = "neu-angekommen",
        string title = "Neu angekommen", params (string Title, int[] StepIds)[] stages) =>
        m.WithDbAsync(async db =>
        {
            var pathway = new Pathway { Code = code, Title = title, Summary = "Für Menschen, die neu in der Stadt sind.", CreatedAt = DateTimeOffset.UtcNow, ModifiedAt = DateTimeOffset.UtcNow };
            db.Pathways.Add(pathway);
            await db.SaveChangesAsync();
            var ids = new List<int>();
            for (var i = 0; i < stages.Length; i++)
            {
                var stage = new PathwayStage { PathwayId = pathway.Id, Position = i, Title = stages[i].Title };
                db.PathwayStages.Add(stage);
                await db.SaveChangesAsync();
                ids.Add(stage.Id);
                for (var k = 0; k < stages[i].StepIds.Length; k++)
                    db.PathwayStageSteps.Add(new PathwayStageStep { StageId = stage.Id, StepId = stages[i].StepIds[k], Position = k });
            }
            await db.SaveChangesAsync();
            return (pathway.Id, (IReadOnlyList<int>)ids);
        });

    public static Task<Pathway> PathwayAsync(this TestMunicipality m, int id) =>
        m.WithDbAsync(db => db.Pathways.AsNoTracking().FirstAsync(p => p.Id == id));

    public static Task<PathwayStep> StepAsync(this TestMunicipality m, int id) =>
        m.WithDbAsync(db => db.PathwaySteps.AsNoTracking().Include(s => s.Services.OrderBy(x => x.Position)).Include(s => s.Measures).FirstAsync(s => s.Id == id));

    /// <summary>The step titles of each stage of the pathway, in order.</summary>
    public static Task<List<List<string>>> OutlineAsync(this TestMunicipality m, int pathwayId) =>
        m.WithDbAsync(async db =>
        {
            var stages = await db.PathwayStages.AsNoTracking().Where(s => s.PathwayId == pathwayId).OrderBy(s => s.Position).ThenBy(s => s.Id)
                .Select(s => s.Steps.OrderBy(u => u.Position).ThenBy(u => u.Id).Select(u => u.Step!.Title).ToList()).ToListAsync();
            return stages;
        });

    public static Task<List<(string Action, string Field, string? Old, string? New)>> HistoryAsync(this TestMunicipality m, string entityType, int id) =>
        m.WithDbAsync(async db => (await db.ChangeRecordFields.AsNoTracking().Where(f => f.ChangeRecord!.EntityType == entityType && f.ChangeRecord.EntityId == id)
                .OrderBy(f => f.ChangeRecordId).ThenBy(f => f.Id).Select(f => new { f.ChangeRecord!.Action, f.Field, f.OldValue, f.NewValue }).ToListAsync())
            .Select(x => (x.Action.ToString(), x.Field, x.OldValue, x.NewValue)).ToList());

    public static Task<int> RecordCountAsync(this TestMunicipality m, string entityType, int id) =>
        m.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.EntityType == entityType && r.EntityId == id));

    /// <summary>What the public sees: the published documents of the municipality.</summary>
    public static Task<IReadOnlyList<PathwayDocument>> PublishedAsync(this TestMunicipality m) =>
        m.App.InMunicipalityAsync(m.Id, (db, services) => services.GetRequiredService<PublishedPathways>().ListAsync(db));
}
