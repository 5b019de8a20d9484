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

namespace Planwerk.Features.Implementation.YearlyReports;

/// <summary>One yearly report for the plan team: its foreword (Markdown, against the version the form was read at),
/// publishing it (it then is public and on the plan's timeline) and taking the publication back, and deleting a draft.
/// Publishing and taking back carry the version too, so nobody publishes a foreword they have not seen.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class YearlyReportEditModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    [BindProperty]
    public YearlyReportInput Input { get; set; } = new();

    public int PlanId { get; private set; }
    public int Year { get; private set; }
    public PlanHeading Plan { get; private set; } = null!;
    public bool PlanIsPublic { get; private set; }
    /// <summary>The stored day of publication (the form's may be older).</summary>
    public DateOnly? PublishedOn { get; private set; }

    public string YearText => Year.ToString(CultureInfo.InvariantCulture);
    public string ListUrl => YearlyReportUrls.List(Municipality.Slug, PlanId);
    public string EditUrl => YearlyReportUrls.Edit(Municipality.Slug, PlanId, Year);
    public string ViewUrl => YearlyReportUrls.View(Municipality.Slug, PlanId, Year);

    public async Task<IActionResult> OnGetAsync(int planId, int year, CancellationToken ct)
    {
        if (await FindAsync(planId, year, ct) is not { } report) return NotFound();
        Input = YearlyReportInput.From(report);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, int year, CancellationToken ct)
    {
        if (await FindAsync(planId, year, ct) is not { } report) return NotFound();
        Input.Validate(ModelState, "Input.", l);
        if (report.Version != Input.Version) ShowConflict(report);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        ExpectVersion(db, report, Input.Version);
        Input.ApplyTo(report);
        return await SaveEditAsync(db, cache, reason: null,
            save: () => db.SaveChangesAsync(ct),
            reload: async () => await db.YearlyReports.AsNoTracking().FirstOrDefaultAsync(r => r.PlanId == planId && r.Year == year, ct),
            showConflict: stored =>
            {
                PublishedOn = stored.PublishedOn;
                ShowConflict(stored);
            },
            saved: () => (l["Das Vorwort des Jahresberichts {0} wurde gespeichert.", YearText], EditUrl));
    }

    public Task<IActionResult> OnPostPublishAsync(int planId, int year, CancellationToken ct) =>
        MoveAsync(planId, year, publish: true, ct);

    public Task<IActionResult> OnPostWithdrawAsync(int planId, int year, CancellationToken ct) =>
        MoveAsync(planId, year, publish: false, ct);

    public async Task<IActionResult> OnPostDeleteAsync(int planId, int year, CancellationToken ct)
    {
        if (await FindAsync(planId, year, ct) is not { } report) return NotFound();
        if (report.PublishedOn is not null)
        {
            Input = YearlyReportInput.From(report);
            ModelState.Clear();
            ModelState.AddModelError("", l["Ein veröffentlichter Jahresbericht wird nicht gelöscht. Nehmen Sie zuerst die Veröffentlichung zurück."]);
            return Page();
        }
        db.YearlyReports.Remove(report);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Der Entwurf des Jahresberichts {0} wurde gelöscht.", YearText], ListUrl);
    }

    /// <summary>Publishes (today, in Berlin) or takes the publication back, against the version the page was read at.</summary>
    private async Task<IActionResult> MoveAsync(int planId, int year, bool publish, CancellationToken ct)
    {
        if (await FindAsync(planId, year, ct) is not { } report) return NotFound();
        var version = Input.Version;
        string? refusal = report.Version != version
            ? l["Der Jahresbericht wurde inzwischen von jemand anderem geändert. Prüfen Sie den gespeicherten Stand unten und versuchen Sie es erneut."].Value
            : publish && report.PublishedOn is not null ? l["Der Jahresbericht ist schon veröffentlicht."].Value
            : !publish && report.PublishedOn is null ? l["Der Jahresbericht ist nicht veröffentlicht."].Value
            : null;
        if (refusal is null)
        {
            ExpectVersion(db, report, version);
            report.PublishedOn = publish ? BerlinTime.Today(clock) : null;
            try
            {
                await db.SaveChangesAsync(ct);
                return await SavedAsync(cache, publish
                    ? l["Der Jahresbericht {0} wurde veröffentlicht. Er steht jetzt in der Zeitleiste des Plans.", YearText]
                    : l["Die Veröffentlichung des Jahresberichts {0} wurde zurückgenommen.", YearText], EditUrl);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                if (await FindAsync(planId, year, ct) is not { } stored) return NotFound();
                report = stored;
                refusal = l["Der Jahresbericht wurde inzwischen von jemand anderem geändert. Prüfen Sie den gespeicherten Stand unten und versuchen Sie es erneut."];
            }
        }
        Input = YearlyReportInput.From(report);
        ModelState.Clear();
        ModelState.AddModelError("", refusal);
        return Page();
    }

    private void ShowConflict(YearlyReport stored)
    {
        ModelState.AddModelError("", l["Dieser Eintrag wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = Input.Compare(stored, l);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    /// <summary>The report of this municipality's plan and year, tracked; null (the page answers 404) when there is none.</summary>
    private async Task<YearlyReport?> FindAsync(int planId, int year, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).SelectHeading().FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        var report = await db.YearlyReports.FirstOrDefaultAsync(r => r.PlanId == planId && r.Year == year, ct);
        if (report is null) return null;
        (PlanId, Year, Plan, PublishedOn) = (planId, year, plan, report.PublishedOn);
        PlanIsPublic = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.IsPublic).FirstAsync(ct);
        return report;
    }

    public Crumb[] Crumbs() =>
    [
        new Crumb(l["Verwaltung"], ManageUrl()), new Crumb(Plan.Title, PlanUrl(PlanId)), new Crumb(l["Jahresberichte"], ListUrl),
        new Crumb(l["Jahresbericht {0}", YearText]),
    ];
}
