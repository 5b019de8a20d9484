using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Planwerk.Infrastructure.Time;
using Planwerk.Data;
using Planwerk.Features.Plans.Manage;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Plans.History;

/// <summary>The query string of the history pages: person, first and last day, page.</summary>
public abstract class HistoryPageModel : ManagePageModel
{
    [BindProperty(SupportsGet = true, Name = "person")]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    [Display(Name = "Von (Datum)")]
    [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    [Display(Name = "Bis (Datum)")]
    [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public int PlanId { get; protected set; }

    public string PlanTitle { get; protected set; } = "";

    /// <summary>The plan's words for its levels; null on a page of several plans (the deleted plans).</summary>
    public PlanLevels? Levels { get; protected set; }

    /// <summary>The plan is gone; its history stays readable (see <see cref="PlanDeletion"/>).</summary>
    public bool IsPlanDeleted { get; protected set; }

    /// <summary>Where the crumb trail leads back to: the plan, or for a deleted plan the list of deleted plans.</summary>
    public string PlanOrDeletedUrl => IsPlanDeleted ? ManageUrl("/history") : PlanUrl(PlanId);

    public HistoryPage History { get; protected set; } = new([], [], 0, 1, 1);

    /// <summary>A day outside the years Planwerk accepts is left out of the filter; the form says why.</summary>
    protected HistoryFilter Filter => new(Person, From is DateOnly f && BerlinTime.InRange(f) ? f : null, To is DateOnly t && BerlinTime.InRange(t) ? t : null, PageNumber);

    /// <summary>This page's address with the current filter and another page number.</summary>
    public string PageUrl(string path, int page)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(Person)) query.Add("person=" + Uri.EscapeDataString(Person));
        if (From is DateOnly f) query.Add("from=" + BerlinTime.ExportDate(f));
        if (To is DateOnly t) query.Add("to=" + BerlinTime.ExportDate(t));
        query.Add("pageNumber=" + page.ToString(CultureInfo.InvariantCulture));
        return path + "?" + string.Join("&", query);
    }
}

/// <summary>Every recorded change of a plan and its parts, newest first, filterable by person and date;
/// also of a deleted plan, whose records outlive it.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class PlanHistoryModel(PlanwerkDbContext db) : HistoryPageModel
{
    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        if (await ChangeHistory.PlanHeadingAsync(db, planId, ct) is not { } plan) return NotFound();
        var (title, deleted, levels) = plan;
        (PlanId, PlanTitle, IsPlanDeleted, Levels) = (planId, title, deleted, levels);
        History = await ChangeHistory.ReadAsync(db, planId, null, null, Filter, ct);
        return Page();
    }
}

/// <summary>The recorded changes of one measure, also of one that has since been deleted.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class MeasureHistoryModel(PlanwerkDbContext db) : HistoryPageModel
{
    public int MeasureId { get; private set; }

    /// <summary>The measure's number and title now, or as last recorded when it was deleted.</summary>
    public string MeasureLabel { get; private set; } = "";

    public bool IsDeleted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int planId, int id, CancellationToken ct)
    {
        if (await ChangeHistory.PlanHeadingAsync(db, planId, ct) is not { } plan) return NotFound();
        var (title, planDeleted, levels) = plan;
        Levels = levels;
        var current = await db.Measures.AsNoTracking().Where(m => m.Id == id && m.PlanId == planId).Select(m => m.Number + " " + m.Title).FirstOrDefaultAsync(ct);
        var recorded = await db.ChangeRecords.AsNoTracking()
            .Where(r => r.PlanId == planId && r.EntityType == ChangeEntityTypes.Measure && r.EntityId == id)
            .OrderByDescending(r => r.Id).Select(r => r.EntityLabel).FirstOrDefaultAsync(ct);
        if (current is null && recorded is null) return NotFound();
        (PlanId, PlanTitle, MeasureId, IsPlanDeleted) = (planId, title, id, planDeleted);
        IsDeleted = current is null;
        MeasureLabel = current ?? recorded!;
        History = await ChangeHistory.ReadAsync(db, planId, ChangeEntityTypes.Measure, id, Filter, ct);
        return Page();
    }
}

/// <summary>The plans deleted in this municipality, newest first: who deleted each, when, why, and what went
/// with it; each links to the deleted plan's whole history. Open to the municipality's plan editors and
/// administrators (<see cref="Policies.PlanEditor"/>), like every plan's history.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class DeletedPlansModel(PlanwerkDbContext db) : HistoryPageModel
{
    public async Task OnGetAsync(CancellationToken ct) => History = await ChangeHistory.ReadDeletedPlansAsync(db, Filter, ct);
}
