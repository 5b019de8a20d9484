using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Planwerk.Features.Plans;

/// <summary>The public search over measures: number, title, goal, description, target groups, and the names of
/// the organisations that carry it out (lead and partners, as loaded with the measure when it is saved).
/// <para>Both sides are folded the same way in .NET (<see cref="Fold"/>): lower case, ä/ö/ü to ae/oe/ue,
/// ß to ss, other accents dropped (é to e), white space collapsed. The measure's folded text is kept in
/// <see cref="Measure.SearchText"/>, written on every save (<see cref="KeepSearchText"/>, one of the context's save jobs), so the
/// database only looks for a literal substring: the same plain comparison on SQLite and PostgreSQL,
/// whatever the database's locale, and <c>%</c> or <c>_</c> in a term are just characters.</para>
/// <para>A term shaped like a measure number ("1.1", "4.10") matches that number exactly, so "1.1" does
/// not find 11.1 or 2.1.1.</para></summary>
public static partial class MeasureSearch
{
    public const int MaxTermLength = 200;

    public static IQueryable<Measure> Matching(this IQueryable<Measure> measures, string term)
    {
        var trimmed = term.Trim();
        if (IsNumberTerm(trimmed)) return measures.Where(m => m.Number == trimmed);
        var folded = Fold(trimmed);
        // A term of nothing but accents or control characters folds to nothing, and nothing matches it.
        if (folded.Length == 0) return measures.Where(m => false);
        return measures.Where(m => m.SearchText.Contains(folded));
    }

    /// <summary>A term with at least one dot that reads like a measure number; "2019" stays a text term.</summary>
    public static bool IsNumberTerm(string term) => term.Contains('.', StringComparison.Ordinal) && Measure.IsValidNumber(term);

    /// <summary>The text the search looks in: the searched fields, folded, one per line so a term never
    /// matches across two fields (a folded term has no line breaks).</summary>
    public static string TextOf(Measure m) => string.Join('\n',
        new[] { m.Number, m.Title, m.Goal, m.Description, m.TargetGroups }
            .Concat(m.Organisations.OrderBy(o => o.Role).ThenBy(o => o.Position).Select(o => o.Organisation?.Name ?? ""))
            .Select(Fold));

    /// <summary>Lower case, German umlauts and ß spelled out, other diacritics removed, white space and
    /// control characters collapsed to one space.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var composed = text.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        var spelled = new StringBuilder(composed.Length + 8);
        foreach (var c in composed)
        {
            spelled.Append(c switch
            {
                'ä' => "ae",
                'ö' => "oe",
                'ü' => "ue",
                'ß' => "ss",
                _ => c.ToString(),
            });
        }
        var decomposed = spelled.ToString().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) continue;
            if (char.IsWhiteSpace(c) || char.IsControl(c) || category == UnicodeCategory.Format)
            {
                space = folded.Length > 0;
                continue;
            }
            if (space) folded.Append(' ');
            space = false;
            folded.Append(c);
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Fills <see cref="Measure.SearchText"/> of measures saved before it existed (empty, since a
    /// kept text always holds the number). Runs at start-up, across all municipalities: the start-up has no
    /// municipality, and each row gets its own text back, so no row of one municipality meets another's.</summary>
    public static async Task FillMissingSearchTextAsync(DbContext db, CancellationToken ct = default)
    {
        while (true)
        {
            var batch = await db.Set<Measure>().IgnoreQueryFilters().AsNoTracking().Where(m => m.SearchText == "")
                .OrderBy(m => m.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0) return;
            // One transaction a batch: one commit instead of one per row (on SQLite each commit is a sync to disk).
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var m in batch)
            {
                var text = TextOf(m);
                await db.Set<Measure>().IgnoreQueryFilters().Where(x => x.Id == m.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.SearchText, text), ct);
            }
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>Writes the search text of every new or changed measure of a save before it is written: a job of
    /// the context's save, so every save path keeps it current (pages, import, demo).</summary>
    public static void KeepSearchText(IEnumerable<EntityEntry> changed)
    {
        foreach (var entry in changed)
        {
            if (entry.Entity is not Measure measure || entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            var text = TextOf(measure);
            if (!string.Equals(measure.SearchText, text, StringComparison.Ordinal)) measure.SearchText = text;
        }
    }
}
