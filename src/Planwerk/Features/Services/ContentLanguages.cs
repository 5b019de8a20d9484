using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Services;

/// <summary>The languages a municipality writes its help-service content in. German is the source and always
/// there; the others are <see cref="ContentLanguage"/> rows, starting with <see cref="Defaults"/>.</summary>
public static class ContentLanguages
{
    public const string Source = "de";

    /// <summary>English, Arabic, Persian, Ukrainian, Russian and Turkish: the languages most newcomers in German
    /// cities read, in this order.</summary>
    public static readonly IReadOnlyList<string> Defaults = ["en", "ar", "fa", "uk", "ru", "tr"];

    /// <summary>Adds the default languages to a municipality that has none yet (on first use of the inventory).</summary>
    public static async Task EnsureDefaultsAsync(PlanwerkDbContext db, CancellationToken ct = default)
    {
        if (await db.ContentLanguages.AnyAsync(ct)) return;
        var position = 0;
        foreach (var code in Defaults)
        {
            var language = LanguageCodes.Find(code)!;
            db.ContentLanguages.Add(new ContentLanguage { Code = language.Code, Name = language.NativeName, IsRightToLeft = language.IsRightToLeft, Position = position++ });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The municipality's content languages after German, in their order.</summary>
    public static Task<List<ContentLanguage>> ListAsync(PlanwerkDbContext db, CancellationToken ct = default) =>
        db.ContentLanguages.AsNoTracking().OrderBy(l => l.Position).ThenBy(l => l.Code).ToListAsync(ct);

    /// <summary>"rtl" or "ltr" for a <c>dir</c> attribute.</summary>
    public static string Direction(string code) => LanguageCodes.Find(code)?.IsRightToLeft == true ? "rtl" : "ltr";
}
