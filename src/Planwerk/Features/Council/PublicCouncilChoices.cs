using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Council;

/// <summary>The choices of the public council lists' filters: the municipality's bodies, and its public plans that
/// a paper is about. A plan that is not public is never offered, so its title cannot reach the page.</summary>
public static class PublicCouncilChoices
{
    public static Task<List<PublicCouncilFilter.Choice>> BodiesAsync(PlanwerkDbContext db, CancellationToken ct) =>
        db.CouncilBodies.AsNoTracking().OrderBy(b => b.Name).ThenBy(b => b.Id)
            .Select(b => new PublicCouncilFilter.Choice(b.Id, b.Name)).ToListAsync(ct);

    public static Task<List<PublicCouncilFilter.Choice>> PlansAsync(PlanwerkDbContext db, CancellationToken ct) =>
        db.Plans.AsNoTracking().Where(p => p.IsPublic && db.Papers.Any(x => x.PlanId == p.Id)).OrderBy(p => p.Title).ThenBy(p => p.Id)
            .Select(p => new PublicCouncilFilter.Choice(p.Id, p.Title)).ToListAsync(ct);
}
