using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Plans.Transfer;

/// <summary>Import and export of one plan: download links, and the upload of a measure table (CSV or
/// XLSX) that is checked completely and then applied in one transaction, or not at all.</summary>
[Authorize(Policy = Policies.PlanEditor)]
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class IndexModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock) : PageModel
{
    /// <summary>Somewhat above the file limit, so a slightly too large file still gets a clear message.</summary>
    internal const int UploadLimit = MeasureFiles.MaxBytes + 2 * 1024 * 1024;
    public const int ProblemsShown = 500;

    public int PlanId { get; private set; }
    public string PlanTitle { get; private set; } = "";
    public bool IsPublic { get; private set; }
    public int MeasureCount { get; private set; }
    public PlanLevels Levels { get; private set; } = PlanLevels.Default;
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Names of lead and partners that the registry lacks are created instead of refused.</summary>
    [BindProperty]
    public bool CreateOrganisations { get; set; }

    /// <summary>The counts of the last successful import ("created;updated;unchanged;fieldsCreated;fieldsRenamed;organisationsCreated"), shown once.</summary>
    [TempData]
    public string? Outcome { get; set; }

    /// <summary>Set when a JSON import has just created this plan.</summary>
    [TempData]
    public string? CreatedFromJson { get; set; }

    public int[] OutcomeCounts => Outcome?.Split(';').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray() ?? [];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken cancellationToken) =>
        await LoadAsync(planId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(planId, cancellationToken)) return NotFound();
        MeasureImportResult result;
        if (Upload is null || Upload.Length == 0)
        {
            result = MeasureImportResult.Failed([ImportProblem.InFile(Upload is null ? ImportTexts.NoFile : ImportTexts.EmptyFile)]);
        }
        else if (Upload.Length > MeasureFiles.MaxBytes)
        {
            result = MeasureImportResult.Failed([ImportProblem.InFile(ImportTexts.TooLarge, MeasureFiles.FormatSize(Upload.Length), MeasureFiles.FormatSize(MeasureFiles.MaxBytes))]);
        }
        else
        {
            using var buffer = new MemoryStream((int)Upload.Length);
            await Upload.CopyToAsync(buffer, cancellationToken);
            result = await MeasureImport.ImportAsync(db, planId, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), clock.GetUtcNow(), CreateOrganisations, cancellationToken);
        }

        if (!result.Succeeded)
        {
            Problems = result.Problems;
            return Page();
        }
        await PublicPageCache.EvictMunicipalityAsync(cache, HttpContext.RequiredMunicipality().Slug, cancellationToken);
        Outcome = string.Join(';', new[] { result.Created, result.Updated, result.Unchanged, result.FieldsCreated, result.FieldsRenamed, result.OrganisationsCreated }
            .Select(n => n.ToString(CultureInfo.InvariantCulture)));
        return RedirectToPage(new { planId });
    }

    private async Task<bool> LoadAsync(int planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new
            {
                p.Title, p.IsPublic, Count = p.Measures.Count,
                Levels = new PlanLevels(new LevelWords(p.PrincipleSingular, p.PrinciplePlural, p.PrincipleSingularEn, p.PrinciplePluralEn),
                    new LevelWords(p.FieldSingular, p.FieldPlural, p.FieldSingularEn, p.FieldPluralEn),
                    new LevelWords(p.MeasureSingular, p.MeasurePlural, p.MeasureSingularEn, p.MeasurePluralEn)),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (plan is null) return false;
        (PlanId, PlanTitle, IsPublic, MeasureCount, Levels) = (planId, plan.Title, plan.IsPublic, plan.Count, plan.Levels);
        return true;
    }
}
