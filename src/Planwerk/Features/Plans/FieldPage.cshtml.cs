using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Plans;

/// <summary>A field of action of a published plan with its measures. Three SQL commands whatever its size
/// (four for an adopted plan: its adopted version, see <see cref="AdoptedPlanReads"/>).</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = [AdoptedPlanReads.StandKey])]
public sealed class FieldPageModel(PlanwerkDbContext db) : PageModel
{
    public sealed record FieldDetail(int Id, int Number, string Title, string Description, int PlanId, string PlanTitle)
    {
        public int? AdoptedVersionId { get; init; }
        public DateOnly? AdoptedOn { get; init; }
        public PlanLevels Levels { get; init; } = PlanLevels.Default;
    }

    public FieldDetail Field { get; private set; } = null!;
    public IReadOnlyList<MeasureRow> Measures { get; private set; } = [];
    public StatusSummary Summary { get; private set; } = null!;
    /// <summary>Set for an adopted plan: which of its states the page shows.</summary>
    public AdoptedNote? Adopted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int planId, int fieldId, CancellationToken ct)
    {
        var field = await db.FieldsOfAction.AsNoTracking()
            .Where(f => f.Id == fieldId && f.PlanId == planId && f.Plan!.IsPublic)
            .Select(f => new FieldDetail(f.Id, f.Number, f.Title, f.Description, f.PlanId, f.Plan!.Title)
                {
                    AdoptedVersionId = f.Plan.AdoptedVersionId, AdoptedOn = f.Plan.AdoptedOn,
                    Levels = new PlanLevels(new LevelWords(f.Plan.PrincipleSingular, f.Plan.PrinciplePlural, f.Plan.PrincipleSingularEn, f.Plan.PrinciplePluralEn),
                    new LevelWords(f.Plan.FieldSingular, f.Plan.FieldPlural, f.Plan.FieldSingularEn, f.Plan.FieldPluralEn),
                    new LevelWords(f.Plan.MeasureSingular, f.Plan.MeasurePlural, f.Plan.MeasureSingularEn, f.Plan.MeasurePluralEn)),
                })
            .FirstOrDefaultAsync(ct);
        if (field is null) return NotFound();
        var measures = await db.Measures.Where(m => m.FieldOfActionId == fieldId).MeasureRows(ct);
        if (field.AdoptedVersionId is int versionId && field.AdoptedOn is DateOnly adoptedOn)
        {
            var url = HttpContext.Request.Path.Value ?? "";
            if (!AdoptedPlanReads.WantsWorkingState(Request) && await db.AdoptedFieldAsync(versionId, field.Number, ct) is { } adopted
                && adopted.Document.Fields.FirstOrDefault(f => f.Number == field.Number) is { } frozen)
            {
                // The adopted wording and measures of this field, each measure with its live status.
                var adoptedFields = AdoptedPlanReads.Fields(adopted.Document with { Fields = [frozen] }, [new FieldRow(field.Id, field.Number, field.Title, field.Description)], measures);
                Field = field with { Title = frozen.Title, Description = frozen.Description, PlanTitle = adopted.Document.Title };
                Measures = adoptedFields[0].Measures;
                Summary = StatusSummary.Of(Measures.ToList());
                Adopted = new AdoptedNote(adoptedOn, false, adopted.ChangedSince, url, AdoptedPlanReads.WorkingStateUrl(url));
                return Page();
            }
            // A field added after the adoption exists only in the working state; its adopted counterpart is the plan.
            var adoptedUrl = AdoptedPlanReads.WantsWorkingState(Request) ? url : PublicPlanLinks.Plan(HttpContext.RequiredMunicipality().Slug, field.PlanId);
            Adopted = new AdoptedNote(adoptedOn, true, true, adoptedUrl, url);
        }
        Field = field;
        Measures = measures.InPlanOrder(m => m.Position, m => m.Number).ToList();
        Summary = StatusSummary.Of(measures);
        return Page();
    }
}
