using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Plans.Manage;

/// <summary>Create or edit a guiding principle (Leitlinie) and choose its place among the plan's principles.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class PrincipleEditModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer) : ManagePageModel
{
    public sealed class PrincipleInput
    {
        [Display(Name = "Titel")]
        // The messages name no level: attributes cannot know the plan's word, and the form's heading does.
        [Required(ErrorMessage = "Bitte geben Sie einen Titel an.")]
        [StringLength(500, ErrorMessage = "Der Titel darf höchstens {1} Zeichen lang sein.")]
        public string? Title { get; set; }

        [Display(Name = "Beschreibung")]
        public string? Description { get; set; }

        [Display(Name = "Position")]
        [Required(ErrorMessage = "Bitte geben Sie die Position an.")]
        public int? Position { get; set; }

        /// <summary>The position the form was loaded with: only a changed position reorders the
        /// principles, so a form opened before someone else reordered them does not undo that.</summary>
        public int OriginalPosition { get; set; }

        [Display(Name = "Grund der Änderung")]
        [StringLength(1000, ErrorMessage = "Der Grund der Änderung darf höchstens {1} Zeichen lang sein.")]
        public string? Reason { get; set; }

        public int Version { get; set; }
    }

    [BindProperty]
    public PrincipleInput Input { get; set; } = new();

    public int PlanId { get; private set; }

    public string PlanTitle { get; private set; } = "";

    public PlanLevels Levels { get; private set; } = PlanLevels.Default;

    public int? PrincipleId { get; private set; }

    public bool IsNew => PrincipleId is null;

    /// <summary>How many places there are to choose from.</summary>
    public int PlaceCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int planId, string id, CancellationToken ct)
    {
        if (!TryParseKey(id, out var key) || !await LoadAsync(planId, key, ct)) return NotFound();
        if (key is int existing)
        {
            var principle = await db.Principles.AsNoTracking().FirstAsync(p => p.Id == existing, ct);
            var place = await PlaceOfAsync(planId, existing, ct);
            Input = new PrincipleInput { Title = principle.Title, Description = principle.Description, Position = place, OriginalPosition = place, Version = principle.Version };
        }
        else
        {
            Input = new PrincipleInput { Position = PlaceCount };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, string id, CancellationToken ct)
    {
        if (!TryParseKey(id, out var key) || !await LoadAsync(planId, key, ct)) return NotFound();
        var principle = key is int existing ? await db.Principles.FirstAsync(p => p.Id == existing, ct) : null;

        if (Input.Position is int wanted && (wanted < 1 || wanted > PlaceCount))
            ModelState.AddModelError("Input.Position", localizer["Die Position muss zwischen 1 und {0} liegen.", PlaceCount]);
        if (principle is not null && principle.Version != Input.Version) await ShowConflictAsync(principle, ct);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var isNew = principle is null;
        var saving = principle ?? db.Principles.Add(new Principle { PlanId = planId, Title = "", Position = PlaceCount }).Entity;
        ExpectVersion(db, saving, Input.Version);
        saving.Title = Input.Title!.Trim();
        saving.Description = Input.Description ?? "";
        return await SaveEditAsync(db, cache, Input.Reason,
            save: async () =>
            {
                await db.SaveChangesAsync(ct);
                if (isNew || Input.Position != Input.OriginalPosition)
                {
                    var rows = await db.Principles.AsNoTracking().Where(p => p.PlanId == planId).Select(p => new { p.Id, p.Position }).ToListAsync(ct);
                    var order = rows.Where(r => r.Id != saving.Id).OrderBy(r => r.Position).ThenBy(r => r.Id).Select(r => r.Id).ToList();
                    var placed = PlanStructure.PlaceAt(order, saving.Id, Input.Position ?? PlaceCount);
                    await StructureChanges.SetPrinciplePositionsAsync(db, placed, rows.ToDictionary(r => r.Id, r => r.Position), ct);
                }
                await transaction.CommitAsync(ct);
            },
            reload: () => db.Principles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == saving.Id, ct),
            showConflict: stored => ShowConflictAsync(stored, ct),
            saved: () => (isNew ? localizer["{0} „{1}“ wurde angelegt.", Levels.Principle.One, saving.Title] : localizer["{0} „{1}“ wurde gespeichert.", Levels.Principle.One, saving.Title],
                PlanUrl(planId) + "#principle-" + saving.Id.ToString(CultureInfo.InvariantCulture)));
    }

    private async Task ShowConflictAsync(Principle stored, CancellationToken ct)
    {
        ModelState.AddModelError("", localizer["{0} „{1}“ wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand.", Levels.Principle.One, stored.Title]);
        var place = await PlaceOfAsync(stored.PlanId, stored.Id, ct);
        Conflict = new EditConflict()
            .Compare(localizer["Titel"], Input.Title, stored.Title)
            .Compare(localizer["Beschreibung"], Input.Description, stored.Description)
            .Compare(localizer["Position"], Input.Position?.ToString(CultureInfo.InvariantCulture), place.ToString(CultureInfo.InvariantCulture));
        ModelState.Remove("Input.Version");
        ModelState.Remove("Input.OriginalPosition");
        Input.Version = stored.Version;
        Input.OriginalPosition = place;
    }

    private async Task<int> PlaceOfAsync(int planId, int principleId, CancellationToken ct)
    {
        var rows = await db.Principles.AsNoTracking().Where(p => p.PlanId == planId).Select(p => new { p.Id, p.Position }).ToListAsync(ct);
        return rows.OrderBy(r => r.Position).ThenBy(r => r.Id).Select(r => r.Id).ToList().IndexOf(principleId) + 1;
    }

    /// <summary>False when the plan, or the principle in that plan, does not exist here.</summary>
    private async Task<bool> LoadAsync(int planId, int? principleId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new
            {
                p.Title, Count = p.Principles.Count,
                Levels = new PlanLevels(new LevelWords(p.PrincipleSingular, p.PrinciplePlural, p.PrincipleSingularEn, p.PrinciplePluralEn),
                    new LevelWords(p.FieldSingular, p.FieldPlural, p.FieldSingularEn, p.FieldPluralEn),
                    new LevelWords(p.MeasureSingular, p.MeasurePlural, p.MeasureSingularEn, p.MeasurePluralEn)),
            }).FirstOrDefaultAsync(ct);
        if (plan is null) return false;
        if (principleId is int id && !await db.Principles.AnyAsync(p => p.Id == id && p.PlanId == planId, ct)) return false;
        PlanId = planId;
        PlanTitle = plan.Title;
        Levels = plan.Levels;
        PrincipleId = principleId;
        PlaceCount = principleId is null ? plan.Count + 1 : plan.Count;
        return true;
    }
}
