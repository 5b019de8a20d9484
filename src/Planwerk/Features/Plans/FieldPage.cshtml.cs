using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans;

/// <summary>A field of action of a published plan with its measures. Three SQL commands whatever its size.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class FieldPageModel(PlanwerkDbContext db) : PageModel
{
    public sealed record FieldDetail(int Id, int Number, string Title, string Description, int PlanId, string PlanTitle);

    public FieldDetail Field { get; private set; } = null!;
    public IReadOnlyList<MeasureRow> Measures { get; private set; } = [];
    public StatusSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int planId, int fieldId, CancellationToken ct)
    {
        var field = await db.FieldsOfAction.AsNoTracking()
            .Where(f => f.Id == fieldId && f.PlanId == planId && f.Plan!.IsPublic)
            .Select(f => new FieldDetail(f.Id, f.Number, f.Title, f.Description, f.PlanId, f.Plan!.Title))
            .FirstOrDefaultAsync(ct);
        if (field is null) return NotFound();
        var measures = await db.Measures.Where(m => m.FieldOfActionId == fieldId).MeasureRows(ct);
        Field = field;
        Measures = measures.InPlanOrder(m => m.Position, m => m.Number).ToList();
        Summary = StatusSummary.Of(measures);
        return Page();
    }
}
