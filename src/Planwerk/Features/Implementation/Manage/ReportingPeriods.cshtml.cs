using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation.Manage;

/// <summary>A plan's reporting periods for the plan team: the list, a form to add one, and a form to add a whole series
/// (every half-year from … to …). A series applies fully or not at all.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class ReportingPeriodsModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : ReportingPeriodPageModel(db, clock, l)
{
    [BindProperty]
    public ReportingPeriodInput Input { get; set; } = new();

    [BindProperty]
    public ReportingPeriodSeries Series { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        if (!await LoadPlanAsync(planId, ct)) return NotFound();
        if (Periods.Count > 0)
        {
            // The series form starts after the last period.
            var last = Periods[^1].EndsOn.AddDays(1);
            Series.FirstYear = last.Year;
            Series.FirstPart = last.Month <= 6 ? 1 : 2;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken ct)
    {
        if (!await LoadPlanAsync(planId, ct)) return NotFound();
        Forget(nameof(Series));
        Input.Validate(ModelState, "Input.", L, Periods);
        if (!ModelState.IsValid) return Page();
        var period = new ReportingPeriod { Name = "", PlanId = planId };
        Input.ApplyTo(period);
        Db.ReportingPeriods.Add(period);
        await Db.SaveChangesAsync(ct);
        return await SavedAsync(cache, L["Der Berichtszeitraum „{0}“ wurde angelegt.", period.Name], ListUrl);
    }

    public async Task<IActionResult> OnPostSeriesAsync(int planId, CancellationToken ct)
    {
        if (!await LoadPlanAsync(planId, ct)) return NotFound();
        Forget(nameof(Input));
        Series.Validate(ModelState, "Series.", L);
        if (!ModelState.IsValid) return Page();
        var periods = Series.Periods();
        foreach (var (name, start, end, _) in periods)
        {
            if (Periods.FirstOrDefault(o => ReportingPeriod.Overlap(start, end, o.StartsOn, o.EndsOn) || string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)) is { } taken)
            {
                ModelState.AddModelError("Series.FirstYear", L["„{0}“ ({1} bis {2}) überschneidet sich mit dem vorhandenen Zeitraum „{3}“. Es wurde kein Zeitraum angelegt.",
                    name, BerlinTime.Date(start), BerlinTime.Date(end), taken.Name]);
                return Page();
            }
        }
        foreach (var (name, start, end, due) in periods)
            Db.ReportingPeriods.Add(new ReportingPeriod { Name = name, PlanId = planId, StartsOn = start, EndsOn = end, DueOn = due });
        await Db.SaveChangesAsync(ct);
        return await SavedAsync(cache, L["{0} Berichtszeiträume wurden angelegt, von „{1}“ bis „{2}“.", periods.Count, periods[0].Name, periods[^1].Name], ListUrl);
    }

    /// <summary>Both forms post to this page; the form not sent is not checked.</summary>
    private void Forget(string form)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(form + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }
}
