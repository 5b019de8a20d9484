using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;

namespace Planwerk.Features.Services.Content;

/// <summary>What the side-by-side translation pages share (a service with its locations, a topic): the German source
/// beside a field per text in the target language, all saved at once. A save runs in a transaction that first locks the
/// page's row (a no-op update), so two saves of the same page take turns; the second finds the page's
/// <see cref="TranslationSheet.Token"/> changed and shows the conflict instead of overwriting.</summary>
public abstract class TranslationPageModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    /// <summary>The posted translations by <see cref="SourceText.Key"/>; a field not posted stays as it is.</summary>
    protected PlanwerkDbContext Db { get; } = db;

    protected IStringLocalizer<SharedResource> Text { get; } = l;

    [BindProperty]
    public Dictionary<string, string?> Texts { get; set; } = [];

    /// <summary>Keys of outdated translations the translator confirmed as still right for the current German text.</summary>
    [BindProperty]
    public List<string> Confirmed { get; set; } = [];

    [BindProperty]
    public string Token { get; set; } = "";

    public TranslationSheet Sheet { get; private set; } = null!;

    public ContentLanguage Language { get; private set; } = null!;

    public IReadOnlyList<ContentLanguage> Languages { get; private set; } = [];

    /// <summary>The page's texts with their German sources; null when the row is gone.</summary>
    protected abstract Task<IReadOnlyList<SourceText>?> LoadSourcesAsync(CancellationToken ct);

    /// <summary>Touches the page's row without changing it, so concurrent saves of the page wait for each other; false when it is gone.</summary>
    protected abstract Task<bool> LockAsync(CancellationToken ct);

    /// <summary>The address of another language's page of the same content.</summary>
    public abstract string LanguageUrl(string code);

    public static string FieldId(SourceText s) => "Texts_" + s.Key + "_";

    /// <summary>What the field shows: the posted text after a refused save, otherwise the stored translation.</summary>
    public string TextOf(SourceText s) => Texts.TryGetValue(s.Key, out var posted) ? posted ?? "" : Sheet.Stored(s)?.Text ?? "";

    /// <summary>Reads the language (one of the municipality's content languages, not German) and the page; false for neither.</summary>
    protected async Task<bool> LoadAsync(string? language, CancellationToken ct)
    {
        await ContentLanguages.EnsureDefaultsAsync(Db, ct);
        Languages = await ContentLanguages.ListAsync(Db, ct);
        var code = language?.Trim().ToLowerInvariant();
        if (Languages.FirstOrDefault(x => x.Code == code) is not { } target) return false;
        Language = target;
        if (await LoadSourcesAsync(ct) is not { } sources) return false;
        Sheet = new TranslationSheet(target.Code, sources, await LoadStoredAsync(target.Code, sources, ct));
        return true;
    }

    /// <summary>The stored translations of the page's texts into the language; pages of other kinds of content (pathways)
    /// read their own kinds.</summary>
    protected virtual async Task<IReadOnlyDictionary<(string Kind, int EntityId, string Field), StoredTranslation>> LoadStoredAsync(
        string language, IReadOnlyList<SourceText> sources, CancellationToken ct)
    {
        var ids = (Service: Ids(sources, ContentKinds.Service), Location: Ids(sources, ContentKinds.Location), Topic: Ids(sources, ContentKinds.Topic));
        var stored = await TranslatableTexts.StoredAsync(Db, language, ids.Service, ids.Location, ids.Topic, ct);
        return stored.GetValueOrDefault(language) ?? TranslatableTexts.None;
    }

    private static List<int> Ids(IReadOnlyList<SourceText> sources, string kind) => sources.Where(s => s.Kind == kind).Select(s => s.EntityId).Distinct().ToList();

    protected void FillFromStored()
    {
        Texts = [];
        Token = Sheet.Token;
    }

    /// <summary>Stores every changed field of the page at once, or nothing: a text too long gets its message at its
    /// field, a page changed meanwhile is shown as a conflict.</summary>
    protected async Task<IActionResult> SaveAsync(string? language, string notice, string url, CancellationToken ct)
    {
        await using var transaction = await Db.Database.BeginTransactionAsync(ct);
        if (!await LockAsync(ct) || !await LoadAsync(language, ct)) return NotFound();
        var posted = Texts.ToDictionary(p => p.Key, p => Normalise(p.Value));
        foreach (var s in Sheet.Shown)
        {
            if (posted.TryGetValue(s.Key, out var text) && text.Length > s.MaxLength)
                ModelState.AddModelError("Texts[" + s.Key + "]", Text["{0}: Bitte kürzen Sie die Übersetzung auf höchstens {1} Zeichen (jetzt {2}).", s.Label, s.MaxLength, text.Length]);
        }
        if (!ModelState.IsValid)
        {
            await transaction.RollbackAsync(ct);
            return Page();
        }
        if (!string.Equals(Token, Sheet.Token, StringComparison.Ordinal))
        {
            await transaction.RollbackAsync(ct);
            ModelState.AddModelError("", Text["Diese Übersetzung oder ihr deutscher Text wurde inzwischen geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
            Conflict = new EditConflict();
            foreach (var s in Sheet.Shown)
            {
                if (posted.TryGetValue(s.Key, out var text)) Conflict.Compare(s.Label, text, Sheet.Stored(s)?.Text);
            }
            ModelState.Remove(nameof(Token));
            Token = Sheet.Token;
            return Page();
        }
        var now = clock.GetUtcNow();
        foreach (var s in Sheet.Shown)
        {
            if (!posted.TryGetValue(s.Key, out var text)) continue;
            var stored = Sheet.Stored(s);
            var unchanged = stored is null ? text.Length == 0 : string.Equals(Normalise(stored.Text), text, StringComparison.Ordinal);
            var confirmed = unchanged && Sheet.IsOutdated(s) && Confirmed.Contains(s.Key);
            if (unchanged && !confirmed) continue;
            await ServiceTexts.SetAsync(Db, s.Kind, s.EntityId, Language.Code, s.Field, text, s.Source, now, ct);
        }
        await Db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await SavedAsync(cache, notice, url);
    }

    private static string Normalise(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
