using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>The public list of consultation rounds: open, upcoming and closed. Cached like every public page,
/// and varied by where the rounds stand (<see cref="RoundPageCache"/>), so a round never shows a stale state.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = RoundPageCache.PolicyName)]
public sealed class IndexModel(PlanwerkDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Item(int Id, string Title, string VersionName, string PlanTitle, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool WeighingPublished);

    public IReadOnlyList<Item> Open { get; private set; } = [];

    public IReadOnlyList<Item> Upcoming { get; private set; } = [];

    public IReadOnlyList<Item> Closed { get; private set; } = [];

    public CurrentMunicipality Municipality => HttpContext.RequiredMunicipality();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var items = await db.ConsultationRounds.AsNoTracking()
            .OrderBy(r => r.OpensAt).ThenBy(r => r.Id)
            .Select(r => new Item(r.Id, r.Title, r.PlanVersion!.Name, r.Plan!.Title, r.OpensAt, r.ClosesAt, r.WeighingPublishedAt != null))
            .ToListAsync(ct);
        Open = items.Where(i => i.OpensAt <= now && now < i.ClosesAt).OrderBy(i => i.ClosesAt).ToList();
        Upcoming = items.Where(i => now < i.OpensAt).ToList();
        Closed = items.Where(i => i.ClosesAt <= now).OrderByDescending(i => i.ClosesAt).ToList();
    }
}
