using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Plans.Transfer;

/// <summary>Creates a new (not yet public) plan from a "planwerk-plan" JSON document, checked
/// completely first and created in one step or not at all.</summary>
[Authorize(Policy = Policies.PlanEditor)]
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class ImportPlanModel(PlanwerkDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string Created = "Der Plan „{0}“ wurde aus dem JSON-Dokument angelegt: {1}, {2}. Er ist noch nicht öffentlich.";

    public const string OrganisationsCreated = "Organisationen: {0} im Verzeichnis neu angelegt.";
    public const string PathwaysCreated = "Integrationswege: {0} als Entwurf angelegt; sie werden erst öffentlich, wenn Sie sie veröffentlichen.";
    public const string PathwaysSkipped = "{0} Wege gab es hier schon (gleiche Kennung oder gleiches Kürzel); sie blieben unverändert.";
    public const string ServiceLinksDropped = "{0} Verweise auf Hilfeangebote, die es hier nicht gibt, wurden weggelassen.";

    internal const int UploadLimit = PlanImport.MaxBytes + 2 * 1024 * 1024;

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Names of lead and partners that the registry lacks are created instead of refused.</summary>
    [BindProperty]
    public bool CreateOrganisations { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        PlanImportResult result;
        if (Upload is null || Upload.Length == 0)
        {
            result = PlanImportResult.Failed(ImportProblem.InFile(Upload is null ? ImportTexts.NoFile : ImportTexts.EmptyFile));
        }
        else if (Upload.Length > PlanImport.MaxBytes)
        {
            result = PlanImportResult.Failed(ImportProblem.InFile(ImportTexts.TooLarge, MeasureFiles.FormatSize(Upload.Length), MeasureFiles.FormatSize(PlanImport.MaxBytes)));
        }
        else
        {
            using var buffer = new MemoryStream((int)Upload.Length);
            await Upload.CopyToAsync(buffer, cancellationToken);
            result = await PlanImport.ImportAsync(db, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), clock.GetUtcNow(), CreateOrganisations, cancellationToken);
        }
        if (!result.Succeeded)
        {
            Problems = result.Problems;
            return Page();
        }
        // The new plan is not public, so no public page changed and the cache stays.
        var created = localizer[Created, result.Title, result.Levels.Field.Counted(result.Fields), result.Levels.Measure.Counted(result.Measures)].Value;
        if (result.OrganisationsCreated > 0) created += " " + localizer[OrganisationsCreated, result.OrganisationsCreated].Value;
        if (result.Pathways is { } pathways)
        {
            created += " " + localizer[PathwaysCreated, pathways.Created].Value;
            if (pathways.Skipped > 0) created += " " + localizer[PathwaysSkipped, pathways.Skipped].Value;
            if (pathways.ServiceLinksDropped > 0) created += " " + localizer[ServiceLinksDropped, pathways.ServiceLinksDropped].Value;
        }
        TempData[nameof(IndexModel.CreatedFromJson)] = created;
        return LocalRedirect($"/{HttpContext.RequiredMunicipality().Slug}/manage/plans/{result.PlanId}/transfer");
    }
}
