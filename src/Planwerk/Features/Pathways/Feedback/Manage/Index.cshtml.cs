using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Pathways.Feedback.Manage;

/// <summary>What people said about the pathways' steps, for the plan team: the texts waiting for review (approve or reject,
/// with the reviewer's name and time kept), and per step how often it worked and failed and why, over all pathways it
/// stands in and per pathway, with the approved texts; filtered by pathway and period, and exported.</summary>
[Authorize(Policy = Policies.PlanTeam)]
public sealed class IndexModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> L) : ManagePageModel
{
    [BindProperty(SupportsGet = true, Name = "pathway")] public string? PathwayText { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? FromText { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? ToText { get; set; }

    public FeedbackFilter Filter { get; private set; } = new(null, null, null);

    public IReadOnlyList<(int Id, string Title)> Pathways { get; private set; } = [];

    public IReadOnlyList<FeedbackNote> Pending { get; private set; } = [];

    /// <summary>The latest rejected texts, newest first, with who rejected them.</summary>
    public IReadOnlyList<FeedbackNote> Rejected { get; private set; } = [];

    public IReadOnlyList<StepStatistics> Steps { get; private set; } = [];

    public const int RejectedShown = 20;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <param name="decision">The button pressed: "approve" or "reject".</param>
    public async Task<IActionResult> OnPostDecideAsync(int feedbackId, string? decision, CancellationToken ct)
    {
        FeedbackState? state = decision switch { "approve" => FeedbackState.Approved, "reject" => FeedbackState.Rejected, _ => null };
        if (state is null) return BadRequest();
        Filter = FeedbackFilter.Read(PathwayText, FromText, ToText);
        var feedback = await db.StepFeedback.FirstOrDefaultAsync(f => f.Id == feedbackId, ct);
        if (feedback is null) return NotFound();
        if (feedback.State != FeedbackState.Pending)
        {
            ModelState.AddModelError("", L["Über diese Rückmeldung ist schon entschieden ({0}).", L[FeedbackText.State(feedback.State)]]);
            await LoadAsync(ct);
            return Page();
        }
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        feedback.State = state.Value;
        feedback.ModeratedAt = clock.GetUtcNow();
        feedback.ModeratedByName = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, state == FeedbackState.Approved ? L["Die Rückmeldung ist freigegeben."] : L["Die Rückmeldung ist abgelehnt."],
            ManageUrl("/pathways/feedback") + Filter.Query());
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Filter = FeedbackFilter.Read(PathwayText, FromText, ToText);
        if (Filter.Unreadable) ModelState.AddModelError("", L["Ein Filter ließ sich nicht lesen und ist nicht angewendet."]);
        Pathways = await FeedbackReads.PathwaysAsync(db, ct);
        var all = db.StepFeedback.AsNoTracking();
        Pending = await FeedbackReads.Notes(all.Where(f => f.State == FeedbackState.Pending).OrderBy(f => f.CreatedAt).ThenBy(f => f.Id), db).ToListAsync(ct);
        Rejected = await FeedbackReads.Notes(all.Where(f => f.State == FeedbackState.Rejected)
            .OrderByDescending(f => f.ModeratedAt).ThenByDescending(f => f.Id).Take(RejectedShown), db).ToListAsync(ct);
        Steps = await FeedbackReads.StatisticsAsync(db, Filter, ct);
    }
}
