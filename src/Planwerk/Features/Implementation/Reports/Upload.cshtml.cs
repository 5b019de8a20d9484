using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation.Reports;

/// <summary>"Tabelle hochladen": an office that keeps its own list sends the reports of one period as a CSV or XLSX
/// table, one row per measure. Every row is checked first (<see cref="ReportSheet"/>); only a table without any problem
/// is taken, all of it in one save, each row becoming a submitted report as if sent from the report form, and each
/// recorded in its measure's history. A reporter reaches the plans his organisations carry out measures of and reports
/// on those measures only; the plan team on every measure of any plan. Also the template to fill in.</summary>
[Authorize(Policy = Policies.Reporting)]
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class UploadModel(PlanwerkDbContext db, ReportAccess access, IOutputCacheStore cache, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : ManagePageModel
{
    /// <summary>Somewhat above the file limit, so a slightly too large file still gets a clear message.</summary>
    internal const int UploadLimit = ReportSheet.MaxBytes + 2 * 1024 * 1024;
    public const int ProblemsShown = 500;

    public sealed record PeriodRow(int Id, string Name, DateOnly StartsOn, DateOnly EndsOn, DateOnly DueOn);

    public int PlanId { get; private set; }
    public PlanHeading Plan { get; private set; } = null!;
    public bool IsPlanTeam { get; private set; }
    /// <summary>The plan's periods that have begun, newest first.</summary>
    public IReadOnlyList<PeriodRow> Periods { get; private set; } = [];
    public int MeasureCount { get; private set; }
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    /// <summary>The period the reports are for; without a choice, the one whose reports are being collected now.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Period { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public DateOnly Today => BerlinTime.Today(clock);
    public string PageUrl => ReportUrls.Upload(Municipality.Slug, PlanId);
    public string TemplateUrl(string format) => ReportUrls.UploadTemplate(Municipality.Slug, PlanId, format);

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        if (Period is int chosen && Periods.All(p => p.Id != chosen)) Period = null;
        Period ??= CollectedNow(Periods, Today)?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        if (Period is not int periodId || Periods.All(p => p.Id != periodId))
        {
            ModelState.AddModelError(nameof(Period), l["Bitte wählen Sie einen Berichtszeitraum, der begonnen hat."]);
            return Page();
        }
        if (Upload is null || Upload.Length == 0)
        {
            Problems = [ImportProblem.InFile(Upload is null ? ImportTexts.NoFile : ImportTexts.EmptyFile)];
            return Page();
        }
        if (Upload.Length > ReportSheet.MaxBytes)
        {
            Problems = [ImportProblem.InFile(ImportTexts.TooLarge, MeasureFiles.FormatSize(Upload.Length), MeasureFiles.FormatSize(ReportSheet.MaxBytes))];
            return Page();
        }
        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer, ct);

        // Tracked: the reports are written, and the history names their measures, period and statuses without asking again.
        var period = await db.ReportingPeriods.FirstAsync(p => p.Id == periodId, ct);
        var measures = await ReportedMeasures(planId).ToListAsync(ct);
        var statuses = await db.ImplementationStatuses.OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(ct);
        var measureIds = measures.Select(m => m.Id).ToList();
        var stored = await db.MeasureReports.Where(r => r.ReportingPeriodId == periodId && measureIds.Contains(r.MeasureId))
            .ToDictionaryAsync(r => r.MeasureId, ct);
        var context = new ReportSheetContext(Plan.Levels, IsPlanTeam,
            measures.Select(m => new ReportableMeasure(m.Id, m.Key, m.Number, m.Title, stored.GetValueOrDefault(m.Id)?.State)).ToList(),
            statuses.Select(s => new ReportStatus(s.Id, s.Name, s.NameEn)).ToList(), stored);
        var result = ReportSheet.Check(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), context, l);
        if (!result.Succeeded)
        {
            Problems = result.Problems;
            return Page();
        }

        var now = clock.GetUtcNow();
        var byId = measures.ToDictionary(m => m.Id);
        int created = 0, overwritten = 0;
        foreach (var row in result.Rows)
        {
            var report = stored.GetValueOrDefault(row.Measure.Id);
            if (report is null)
            {
                report = new MeasureReport { MeasureId = row.Measure.Id, ReportingPeriodId = periodId, State = ReportState.Draft };
                db.MeasureReports.Add(report);
                created++;
            }
            else overwritten++;
            report.Measure = byId[row.Measure.Id];
            report.ReportingPeriod = period;
            row.Input.ApplyTo(report, CultureInfo.InvariantCulture);
            ReportWorkflow.Apply(report, row.Move, now, null);
        }
        try
        {
            // One save: every report of the table, with its history, or none.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A report written or moved meanwhile (a stale version, or a first report of the same measure).
            db.ChangeTracker.Clear();
            Problems = [ImportProblem.InFile(ReportSheetTexts.ChangedMeanwhile)];
            return Page();
        }
        var notice = l["Für „{0}“ wurden {1} Berichte eingereicht ({2} neu, {3} überschrieben).", period.Name, result.Rows.Count, created, overwritten].Value;
        if (result.Skipped > 0) notice += " " + l["Übersprungene Zeilen ohne Angaben: {0}.", result.Skipped].Value;
        return await SavedAsync(cache, notice, PageUrl + "?period=" + periodId.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The template to fill in: the uploader's measures of the plan with number and title, the other columns
    /// empty. <paramref name="format"/> is "csv" or "xlsx".</summary>
    public async Task<IActionResult> OnGetTemplateAsync(int planId, string? format, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx") || !await LoadAsync(planId, ct)) return NotFound();
        var measures = await ReportedMeasures(planId).AsNoTracking()
            .Select(m => new ReportableMeasure(m.Id, m.Key, m.Number, m.Title, null)).ToListAsync(ct);
        var name = PlanExport.FileName(Plan.Title) + "-berichte";
        Response.Headers.CacheControl = "no-store";
        if (format == "csv") return File(ReportSheet.TemplateCsv(measures), MeasureFiles.CsvContentType, name + ".csv");
        var statuses = await db.ImplementationStatuses.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name)
            .Select(s => new { s.Name, s.DefaultProgress }).ToListAsync(ct);
        return File(ReportSheet.TemplateXlsx(measures, statuses.Select(s => (s.Name, s.DefaultProgress)).ToList()), MeasureFiles.XlsxContentType, name + ".xlsx");
    }

    /// <summary>The period whose reports are being collected now: begun, its due date not passed (the earliest due of
    /// those); else the latest begun. <paramref name="periods"/> are the begun ones.</summary>
    public static PeriodRow? CollectedNow(IReadOnlyList<PeriodRow> periods, DateOnly today) =>
        periods.Where(p => p.DueOn >= today).OrderBy(p => p.DueOn).ThenBy(p => p.StartsOn).FirstOrDefault()
        ?? periods.OrderByDescending(p => p.StartsOn).FirstOrDefault();

    /// <summary>The organisations the uploader is a reporter of (none asked for the plan team).</summary>
    private List<int> organisations = [];

    /// <summary>The measures of the plan the uploader reports on, in plan order: all of them for the plan team, else those
    /// his organisations lead or are partners in.</summary>
    private IQueryable<Measure> ReportedMeasures(int planId)
    {
        var measures = db.Measures.Where(m => m.PlanId == planId);
        if (!IsPlanTeam) measures = measures.Where(m => m.Organisations.Any(o => organisations.Contains(o.OrganisationId)));
        return measures.OrderBy(m => m.FieldOfAction!.Position).ThenBy(m => m.Position).ThenBy(m => m.Id);
    }

    /// <summary>The plan, who is asking, the periods that have begun, and how many measures the uploader reports on.
    /// False (404) when the municipality has no such plan, or the person is not of the plan team and reports on none of
    /// its measures.</summary>
    private async Task<bool> LoadAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).SelectHeading().FirstOrDefaultAsync(ct);
        if (plan is null) return false;
        IsPlanTeam = await access.IsPlanTeamAsync(User);
        if (!IsPlanTeam) organisations = await access.ReporterOrganisationsAsync(User, ct);
        PlanId = planId;
        Plan = plan;
        MeasureCount = await ReportedMeasures(planId).CountAsync(ct);
        if (!IsPlanTeam && MeasureCount == 0) return false;
        var today = Today;
        Periods = await db.ReportingPeriods.AsNoTracking().Where(p => p.PlanId == planId && p.StartsOn <= today)
            .OrderByDescending(p => p.StartsOn)
            .Select(p => new PeriodRow(p.Id, p.Name, p.StartsOn, p.EndsOn, p.DueOn)).ToListAsync(ct);
        return true;
    }

    public Crumb[] Crumbs() => IsPlanTeam
        ? [new Crumb(l["Verwaltung"], ManageUrl()), new Crumb(Plan.Title, PlanUrl(PlanId)), new Crumb(l["Berichte"], ReportUrls.Overview(Municipality.Slug, PlanId)),
            new Crumb(l["Tabelle hochladen"])]
        : [new Crumb(l["Meine Berichte"], ReportUrls.Mine(Municipality.Slug)), new Crumb(l["Tabelle hochladen"])];
}
