using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Pathways.Manage;

/// <summary>A step with all its fields (new at <c>…/steps/new</c>, optionally straight into a stage with <c>?stage=</c>):
/// what to do and why, documents to bring, deadlines, waiting time, tips, and for whom it is; the help services where it is
/// done, in order, chosen from the municipality's inventory; the plan's measures that improve it. It lists the pathways it
/// stands in (a change shows in all of them) and can be deleted only when it stands in none. Every form carries the
/// step's version; a change made meanwhile by someone else is shown, nothing is overwritten. Each change is one record
/// in the step's history.</summary>
[Authorize(Policy = Policies.PathwayEditor)]
public sealed class StepEditModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed record Use(int PathwayId, string Pathway, int StageId, string Stage);

    [BindProperty]
    public StepInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    /// <summary>For a new step: the stage it goes into at the end.</summary>
    [BindProperty(SupportsGet = true, Name = "stage")]
    public int? StageId { get; set; }

    public int? StepId { get; private set; }

    public string StoredTitle { get; private set; } = "";

    public string? StageTitle { get; private set; }

    public IReadOnlyList<(int Id, string Text)> Services { get; private set; } = [];

    public IReadOnlyList<(int Id, string Text)> Measures { get; private set; } = [];

    public IReadOnlyList<(int Id, string Text)> ServiceChoices { get; private set; } = [];

    public IReadOnlyList<(int Id, string Text)> MeasureChoices { get; private set; } = [];

    public IReadOnlyList<Use> Uses { get; private set; } = [];

    private PathwayStep? stored;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refusal) return refusal;
        if (stored is not null)
        {
            Input = PathwayEntry.ToInput(stored);
            Version = stored.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refusal) return refusal;
        NameTheChoice("Input.MinimumAge", l["Mindestalter: Bitte geben Sie das Alter als ganze Zahl an."]);
        NameTheChoice("Input.MaximumAge", l["Höchstalter: Bitte geben Sie das Alter als ganze Zahl an."]);
        NameTheChoice("Input.Children", l["Kinder: Bitte wählen Sie aus der Liste."]);
        NameTheChoice("Input.Audience", l["Aufenthaltssituation: Bitte wählen Sie nur Aufenthaltssituationen aus der Liste."]);
        if (!ModelState.IsValid) return Page();
        var problems = PathwayEntry.Check(Input, nameof(Input));
        foreach (var problem in problems) ModelState.AddModelError(problem.Key, l[problem.Text, problem.Args]);
        if (problems.Count > 0) return Page();
        if (stored is not null && stored.Version != Version) return ShowConflict(stored);
        var now = clock.GetUtcNow();
        PathwayStep? saved = null;
        return await SaveEditAsync(db, cache, null, async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var before = stored is null ? null : PathwayEntry.Describe(PathwayEntry.ToInput(stored));
                if (stored is null)
                {
                    saved = new PathwayStep { Title = "", CreatedAt = now, ModifiedAt = now };
                    db.PathwaySteps.Add(saved);
                }
                else
                {
                    saved = await db.PathwaySteps.FirstAsync(s => s.Id == stored.Id, ct);
                    ExpectVersion(db, saved, Version);
                    saved.ModifiedAt = now;
                }
                PathwayEntry.Apply(saved, Input);
                await db.SaveChangesAsync(ct);
                await PathwayHistory.AddAsync(db, PathwayHistory.StepType, saved.Id, saved.Title, stored is null ? ChangeAction.Created : ChangeAction.Updated,
                    before, PathwayEntry.Describe(Input), now, ct);
                if (stored is null && StageId is int stageId) await AddToStageAsync(saved, stageId, now, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            },
            async () => stored is null ? null : await db.PathwaySteps.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stored.Id, ct),
            s => { ShowConflict(s); },
            () => (l["Der Schritt „{0}“ wurde gespeichert.", saved!.Title], PathwayUrls.Step(Municipality.Slug, saved.Id)));
    }

    /// <summary>A new step goes to the end of its stage; the pathway's structure changed (recorded in its history).</summary>
    private async Task AddToStageAsync(PathwayStep step, int stageId, DateTimeOffset now, CancellationToken ct)
    {
        var stage = await db.PathwayStages.AsNoTracking().FirstAsync(s => s.Id == stageId, ct);
        var pathway = await db.Pathways.FirstAsync(p => p.Id == stage.PathwayId, ct);
        var before = await PathwayEntry.OutlineAsync(db, pathway.Id, ct);
        var position = await db.PathwayStageSteps.Where(u => u.StageId == stageId).Select(u => (int?)u.Position).MaxAsync(ct) ?? -1;
        db.PathwayStageSteps.Add(new PathwayStageStep { StageId = stageId, StepId = step.Id, Position = position + 1 });
        pathway.ModifiedAt = now;
        db.Entry(pathway).Property(p => p.ModifiedAt).IsModified = true;
        await db.SaveChangesAsync(ct);
        await PathwayHistory.AddAsync(db, PathwayHistory.PathwayType, pathway.Id, pathway.Title, ChangeAction.Updated, null, null, now, ct,
            (PathwayHistory.StructureField, before, await PathwayEntry.OutlineAsync(db, pathway.Id, ct)));
    }

    public Task<IActionResult> OnPostAddServiceAsync(string key, string? serviceId, CancellationToken ct) => ChangeLinksAsync(key, async step =>
    {
        if (string.IsNullOrWhiteSpace(serviceId)) return Refuse("serviceId", "Hilfeangebot: Bitte wählen Sie ein Hilfeangebot aus der Liste.");
        // The municipality's filter hides every other municipality's services: an id from elsewhere is unknown here.
        var id = int.TryParse(serviceId, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var service = await db.HelpServices.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(ct);
        if (service is null) return Refuse("serviceId", "Hilfeangebot: Dieses Hilfeangebot gibt es in dieser Kommune nicht. Bitte wählen Sie eines aus der Liste.");
        var links = await db.PathwayStepServices.Where(x => x.StepId == step.Id).ToListAsync(ct);
        if (links.Any(x => x.ServiceId == service.Id)) return Refuse("serviceId", "Hilfeangebot: „{0}“ ist schon genannt.", service.Name);
        db.PathwayStepServices.Add(new PathwayStepService { StepId = step.Id, ServiceId = service.Id, Position = links.Count == 0 ? 0 : links.Max(x => x.Position) + 1 });
        return l["Das Hilfeangebot „{0}“ wurde hinzugefügt.", service.Name];
    }, ct);

    public Task<IActionResult> OnPostMoveServiceAsync(string key, int serviceId, string? direction, CancellationToken ct) => ChangeLinksAsync(key, async step =>
    {
        var links = await db.PathwayStepServices.Where(x => x.StepId == step.Id).OrderBy(x => x.Position).ThenBy(x => x.Id).ToListAsync(ct);
        var index = links.FindIndex(x => x.ServiceId == serviceId);
        var other = direction == "Up" ? index - 1 : direction == "Down" ? index + 1 : -1;
        if (index < 0 || other < 0 || other >= links.Count) return Refuse("", "Hilfeangebot: Dieses Hilfeangebot lässt sich nicht weiter verschieben.");
        (links[index], links[other]) = (links[other], links[index]);
        for (var i = 0; i < links.Count; i++) links[i].Position = i;
        return l["Die Reihenfolge der Hilfeangebote wurde gespeichert."];
    }, ct);

    public Task<IActionResult> OnPostRemoveServiceAsync(string key, int serviceId, CancellationToken ct) => ChangeLinksAsync(key, async step =>
    {
        var link = await db.PathwayStepServices.FirstOrDefaultAsync(x => x.StepId == step.Id && x.ServiceId == serviceId, ct);
        if (link is null) return Refuse("", "Hilfeangebot: Dieses Hilfeangebot ist hier nicht genannt.");
        db.PathwayStepServices.Remove(link);
        return l["Das Hilfeangebot wurde entfernt."];
    }, ct);

    public Task<IActionResult> OnPostAddMeasureAsync(string key, string? measureId, CancellationToken ct) => ChangeLinksAsync(key, async step =>
    {
        if (string.IsNullOrWhiteSpace(measureId)) return Refuse("measureId", "Maßnahme: Bitte wählen Sie eine Maßnahme aus der Liste.");
        var id = int.TryParse(measureId, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var measure = await db.Measures.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Id, x.Number, x.Title }).FirstOrDefaultAsync(ct);
        if (measure is null) return Refuse("measureId", "Maßnahme: Diese Maßnahme gibt es in den Plänen dieser Kommune nicht. Bitte wählen Sie eine aus der Liste.");
        if (await db.PathwayStepMeasures.AnyAsync(x => x.StepId == step.Id && x.MeasureId == measure.Id, ct))
            return Refuse("measureId", "Maßnahme: „{0}“ ist schon genannt.", measure.Number + " " + measure.Title);
        db.PathwayStepMeasures.Add(new PathwayStepMeasure { StepId = step.Id, MeasureId = measure.Id });
        return l["Die Maßnahme „{0}“ wurde hinzugefügt.", measure.Number + " " + measure.Title];
    }, ct);

    public Task<IActionResult> OnPostRemoveMeasureAsync(string key, int measureId, CancellationToken ct) => ChangeLinksAsync(key, async step =>
    {
        var link = await db.PathwayStepMeasures.FirstOrDefaultAsync(x => x.StepId == step.Id && x.MeasureId == measureId, ct);
        if (link is null) return Refuse("", "Maßnahme: Diese Maßnahme ist hier nicht genannt.");
        db.PathwayStepMeasures.Remove(link);
        return l["Die Maßnahme wurde entfernt."];
    }, ct);

    /// <summary>Deletes a step that stands in no stage (with its translations and links); one still in use is kept with a message.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string key, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refusal) return refusal;
        if (stored is null) return NotFound();
        var posted = Version;
        if (Uses.Count > 0)
        {
            ModelState.AddModelError("", l["Der Schritt steht noch in {0} Abschnitt(en) und kann nicht gelöscht werden. Nehmen Sie ihn zuerst aus den Abschnitten.", Uses.Count]);
            Input = PathwayEntry.ToInput(stored);
            Version = stored.Version;
            return Page();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var step = await db.PathwaySteps.FirstAsync(s => s.Id == stored.Id, ct);
        ExpectVersion(db, step, posted);
        var now = clock.GetUtcNow();
        db.ContentTranslations.RemoveRange(await db.ContentTranslations.Where(t => t.Kind == PathwayTexts.StepKind && t.EntityId == step.Id).ToListAsync(ct));
        db.PathwaySteps.Remove(step);
        await PathwayHistory.AddAsync(db, PathwayHistory.StepType, step.Id, step.Title, ChangeAction.Deleted,
            PathwayEntry.Describe(PathwayEntry.ToInput(stored)), null, now, ct,
            (PathwayHistory.ServicesField, Lines(Services), null), (PathwayHistory.MeasuresField, Lines(Measures), null));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Changed meanwhile (version), or put into a stage meanwhile (the restricting link): nothing deleted.
            return await ShowLinkConflictAsync(transaction, key, ct);
        }
        return await SavedAsync(cache, l["Der Schritt „{0}“ wurde gelöscht.", step.Title], PathwayUrls.Steps(Municipality.Slug));
    }

    private string? Refuse(string field, string message, params object[] args)
    {
        ModelState.AddModelError(field, l[message, args]);
        return null;
    }

    /// <summary>One change of the step's services or measures, against the form's version, with its history record.</summary>
    private async Task<IActionResult> ChangeLinksAsync(string key, Func<PathwayStep, Task<string?>> change, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refusal) return refusal;
        if (stored is null) return NotFound();
        var posted = Version;
        Input = PathwayEntry.ToInput(stored);
        if (stored.Version != posted) return await ShowLinkConflictAsync(null, key, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var step = await db.PathwaySteps.FirstAsync(s => s.Id == stored.Id, ct);
        var (servicesBefore, measuresBefore) = (Lines(Services), Lines(Measures));
        var notice = await change(step);
        if (notice is null)
        {
            await transaction.RollbackAsync(ct);
            Version = stored.Version;
            return Page();
        }
        var now = clock.GetUtcNow();
        ExpectVersion(db, step, posted);
        step.ModifiedAt = now;
        db.Entry(step).Property(s => s.ModifiedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
            var services = await LinkedServicesAsync(step.Id, ct);
            var measures = await LinkedMeasuresAsync(step.Id, ct);
            await PathwayHistory.AddAsync(db, PathwayHistory.StepType, step.Id, step.Title, ChangeAction.Updated, null, null, now, ct,
                (PathwayHistory.ServicesField, servicesBefore, Lines(services)), (PathwayHistory.MeasuresField, measuresBefore, Lines(measures)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            return await ShowLinkConflictAsync(transaction, key, ct);
        }
        return await SavedAsync(cache, notice, PathwayUrls.Step(Municipality.Slug, step.Id));
    }

    private async Task<IActionResult> ShowLinkConflictAsync(IDbContextTransaction? transaction, string key, CancellationToken ct)
    {
        if (transaction is not null) await transaction.RollbackAsync(ct);
        db.ChangeTracker.Clear();
        if (await LoadAsync(key, ct) is { } refusal) return refusal;
        if (stored is null) return NotFound();
        ModelState.Clear();
        ModelState.AddModelError("", l["Dieser Schritt wurde inzwischen von jemand anderem geändert. Ihre Änderung ist nicht gespeichert; unten steht der gespeicherte Stand. Bitte prüfen Sie ihn und wiederholen Sie Ihre Änderung, wenn sie noch nötig ist."]);
        Input = PathwayEntry.ToInput(stored);
        Version = stored.Version;
        return Page();
    }

    private static string Lines(IReadOnlyList<(int Id, string Text)> rows) => string.Join("\n", rows.Select(r => r.Text));

    private PageResult ShowConflict(PathwayStep current)
    {
        ModelState.Clear();
        ModelState.AddModelError("", l["Dieser Schritt wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = new EditConflict();
        var theirs = PathwayEntry.Describe(PathwayEntry.ToInput(current));
        foreach (var part in PathwayEntry.Describe(Input)) Conflict.Compare(l[part.Label], part.Value, theirs.First(p => p.Field == part.Field).Value);
        Version = current.Version;
        return Page();
    }

    private async Task<IReadOnlyList<(int Id, string Text)>> LinkedServicesAsync(int stepId, CancellationToken ct) =>
        (await db.PathwayStepServices.AsNoTracking().Where(x => x.StepId == stepId).OrderBy(x => x.Position).ThenBy(x => x.Id)
            .Select(x => new { x.ServiceId, x.Service!.Name, Organisation = x.Service.Organisation!.Name }).ToListAsync(ct))
        .Select(x => (x.ServiceId, x.Name + " (" + x.Organisation + ")")).ToList();

    private async Task<IReadOnlyList<(int Id, string Text)>> LinkedMeasuresAsync(int stepId, CancellationToken ct) =>
        (await db.PathwayStepMeasures.AsNoTracking().Where(x => x.StepId == stepId)
            .OrderBy(x => x.Measure!.Plan!.Title).ThenBy(x => x.Measure!.PlanId).ThenBy(x => x.Measure!.FieldOfAction!.Position).ThenBy(x => x.Measure!.Position)
            .Select(x => new { x.MeasureId, x.Measure!.Number, x.Measure.Title, Plan = x.Measure.Plan!.Title }).ToListAsync(ct))
        .Select(x => (x.MeasureId, PathwayEntry.MeasureText(x.Number, x.Title, x.Plan))).ToList();

    private async Task<IActionResult?> LoadAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        if (id is int stepId)
        {
            stored = await db.PathwaySteps.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stepId, ct);
            if (stored is null) return NotFound();
            (StepId, StoredTitle) = (stored.Id, stored.Title);
            StageId = null;
            Services = await LinkedServicesAsync(stepId, ct);
            Measures = await LinkedMeasuresAsync(stepId, ct);
            Uses = (await db.PathwayStageSteps.AsNoTracking().Where(u => u.StepId == stepId)
                .OrderBy(u => u.Stage!.Pathway!.Position).ThenBy(u => u.Stage!.PathwayId).ThenBy(u => u.Stage!.Position)
                .Select(u => new Use(u.Stage!.PathwayId, u.Stage.Pathway!.Title, u.StageId, u.Stage.Title)).ToListAsync(ct));
            ServiceChoices = await PathwayEntry.ServiceChoicesAsync(db, ct);
            MeasureChoices = await PathwayEntry.MeasureChoicesAsync(db, ct);
        }
        else if (StageId is int stage)
        {
            StageTitle = await db.PathwayStages.AsNoTracking().Where(s => s.Id == stage).Select(s => s.Title).FirstOrDefaultAsync(ct);
            if (StageTitle is null) return NotFound();
        }
        return null;
    }

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Integrationswege"], PathwayUrls.List(Municipality.Slug)),
        new(l["Alle Schritte"], PathwayUrls.Steps(Municipality.Slug)), new(StepId is null ? l["Neuer Schritt"] : StoredTitle),
    ];
}
