using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Plans.Manage;

/// <summary>Deletes a whole plan after the editor has seen what goes with it.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class PlanDeleteModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer) : ManagePageModel
{
    public sealed record Summary(int Id, string Title, int Version, int Principles, int Fields, int Measures, IReadOnlyList<string> Successors);

    [BindProperty]
    public int Version { get; set; }

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
        if (summary.Version != Version)
        {
            ModelState.AddModelError("", localizer["Dieser Fachplan wurde inzwischen von jemand anderem geändert. Prüfen Sie die Angaben unten und bestätigen Sie das Löschen erneut."]);
            ModelState.Remove(nameof(Version));
            Version = summary.Version;
            return Page();
        }

        // Measures first: they refer to fields, which may not go while measures point to them.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Measures.Where(m => m.PlanId == planId).ExecuteDeleteAsync(ct);
        await db.FieldsOfAction.Where(f => f.PlanId == planId).ExecuteDeleteAsync(ct);
        await db.Principles.Where(p => p.PlanId == planId).ExecuteDeleteAsync(ct);
        await db.Plans.Where(p => p.PredecessorId == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.PredecessorId, (int?)null), ct);
        var deleted = await db.Plans.Where(p => p.Id == planId && p.Version == Version).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            await transaction.RollbackAsync(ct);
            ModelState.AddModelError("", localizer["Dieser Fachplan wurde inzwischen von jemand anderem geändert. Prüfen Sie die Angaben unten und bestätigen Sie das Löschen erneut."]);
            if (await LoadAsync(planId, ct) is not { } current) return NotFound();
            Plan = current;
            ModelState.Remove(nameof(Version));
            Version = current.Version;
            return Page();
        }
        await transaction.CommitAsync(ct);
        return await SavedAsync(cache, localizer["Der Fachplan „{0}“ wurde gelöscht.", summary.Title], ManageUrl());
    }

    private async Task<Summary?> LoadAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Title, p.Version, Principles = p.Principles.Count, Fields = p.Fields.Count, Measures = p.Measures.Count })
            .FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        var successors = await db.Plans.AsNoTracking().Where(p => p.PredecessorId == planId).OrderBy(p => p.Title).Select(p => p.Title).ToListAsync(ct);
        return new Summary(plan.Id, plan.Title, plan.Version, plan.Principles, plan.Fields, plan.Measures, successors);
    }
}
