using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Tenancy;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Services.Print;

/// <summary>The directory as PDF (<see cref="DirectoryPdf"/>). Public; a wrong grouping or language answers 400 in words.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = ["by", "lang"])]
public sealed class PrintPdfModel(PlanwerkDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? by, string? lang, CancellationToken ct)
    {
        var municipality = HttpContext.RequiredMunicipality();
        var request = await DirectoryRequest.ResolveAsync(db, by, lang, l, ct);
        if (request.Problem is not null) return BadRequest(request.Problem);
        var document = await DirectoryDocument.LoadAsync(db, municipality.Name, request.By, request.Language,
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, BerlinTime.Today(clock), ct);
        var bytes = DirectoryPdf.Render(document);
        return File(bytes, "application/pdf", $"Hilfeangebote-{municipality.Slug}-{DirectoryDocument.Key(request.By)}-{request.Language}.pdf");
    }
}
