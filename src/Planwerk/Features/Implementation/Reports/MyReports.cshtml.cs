using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Tenancy;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation.Reports;

/// <summary>"Meine Berichte": for a reporter, the measures their organisations lead or are partners in, per plan, with
/// the state of each report of every period that has begun (newest first), what is overdue, and a link to write it.
/// Three queries whatever the number of measures and periods.</summary>
[Authorize(Policy = Policies.Reporting)]
public sealed class MyReportsModel(PlanwerkDbContext db, ReportAccess access, TimeProvider clock) : PageModel
{
    public sealed record MeasureRow(int Id, int PlanId, string Number, string Title, string Role);

    public sealed record PeriodRow(int Id, string Name, DateOnly StartsOn, DateOnly EndsOn, DateOnly DueOn);

    public sealed record PlanBlock(int PlanId, string Title, PlanLevels Levels, IReadOnlyList<PeriodRow> Periods, IReadOnlyList<MeasureRow> Measures);

    public IReadOnlyList<PlanBlock> Plans { get; private set; } = [];
    /// <summary>(measure, period) → state.</summary>
    public IReadOnlyDictionary<(int Measure, int Period), ReportState> States { get; private set; } = new Dictionary<(int, int), ReportState>();
    public DateOnly Today => BerlinTime.Today(clock);
    public bool IsPlanTeam { get; private set; }
    public CurrentMunicipality Municipality => HttpContext.RequiredMunicipality();

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsPlanTeam = await access.IsPlanTeamAsync(User);
        var organisations = await access.ReporterOrganisationsAsync(User, ct);
        var today = Today;
        var measures = await db.Measures.AsNoTracking()
            .Where(m => m.Organisations.Any(o => organisations.Contains(o.OrganisationId)))
            .OrderBy(m => m.Plan!.Title).ThenBy(m => m.PlanId).ThenBy(m => m.FieldOfAction!.Position).ThenBy(m => m.Position)
            .Select(m => new
            {
                m.Id, m.PlanId, m.Number, m.Title,
                Lead = m.Organisations.Any(o => o.Role == MeasureOrganisationRole.Lead && organisations.Contains(o.OrganisationId)),
                PlanTitle = m.Plan!.Title,
                Levels = new PlanLevels(
                    new LevelWords(m.Plan.PrincipleSingular, m.Plan.PrinciplePlural, m.Plan.PrincipleSingularEn, m.Plan.PrinciplePluralEn),
                    new LevelWords(m.Plan.FieldSingular, m.Plan.FieldPlural, m.Plan.FieldSingularEn, m.Plan.FieldPluralEn),
                    new LevelWords(m.Plan.MeasureSingular, m.Plan.MeasurePlural, m.Plan.MeasureSingularEn, m.Plan.MeasurePluralEn)),
            })
            .ToListAsync(ct);
        var planIds = measures.Select(m => m.PlanId).Distinct().ToList();
        var periods = await db.ReportingPeriods.AsNoTracking().Where(p => planIds.Contains(p.PlanId) && p.StartsOn <= today)
            .OrderByDescending(p => p.StartsOn)
            .Select(p => new { p.PlanId, Row = new PeriodRow(p.Id, p.Name, p.StartsOn, p.EndsOn, p.DueOn) })
            .ToListAsync(ct);
        var measureIds = measures.Select(m => m.Id).ToList();
        var periodIds = periods.Select(p => p.Row.Id).ToList();
        States = (await db.MeasureReports.AsNoTracking()
                .Where(r => measureIds.Contains(r.MeasureId) && periodIds.Contains(r.ReportingPeriodId))
                .Select(r => new { r.MeasureId, r.ReportingPeriodId, r.State }).ToListAsync(ct))
            .ToDictionary(r => (r.MeasureId, r.ReportingPeriodId), r => r.State);
        Plans = measures.GroupBy(m => m.PlanId).Select(g => new PlanBlock(g.Key, g.First().PlanTitle, g.First().Levels,
                periods.Where(p => p.PlanId == g.Key).Select(p => p.Row).ToList(),
                g.Select(m => new MeasureRow(m.Id, m.PlanId, m.Number, m.Title, m.Lead ? "Federführung" : "Partner")).ToList()))
            .ToList();
    }

    public ReportState? StateOf(int measureId, int periodId) => States.TryGetValue((measureId, periodId), out var s) ? s : null;

    public string ReportUrl(int measureId, int periodId) => ReportUrls.Report(Municipality.Slug, measureId, periodId);
}
