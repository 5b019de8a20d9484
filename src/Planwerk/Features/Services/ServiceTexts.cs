using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Services;

/// <summary>A text as a reader gets it: in the language asked for, or the German source when there is no
/// translation (<see cref="IsFallback"/>, which pages say), and whether the translation is older than its source.</summary>
public sealed record ShownText(string Text, string Language, bool IsFallback, bool IsOutdated)
{
    public string Direction => ContentLanguages.Direction(Language);
}

/// <summary>Reading and writing translated content. A translation stores the fingerprint of the German text it
/// was made from; when the German text changes, the fingerprint no longer matches and the translation is outdated.</summary>
public static class ServiceTexts
{
    /// <summary>The first 16 hex digits of the SHA-256 of the text (line ends normalised): the same text always gives
    /// the same fingerprint.</summary>
    public static string Fingerprint(string? source)
    {
        var normalised = (source ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)))[..ContentTranslation.MaxFingerprintLength];
    }

    /// <summary>The translations of some entities of one kind into one language, in one query.</summary>
    public static async Task<Translations> LoadAsync(PlanwerkDbContext db, string kind, IReadOnlyCollection<int> entityIds, string language, CancellationToken ct = default)
    {
        if (language == ContentLanguages.Source || entityIds.Count == 0) return new Translations(language, []);
        var rows = await db.ContentTranslations.AsNoTracking()
            .Where(t => t.Kind == kind && t.Language == language && EF.Parameter(entityIds).Contains(t.EntityId))
            .Select(t => new { t.EntityId, t.Field, t.Text, t.SourceFingerprint })
            .ToListAsync(ct);
        return new Translations(language, rows.ToDictionary(r => (r.EntityId, r.Field), r => (r.Text, r.SourceFingerprint)));
    }

    /// <summary>Sets, replaces or (for an empty text) removes the translation of one field, stamped with the current
    /// German source's fingerprint. Tracked rows only; the caller saves.</summary>
    public static async Task SetAsync(PlanwerkDbContext db, string kind, int entityId, string language, string field, string? text, string source,
        DateTimeOffset now, CancellationToken ct = default)
    {
        var existing = await db.ContentTranslations.FirstOrDefaultAsync(t => t.Kind == kind && t.EntityId == entityId && t.Language == language && t.Field == field, ct);
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            if (existing is not null) db.ContentTranslations.Remove(existing);
            return;
        }
        if (existing is null)
        {
            db.ContentTranslations.Add(new ContentTranslation
            {
                Kind = kind, EntityId = entityId, Language = language, Field = field, Text = trimmed,
                SourceFingerprint = Fingerprint(source), TranslatedAt = now,
            });
            return;
        }
        existing.Text = trimmed;
        existing.SourceFingerprint = Fingerprint(source);
        existing.TranslatedAt = now;
    }
}

/// <summary>Loaded translations of one language (see <see cref="ServiceTexts.LoadAsync"/>).</summary>
public sealed class Translations(string language, Dictionary<(int EntityId, string Field), (string Text, string Fingerprint)> rows)
{
    public string Language { get; } = language;

    /// <summary>The field's text in <see cref="Language"/>, or the German <paramref name="source"/> marked as fallback
    /// (also when the source is empty: nothing to translate is not a missing translation).</summary>
    public ShownText Of(int entityId, string field, string source)
    {
        if (Language == ContentLanguages.Source || source.Length == 0) return new ShownText(source, ContentLanguages.Source, false, false);
        if (rows.TryGetValue((entityId, field), out var t))
            return new ShownText(t.Text, Language, false, t.Fingerprint != ServiceTexts.Fingerprint(source));
        return new ShownText(source, ContentLanguages.Source, true, false);
    }
}
