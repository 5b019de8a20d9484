using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Plans.History;

/// <summary>Records written by a page rather than collected from the change tracker (help services, pathways): the
/// record with its field rows, by the context's author (whose name is read once), label and reason cut to their columns.</summary>
public static class ChangeRecords
{
    /// <summary>Adds the record; the caller saves.</summary>
    public static async Task<ChangeRecord> AddAsync(PlanwerkDbContext db, string entityType, int entityId, string label, ChangeAction action,
        DateTimeOffset now, List<ChangeRecordField> fields, CancellationToken ct)
    {
        var author = db.Author;
        if (author.UserId is { } userId && author.UserName is null)
            author.UserName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var record = new ChangeRecord
        {
            EntityType = entityType, EntityId = entityId, EntityLabel = label.Length > 1000 ? label[..1000] : label, Action = action, At = now,
            UserId = author.UserId, UserName = author.UserName ?? "",
            Reason = author.Reason.Length > ChangeRecord.MaxReasonLength ? author.Reason[..ChangeRecord.MaxReasonLength] : author.Reason,
            Fields = fields,
        };
        db.ChangeRecords.Add(record);
        return record;
    }
}
