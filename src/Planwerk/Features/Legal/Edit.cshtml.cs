using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Legal;

/// <summary>The municipality's administrators write its legal pages. The form starts from the stored text or,
/// before the first save, from the starting text; a stale form (someone saved meanwhile) shows both texts.</summary>
[Authorize(Policy = Policies.MunicipalityAdministrator)]
public sealed class EditModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    /// <summary>The version a form holds while nothing is stored yet.</summary>
    public const int NotYetStored = -1;

    public sealed class LegalInput
    {
        [Required(ErrorMessage = "Bitte geben Sie den Text der Seite ein.")]
        [StringLength(LegalPage.MaxBodyLength, ErrorMessage = "Der Text darf höchstens {1} Zeichen lang sein.")]
        public string? Body { get; set; }

        public int Version { get; set; } = NotYetStored;
    }

    [BindProperty]
    public LegalInput Input { get; set; } = new();

    public LegalPageKind Kind { get; private set; }

    public string Title => l[LegalPaths.Title(Kind)];

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct)
    {
        if (LegalPaths.KindOf(kind) is not { } k) return NotFound();
        Kind = k;
        var stored = await db.LegalPages.AsNoTracking().FirstOrDefaultAsync(p => p.Kind == k, ct);
        Input = new LegalInput { Body = stored?.Body ?? LegalTexts.Starting(k, Municipality.Name), Version = stored?.Version ?? NotYetStored };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, CancellationToken ct)
    {
        if (LegalPaths.KindOf(kind) is not { } k) return NotFound();
        Kind = k;
        var page = await db.LegalPages.FirstOrDefaultAsync(p => p.Kind == k, ct);
        if ((page?.Version ?? NotYetStored) != Input.Version) ShowConflict(page);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        if (page is null)
        {
            page = db.LegalPages.Add(new LegalPage { Kind = k, Body = "" }).Entity;
        }
        else
        {
            ExpectVersion(db, page, Input.Version);
        }
        page.Body = Input.Body!.Replace("\r\n", "\n", StringComparison.Ordinal);
        page.ChangedBy = name.Length <= LegalPage.MaxChangedByLength ? name : name[..LegalPage.MaxChangedByLength];
        return await SaveEditAsync(db, cache, null, async () =>
            {
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException) when (Input.Version == NotYetStored)
                {
                    // Another administrator saved the first text at the same moment (the unique index refused ours).
                    throw new DbUpdateConcurrencyException();
                }
            },
            () => db.LegalPages.AsNoTracking().FirstOrDefaultAsync(p => p.Kind == k, ct), stored => ShowConflict(stored),
            () => (l["„{0}“ wurde gespeichert.", Title], LegalPaths.Public(Municipality.Slug, k)));
    }

    private void ShowConflict(LegalPage? stored)
    {
        ModelState.AddModelError("", l["Dieser Text wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = new EditConflict().Compare(l["Text"], Input.Body, stored?.Body);
        ModelState.Remove("Input.Version");
        Input.Version = stored?.Version ?? NotYetStored;
    }
}
