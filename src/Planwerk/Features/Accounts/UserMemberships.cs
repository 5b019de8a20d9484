using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Accounts;

/// <summary>The memberships of one person in every municipality, for their own account pages and for
/// choosing where to go after sign-in.</summary>
public static class UserMemberships
{
    public sealed record Row(string Slug, string MunicipalityName, MunicipalityRole Role);

    /// <summary>Account pages have no municipality in their route, so the context sees no membership
    /// at all. This is the one place that reads across municipalities, and only the signed-in person's
    /// own rows: it shows them nothing of anyone else.</summary>
    public static async Task<IReadOnlyList<Row>> OfUserAsync(PlanwerkDbContext db, string userId, CancellationToken ct = default) =>
        await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Municipality!.Name).ThenBy(m => m.Municipality!.Slug).ThenBy(m => m.Role)
            .Select(m => new Row(m.Municipality!.Slug, m.Municipality.Name, m.Role))
            .ToListAsync(ct);
}
