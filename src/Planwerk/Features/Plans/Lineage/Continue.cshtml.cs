using System.ComponentModel.DataAnnotations;
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

/// <summary>"Continue this plan": a new plan as the continuation (Fortschreibung) of this one, with the principles and
/// fields of action the team chooses copied, and the measures it chooses carried over into the copies of their fields.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class ContinueModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : ManagePageModel
{
    public sealed class ContinueInput
    {
        [Display(Name = "Titel")]
        [Required(ErrorMessage = "Bitte geben Sie einen Titel für den Fachplan an.")]
        [StringLength(300, ErrorMessage = "Der Titel des Fachplans darf höchstens {1} Zeichen lang sein.")]
        public string? Title { get; set; }

        [Display(Name = "Erstes Jahr")]
        [Range(PlanRules.FirstYear, PlanRules.LastYear, ErrorMessage = "Das erste Jahr des Zeitraums muss zwischen {1} und {2} liegen.")]
        public int? PeriodStart { get; set; }

        [Display(Name = "Letztes Jahr")]
        [Range(PlanRules.FirstYear, PlanRules.LastYear, ErrorMessage = "Das letzte Jahr des Zeitraums muss zwischen {1} und {2} liegen.")]
        public int? PeriodEnd { get; set; }

        public List<int> PrincipleIds { get; set; } = [];
        public List<int> FieldIds { get; set; } = [];
        public List<int> MeasureIds { get; set; } = [];
    }

    public sealed record Choice(int Id, string Label);

    public sealed record MeasureChoice(int Id, string Number, string Title, int FieldId, string? CarriedInto);

    public sealed record FieldChoice(int Id, int Number, string Title, IReadOnlyList<MeasureChoice> Measures);

    [BindProperty]
    public ContinueInput Input { get; set; } = new();

    public int PlanId { get; private set; }
    public string PlanTitle { get; private set; } = "";
    public PlanLevels Levels { get; private set; } = PlanLevels.Default;
    public IReadOnlyList<Choice> Principles { get; private set; } = [];
    public IReadOnlyList<FieldChoice> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return NotFound();
        await LoadAsync(plan, ct);
        Input = new ContinueInput
        {
            Title = plan.Title,
            PeriodStart = plan.PeriodEnd + 1,
            PrincipleIds = Principles.Select(p => p.Id).ToList(),
            FieldIds = Fields.Select(f => f.Id).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken ct)
    {
        var earlier = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (earlier is null) return NotFound();
        await LoadAsync(earlier, ct);

        if (PlanRules.Period(Input.PeriodStart, Input.PeriodEnd) is { } periodProblem)
            ModelState.AddModelError("Input.PeriodEnd", localizer[periodProblem]);
        var principleIds = Input.PrincipleIds.Distinct().ToList();
        if (!principleIds.All(Principles.Select(p => p.Id).Contains))
            ModelState.AddModelError("Input.PrincipleIds", localizer["{0}: Bitte wählen Sie nur Einträge dieses Plans aus der Liste.", Levels.Principle.Many]);
        var fieldIds = Input.FieldIds.Distinct().ToList();
        if (!fieldIds.All(Fields.Select(f => f.Id).Contains))
            ModelState.AddModelError("Input.FieldIds", localizer["{0}: Bitte wählen Sie nur Einträge dieses Plans aus der Liste.", Levels.Field.Many]);
        var measureIds = Input.MeasureIds.Distinct().ToList();
        var measures = Fields.SelectMany(f => f.Measures).ToDictionary(m => m.Id);
        foreach (var id in measureIds)
        {
            if (!measures.TryGetValue(id, out var m))
            {
                ModelState.AddModelError("Input.MeasureIds", localizer[LineageRules.NotOfPredecessor, Levels.Measure.One, Levels.Measure.ManyInSentence, earlier.Title]);
                break;
            }
            if (!fieldIds.Contains(m.FieldId))
            {
                var field = Fields.First(f => f.Id == m.FieldId);
                ModelState.AddModelError("Input.MeasureIds", localizer[LineageRules.FieldNotCopied, Levels.Measure.One, m.Number,
                    Levels.Field.OneInSentence, field.Number.ToString(CultureInfo.InvariantCulture), Levels.Measure.OneInSentence]);
            }
        }
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var plan = new Plan
        {
            Title = Input.Title!.Trim(), PeriodStart = Input.PeriodStart, PeriodEnd = Input.PeriodEnd, PredecessorId = earlier.Id,
            Levels = earlier.Levels, RollUpMethod = earlier.RollUpMethod, UpdatedAt = now,
        };
        db.Plans.Add(plan);
        var principles = await db.Principles.Where(p => p.PlanId == planId && principleIds.Contains(p.Id)).ToListAsync(ct);
        var principleCopies = principles.InOrder().Select((p, i) => (p.Id, Copy: new Principle { Plan = plan, Position = i + 1, Title = p.Title, Description = p.Description }))
            .ToDictionary(x => x.Id, x => x.Copy);
        db.Principles.AddRange(principleCopies.Values);
        var fields = await db.FieldsOfAction.Where(f => f.PlanId == planId && fieldIds.Contains(f.Id)).ToListAsync(ct);
        var fieldCopies = fields.InOrder().Select((f, i) => (f.Id, Copy: new FieldOfAction { Plan = plan, Position = i + 1, Number = f.Number, Title = f.Title, Description = f.Description }))
            .ToDictionary(x => x.Id, x => x.Copy);
        db.FieldsOfAction.AddRange(fieldCopies.Values);
        var sources = await db.Measures.Where(m => m.PlanId == planId && measureIds.Contains(m.Id))
            .Include(m => m.Districts).Include(m => m.Principles).Include(m => m.Organisations).AsSplitQuery().ToListAsync(ct);
        // The fields keep their numbers, so the measures keep theirs: "2.1" continues as "2.1" until the team renumbers.
        var copies = new List<(Measure Source, Measure Copy)>();
        foreach (var group in sources.GroupBy(m => m.FieldOfActionId))
        {
            var position = 0;
            foreach (var source in group.InOrder(m => m.Position, m => m.Number, m => m.Id))
            {
                var copy = LineageRules.Copy(source, plan, fieldCopies[group.Key], source.Number, ++position, principleCopies, now);
                db.Measures.Add(copy);
                copies.Add((source, copy));
                LineageRules.MarkContinued(source);
                source.UpdatedAt = now;
            }
        }
        var links = (await db.MeasureServices.AsNoTracking().Where(x => measureIds.Contains(x.MeasureId)).Select(x => new { x.MeasureId, x.ServiceId }).ToListAsync(ct))
            .ToLookup(x => x.MeasureId, x => x.ServiceId);
        db.MeasureServices.AddRange(LineageRules.ServiceLinks(copies, links));
        db.Author.Because(localizer["Fortschreibung von „{0}“", earlier.Title]);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await SavedAsync(cache, localizer["Der Fachplan „{0}“ wurde als Fortschreibung angelegt; {1} übernommen.", plan.Title, Levels.Measure.Counted(sources.Count)], PlanUrl(plan.Id));
    }

    private async Task LoadAsync(Plan plan, CancellationToken ct)
    {
        PlanId = plan.Id;
        PlanTitle = plan.Title;
        Levels = plan.Levels;
        var principles = await db.Principles.AsNoTracking().Where(p => p.PlanId == plan.Id).ToListAsync(ct);
        Principles = principles.InOrder().Select((p, i) => new Choice(p.Id, (i + 1).ToString(CultureInfo.InvariantCulture) + ". " + p.Title)).ToList();
        var fields = await db.FieldsOfAction.AsNoTracking().Where(f => f.PlanId == plan.Id).ToListAsync(ct);
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == plan.Id)
            .Select(m => new { m.Id, m.Number, m.Title, m.Position, m.FieldOfActionId }).ToListAsync(ct);
        var carried = await LineageReads.CarriedIntoAsync(db, measures.Select(m => m.Id).ToList(), ct);
        var byField = measures.ToLookup(m => m.FieldOfActionId);
        Fields = fields.InOrder().Select(f => new FieldChoice(f.Id, f.Number, f.Title,
            byField[f.Id].InOrder(m => m.Position, m => m.Number, m => m.Id)
                .Select(m => new MeasureChoice(m.Id, m.Number, m.Title, f.Id,
                    carried.TryGetValue(m.Id, out var c) ? localizer["übernommen in „{0}“ als {1}", c.PlanTitle, c.Number].Value : null)).ToList())).ToList();
    }
}
