using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Services.Content;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Pathways.Manage;

/// <summary>A pathway's texts, its stages' and its steps' in one content language (easy German among them, when the
/// municipality offers it), beside the German source, with the field in the target language's <c>lang</c> and
/// <c>dir</c>. The side-by-side form of the services' translations: all fields saved together, a translation made from
/// an older German text marked outdated, a page changed meanwhile shown as a conflict. A step's translation is the step's:
/// it shows in every pathway the step stands in.</summary>
[Authorize(Policy = Policies.PathwayEditor)]
public sealed class PathwayTranslationEditModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : TranslationPageModel(db, cache, clock, l)
{
    public int PathwayId { get; private set; }

    public string PathwayTitle { get; private set; } = "";

    public override string LanguageUrl(string code) => PathwayUrls.Translation(Municipality.Slug, PathwayId, code);

    public async Task<IActionResult> OnGetAsync(int id, string lang, CancellationToken ct)
    {
        if (!await FindAsync(id, ct) || !await LoadAsync(lang, ct)) return NotFound();
        FillFromStored();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string lang, CancellationToken ct)
    {
        if (!await FindAsync(id, ct)) return NotFound();
        return await SaveAsync(lang, Text["Die Übersetzung wurde gespeichert. Die Öffentlichkeit sieht sie, wenn das Planungsteam den Integrationsweg veröffentlicht."],
            PathwayUrls.Translation(Municipality.Slug, id, lang.Trim().ToLowerInvariant()), ct);
    }

    private async Task<bool> FindAsync(int id, CancellationToken ct)
    {
        var pathway = await Db.Pathways.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Title }).FirstOrDefaultAsync(ct);
        if (pathway is null) return false;
        (PathwayId, PathwayTitle) = (pathway.Id, pathway.Title);
        return true;
    }

    protected override Task<IReadOnlyList<SourceText>?> LoadSourcesAsync(CancellationToken ct) => PathwayTranslationTexts.SourcesAsync(Db, PathwayId, Text, ct);

    protected override async Task<IReadOnlyDictionary<(string Kind, int EntityId, string Field), StoredTranslation>> LoadStoredAsync(
        string language, IReadOnlyList<SourceText> sources, CancellationToken ct) =>
        (await PathwayTranslationTexts.StoredAsync(Db, language, sources, ct)).GetValueOrDefault(language) ?? TranslatableTexts.None;

    protected override async Task<bool> LockAsync(CancellationToken ct) =>
        await Db.Pathways.Where(p => p.Id == PathwayId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Version, p => p.Version), ct) == 1;

    public Crumb[] Crumbs() =>
    [
        new(Text["Verwaltung"], ManageUrl()), new(Text["Integrationswege"], PathwayUrls.List(Municipality.Slug)),
        new(PathwayTitle, PathwayUrls.Edit(Municipality.Slug, PathwayId)),
        new(Text["Übersetzungen"], PathwayUrls.Translations(Municipality.Slug, PathwayId)), new(Language.Name),
    ];
}
