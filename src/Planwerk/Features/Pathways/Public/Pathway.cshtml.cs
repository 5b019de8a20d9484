using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Data;
using Planwerk.Features.Services;
using Planwerk.Features.Services.PublicPages;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Pathways.PublicPages;

/// <summary>One published pathway: its stages and steps in order, in the chosen content language, each step with its
/// listed help services and the public plans' measures read live. Only the published document is read, never the
/// working rows; a code that is not published here (or is another municipality's) is not found. A fixed number of
/// queries: the content languages, the current publications (and the documents not yet in memory), the services (split
/// in five, plus the names of services and places in the language) and the measures.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = ["lang"])]
public sealed class PathwayPageModel(PlanwerkDbContext db, PublishedPathways published, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "lang")] public string? Lang { get; set; }

    public ContentChoice Choice { get; private set; } = null!;
    public PathwayDocument Pathway { get; private set; } = null!;
    public IReadOnlyDictionary<int, StepService> Services { get; private set; } = new Dictionary<int, StepService>();
    public IReadOnlyDictionary<int, StepMeasure> Measures { get; private set; } = new Dictionary<int, StepMeasure>();
    public string Slug { get; private set; } = "";
    public bool AnyFallback { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Slug = HttpContext.RequiredMunicipality().Slug;
        var pathway = await published.FindAsync(db, code, ct);
        if (pathway is null) return NotFound();
        Pathway = pathway;
        Choice = await ContentChoice.ResolveAsync(db, Lang, ct);
        var steps = pathway.AllSteps.ToList();
        Services = await PathwayLiveReads.ServicesAsync(db, steps.SelectMany(s => s.ServiceIds).ToList(), Choice.Language, clock, ct);
        Measures = await PathwayLiveReads.MeasuresAsync(db, steps.SelectMany(s => s.MeasureIds).ToList(), ct);
        AnyFallback = !Choice.IsSource && PathwayShown.Texts(pathway).Any(t => t.In(Choice.Language).IsFallback);
        return Page();
    }

    public StepView Step(PublishedStep step) => new(step,
        step.ServiceIds.Distinct().Where(Services.ContainsKey).Select(id => Services[id]).ToList(), false,
        Finder.Measured(step, Measures), Choice.Language, Slug, Pathway.Code, Choice.Query, 3);

    public string Address(string? lang) => PathwayLinks.Pathway(Slug, Pathway.Code, lang == ContentLanguages.Source ? null : lang);
}
