using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>Receipt numbers: "S{round}-{n:0000}", n counting the round's statements from 1. The round keeps the
/// highest number given (<see cref="ConsultationRound.ReceiptsGiven"/>); one update counts it up and returns the new
/// value, inside the transaction that saves the statement. The update locks the round's row (PostgreSQL) or the
/// database (SQLite) until that transaction ends, so submissions arriving at once get consecutive numbers, each
/// exactly once, and a submission that fails gives its number back with the rollback.</summary>
public static class ReceiptNumbers
{
    public static string Prefix(int roundId) => string.Create(CultureInfo.InvariantCulture, $"S{roundId}-");

    /// <summary>The next receipt number of the round. Must run inside the transaction that saves the statement.</summary>
    public static async Task<string> NextAsync(PlanwerkDbContext db, int roundId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A receipt number is counted in the transaction that saves its statement.");
        var given = await db.Database.SqlQuery<int>($"""
            UPDATE "ConsultationRounds" SET "ReceiptsGiven" = "ReceiptsGiven" + 1 WHERE "Id" = {roundId} RETURNING "ReceiptsGiven" AS "Value"
            """).ToListAsync(ct);
        return Prefix(roundId) + given.Single().ToString("0000", CultureInfo.InvariantCulture);
    }
}
