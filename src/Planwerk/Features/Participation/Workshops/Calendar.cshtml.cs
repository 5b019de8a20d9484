using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Participation.Workshops;

/// <summary>The workshop as a calendar file. Anyone may download it; the online link is in it only for a
/// signed-in person with a confirmed place (those responses are never cached).</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class CalendarModel(PlanwerkDbContext db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workshop is null) return NotFound();
        var slug = HttpContext.RequiredMunicipality().Slug;
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var confirmed = userId is not null && await db.WorkshopRegistrations.AnyAsync(r => r.WorkshopId == id && r.UserId == userId && r.State == RegistrationState.Confirmed, ct);
        var page = AccountMails.AbsoluteLink(Request, FormattableString.Invariant($"/{slug}/workshops/{id}"));
        var calendar = WorkshopCalendar.Build(workshop, WorkshopNotifier.UidHost(slug), WorkshopCalendar.Publish, confirmed, page, clock.GetUtcNow());
        return File(Encoding.UTF8.GetBytes(calendar), "text/calendar; charset=utf-8", FormattableString.Invariant($"workshop-{id}.ics"));
    }
}
