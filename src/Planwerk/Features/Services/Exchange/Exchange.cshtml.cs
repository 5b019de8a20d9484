using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Services.Content;
using Planwerk.Features.Services.Hsds;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Services.Exchange;

/// <summary>The plan team takes the whole help-service directory away as HSDS JSON or as the HSDS tabular package (a ZIP
/// of CSV files), and brings one in: checked completely first, then taken over in one transaction or not at all.</summary>
[Authorize(Policy = Policies.PlanEditor)]
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class ExchangeModel(PlanwerkDbContext db, PublicAddress address, TimeProvider clock, IOutputCacheStore cache, IStringLocalizer<SharedResource> l)
    : ManagePageModel
{
    public const string Imported = "Import abgeschlossen: {0} Hilfeangebote, {1} Orte, {2} Themen und {3} Organisationen neu, {4} Hilfeangebote, {5} Orte und {6} Themen geändert.";

    /// <summary>Room for the multipart envelope around the largest file accepted.</summary>
    internal const int UploadLimit = HsdsImport.MaxBytes + 1024 * 1024;

    public const int ProblemsShown = 200;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<HsdsProblem> Problems { get; private set; } = [];

    public int ServiceCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => ServiceCount = await db.HelpServices.CountAsync(ct);

    private string Profile => address.Link(HsdsApi.ProfilePath);

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct) =>
        File(await HsdsExport.JsonAsync(db, Profile, ct), HsdsExport.JsonContentType, HsdsExport.JsonFileName(Municipality.Slug));

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(await HsdsExport.ZipAsync(db, Profile, ct), HsdsExport.ZipContentType, HsdsExport.ZipFileName(Municipality.Slug));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        HsdsImportResult result;
        if (Upload is null || Upload.Length == 0)
        {
            result = HsdsImportResult.Failed(HsdsProblem.InFile(Upload is null ? HsdsTexts.NoFile : HsdsTexts.EmptyFile));
        }
        else if (Upload.Length > HsdsImport.MaxBytes)
        {
            result = HsdsImportResult.Failed(HsdsProblem.InFile(HsdsTexts.TooLarge, HsdsImport.Size(Upload.Length), HsdsImport.Size(HsdsImport.MaxBytes)));
        }
        else
        {
            using var buffer = new MemoryStream((int)Upload.Length);
            await Upload.CopyToAsync(buffer, ct);
            result = await HsdsImport.ImportAsync(db, Upload.FileName, buffer.ToArray(), clock.GetUtcNow(), ct);
        }
        if (!result.Succeeded)
        {
            Problems = result.Problems;
            ServiceCount = await db.HelpServices.CountAsync(ct);
            return Page();
        }
        var c = result.Counts;
        return await SavedAsync(cache, l[Imported, c.ServicesAdded, c.LocationsAdded, c.TopicsAdded, c.OrganisationsAdded, c.ServicesChanged, c.LocationsChanged, c.TopicsChanged].Value,
            ExchangeUrl(Municipality.Slug));
    }

    public static string ExchangeUrl(string m) => "/" + m + "/manage/services/exchange";

    public Crumb[] Crumbs() => [new(l["Verwaltung"], ManageUrl()), new(l["Hilfeangebote"], ContentUrls.Services(Municipality.Slug)), new(l["Austausch (HSDS)"])];
}
