using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Data;
using Planwerk.Features.Services;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Pathways.PublicPages;

/// <summary>The finder for one person: a few questions (a GET form) and the person's pathway (<see cref="FinderRun"/>).
/// The answers live only in the address; every value is read as text, so a hand-edited address gets a message on the
/// form, never an error page.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = ["situation", "age", "children", "district", "lang"])]
public sealed class FinderModel(PlanwerkDbContext db, PublishedPathways published, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "situation")] public string? Situation { get; set; }
    [BindProperty(SupportsGet = true, Name = "age")] public string? Age { get; set; }
    [BindProperty(SupportsGet = true, Name = "children")] public string? Children { get; set; }
    [BindProperty(SupportsGet = true, Name = "district")] public string? District { get; set; }
    [BindProperty(SupportsGet = true, Name = "lang")] public string? Lang { get; set; }

    public FinderRun Run { get; private set; } = null!;
    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Slug = HttpContext.RequiredMunicipality().Slug;
        Run = await FinderRun.LoadAsync(db, published, clock, Situation, Age, Children, District, Lang, ct);
        return Page();
    }

    public string Address(string? lang) => PathwayLinks.Finder(Slug, Run.Answers, lang == ContentLanguages.Source ? null : lang);
}
