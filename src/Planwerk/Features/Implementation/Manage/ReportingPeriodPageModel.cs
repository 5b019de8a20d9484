using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation.Manage;

/// <summary>What both reporting-period pages share: the plan they belong to, its other periods (for the overlap
/// check), the trail and the addresses.</summary>
public abstract class ReportingPeriodPageModel(PlanwerkDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    protected PlanwerkDbContext Db { get; } = db;
    protected IStringLocalizer<SharedResource> L { get; } = l;

    public int PlanId { get; private set; }
    public string PlanTitle { get; private set; } = "";
    public DateOnly Today => BerlinTime.Today(clock);

    /// <summary>The plan's periods in order of their start, as stored.</summary>
    public IReadOnlyList<ReportingPeriod> Periods { get; private set; } = [];

    public string ListUrl => PlanUrl(PlanId, "/reporting-periods");
    public string EditUrl(int id) => ListUrl + "/" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The plan of this municipality and its periods; false when there is no such plan (the page answers 404).</summary>
    protected async Task<bool> LoadPlanAsync(int planId, CancellationToken ct)
    {
        var title = await Db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null) return false;
        (PlanId, PlanTitle) = (planId, title);
        Periods = await Db.ReportingPeriods.AsNoTracking().Where(p => p.PlanId == planId)
            .OrderBy(p => p.StartsOn).ThenBy(p => p.Id).ToListAsync(ct);
        return true;
    }

    public Crumb[] Crumbs(string? page)
    {
        Crumb[] trail = [new(L["Verwaltung"].Value, ManageUrl()), new(PlanTitle, PlanUrl(PlanId)), new(L["Berichtszeiträume"].Value, page is null ? null : ListUrl)];
        return page is null ? trail : [.. trail, new Crumb(page)];
    }
}
