using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Pathways.Manage;

/// <summary>The stages of a pathway and the steps in each, in order: add a stage, move or remove one; create a new step in
/// a stage, add an existing step of the municipality (steps are shared between pathways), move a step, take it out of a
/// stage (the step itself stays). Every form carries the pathway's version: a change of the structure is a change of the
/// pathway, refused when someone else changed the pathway meanwhile, and recorded in its history with the outline before
/// and after.</summary>
[Authorize(Policy = Policies.PathwayEditor)]
public sealed class PathwayStagesModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed record StageRow(int Id, string Title, string Summary, IReadOnlyList<StepRow> Steps);

    public sealed record StepRow(int UseId, int StepId, string Title, int UsedIn);

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public StageInput NewStage { get; set; } = new();

    public int PathwayId { get; private set; }

    public string PathwayTitle { get; private set; } = "";

    public IReadOnlyList<StageRow> Stages { get; private set; } = [];

    /// <summary>Every step of the municipality, for adding an existing one to a stage.</summary>
    public IReadOnlyList<(int Id, string Title)> AllSteps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddStageAsync(int id, CancellationToken ct) => ChangeAsync(id, async pathway =>
    {
        var problems = PathwayEntry.Check(NewStage, nameof(NewStage));
        foreach (var problem in problems) ModelState.AddModelError(problem.Key, l[problem.Text, problem.Args]);
        if (problems.Count > 0) return null;
        var position = await db.PathwayStages.Where(s => s.PathwayId == pathway.Id).Select(s => (int?)s.Position).MaxAsync(ct) ?? -1;
        db.PathwayStages.Add(new PathwayStage { PathwayId = pathway.Id, Position = position + 1, Title = PathwayEntry.Clean(NewStage.Title), Summary = PathwayEntry.Clean(NewStage.Summary) });
        return l["Der Abschnitt „{0}“ wurde angelegt.", PathwayEntry.Clean(NewStage.Title)];
    }, ct);

    public Task<IActionResult> OnPostMoveStageAsync(int id, int stageId, string? direction, CancellationToken ct) => ChangeAsync(id, async pathway =>
    {
        var stages = await db.PathwayStages.Where(s => s.PathwayId == pathway.Id).OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(ct);
        if (!Move(stages, stages.FindIndex(s => s.Id == stageId), direction, (s, p) => s.Position = p)) return Refuse("Abschnitt: Diesen Abschnitt gibt es hier nicht, oder er lässt sich nicht weiter verschieben.");
        return l["Die Reihenfolge der Abschnitte wurde gespeichert."];
    }, ct);

    public Task<IActionResult> OnPostRemoveStageAsync(int id, int stageId, CancellationToken ct) => ChangeAsync(id, async pathway =>
    {
        var stage = await db.PathwayStages.FirstOrDefaultAsync(s => s.Id == stageId && s.PathwayId == pathway.Id, ct);
        if (stage is null) return Refuse("Abschnitt: Diesen Abschnitt gibt es hier nicht.");
        db.PathwayStageSteps.RemoveRange(await db.PathwayStageSteps.Where(u => u.StageId == stage.Id).ToListAsync(ct));
        db.ContentTranslations.RemoveRange(await db.ContentTranslations.Where(t => t.Kind == PathwayTexts.StageKind && t.EntityId == stage.Id).ToListAsync(ct));
        db.PathwayStages.Remove(stage);
        return l["Der Abschnitt „{0}“ wurde entfernt. Seine Schritte bleiben erhalten.", stage.Title];
    }, ct);

    public Task<IActionResult> OnPostMoveStepAsync(int id, int useId, string? direction, CancellationToken ct) => ChangeAsync(id, async pathway =>
    {
        var stageId = await db.PathwayStageSteps.Where(u => u.Id == useId && u.Stage!.PathwayId == pathway.Id).Select(u => (int?)u.StageId).FirstOrDefaultAsync(ct);
        if (stageId is null) return Refuse("Schritt: Diesen Schritt gibt es in diesem Integrationsweg nicht.");
        var uses = await db.PathwayStageSteps.Where(u => u.StageId == stageId).OrderBy(u => u.Position).ThenBy(u => u.Id).ToListAsync(ct);
        if (!Move(uses, uses.FindIndex(u => u.Id == useId), direction, (u, p) => u.Position = p)) return Refuse("Schritt: Dieser Schritt lässt sich nicht weiter verschieben.");
        return l["Die Reihenfolge der Schritte wurde gespeichert."];
    }, ct);

    public Task<IActionResult> OnPostRemoveStepAsync(int id, int useId, CancellationToken ct) => ChangeAsync(id, async pathway =>
    {
        var use = await db.PathwayStageSteps.Include(u => u.Step).FirstOrDefaultAsync(u => u.Id == useId && u.Stage!.PathwayId == pathway.Id, ct);
        if (use is null) return Refuse("Schritt: Diesen Schritt gibt es in diesem Integrationsweg nicht.");
        db.PathwayStageSteps.Remove(use);
        return l["Der Schritt „{0}“ wurde aus dem Abschnitt genommen. Der Schritt selbst bleibt erhalten.", use.Step!.Title];
    }, ct);

    public Task<IActionResult> OnPostAddStepAsync(int id, int stageId, int? stepId, CancellationToken ct) => ChangeAsync(id, async pathway =>
    {
        var stage = await db.PathwayStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId && s.PathwayId == pathway.Id, ct);
        if (stage is null) return Refuse("Abschnitt: Diesen Abschnitt gibt es hier nicht.");
        var key = "stepId-" + stageId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var step = stepId is int sid ? await db.PathwaySteps.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, ct) : null;
        if (step is null) return Refuse("Vorhandener Schritt: Bitte wählen Sie einen Schritt aus der Liste.", key);
        if (await db.PathwayStageSteps.AnyAsync(u => u.StageId == stage.Id && u.StepId == step.Id, ct))
            return Refuse("Vorhandener Schritt: „{0}“ steht schon in diesem Abschnitt.", key, step.Title);
        var position = await db.PathwayStageSteps.Where(u => u.StageId == stage.Id).Select(u => (int?)u.Position).MaxAsync(ct) ?? -1;
        db.PathwayStageSteps.Add(new PathwayStageStep { StageId = stage.Id, StepId = step.Id, Position = position + 1 });
        return l["Der Schritt „{0}“ steht jetzt auch im Abschnitt „{1}“.", step.Title, stage.Title];
    }, ct);

    private static bool Move<T>(List<T> rows, int index, string? direction, Action<T, int> setPosition)
    {
        var other = direction == "Up" ? index - 1 : direction == "Down" ? index + 1 : -1;
        if (index < 0 || other < 0 || other >= rows.Count) return false;
        (rows[index], rows[other]) = (rows[other], rows[index]);
        for (var i = 0; i < rows.Count; i++) setPosition(rows[i], i);
        return true;
    }

    private string? Refuse(string message, string key = "", params object[] args)
    {
        ModelState.AddModelError(key, l[message, args]);
        return null;
    }

    /// <summary>One change of the structure: against the form's version of the pathway, all of it or nothing, with its
    /// history record. <paramref name="change"/> gives the notice, or null after adding the messages that refuse it.</summary>
    private async Task<IActionResult> ChangeAsync(int id, Func<Pathway, Task<string?>> change, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var pathway = await db.Pathways.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pathway is null) return NotFound();
        if (pathway.Version != Version) return await ShowConflictAsync(transaction, id, ct);
        var before = await PathwayEntry.OutlineAsync(db, id, ct);
        var notice = await change(pathway);
        if (notice is null)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            return Page();
        }
        var now = clock.GetUtcNow();
        ExpectVersion(db, pathway, Version);
        pathway.ModifiedAt = now;
        db.Entry(pathway).Property(p => p.ModifiedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
            await PathwayHistory.AddAsync(db, PathwayHistory.PathwayType, pathway.Id, pathway.Title, ChangeAction.Updated, null, null, now, ct,
                (PathwayHistory.StructureField, before, await PathwayEntry.OutlineAsync(db, id, ct)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ShowConflictAsync(transaction, id, ct);
        }
        return await SavedAsync(cache, notice, PathwayUrls.Stages(Municipality.Slug, id));
    }

    private async Task<IActionResult> ShowConflictAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, int id, CancellationToken ct)
    {
        await transaction.RollbackAsync(ct);
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        ModelState.AddModelError("", l["Dieser Integrationsweg wurde inzwischen von jemand anderem geändert. Ihre Änderung ist nicht gespeichert; unten steht der gespeicherte Stand. Bitte prüfen Sie ihn und wiederholen Sie Ihre Änderung, wenn sie noch nötig ist."]);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var pathway = await db.Pathways.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pathway is null) return false;
        (PathwayId, PathwayTitle) = (pathway.Id, pathway.Title);
        ModelState.Remove(nameof(Version));
        Version = pathway.Version;
        var stages = await db.PathwayStages.AsNoTracking().Where(s => s.PathwayId == id).OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(ct);
        var stageIds = stages.Select(s => s.Id).ToList();
        var uses = await db.PathwayStageSteps.AsNoTracking().Where(u => stageIds.Contains(u.StageId)).OrderBy(u => u.Position).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.StageId, u.StepId, u.Step!.Title, UsedIn = u.Step.Uses.Count }).ToListAsync(ct);
        Stages = stages.Select(s => new StageRow(s.Id, s.Title, s.Summary,
            uses.Where(u => u.StageId == s.Id).Select(u => new StepRow(u.Id, u.StepId, u.Title, u.UsedIn)).ToList())).ToList();
        AllSteps = (await db.PathwaySteps.AsNoTracking().OrderBy(s => s.Title).ThenBy(s => s.Id).Select(s => new { s.Id, s.Title }).ToListAsync(ct))
            .Select(s => (s.Id, s.Title)).ToList();
        return true;
    }

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Integrationswege"], PathwayUrls.List(Municipality.Slug)),
        new(PathwayTitle, PathwayUrls.Edit(Municipality.Slug, PathwayId)), new(l["Abschnitte und Schritte"]),
    ];
}
