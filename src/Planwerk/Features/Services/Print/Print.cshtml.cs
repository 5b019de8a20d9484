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

/// <summary>The printable directory of help services, by topic or district, in one content language. Public.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = ["by", "lang"])]
public sealed class PrintModel(PlanwerkDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public DirectoryDocument? Document { get; private set; }
    public DirectoryRequest Asked { get; private set; } = null!;
    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? by, string? lang, CancellationToken ct)
    {
        var municipality = HttpContext.RequiredMunicipality();
        Slug = municipality.Slug;
        Asked = await DirectoryRequest.ResolveAsync(db, by, lang, l, ct);
        if (Asked.Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Document = await DirectoryDocument.LoadAsync(db, municipality.Name, Asked.By, Asked.Language,
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, BerlinTime.Today(clock), ct);
        return Page();
    }

    public string Address(string by, string lang, bool pdf = false) =>
        $"/{Slug}/services/print{(pdf ? ".pdf" : "")}?by={by}&lang={Uri.EscapeDataString(lang)}";
}
