using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Plans.Manage;

/// <summary>Deletes a principle, a field of action or a measure after confirmation. A field that
/// still has measures is not deleted: its measures would have nowhere to go.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class PartDeleteModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer) : ManagePageModel
{
    public const string Principles = "principles";
    public const string Fields = "fields";
    public const string Measures = "measures";

    /// <summary>What is to be deleted, as the page shows it.</summary>
    public sealed record Part(string Kind, int Id, string Label, int Version, int MeasureCount);

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    [Display(Name = "Grund der Änderung")]
    [StringLength(1000, ErrorMessage = "Der Grund der Änderung darf höchstens {1} Zeichen lang sein.")]
    public string? Reason { get; set; }

    public int PlanId { get; private set; }

    public string PlanTitle { get; private set; } = "";

    public PlanLevels Levels { get; private set; } = PlanLevels.Default;

    /// <summary>The plan's words for the level being deleted.</summary>
    public LevelWords Words => Item.Kind switch { Principles => Levels.Principle, Fields => Levels.Field, _ => Levels.Measure };

    public Part Item { get; private set; } = null!;

    /// <summary>Why the item cannot be deleted now, or null.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int planId, string kind, int id, CancellationToken ct)
    {
        if (!await LoadAsync(planId, kind, id, ct)) return NotFound();
        Version = Item.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, string kind, int id, CancellationToken ct)
    {
        if (!await LoadAsync(planId, kind, id, ct)) return NotFound();
        if (Refusal is not null)
        {
            ModelState.AddModelError("", Refusal);
            return Page();
        }
        if (Item.Version != Version)
        {
            Changed();
            return Page();
        }

        IVersioned? entity = kind switch
        {
            Principles => await db.Principles.FirstOrDefaultAsync(p => p.Id == id, ct),
            Fields => await db.FieldsOfAction.FirstOrDefaultAsync(f => f.Id == id, ct),
            _ => await db.Measures.FirstOrDefaultAsync(m => m.Id == id, ct),
        };
        if (entity is null) return await DeletedAsync(planId);
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = Version;
        db.Remove(entity);
        db.Author.Because(Reason);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(planId, kind, id, ct)) return await DeletedAsync(planId);
            Changed();
            return Page();
        }
        catch (DbUpdateException)
        {
            // A measure was added to the field in the very moment; the database refused.
            db.ChangeTracker.Clear();
            if (!await LoadAsync(planId, kind, id, ct)) return NotFound();
            ModelState.AddModelError("", Refusal ?? localizer["Der Eintrag konnte nicht gelöscht werden, weil noch etwas auf ihn verweist."]);
            return Page();
        }
        return await DeletedAsync(planId);
    }

    private Task<IActionResult> DeletedAsync(int planId)
    {
        var notice = localizer["{0} „{1}“ wurde gelöscht.", Words.One, Item.Label];
        return SavedAsync(cache, notice, PlanUrl(planId) + (Item.Kind == Principles ? "#principles" : "#fields"));
    }

    private void Changed()
    {
        ModelState.AddModelError("", localizer["Dieser Eintrag wurde inzwischen von jemand anderem geändert. Prüfen Sie die Angaben unten und bestätigen Sie das Löschen erneut."]);
        ModelState.Remove(nameof(Version));
        Version = Item.Version;
    }

    private async Task<bool> LoadAsync(int planId, string kind, int id, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).SelectHeading().FirstOrDefaultAsync(ct);
        if (plan is null) return false;
        PlanId = planId;
        PlanTitle = plan.Title;
        Levels = plan.Levels;
        Part? item = kind switch
        {
            Principles => await db.Principles.AsNoTracking().Where(p => p.Id == id && p.PlanId == planId)
                .Select(p => new Part(Principles, p.Id, p.Title, p.Version, p.Measures.Count)).FirstOrDefaultAsync(ct),
            Fields => await db.FieldsOfAction.AsNoTracking().Where(f => f.Id == id && f.PlanId == planId)
                .Select(f => new Part(Fields, f.Id, f.Number + " " + f.Title, f.Version, f.Measures.Count)).FirstOrDefaultAsync(ct),
            Measures => await db.Measures.AsNoTracking().Where(m => m.Id == id && m.PlanId == planId)
                .Select(m => new Part(Measures, m.Id, m.Number + " " + m.Title, m.Version, 0)).FirstOrDefaultAsync(ct),
            _ => null,
        };
        if (item is null) return false;
        Item = item;
        Refusal = item.Kind == Fields && item.MeasureCount > 0
            ? localizer["{0} „{1}“ enthält noch {2} und kann deshalb nicht gelöscht werden. Verschieben Sie diese zuerst an eine andere Stelle des Plans oder löschen Sie sie.", Levels.Field.One, item.Label, Levels.Measure.Counted(item.MeasureCount)].Value
            : null;
        return true;
    }
}
