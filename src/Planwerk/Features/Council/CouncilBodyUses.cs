using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Council;

/// <summary>The one rule of what keeps a council body: a meeting of it, a consultation in it, a membership of it, or a
/// paper it brought in. The clerk's body page and the OParl import ask the same question here.</summary>
public static class CouncilBodyUses
{
    public static async Task<bool> AnyAsync(PlanwerkDbContext db, int bodyId, CancellationToken ct) =>
        await db.Meetings.AnyAsync(m => m.BodyId == bodyId, ct) || await db.PaperConsultations.AnyAsync(c => c.BodyId == bodyId, ct)
        || await db.BodyMemberships.AnyAsync(m => m.BodyId == bodyId, ct) || await db.Papers.AnyAsync(p => p.OriginatorBodyId == bodyId, ct);
}
