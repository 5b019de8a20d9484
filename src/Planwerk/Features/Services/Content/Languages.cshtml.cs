using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Services.Content;

/// <summary>The municipality's content languages for the plan team: German first as the source (fixed), then the others
/// in their order; add one from the ISO 639 list (its own name and writing direction come from the list), move one up or
/// down, remove one. A removed language's translations are kept but no longer offered; adding the language again brings
/// them back. The last language besides German cannot be removed: the inventory is for people who do not read German
/// (and an empty list would be filled with the defaults again on first use).</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class LanguagesModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public IReadOnlyList<ContentLanguage> Languages { get; private set; } = [];

    /// <summary>Translations kept per language code (also of languages no longer offered).</summary>
    public IReadOnlyDictionary<string, int> TranslationCounts { get; private set; } = new Dictionary<string, int>();

    /// <summary>Languages that can be added: every known one except German and those already offered.</summary>
    public IEnumerable<LanguageCode> Addable => LanguageCodes.All.Where(x => x.Code != ContentLanguages.Source && Languages.All(o => o.Code != x.Code))
        .OrderBy(x => x.GermanName, StringComparer.Create(Infrastructure.Localization.Languages.German, true));

    private string ListUrl => ContentUrls.Languages(Municipality.Slug);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var code = Code?.Trim() ?? "";
        var language = LanguageCodes.Find(code);
        if (code.Length == 0) ModelState.AddModelError(nameof(Code), l["Sprache: Bitte wählen Sie eine Sprache aus."]);
        else if (language is null) ModelState.AddModelError(nameof(Code), l["Sprache: „{0}“ ist kein bekannter Sprachcode nach ISO 639.", code]);
        else if (language.Code == ContentLanguages.Source) ModelState.AddModelError(nameof(Code), l["Sprache: Deutsch ist die Ausgangssprache und immer dabei."]);
        else if (Languages.Any(x => x.Code == language.Code)) ModelState.AddModelError(nameof(Code), l["Sprache: {0} ist schon dabei.", language.GermanName]);
        if (!ModelState.IsValid) return Page();
        db.ContentLanguages.Add(new ContentLanguage
        {
            Code = language!.Code, Name = language.NativeName, IsRightToLeft = language.IsRightToLeft,
            Position = Languages.Count == 0 ? 0 : Languages.Max(x => x.Position) + 1,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else added it at the same moment.
            db.ChangeTracker.Clear();
            await LoadAsync(ct);
            ModelState.AddModelError(nameof(Code), l["Sprache: {0} ist schon dabei.", language.GermanName]);
            return Page();
        }
        return await SavedAsync(cache, l["{0} wurde als Sprache hinzugefügt.", language.GermanName], ListUrl);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, string? direction, CancellationToken ct)
    {
        var languages = await db.ContentLanguages.OrderBy(x => x.Position).ThenBy(x => x.Code).ToListAsync(ct);
        var index = languages.FindIndex(x => x.Id == id);
        if (index < 0) return NotFound();
        var other = direction == "Up" ? index - 1 : direction == "Down" ? index + 1 : -1;
        if (other < 0 || other >= languages.Count) return Redirect(ListUrl);
        (languages[index], languages[other]) = (languages[other], languages[index]);
        for (var i = 0; i < languages.Count; i++) languages[i].Position = i;
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Die Reihenfolge der Sprachen wurde gespeichert."], ListUrl);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var language = await db.ContentLanguages.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (language is null) return NotFound();
        if (await db.ContentLanguages.CountAsync(ct) <= 1)
        {
            await LoadAsync(ct);
            ModelState.AddModelError("", l["{0} ist die letzte Sprache neben Deutsch und kann nicht entfernt werden. Fügen Sie zuerst eine andere hinzu.", language.Name]);
            return Page();
        }
        db.ContentLanguages.Remove(language);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["{0} wird nicht mehr angeboten. Die Übersetzungen bleiben gespeichert und kommen zurück, wenn Sie die Sprache wieder hinzufügen.", language.Name], ListUrl);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await ContentLanguages.EnsureDefaultsAsync(db, ct);
        Languages = await ContentLanguages.ListAsync(db, ct);
        TranslationCounts = await db.ContentTranslations.AsNoTracking().GroupBy(t => t.Language).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    public Crumb[] Crumbs() => [new(l["Verwaltung"], ManageUrl()), new(l["Hilfeangebote"], ContentUrls.Services(Municipality.Slug)), new(l["Sprachen"])];
}
