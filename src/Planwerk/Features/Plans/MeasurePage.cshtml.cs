using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Implementation;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Time;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Plans;

/// <summary>Every fact of one measure of a published plan. Seven SQL commands: the municipality, the
/// measure with its plan, field, principles and districts, its milestones, its published reports with their evidence's names, its help services, the current pathway publications (the documents themselves are kept in memory), and its key, its line (origin, continuation, assessment) and the plan's adoption (an eighth
/// for an adopted plan: the adopted version, whose texts it shows with the live status; see
/// <see cref="AdoptedPlanReads"/>).</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName, VaryByQueryKeys = [AdoptedPlanReads.StandKey])]
public sealed class MeasurePageModel(PlanwerkDbContext db, TimeProvider clock, Pathways.PublishedPathways pathways) : PageModel
{
    public MeasureFacts Measure { get; private set; } = null!;
    /// <summary>Set for an adopted plan: which of its states the page shows.</summary>
    public AdoptedNote? Adopted { get; private set; }
    /// <summary>Live, like the status: an adopted plan's page shows today's milestones too.</summary>
    public IReadOnlyList<Milestone> Milestones { get; private set; } = [];
    public DateOnly Today => BerlinTime.Today(clock);

    /// <summary>A published report, as the public reads it.</summary>
    public sealed record PublishedReport(int Id, string Period, DateOnly EndsOn, DateTimeOffset? PublishedAt, string StatusName, string StatusNameEn,
        int? Progress, int? StatusProgress, string Done, string NextSteps, string Obstacles, decimal? Spent, string Links, IReadOnlyList<EvidenceLink> Evidence);

    public sealed record EvidenceLink(int Id, string FileName, long Size);

    /// <summary>Live: the published reports, newest period first.</summary>
    public IReadOnlyList<PublishedReport> Reports { get; private set; } = [];

    /// <summary>Live: the listed help services the measure creates or strengthens.</summary>
    public IReadOnlyList<(int Id, string Name)> Services { get; private set; } = [];

    /// <summary>The published pathway steps that name this measure, as the public reads them (from the published
    /// documents, one query for the current publications whatever their number).</summary>
    public IReadOnlyList<Pathways.PublicPages.MeasureStepLink> PathwaySteps { get; private set; } = [];

    /// <summary>Live, also for an adopted plan: where the measure came from, where it goes on, its closing assessment.</summary>
    public Lineage.PublicLineage Lineage { get; private set; } = new(null, "", null, null);

    public async Task<IActionResult> OnGetAsync(int planId, int measureId, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking()
            .Where(x => x.Id == measureId && x.PlanId == planId && x.Plan!.IsPublic)
            .Select(PublicPlanReads.Facts)
            .AsSingleQuery()
            .FirstOrDefaultAsync(ct);
        if (measure is null) return NotFound();
        Measure = measure;
        Milestones = await db.Milestones.AsNoTracking().Where(x => x.MeasureId == measureId)
            .OrderBy(x => x.DueOn).ThenBy(x => x.Id).ToListAsync(ct);
        Reports = await db.MeasureReports.AsNoTracking().Where(r => r.MeasureId == measureId && r.State == ReportState.Published)
            .OrderByDescending(r => r.ReportingPeriod!.StartsOn)
            .Select(r => new PublishedReport(r.Id, r.ReportingPeriod!.Name, r.ReportingPeriod.EndsOn, r.PublishedAt,
                r.Status == null ? "" : r.Status.Name, r.Status == null ? "" : r.Status.NameEn, r.Progress, r.Status == null ? null : r.Status.DefaultProgress,
                r.Done, r.NextSteps, r.Obstacles, r.Spent, r.Links,
                r.Evidence.OrderBy(e => e.Id).Select(e => new EvidenceLink(e.Id, e.FileName, e.Size)).ToList()))
            .AsSingleQuery()
            .ToListAsync(ct);
        Services = (await Planwerk.Features.Services.Directory.ServiceDirectoryQuery.Listed(db.HelpServices.AsNoTracking())
            .Where(s => db.MeasureServices.Any(x => x.MeasureId == measureId && x.ServiceId == s.Id))
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name)).ToList();
        PathwaySteps = Pathways.PublicPages.MeasureStepLink.Of(await pathways.ListAsync(db, ct), measureId);
        (Lineage, var adoption) = await Plans.Lineage.PublicLineageReads.OfMeasureAsync(db, measureId, ct);
        if (adoption is { AdoptedVersionId: int versionId, AdoptedOn: DateOnly adoptedOn })
        {
            var url = HttpContext.Request.Path.Value ?? "";
            var planUrl = PublicPlanLinks.Plan(HttpContext.RequiredMunicipality().Slug, planId);
            if (!AdoptedPlanReads.WantsWorkingState(Request) && await db.AdoptedMeasureAsync(versionId, adoption.Key, ct) is { } adopted
                && adopted.Outline.Measures.FirstOrDefault(x => x.Measure.Key == adoption.Key) is ({ } field, { } frozen))
            {
                Measure = AdoptedPlanReads.Facts(measure, adopted.Document, field, frozen);
                Adopted = new AdoptedNote(adoptedOn, false, adopted.ChangedSince, url, AdoptedPlanReads.WorkingStateUrl(url));
                return Page();
            }
            // A measure added after the adoption is part of the working state only.
            Adopted = new AdoptedNote(adoptedOn, true, true, AdoptedPlanReads.WantsWorkingState(Request) ? url : planUrl, url);
        }
        return Page();
    }
}
