using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Participation.Stakeholders;

/// <summary>The organisations the signed-in person belongs to in this municipality, with their fellow members.</summary>
[Authorize(Policy = Policies.StakeholderMember)]
public sealed class MyOrganisationsModel(PlanwerkDbContext db) : PageModel
{
    public sealed record Organisation(int Id, string Name, StakeholderKind Kind, bool IAmContact, IReadOnlyList<Fellow> Members);

    public sealed record Fellow(string DisplayName, string Email, bool IsContact);

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
                    .Select(m => new { m.UserId, m.User!.DisplayName, Email = m.User.Email ?? "", m.IsContact }).ToList(),
            })
            .ToListAsync(ct);
        Organisations = rows.Select(r => new Organisation(r.Id, r.Name, r.Kind,
            r.Members.Any(m => m.UserId == userId && m.IsContact),
            r.Members.Select(m => new Fellow(m.DisplayName, m.Email, m.IsContact)).ToList())).ToList();
    }
}
