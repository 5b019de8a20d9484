using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Localization;

namespace Planwerk.Features.Plans;

/// <summary>Searches a published plan's measures (see <see cref="MeasureSearch"/> for how text is matched).
/// An empty query shows the form; an over-long one is refused with a message. Three SQL commands.
/// <see cref="MunicipalitySearchModel"/> searches all the municipality's published plans.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = ["q"])]
public sealed class SearchModel(PlanwerkDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record PlanRef(int Id, string Title)
    {
        public PlanLevels Levels { get; init; } = PlanLevels.Default;
    }
    public sealed record Hit(MeasureRow Measure, int FieldNumber, string FieldTitle);
    public sealed record FieldHits(int FieldId, int FieldNumber, string FieldTitle, IReadOnlyList<MeasureRow> Measures);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public PlanRef Plan { get; private set; } = null!;
    public bool Searched { get; private set; }
    public int HitCount { get; private set; }
    public IReadOnlyList<FieldHits> Results { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId && p.IsPublic)
            .Select(p => new PlanRef(p.Id, p.Title)
            {
                Levels = new PlanLevels(new LevelWords(p.PrincipleSingular, p.PrinciplePlural, p.PrincipleSingularEn, p.PrinciplePluralEn),
                new LevelWords(p.FieldSingular, p.FieldPlural, p.FieldSingularEn, p.FieldPluralEn),
                new LevelWords(p.MeasureSingular, p.MeasurePlural, p.MeasureSingularEn, p.MeasurePluralEn)),
            }).FirstOrDefaultAsync(ct);
        if (plan is null) return NotFound();
        Plan = plan;

        var term = Query?.Trim() ?? "";
        if (term.Length > MeasureSearch.MaxTermLength)
        {
            ModelState.AddModelError("q", localizer["Der Suchbegriff darf höchstens 200 Zeichen lang sein."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (term.Length == 0) return Page();

        Searched = true;
        var hits = await db.Measures.AsNoTracking()
            .Where(m => m.PlanId == planId)
            .Matching(term)
            .Select(m => new Hit(
                new MeasureRow(m.Id, m.FieldOfActionId, m.Position, m.Number, m.Title, m.Status, m.Progress, m.IsExample),
                m.FieldOfAction!.Number, m.FieldOfAction.Title))
            .ToListAsync(ct);
        HitCount = hits.Count;
        Results = hits.GroupBy(h => (h.Measure.FieldOfActionId, h.FieldNumber, h.FieldTitle))
            .OrderBy(g => g.Key.FieldNumber).ThenBy(g => g.Key.FieldOfActionId)
            .Select(g => new FieldHits(g.Key.FieldOfActionId, g.Key.FieldNumber, g.Key.FieldTitle,
                g.Select(h => h.Measure).InPlanOrder(m => m.Position, m => m.Number).ToList()))
            .ToList();
        return Page();
    }
}
