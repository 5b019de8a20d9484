using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Services;
using Planwerk.Features.Services.Content;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Pathways.Manage;

/// <summary>How far a pathway (with its stages and steps) is translated into each content language of the municipality:
/// missing and outdated texts per language, each linking to its side-by-side page.</summary>
[Authorize(Policy = Policies.PathwayEditor)]
public sealed class PathwayTranslationsModel(PlanwerkDbContext db, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public int PathwayId { get; private set; }

    public string PathwayTitle { get; private set; } = "";

    public IReadOnlyList<(ContentLanguage Language, TranslationState State)> Languages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var pathway = await db.Pathways.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Title }).FirstOrDefaultAsync(ct);
        if (pathway is null) return NotFound();
        (PathwayId, PathwayTitle) = (pathway.Id, pathway.Title);
        await ContentLanguages.EnsureDefaultsAsync(db, ct);
        var languages = await ContentLanguages.ListAsync(db, ct);
        var sources = (await PathwayTranslationTexts.SourcesAsync(db, id, l, ct))!;
        var stored = await PathwayTranslationTexts.StoredAsync(db, null, sources, ct);
        Languages = languages.Select(x => (x, TranslationState.Of(new TranslationSheet(x.Code, sources, stored.GetValueOrDefault(x.Code) ?? TranslatableTexts.None)))).ToList();
        return Page();
    }

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Integrationswege"], PathwayUrls.List(Municipality.Slug)),
        new(PathwayTitle, PathwayUrls.Edit(Municipality.Slug, PathwayId)), new(l["Übersetzungen"]),
    ];
}
