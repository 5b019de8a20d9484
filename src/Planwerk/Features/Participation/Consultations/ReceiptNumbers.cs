using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>Receipt numbers: "S{round}-{n:0000}", n counting the round's statements from 1. The next number
/// is read from the highest given so far; when two submissions take the same one at once, the unique index
/// refuses the second save and the caller takes the next number and saves again.</summary>
public static class ReceiptNumbers
{
    public const int Attempts = 8;

    public static string Prefix(int roundId) => string.Create(CultureInfo.InvariantCulture, $"S{roundId}-");

    public static async Task<string> NextAsync(PlanwerkDbContext db, int roundId, CancellationToken ct)
    {
        var prefix = Prefix(roundId);
        var numbers = await db.Statements.AsNoTracking().Where(s => s.RoundId == roundId).Select(s => s.ReceiptNumber).ToListAsync(ct);
        var highest = numbers
            .Select(n => n.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(n.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : 0)
            .DefaultIfEmpty(0).Max();
        return prefix + (highest + 1).ToString("0000", CultureInfo.InvariantCulture);
    }
}
