using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.Manage;
using Planwerk.Infrastructure.Editing;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Plans.Versions;

/// <summary>The plan team's list of a plan's named versions and the form that freezes the current
/// state as a new one. There is deliberately no handler to change or delete a version.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class ManageVersionsModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : ManagePageModel
{
    public sealed class FreezeInput
    {
        [Display(Name = "Name der Fassung")]
        [Required(ErrorMessage = "Bitte geben Sie einen Namen für die Fassung an.")]
        [StringLength(PlanVersion.MaxNameLength, ErrorMessage = "Der Name der Fassung darf höchstens {1} Zeichen lang sein.")]
        public string? Name { get; set; }

        [Display(Name = "Anmerkung")]
        [StringLength(PlanVersion.MaxNoteLength, ErrorMessage = "Die Anmerkung darf höchstens {1} Zeichen lang sein.")]
        public string? Note { get; set; }
    }

    [BindProperty]
    public FreezeInput Input { get; set; } = new();

    public int PlanId { get; private set; }

    public string PlanTitle { get; private set; } = "";

    public bool PlanIsPublic { get; private set; }

    public IReadOnlyList<VersionItem> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct) =>
        await LoadAsync(planId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        var name = Input.Name?.Trim() ?? "";
        if (ModelState.IsValid && Versions.Any(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)))
            ModelState.AddModelError("Input.Name", localizer["Es gibt schon eine Fassung mit dem Namen „{0}“. Bitte wählen Sie einen anderen Namen.", name]);
        if (!ModelState.IsValid) return Page();

        var document = await PlanDocument.LoadAsync(db, planId, ct);
        if (document is null) return NotFound();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var userName = userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var version = db.PlanVersions.Add(new PlanVersion
        {
            PlanId = planId,
            Name = name,
            Note = Input.Note?.Trim() ?? "",
            CreatedAt = clock.GetUtcNow(),
            CreatedByUserId = userId,
            CreatedByName = userName ?? "",
            Document = System.Text.Encoding.UTF8.GetString(document.ToJson()),
        }).Entity;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone froze a version of the same name between our check and the save (the unique index).
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Name", localizer["Es gibt schon eine Fassung mit dem Namen „{0}“. Bitte wählen Sie einen anderen Namen.", name]);
            Versions = await db.VersionsOfAsync(planId, ct);
            return Page();
        }
        return await SavedAsync(cache, localizer["Die Fassung „{0}“ wurde festgehalten.", name],
            VersionLinks.Version(Municipality.Slug, planId, version.Id, manage: true));
    }

    private async Task<bool> LoadAsync(int planId, CancellationToken ct)
    {
        var plan = await db.PlanAsync(planId, publicOnly: false, ct);
        if (plan is null) return false;
        PlanId = plan.Id;
        PlanTitle = plan.Title;
        PlanIsPublic = plan.IsPublic;
        Versions = await db.VersionsOfAsync(planId, ct);
        return true;
    }
}
