using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Implementation.YearlyReports;

/// <summary>A plan's yearly reports for the plan team: each year's report with its state, and a form to start the report
/// of a year in which one of the plan's reporting periods ends (one per year). Four queries.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class YearlyReportsModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed record Row(int Year, DateOnly? PublishedOn);

    [BindProperty]
    public YearlyReportCreateInput Input { get; set; } = new();

    public int PlanId { get; private set; }
    public PlanHeading Plan { get; private set; } = null!;
    public bool PlanIsPublic { get; private set; }
    /// <summary>The years in which a reporting period of the plan ends.</summary>
    public IReadOnlyList<int> PeriodYears { get; private set; } = [];
    public IReadOnlyList<Row> Reports { get; private set; } = [];
    public IReadOnlyList<int> FreeYears => PeriodYears.Except(Reports.Select(r => r.Year)).ToList();

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        Input.Year = FreeYears.Count > 0 ? FreeYears[^1] : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        Input.Validate(ModelState, "Input.", l, PeriodYears, Reports.Select(r => r.Year).ToList());
        if (!ModelState.IsValid) return Page();
        var year = Input.Year!.Value;
        db.YearlyReports.Add(new YearlyReport { PlanId = planId, Year = year });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone started the same year's report in the same moment: the unique index refused the second.
            db.ChangeTracker.Clear();
            await LoadAsync(planId, ct);
            ModelState.AddModelError("Input.Year", YearlyReportCreateInput.Duplicate(year, l));
            return Page();
        }
        return await SavedAsync(cache, l["Der Jahresbericht {0} wurde als Entwurf angelegt.", year.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            YearlyReportUrls.Edit(Municipality.Slug, planId, year));
    }

    private async Task<bool> LoadAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).SelectHeading().FirstOrDefaultAsync(ct);
        if (plan is null) return false;
        PlanId = planId;
        Plan = plan;
        PlanIsPublic = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.IsPublic).FirstAsync(ct);
        PeriodYears = YearlyReportContent.YearsOf(await db.ReportingPeriods.AsNoTracking().Where(p => p.PlanId == planId).Select(p => p.EndsOn).ToListAsync(ct));
        Reports = await db.YearlyReports.AsNoTracking().Where(r => r.PlanId == planId).OrderByDescending(r => r.Year)
            .Select(r => new Row(r.Year, r.PublishedOn)).ToListAsync(ct);
        return true;
    }

    public Crumb[] Crumbs() => [new Crumb(l["Verwaltung"], ManageUrl()), new Crumb(Plan.Title, PlanUrl(PlanId)), new Crumb(l["Jahresberichte"])];
}
