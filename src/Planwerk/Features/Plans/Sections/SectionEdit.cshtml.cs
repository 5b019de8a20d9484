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
using Planwerk.Infrastructure.Markdown;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Plans.Sections;

/// <summary>Create or edit a narrative section of a plan; a stale form shows both versions side by side.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class SectionEditModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer, MarkdownRenderer markdown) : ManagePageModel
{
    public sealed class SectionInput
    {
        [Display(Name = "Titel")]
        [Required(ErrorMessage = "Bitte geben Sie einen Titel für den Abschnitt an.")]
        [StringLength(PlanSection.MaxTitleLength, ErrorMessage = "Der Titel des Abschnitts darf höchstens {1} Zeichen lang sein.")]
        public string? Title { get; set; }

        [Display(Name = "Text")]
        public string? Body { get; set; }

        [Display(Name = "Grund der Änderung")]
        [StringLength(1000, ErrorMessage = "Der Grund der Änderung darf höchstens {1} Zeichen lang sein.")]
        public string? Reason { get; set; }

        public int Version { get; set; }
    }

    [BindProperty]
    public SectionInput Input { get; set; } = new();

    public int PlanId { get; private set; }

    public string PlanTitle { get; private set; } = "";

    public int? SectionId { get; private set; }

    public bool IsNew => SectionId is null;

    public async Task<IActionResult> OnGetAsync(int planId, string id, CancellationToken ct)
    {
        if (!TryParseKey(id, out var key) || !await LoadAsync(planId, key, ct)) return NotFound();
        if (key is int existing)
        {
            var s = await db.PlanSections.AsNoTracking().FirstAsync(x => x.Id == existing, ct);
            Input = new SectionInput { Title = s.Title, Body = s.Body, Version = s.Version };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, string id, CancellationToken ct)
    {
        if (!TryParseKey(id, out var key) || !await LoadAsync(planId, key, ct)) return NotFound();
        var section = key is int existing ? await db.PlanSections.FirstAsync(x => x.Id == existing, ct) : null;
        if (section is not null && section.Version != Input.Version) ShowConflict(section);
        await CheckImageReferencesAsync(planId, ct);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        var isNew = section is null;
        if (section is null)
        {
            var last = await db.PlanSections.Where(x => x.PlanId == planId).MaxAsync(x => (int?)x.Position, ct) ?? 0;
            section = db.PlanSections.Add(new PlanSection { PlanId = planId, Title = "", Position = last + 1 }).Entity;
        }
        db.Entry(section).Property(x => x.Version).OriginalValue = Input.Version;
        section.Title = Input.Title!.Trim();
        section.Body = Input.Body ?? "";
        var sectionId = section.Id;
        return await SaveEditAsync(db, cache, Input.Reason, () => db.SaveChangesAsync(ct),
            () => db.PlanSections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == sectionId, ct), ShowConflict,
            () => (isNew ? localizer["Der Abschnitt „{0}“ wurde angelegt.", section.Title] : localizer["Der Abschnitt „{0}“ wurde gespeichert.", section.Title],
                PlanUrl(planId, "/sections")));
    }

    /// <summary>Every <c>image:N</c> the text refers to must be an image of this plan.</summary>
    private async Task CheckImageReferencesAsync(int planId, CancellationToken ct)
    {
        var wanted = markdown.ImageNumbers(Input.Body).Distinct().ToList();
        if (wanted.Count == 0) return;
        var existing = await db.PlanImages.AsNoTracking().Where(i => i.PlanId == planId && wanted.Contains(i.Number)).Select(i => i.Number).ToListAsync(ct);
        foreach (var number in wanted.Except(existing))
        {
            ModelState.AddModelError("Input.Body", localizer["Der Text verweist auf Bild {0} ({1}), aber dieser Plan hat kein Bild {0}. Laden Sie es unter „Bilder“ hoch oder korrigieren Sie die Nummer.",
                number, MarkdownRenderer.ImagePrefix + number.ToString(CultureInfo.InvariantCulture)]);
        }
    }

    private void ShowConflict(PlanSection stored)
    {
        ModelState.AddModelError("", localizer["Dieser Abschnitt wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = new EditConflict()
            .Compare(localizer["Titel"], Input.Title, stored.Title)
            .Compare(localizer["Text"], Input.Body, stored.Body);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task<bool> LoadAsync(int planId, int? sectionId, CancellationToken ct)
    {
        var title = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null) return false;
        if (sectionId is int id && !await db.PlanSections.AnyAsync(x => x.Id == id && x.PlanId == planId, ct)) return false;
        (PlanId, PlanTitle, SectionId) = (planId, title, sectionId);
        return true;
    }
}

/// <summary>The plan's sections in order: move up or down, delete.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class SectionListModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer) : ManagePageModel
{
    public sealed record Row(int Id, string Title, int Version);

    public int PlanId { get; private set; }

    public string PlanTitle { get; private set; } = "";

    public IReadOnlyList<Row> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct) =>
        await LoadAsync(planId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int planId, int sectionId, string direction, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        var sections = await db.PlanSections.Where(x => x.PlanId == planId).OrderBy(x => x.Position).ThenBy(x => x.Id).ToListAsync(ct);
        var index = sections.FindIndex(x => x.Id == sectionId);
        if (index < 0) return NotFound();
        var other = direction == "Up" ? index - 1 : index + 1;
        if (other >= 0 && other < sections.Count)
        {
            (sections[index], sections[other]) = (sections[other], sections[index]);
            for (var i = 0; i < sections.Count; i++) sections[i].Position = i + 1;
            await db.SaveChangesAsync(ct);
        }
        return await SavedAsync(cache, localizer["Die Reihenfolge der Abschnitte wurde gespeichert."], PlanUrl(planId, "/sections"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int planId, int sectionId, int version, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        var section = await db.PlanSections.FirstOrDefaultAsync(x => x.Id == sectionId && x.PlanId == planId, ct);
        if (section is null) return NotFound();
        db.Entry(section).Property(x => x.Version).OriginalValue = version;
        db.Remove(section);
        db.Author.Because(reason);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", localizer["Dieser Abschnitt wurde inzwischen von jemand anderem geändert. Prüfen Sie ihn und löschen Sie ihn gegebenenfalls erneut."]);
            await LoadAsync(planId, ct);
            return Page();
        }
        return await SavedAsync(cache, localizer["Der Abschnitt „{0}“ wurde gelöscht.", section.Title], PlanUrl(planId, "/sections"));
    }

    private async Task<bool> LoadAsync(int planId, CancellationToken ct)
    {
        var title = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null) return false;
        (PlanId, PlanTitle) = (planId, title);
        Sections = await db.PlanSections.AsNoTracking().Where(x => x.PlanId == planId).OrderBy(x => x.Position).ThenBy(x => x.Id)
            .Select(x => new Row(x.Id, x.Title, x.Version)).ToListAsync(ct);
        return true;
    }

    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
