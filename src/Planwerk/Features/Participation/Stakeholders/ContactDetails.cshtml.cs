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

namespace Planwerk.Features.Participation.Stakeholders;

/// <summary>A contact of an organisation keeps its contact details up to date. Other members, and anyone
/// else, find no such page (404); name, kind and public listing stay with the plan team.</summary>
[Authorize(Policy = Policies.StakeholderMember)]
public sealed class ContactDetailsModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> L) : ManagePageModel
{
    public sealed class ContactInput : ContactFields;

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public string StoredName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } s) return NotFound();
        Input.ReadContact(s);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } s) return NotFound();
        if (s.Version != Input.Version) ShowConflict(s);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        ExpectVersion(db, s, Input.Version);
        Input.WriteContact(s);
        return await SaveEditAsync(db, cache, reason: null,
            save: () => db.SaveChangesAsync(ct),
            reload: () => FindAsync(id, ct),
            showConflict: ShowConflict,
            saved: () => (L["„{0}“ wurde gespeichert.", s.Name], "/" + Municipality.Slug + "/my-organisations"));
    }

    private void ShowConflict(Stakeholder stored)
    {
        ModelState.AddModelError("", L["Dieser Eintrag wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = Input.CompareContact(new EditConflict(), stored, L);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task<Stakeholder?> FindAsync(int id, CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var s = await db.Stakeholders.FirstOrDefaultAsync(x => x.Id == id && x.Members.Any(m => m.UserId == userId && m.IsContact), ct);
        if (s is not null) StoredName = s.Name;
        return s;
    }
}
