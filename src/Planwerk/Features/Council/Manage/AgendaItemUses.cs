using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Council.Manage;

/// <summary>Which papers' paths (Beratungsfolge) name an agenda item: such an item is edited, not removed.</summary>
public static class AgendaItemUses
{
    public sealed record PaperUse(int PaperId, string Reference);

    public static async Task<IReadOnlyList<PaperUse>> PapersAsync(PlanwerkDbContext db, int itemId, CancellationToken ct) =>
        (await db.PaperConsultations.AsNoTracking().Where(c => c.AgendaItemId == itemId)
            .Select(c => new { c.PaperId, c.Paper!.Reference }).Distinct().ToListAsync(ct))
        .OrderBy(u => u.Reference, StringComparer.Ordinal).Select(u => new PaperUse(u.PaperId, u.Reference)).ToList();
}
