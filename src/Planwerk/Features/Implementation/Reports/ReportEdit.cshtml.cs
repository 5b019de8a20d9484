using System.Globalization;
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
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation.Reports;

/// <summary>A measure's report for one period: the reporter writes it (draft) and submits it; the plan team returns it
/// with a comment, accepts it, and publishes it, which moves the measure's live status and progress. Reporters of the
/// measure's lead and partners and the plan team (editors, administrators) reach it; anyone else finds nothing.
/// Saves against the version the form was loaded with; a stale form gets the conflict view.</summary>
[Authorize(Policy = Policies.Reporting)]
public sealed class ReportEditModel(PlanwerkDbContext db, ReportAccess access, IOutputCacheStore cache, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed record StatusChoice(int Id, string Name, string NameEn, int? DefaultProgress);

    public sealed record EvidenceRow(int Id, string FileName, long Size);

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public Measure Measure { get; private set; } = null!;
    public ReportingPeriod Period { get; private set; } = null!;
    public PlanHeading Plan { get; private set; } = null!;
    /// <summary>The stored report; null while none has been written.</summary>
    public MeasureReport? Report { get; private set; }
    public ReportState? State => Report?.State;
    public IReadOnlyList<StatusChoice> Statuses { get; private set; } = [];
    public IReadOnlyList<EvidenceRow> Evidence { get; private set; } = [];
    public bool IsPlanTeam { get; private set; }
    public DateOnly Today => BerlinTime.Today(clock);
    public bool Started => Period.StartsOn <= Today;
    public bool Overdue => MeasureReport.IsOverdue(State, Period.DueOn, Today);

    public bool Can(ReportMove move) => Started && MeasureReport.Allows(State ?? ReportState.Draft, move, IsPlanTeam);
    public bool Editable => Can(ReportMove.Save);

    public string MeasureName => Plan.Levels.Measure.One + " " + Measure.Number;
    public string PageUrl => ReportUrls.Report(Municipality.Slug, Measure.Id, Period.Id);
    public string EvidenceUrl(int id) => ReportUrls.Evidence(Municipality.Slug, id);
    public string PublicMeasureUrl => PublicPlanLinks.Measure(Municipality.Slug, Measure.PlanId, Measure.Id);

    public string StatusName(int? id) => Statuses.FirstOrDefault(s => s.Id == id) is { } s ? ImplementationStatus.Shown(s.Name, s.NameEn) : "";

    public async Task<IActionResult> OnGetAsync(int measureId, int periodId, CancellationToken ct)
    {
        if (!await LoadAsync(measureId, periodId, ct)) return NotFound();
        Input = Report is null ? new ReportInput() : ReportInput.From(Report, CultureInfo.CurrentCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int measureId, int periodId, ReportMove move, List<IFormFile>? evidence, CancellationToken ct)
    {
        if (!await LoadAsync(measureId, periodId, ct)) return NotFound();
        var culture = CultureInfo.CurrentCulture;
        var state = State ?? ReportState.Draft;
        if (!Enum.IsDefined(move)) return BadRequest();
        if (!Started)
        {
            ModelState.AddModelError("", l["Für diesen Berichtszeitraum kann erst ab dem {0} berichtet werden.", BerlinTime.Date(Period.StartsOn)]);
            return Page();
        }
        if (Report is not null && Report.Version != Input.Version)
        {
            ShowConflict(Report);
            return Page();
        }
        if (!MeasureReport.Allows(state, move, IsPlanTeam))
        {
            ModelState.AddModelError("", l["Der Bericht ist {0}; das ist jetzt nicht möglich.", l[ReportText.State(state)]]);
            return Page();
        }

        var report = Report ?? new MeasureReport { MeasureId = Measure.Id, ReportingPeriodId = Period.Id, State = ReportState.Draft };
        report.Measure = Measure;
        report.ReportingPeriod = Period;
        var editable = MeasureReport.Allows(state, ReportMove.Save, IsPlanTeam);
        var added = new List<ReportEvidence>();
        if (editable)
        {
            Input.Validate(ModelState, "Input.", l, Statuses.Select(s => s.Id).ToList(), move == ReportMove.Submit, culture);
            added = await ReportFiles.ReadAsync(evidence, Evidence.Count, ModelState, "evidence", l, ct);
        }
        if (move == ReportMove.Return && string.IsNullOrWhiteSpace(Input.ReturnComment))
            ModelState.AddModelError("Input.ReturnComment", l["Bitte schreiben Sie, was am Bericht zu ändern ist."]);
        else if (move == ReportMove.Return && Input.ReturnComment!.Trim().Length > MeasureReport.MaxCommentLength)
            ModelState.AddModelError("Input.ReturnComment", l["Der Kommentar darf höchstens {0} Zeichen lang sein.", MeasureReport.MaxCommentLength]);
        if (!ModelState.IsValid) return Page();

        if (editable) Input.ApplyTo(report, culture);
        foreach (var file in added)
        {
            file.MeasureReport = report;
            report.Evidence.Add(file);
        }
        if (Report is null) db.MeasureReports.Add(report);
        else ExpectVersion(db, report, Input.Version);
        var now = clock.GetUtcNow();
        ReportWorkflow.Apply(report, move, now, Input.ReturnComment);
        if (move == ReportMove.Publish)
        {
            var status = report.StatusId is int statusId ? await db.ImplementationStatuses.AsNoTracking().FirstOrDefaultAsync(s => s.Id == statusId, ct) : null;
            var laterPublished = await db.MeasureReports.AsNoTracking().AnyAsync(r => r.MeasureId == Measure.Id && r.State == ReportState.Published
                && r.ReportingPeriod!.StartsOn > Period.StartsOn, ct);
            ReportWorkflow.MoveMeasure(Measure, report, status, laterPublished, now);
        }

        try
        {
            return await SaveEditAsync(db, cache, reason: null,
                save: () => db.SaveChangesAsync(ct),
                reload: async () => await db.MeasureReports.AsNoTracking().FirstOrDefaultAsync(r => r.MeasureId == measureId && r.ReportingPeriodId == periodId, ct),
                showConflict: async stored =>
                {
                    await LoadAsync(measureId, periodId, ct);
                    ShowConflict(stored);
                },
                saved: () => (l[ReportText.Notice(move)], PageUrl));
        }
        catch (DbUpdateException) when (Report is null)
        {
            // Someone else wrote the first report of this measure and period at the same moment: theirs is kept.
            db.ChangeTracker.Clear();
            await LoadAsync(measureId, periodId, ct);
            if (Report is null) throw;
            ShowConflict(Report);
            return Page();
        }
    }

    /// <summary>Removes one evidence file while the report may be written.</summary>
    public async Task<IActionResult> OnPostDeleteEvidenceAsync(int measureId, int periodId, int evidenceId, CancellationToken ct)
    {
        if (!await LoadAsync(measureId, periodId, ct)) return NotFound();
        if (Report is null || Evidence.FirstOrDefault(e => e.Id == evidenceId) is not { } row) return NotFound();
        if (!Editable)
        {
            ModelState.AddModelError("", l["Der Bericht ist {0}; das ist jetzt nicht möglich.", l[ReportText.State(Report.State)]]);
            Input = ReportInput.From(Report, CultureInfo.CurrentCulture);
            return Page();
        }
        Report.Measure = Measure;
        Report.ReportingPeriod = Period;
        // Deleted by its key: the file's bytes are never read for it.
        var stub = new ReportEvidence { Id = row.Id, MunicipalityId = Report.MunicipalityId, MeasureReportId = Report.Id, FileName = row.FileName, ContentType = "", Content = [], MeasureReport = Report };
        db.ReportEvidence.Attach(stub);
        db.ReportEvidence.Remove(stub);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Der Nachweis „{0}“ wurde entfernt.", row.FileName], PageUrl);
    }

    private void ShowConflict(MeasureReport stored)
    {
        ModelState.AddModelError("", l["Dieser Bericht wurde inzwischen von jemand anderem geändert (er ist jetzt {0}). Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand.", l[ReportText.State(stored.State)]]);
        Conflict = Input.Compare(stored, l, StatusName, CultureInfo.CurrentCulture);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    /// <summary>The measure (tracked, so publishing can move it), the period of its plan, the report (tracked) with its
    /// evidence's names and sizes, the status catalogue, and who is asking. False when the measure or period is not of
    /// this municipality or the person neither belongs to the plan team nor reports on the measure.</summary>
    private async Task<bool> LoadAsync(int measureId, int periodId, CancellationToken ct)
    {
        var measure = await db.Measures.FirstOrDefaultAsync(m => m.Id == measureId, ct);
        if (measure is null) return false;
        // Tracked: the report refers to it, and the history names it.
        var period = await db.ReportingPeriods.FirstOrDefaultAsync(p => p.Id == periodId && p.PlanId == measure.PlanId, ct);
        if (period is null) return false;
        IsPlanTeam = await access.IsPlanTeamAsync(User);
        if (!IsPlanTeam && !await access.ReportsOnAsync(User, measureId, ct)) return false;
        Measure = measure;
        Period = period;
        Plan = await db.Plans.AsNoTracking().Where(p => p.Id == measure.PlanId).SelectHeading().FirstAsync(ct);
        Report = await db.MeasureReports.FirstOrDefaultAsync(r => r.MeasureId == measureId && r.ReportingPeriodId == periodId, ct);
        Evidence = Report is null ? [] : await db.ReportEvidence.AsNoTracking().Where(e => e.MeasureReportId == Report.Id)
            .OrderBy(e => e.Id).Select(e => new EvidenceRow(e.Id, e.FileName, e.Size)).ToListAsync(ct);
        Statuses = await db.ImplementationStatuses.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name)
            .Select(s => new StatusChoice(s.Id, s.Name, s.NameEn, s.DefaultProgress)).ToListAsync(ct);
        return true;
    }

    public Crumb[] Crumbs() => IsPlanTeam
        ? [new Crumb(l["Verwaltung"], ManageUrl()), new Crumb(Plan.Title, PlanUrl(Measure.PlanId)),
            new Crumb(l["Berichte"], ReportUrls.Overview(Municipality.Slug, Measure.PlanId, Period.Id)),
            new Crumb(MeasureName + ", " + Period.Name)]
        : [new Crumb(l["Meine Berichte"], ReportUrls.Mine(Municipality.Slug)), new Crumb(MeasureName + ", " + Period.Name)];
}
