using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation.Manage;

/// <summary>What both milestone pages share: the measure they belong to (tracked, so a milestone's history can
/// name it), its plan's title and level words for the trail, and the addresses.</summary>
public abstract class MilestonePageModel(PlanwerkDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    protected PlanwerkDbContext Db { get; } = db;
    protected IStringLocalizer<SharedResource> L { get; } = l;

    public Measure Measure { get; private set; } = null!;
    public string PlanTitle { get; private set; } = "";
    public PlanLevels Levels { get; private set; } = PlanLevels.Default;
    public DateOnly Today => BerlinTime.Today(clock);

    /// <summary>"Maßnahme 4.3" in the plan's own word.</summary>
    public string MeasureName => Levels.Measure.One + " " + Measure.Number;

    public string MeasureEditUrl => PlanUrl(Measure.PlanId, string.Create(CultureInfo.InvariantCulture, $"/measures/{Measure.Id}"));
    public string ListUrl => MeasureEditUrl + "/milestones";
    public string EditUrl(int id) => ListUrl + "/" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The measure of this municipality's plan, or null (the page answers 404).</summary>
    protected async Task<bool> LoadMeasureAsync(int planId, int measureId, CancellationToken ct)
    {
        var measure = await Db.Measures.FirstOrDefaultAsync(m => m.Id == measureId && m.PlanId == planId, ct);
        if (measure is null) return false;
        PlanTitle = await Db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Title).FirstAsync(ct);
        Levels = await Db.Plans.AsNoTracking().Where(p => p.Id == planId).SelectLevels().FirstAsync(ct);
        Measure = measure;
        return true;
    }

    public Crumb[] Crumbs(string? page)
    {
        var list = new Crumb(Localized("Meilensteine"), page is null ? null : ListUrl);
        return page is null
            ? [new Crumb(Localized("Verwaltung"), ManageUrl()), new Crumb(PlanTitle, PlanUrl(Measure.PlanId)), new Crumb(MeasureName, MeasureEditUrl), list]
            : [new Crumb(Localized("Verwaltung"), ManageUrl()), new Crumb(PlanTitle, PlanUrl(Measure.PlanId)), new Crumb(MeasureName, MeasureEditUrl), list, new Crumb(page)];
    }

    private string Localized(string key) => L[key].Value;
}
