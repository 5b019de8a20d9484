using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation.Reports;

/// <summary>The plan team's overview of one reporting period: per lead organisation, how many reports are missing,
/// written, submitted, returned, accepted and published, and which are overdue; then every measure with its report's
/// state and a link to it. Four queries whatever the number of measures.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class OverviewModel(PlanwerkDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed record PeriodRow(int Id, string Name, DateOnly StartsOn, DateOnly EndsOn, DateOnly DueOn);

    public sealed record MeasureRow(int Id, string Number, string Title, string Lead, ReportState? State, bool Overdue);

    public sealed record OrganisationRow(string Name, int Measures, int Missing, int Drafts, int Submitted, int Returned, int Accepted, int Published, int Overdue);

    public int PlanId { get; private set; }
    public PlanHeading Plan { get; private set; } = null!;
    public IReadOnlyList<PeriodRow> Periods { get; private set; } = [];
    public PeriodRow? Period { get; private set; }
    public IReadOnlyList<MeasureRow> Measures { get; private set; } = [];
    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];
    public DateOnly Today => BerlinTime.Today(clock);

    /// <summary>The organisation row of measures without a lead.</summary>
    public const string NoLead = "ohne Federführung";

    public async Task<IActionResult> OnGetAsync(int planId, int? period, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).SelectHeading().FirstOrDefaultAsync(ct);
        if (plan is null) return NotFound();
        PlanId = planId;
        Plan = plan;
        Periods = await db.ReportingPeriods.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.StartsOn)
            .Select(p => new PeriodRow(p.Id, p.Name, p.StartsOn, p.EndsOn, p.DueOn)).ToListAsync(ct);
        var today = Today;
        // Without a choice: the newest period that has begun, else the first.
        Period = period is int chosen ? Periods.FirstOrDefault(p => p.Id == chosen) : Periods.LastOrDefault(p => p.StartsOn <= today) ?? (Periods.Count > 0 ? Periods[0] : null);
        if (period is not null && Period is null) return NotFound();
        if (Period is null) return Page();

        var periodId = Period.Id;
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == planId)
            .OrderBy(m => m.FieldOfAction!.Position).ThenBy(m => m.Position)
            .Select(m => new
            {
                m.Id, m.Number, m.Title,
                Lead = m.Organisations.Where(o => o.Role == MeasureOrganisationRole.Lead).Select(o => o.Organisation!.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var states = await db.MeasureReports.AsNoTracking().Where(r => r.ReportingPeriodId == periodId)
            .Select(r => new { r.MeasureId, r.State }).ToDictionaryAsync(r => r.MeasureId, r => r.State, ct);
        Measures = measures.Select(m =>
        {
            ReportState? state = states.TryGetValue(m.Id, out var s) ? s : null;
            return new MeasureRow(m.Id, m.Number, m.Title, m.Lead ?? "", state, MeasureReport.IsOverdue(state, Period.DueOn, today));
        }).ToList();
        Organisations = Measures.GroupBy(m => m.Lead).OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key, StringComparer.CurrentCulture)
            .Select(g => new OrganisationRow(g.Key.Length == 0 ? l[NoLead] : g.Key, g.Count(),
                g.Count(m => m.State is null), g.Count(m => m.State == ReportState.Draft), g.Count(m => m.State == ReportState.Submitted),
                g.Count(m => m.State == ReportState.Returned), g.Count(m => m.State == ReportState.Accepted),
                g.Count(m => m.State == ReportState.Published), g.Count(m => m.Overdue)))
            .ToList();
        return Page();
    }

    public string ReportUrl(int measureId) => ReportUrls.Report(Municipality.Slug, measureId, Period!.Id);

    public Crumb[] Crumbs() => [new Crumb(l["Verwaltung"], ManageUrl()), new Crumb(Plan.Title, PlanUrl(PlanId)), new Crumb(l["Berichte"])];
}
