using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.Manage;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Plans.Lineage;

/// <summary>Carries measures of the predecessor into a plan that already continues it, each into the field the team chooses.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class CarryModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : ManagePageModel
{
    public sealed record FieldChoice(int Id, int Number, string Title);

    public sealed record EarlierMeasure(int Id, string Number, string Title, MeasureOutcome? Outcome, Continuation? CarriedInto);

    /// <summary>By the earlier measure's id: the field of this plan to carry it into; empty leaves it where it is.</summary>
    [BindProperty]
    public Dictionary<int, int?> Targets { get; set; } = [];

    public int PlanId { get; private set; }
    public string PlanTitle { get; private set; } = "";
    public PlanLevels Levels { get; private set; } = PlanLevels.Default;
    public int? PredecessorId { get; private set; }
    public string PredecessorTitle { get; private set; } = "";
    public IReadOnlyList<FieldChoice> Fields { get; private set; } = [];
    public IReadOnlyList<EarlierMeasure> Measures { get; private set; } = [];

    public static string TargetId(int measureId) => "Targets_" + measureId.ToString(CultureInfo.InvariantCulture) + "_";

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct) =>
        await LoadAsync(planId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        if (PredecessorId is not int predecessorId)
        {
            ModelState.AddModelError("", localizer["Dieser Plan schreibt keinen anderen Plan fort. Wählen Sie zuerst seinen Vorgängerplan."]);
            return Page();
        }
        var wanted = Targets.Where(t => t.Value is not null).ToDictionary(t => t.Key, t => t.Value!.Value);
        var earlier = Measures.ToDictionary(m => m.Id);
        foreach (var (measureId, fieldId) in wanted)
        {
            var key = $"Targets[{measureId.ToString(CultureInfo.InvariantCulture)}]";
            if (!earlier.TryGetValue(measureId, out var m))
                ModelState.AddModelError("", localizer[LineageRules.NotOfPredecessor, Levels.Measure.One, Levels.Measure.ManyInSentence, PredecessorTitle]);
            else if (m.CarriedInto is { } into && into.PlanId == planId)
                ModelState.AddModelError(key, localizer[LineageRules.AlreadyCarried, Levels.Measure.One, m.Number, into.PlanTitle, into.Number]);
            else if (Fields.All(f => f.Id != fieldId))
                ModelState.AddModelError(key, localizer["{0}: Bitte wählen Sie einen Eintrag aus der Liste.", Levels.Field.One]);
        }
        if (wanted.Count == 0) ModelState.AddModelError("", localizer["Bitte wählen Sie für mindestens eine {0} aus, wohin sie übernommen wird.", Levels.Measure.OneInSentence]);
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var plan = await db.Plans.FirstAsync(p => p.Id == planId, ct);
        var ids = wanted.Keys.ToList();
        var sources = await db.Measures.Where(m => m.PlanId == predecessorId && ids.Contains(m.Id))
            .Include(m => m.Districts).Include(m => m.Principles).Include(m => m.Organisations).AsSplitQuery().ToListAsync(ct);
        var fields = await db.FieldsOfAction.Where(f => f.PlanId == planId).ToDictionaryAsync(f => f.Id, ct);
        var numbers = await db.Measures.Where(m => m.PlanId == planId).Select(m => m.Number).ToListAsync(ct);
        var positions = await db.Measures.Where(m => m.PlanId == planId).GroupBy(m => m.FieldOfActionId)
            .Select(g => new { g.Key, Last = g.Max(m => m.Position) }).ToDictionaryAsync(g => g.Key, g => g.Last, ct);
        // The earlier principles are matched to this plan's by their title.
        var ownPrinciples = await db.Principles.Where(p => p.PlanId == planId).ToListAsync(ct);
        var principles = sources.SelectMany(s => s.Principles).DistinctBy(p => p.Id)
            .Select(p => (p.Id, Own: ownPrinciples.FirstOrDefault(o => string.Equals(o.Title, p.Title, StringComparison.Ordinal))))
            .Where(x => x.Own is not null).ToDictionary(x => x.Id, x => x.Own!);
        var copies = new List<(Measure Source, Measure Copy)>();
        foreach (var source in sources.InOrder(m => m.Position, m => m.Number, m => m.Id))
        {
            var field = fields[wanted[source.Id]];
            var number = MeasureNumbers.NextFree(field.Number, numbers);
            numbers.Add(number);
            var position = positions[field.Id] = positions.GetValueOrDefault(field.Id) + 1;
            var copy = LineageRules.Copy(source, plan, field, number, position, principles, now);
            db.Measures.Add(copy);
            copies.Add((source, copy));
            LineageRules.MarkContinued(source);
            source.UpdatedAt = now;
        }
        var links = (await db.MeasureServices.AsNoTracking().Where(x => ids.Contains(x.MeasureId)).Select(x => new { x.MeasureId, x.ServiceId }).ToListAsync(ct))
            .ToLookup(x => x.MeasureId, x => x.ServiceId);
        db.MeasureServices.AddRange(LineageRules.ServiceLinks(copies, links));
        plan.UpdatedAt = now;
        db.Author.Because(localizer["Übernahme aus „{0}“", PredecessorTitle]);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone carried one of them over meanwhile: the unique index refused the second copy.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            await LoadAsync(planId, ct);
            ModelState.AddModelError("", localizer["Eine der gewählten {0} wurde inzwischen schon übernommen; nichts wurde geändert. Die Liste zeigt den neuen Stand.", Levels.Measure.ManyInSentence]);
            return Page();
        }
        await transaction.CommitAsync(ct);
        return await SavedAsync(cache, localizer["{0} aus „{1}“ übernommen.", Levels.Measure.Counted(sources.Count), PredecessorTitle], PlanUrl(planId) + "#fields");
    }

    private async Task<bool> LoadAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Title, p.PredecessorId, PredecessorTitle = p.Predecessor!.Title }).FirstOrDefaultAsync(ct);
        if (plan is null) return false;
        var heading = await db.Plans.AsNoTracking().Where(p => p.Id == planId).SelectHeading().FirstAsync(ct);
        PlanId = plan.Id;
        PlanTitle = plan.Title;
        Levels = heading.Levels;
        PredecessorId = plan.PredecessorId;
        PredecessorTitle = plan.PredecessorTitle ?? "";
        var fields = await db.FieldsOfAction.AsNoTracking().Where(f => f.PlanId == planId).ToListAsync(ct);
        Fields = fields.InOrder().Select(f => new FieldChoice(f.Id, f.Number, f.Title)).ToList();
        if (plan.PredecessorId is not int predecessorId) return true;
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == predecessorId)
            .Select(m => new { m.Id, m.Number, m.Title, m.Position, m.Outcome, FieldNumber = m.FieldOfAction!.Number }).ToListAsync(ct);
        // Only a carrying into this plan counts here; a measure carried into another plan may be carried here too.
        var carried = await db.Measures.AsNoTracking().Where(m => m.PlanId == planId && m.CarriedFromMeasureId != null)
            .Select(m => new { From = m.CarriedFromMeasureId!.Value, m.Id, m.Number }).ToListAsync(ct);
        var into = carried.GroupBy(c => c.From).ToDictionary(g => g.Key, g => g.First());
        Measures = measures.OrderBy(m => m.FieldNumber).ThenBy(m => Measure.NumberSortKey(m.Number), NumberComparer.Instance).ThenBy(m => m.Id)
            .Select(m => new EarlierMeasure(m.Id, m.Number, m.Title, m.Outcome,
                into.TryGetValue(m.Id, out var c) ? new Continuation(c.Id, planId, plan.Title, false, c.Number) : null)).ToList();
        return true;
    }
}
