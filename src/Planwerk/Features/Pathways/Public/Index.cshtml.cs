using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Data;
using Planwerk.Features.Services;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Pathways.PublicPages;

/// <summary>The municipality's published pathways in the chosen content language, with the finder's questions. Reads the
/// published documents only: the content languages, the districts and the current publications.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = ["lang"])]
public sealed class PathwayIndexModel(PlanwerkDbContext db, PublishedPathways published, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "lang")] public string? Lang { get; set; }

    public FinderRun Run { get; private set; } = null!;
    public IReadOnlyList<PathwayDocument> Pathways { get; private set; } = [];
    public string Slug { get; private set; } = "";
    public bool AnyFallback { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Slug = HttpContext.RequiredMunicipality().Slug;
        Run = await FinderRun.LoadAsync(db, published, clock, null, null, null, null, Lang, ct);
        Pathways = await published.ListAsync(db, ct);
        AnyFallback = !Run.Choice.IsSource && Pathways.Any(p => p.Title.In(Run.Choice.Language).IsFallback || p.Summary.In(Run.Choice.Language).IsFallback);
        return Page();
    }

    public string Address(string? lang) => PathwayLinks.Index(Slug, lang == ContentLanguages.Source ? null : lang);
}
