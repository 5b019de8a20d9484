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

/// <summary>Searches the measures of all the municipality's published plans at once, matched like the
/// search of one plan (<see cref="MeasureSearch"/>), grouped by plan. At most <see cref="MaxHits"/> hits
/// are shown, so a one-letter term cannot make a page of every measure. Two SQL commands.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = ["q"])]
public sealed class MunicipalitySearchModel(PlanwerkDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MaxHits = 200;

    public sealed record Hit(MeasureRow Measure, int PlanId, string PlanTitle, int? PlanStart);
    public sealed record PlanHits(int PlanId, string PlanTitle, IReadOnlyList<MeasureRow> Measures);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public bool Searched { get; private set; }
    public int HitCount { get; private set; }
    public bool MoreThanShown { get; private set; }
    public IReadOnlyList<PlanHits> Results { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
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
            .Where(m => m.Plan!.IsPublic)
            .Matching(term)
            .OrderByDescending(m => m.Plan!.PeriodStart).ThenBy(m => m.PlanId).ThenBy(m => m.Id)
            .Take(MaxHits + 1)
            .Select(m => new Hit(
                new MeasureRow(m.Id, m.FieldOfActionId, m.Position, m.Number, m.Title, m.Status, m.Progress, m.IsExample),
                m.PlanId, m.Plan!.Title, m.Plan.PeriodStart))
            .ToListAsync(ct);
        MoreThanShown = hits.Count > MaxHits;
        if (MoreThanShown) hits.RemoveAt(MaxHits);
        HitCount = hits.Count;
        Results = hits.GroupBy(h => (h.PlanId, h.PlanTitle, h.PlanStart))
            .OrderByDescending(g => g.Key.PlanStart).ThenBy(g => g.Key.PlanTitle, StringComparer.CurrentCulture).ThenBy(g => g.Key.PlanId)
            .Select(g => new PlanHits(g.Key.PlanId, g.Key.PlanTitle,
                g.Select(h => h.Measure).InPlanOrder(m => m.Position, m => m.Number).ToList()))
            .ToList();
        return Page();
    }
}
