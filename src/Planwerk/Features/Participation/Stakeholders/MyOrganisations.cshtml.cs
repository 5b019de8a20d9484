using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Participation.Stakeholders;

/// <summary>The organisations the signed-in person belongs to in this municipality, with their fellow members. A contact
/// of an organisation marks its members as reporters here.</summary>
[Authorize(Policy = Policies.StakeholderMember)]
public sealed class MyOrganisationsModel(PlanwerkDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Organisation(int Id, string Name, StakeholderKind Kind, bool IAmContact, IReadOnlyList<Fellow> Members);

    public sealed record Fellow(int Id, string DisplayName, string Email, bool IsContact, bool IsReporter);

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public CurrentMunicipality Municipality => HttpContext.RequiredMunicipality();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var rows = await db.Stakeholders.AsNoTracking()
            .Where(s => s.Members.Any(m => m.UserId == userId))
            .OrderBy(s => s.Name)
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.Kind,
                Members = s.Members.OrderBy(m => m.User!.DisplayName)
                    .Select(m => new { m.Id, m.UserId, m.User!.DisplayName, Email = m.User.Email ?? "", m.IsContact, m.IsReporter }).ToList(),
            })
            .ToListAsync(ct);
        Organisations = rows.Select(r => new Organisation(r.Id, r.Name, r.Kind,
            r.Members.Any(m => m.UserId == userId && m.IsContact),
            r.Members.Select(m => new Fellow(m.Id, m.DisplayName, m.Email, m.IsContact, m.IsReporter)).ToList())).ToList();
    }

    /// <summary>A contact of the organisation marks a fellow member as reporter or takes the mark away. Anyone else,
    /// and any member of another organisation, finds nothing here.</summary>
    public async Task<IActionResult> OnPostReporterAsync(int organisationId, int memberId, bool reporter, CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var member = await db.StakeholderMembers.Include(m => m.User)
            .FirstOrDefaultAsync(m => m.Id == memberId && m.StakeholderId == organisationId
                && m.Stakeholder!.Members.Any(c => c.UserId == userId && c.IsContact), ct);
        if (member is null) return NotFound();
        member.IsReporter = reporter;
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = StakeholderText.ReporterNotice(l, member.User?.DisplayName ?? "", reporter);
        return Redirect("/" + Municipality.Slug + "/my-organisations");
    }
}
