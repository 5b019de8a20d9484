using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans.History;

namespace Planwerk.Features.Pathways.Manage;

/// <summary>Reading the recorded changes of one pathway or step, newest first.</summary>
public static class HistoryPages
{
    public static Task<List<ChangeRecord>> ReadAsync(PlanwerkDbContext db, string entityType, int id, CancellationToken ct) =>
        db.ChangeRecords.AsNoTracking().Include(r => r.Fields)
            .Where(r => r.EntityType == entityType && r.EntityId == id)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(500).ToListAsync(ct);
}
