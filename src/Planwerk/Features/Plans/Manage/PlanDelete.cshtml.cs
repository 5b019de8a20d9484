using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Plans.Manage;

/// <summary>Deletes a whole plan after the editor has seen what goes with it. The parts go with set-based
/// deletes (fast for any size); the history keeps one record of the deletion (see <see cref="PlanDeletion"/>).</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class PlanDeleteModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : ManagePageModel
{
    public sealed record Summary(DeletedPlan Plan, int Version, IReadOnlyList<string> Successors)
    {
        public PlanLevels Levels { get; init; } = PlanLevels.Default;

        public int Id => Plan.Id;
        public string Title => Plan.Title;
    }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    [Display(Name = "Grund der Änderung")]
    [StringLength(1000, ErrorMessage = "Der Grund der Änderung darf höchstens {1} Zeichen lang sein.")]
    public string? Reason { get; set; }

    public Summary Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        if (await LoadAsync(planId, ct) is not { } plan) return NotFound();
        Plan = plan;
        Version = plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken ct)
    {
        if (await LoadAsync(planId, ct) is not { } summary) return NotFound();
        Plan = summary;
        if (!ModelState.IsValid) return Page();
        if (summary.Version != Version) return Changed(summary);

        // The record first (it needs nothing of the plan), then measures: they refer to fields, which may
        // not go while measures point to them. Sections, images and named versions go by ON DELETE CASCADE.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Author.Because(Reason);
        await PlanDeletion.RecordAsync(db, summary.Plan, clock.GetUtcNow(), ct);
        await db.Measures.Where(m => m.PlanId == planId).ExecuteDeleteAsync(ct);
        await db.FieldsOfAction.Where(f => f.PlanId == planId).ExecuteDeleteAsync(ct);
        await db.Principles.Where(p => p.PlanId == planId).ExecuteDeleteAsync(ct);
        await db.Plans.Where(p => p.PredecessorId == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.PredecessorId, (int?)null), ct);
        var deleted = await db.Plans.Where(p => p.Id == planId && p.Version == Version).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await LoadAsync(planId, ct) is not { } current) return NotFound();
            Plan = current;
            return Changed(current);
        }
        await transaction.CommitAsync(ct);
        return await SavedAsync(cache, localizer["Der Fachplan „{0}“ wurde gelöscht.", summary.Title], ManageUrl());
    }

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Changed(Summary current)
    {
        ModelState.AddModelError("", localizer["Dieser Fachplan wurde inzwischen von jemand anderem geändert. Prüfen Sie die Angaben unten und bestätigen Sie das Löschen erneut."]);
        ModelState.Remove(nameof(Version));
        Version = current.Version;
        return Page();
    }

    private async Task<Summary?> LoadAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new
            {
                p.Id, p.Title, p.PeriodStart, p.PeriodEnd, p.State, p.IsPublic, p.Version,
                Principles = p.Principles.Count, Fields = p.Fields.Count, Measures = p.Measures.Count,
                Levels = new PlanLevels(new LevelWords(p.PrincipleSingular, p.PrinciplePlural, p.PrincipleSingularEn, p.PrinciplePluralEn),
                    new LevelWords(p.FieldSingular, p.FieldPlural, p.FieldSingularEn, p.FieldPluralEn),
                    new LevelWords(p.MeasureSingular, p.MeasurePlural, p.MeasureSingularEn, p.MeasurePluralEn)),
            })
            .FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        var sections = await db.PlanSections.CountAsync(s => s.PlanId == planId, ct);
        var versions = await db.PlanVersions.CountAsync(v => v.PlanId == planId, ct);
        var successors = await db.Plans.AsNoTracking().Where(p => p.PredecessorId == planId).OrderBy(p => p.Title).Select(p => p.Title).ToListAsync(ct);
        return new Summary(new DeletedPlan(plan.Id, plan.Title, plan.PeriodStart, plan.PeriodEnd, plan.State, plan.IsPublic,
            plan.Principles, plan.Fields, plan.Measures, sections, versions), plan.Version, successors) { Levels = plan.Levels };
    }
}
