using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Municipalities.Installation;

/// <summary>The installation's municipalities, for installation administrators: list, create, rename.
/// A municipality's own administrators never reach it (they hold no installation role). Creating or
/// renaming evicts the cached start page and API list, so the change shows at once. The first
/// administrator of a new municipality is added with <c>create-admin</c>, or by an installation
/// administrator who is also given a role there.</summary>
[Authorize(Policy = Policies.InstallationAdministrator)]
public sealed class MunicipalitiesModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> L, TimeProvider clock) : PageModel
{
    public const string PageUrl = "/admin/municipalities";

    public sealed record Row(int Id, string Slug, string Name, bool IsDemo, DateTimeOffset CreatedAt);

    public sealed class CreateInput
    {
        [Required(ErrorMessage = "Bitte geben Sie eine Kurzbezeichnung für die Adresse an.")]
        [Display(Name = "Kurzbezeichnung (Adresse)")]
        public string Slug { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie den Namen der Kommune an.")]
        [StringLength(200, ErrorMessage = "Der Name der Kommune darf höchstens {1} Zeichen lang sein.")]
        [Display(Name = "Name der Kommune")]
        public string Name { get; set; } = "";
    }

    public CreateInput Input { get; private set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The row whose rename failed, with what was typed, so the form shows it again.</summary>
    public (int Id, string Name)? FailedRename { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync([Bind(Prefix = "Input")] CreateInput input, CancellationToken ct)
    {
        Input = input;
        var slug = (input.Slug ?? "").Trim().ToLowerInvariant();
        var name = (input.Name ?? "").Trim();
        // Empty fields are already reported by [Required].
        if (!string.IsNullOrWhiteSpace(input.Slug) && Municipality.ValidateSlug(slug) is string slugError)
            ModelState.AddModelError("Input.Slug", L[slugError]);
        else if (slug.Length > 0 && await db.Municipalities.AnyAsync(m => m.Slug == slug, ct))
            ModelState.AddModelError("Input.Slug", L["Die Adresse /{0} gehört schon einer anderen Kommune.", slug]);
        if (!ModelState.IsValid) return await PageAsync(ct);

        db.Municipalities.Add(new Municipality { Slug = slug, Name = name, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        await PublicPageCache.EvictInstallationAsync(cache, slug, ct);
        TempData["Notice"] = L["Die Kommune „{0}“ ist angelegt: /{1}.", name, slug].Value;
        return Redirect(PageUrl);
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, string? name, CancellationToken ct)
    {
        var municipality = await db.Municipalities.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (municipality is null) return NotFound();
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0) ModelState.AddModelError("name-" + id, L["Bitte geben Sie den Namen der Kommune an."]);
        else if (trimmed.Length > 200) ModelState.AddModelError("name-" + id, L["Der Name der Kommune darf höchstens {0} Zeichen lang sein.", 200]);
        if (!ModelState.IsValid)
        {
            FailedRename = (id, name ?? "");
            return await PageAsync(ct);
        }

        var old = municipality.Name;
        municipality.Name = trimmed;
        await db.SaveChangesAsync(ct);
        await PublicPageCache.EvictInstallationAsync(cache, municipality.Slug, ct);
        TempData["Notice"] = L["„{0}“ heißt jetzt „{1}“.", old, trimmed].Value;
        return Redirect(PageUrl);
    }

    private async Task<PageResult> PageAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Rows = await db.Municipalities.AsNoTracking().OrderBy(m => m.Name)
            .Select(m => new Row(m.Id, m.Slug, m.Name, m.IsDemo, m.CreatedAt)).ToListAsync(ct);
}
