using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Participation.Workshops;

/// <summary>The public list of workshops: upcoming ones first (soonest first), then past ones (latest first).</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class IndexModel(PlanwerkDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Entry(int Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Place, bool Online, bool Cancelled, int PlacesLeft, bool ResultsPublished);

    public IReadOnlyList<Entry> Upcoming { get; private set; } = [];

    public IReadOnlyList<Entry> Past { get; private set; } = [];

    public CurrentMunicipality Municipality => HttpContext.RequiredMunicipality();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var all = await db.Workshops.AsNoTracking()
            .Select(w => new Entry(w.Id, w.Title, w.StartsAt, w.EndsAt, w.Place, w.OnlineUrl != "", w.CancelledAt != null,
                w.Capacity - w.Registrations.Count(r => r.State == RegistrationState.Confirmed), w.ResultsPublishedAt != null))
            .ToListAsync(ct);
        Upcoming = all.Where(w => w.EndsAt > now).OrderBy(w => w.StartsAt).ToList();
        Past = all.Where(w => w.EndsAt <= now).OrderByDescending(w => w.StartsAt).ToList();
    }
}
