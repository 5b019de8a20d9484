using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Implementation.Indicators;

/// <summary>Upload indicator values as CSV or XLSX: checked first, applied all or nothing (<see cref="IndicatorValueImport"/>).</summary>
[Authorize(Policy = Policies.PlanEditor)]
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class IndicatorImportModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : IndicatorPageModel(db, clock, l)
{
    internal const int UploadLimit = MeasureFiles.MaxBytes + 2 * 1024 * 1024;
    public const int ProblemsShown = 200;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];
    public IReadOnlyList<string> IndicatorNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        if (!await LoadPlanAsync(planId, ct)) return NotFound();
        await LoadNamesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken ct)
    {
        if (!await LoadPlanAsync(planId, ct)) return NotFound();
        IndicatorImportResult result;
        if (Upload is null || Upload.Length == 0)
            result = new([ImportProblem.InFile(Upload is null ? ImportTexts.NoFile : ImportTexts.EmptyFile)], 0, 0);
        else if (Upload.Length > MeasureFiles.MaxBytes)
            result = new([ImportProblem.InFile(ImportTexts.TooLarge, MeasureFiles.FormatSize(Upload.Length), MeasureFiles.FormatSize(MeasureFiles.MaxBytes))], 0, 0);
        else
        {
            using var buffer = new MemoryStream((int)Upload.Length);
            await Upload.CopyToAsync(buffer, ct);
            result = await IndicatorValueImport.ImportAsync(Db, planId, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), Today, ct);
        }
        if (!result.Succeeded)
        {
            Problems = result.Problems;
            await LoadNamesAsync(ct);
            return Page();
        }
        return await SavedAsync(cache, L["Die Datei wurde übernommen: {0} Werte neu eingetragen, {1} korrigiert.", result.Added, result.Corrected], ListUrl);
    }

    private async Task LoadNamesAsync(CancellationToken ct) =>
        IndicatorNames = (await IndicatorReads.OfPlanAsync(Db, PlanId, null, ct)).Select(i => i.Name).ToList();
}
