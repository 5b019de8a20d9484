using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Tenancy;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Pathways.PublicPages;

/// <summary>The finder's result as a short handout to print, in the reading language and its direction, with the
/// page's absolute address (<see cref="PublicAddress"/>) so a counsellor's printout leads back to the same answers.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = ["situation", "age", "children", "district", "lang"])]
public sealed class FinderPrintModel(PlanwerkDbContext db, PublishedPathways published, TimeProvider clock, PublicAddress address) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "situation")] public string? Situation { get; set; }
    [BindProperty(SupportsGet = true, Name = "age")] public string? Age { get; set; }
    [BindProperty(SupportsGet = true, Name = "children")] public string? Children { get; set; }
    [BindProperty(SupportsGet = true, Name = "district")] public string? District { get; set; }
    [BindProperty(SupportsGet = true, Name = "lang")] public string? Lang { get; set; }

    public Handout Handout { get; private set; } = null!;
    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Handout = await FinderHandout.LoadAsync(HttpContext, db, published, clock, address, Situation, Age, Children, District, Lang, ct);
        Slug = HttpContext.RequiredMunicipality().Slug;
        return Page();
    }
}

/// <summary>The finder's result as PDF (<see cref="HandoutPdf"/>), in the reading language.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = ["situation", "age", "children", "district", "lang"])]
public sealed class FinderPdfModel(PlanwerkDbContext db, PublishedPathways published, TimeProvider clock, PublicAddress address) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? situation, string? age, string? children, string? district, string? lang, CancellationToken ct)
    {
        var handout = await FinderHandout.LoadAsync(HttpContext, db, published, clock, address, situation, age, children, district, lang, ct);
        var slug = HttpContext.RequiredMunicipality().Slug;
        return File(HandoutPdf.Render(handout), "application/pdf", $"Weg-{slug}-{handout.Language}.pdf");
    }
}

public static class FinderHandout
{
    /// <summary>The handout of the answers in the address; its QR code and printed address lead to the finder page.</summary>
    public static async Task<Handout> LoadAsync(HttpContext http, PlanwerkDbContext db, PublishedPathways published, TimeProvider clock, PublicAddress address,
        string? situation, string? age, string? children, string? district, string? lang, CancellationToken ct)
    {
        var municipality = http.RequiredMunicipality();
        var run = await FinderRun.LoadAsync(db, published, clock, situation, age, children, district, lang, ct);
        var page = address.Link(PathwayLinks.Finder(municipality.Slug, run.Answers, run.Choice.Query));
        return Handout.For(run, municipality.Name, page, BerlinTime.Today(clock));
    }
}
