using System.ComponentModel.DataAnnotations;
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

namespace Planwerk.Features.Participation.Moderation.Manage;

/// <summary>The moderators' desk: reported comments with their open reports, grouped by comment, and the
/// hidden comments. A moderator hides a comment (with a reason), restores a hidden one, or dismisses the
/// reports; each decision resolves the open reports and is kept in the moderation log. Hidden comments
/// leave the public page at once.</summary>
[Authorize(Policy = Policies.Moderation)]
public sealed class IndexModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> L) : ManagePageModel
{
    public sealed record ReportRow(string Reason, DateTimeOffset CreatedAt, string ReporterName);

    public sealed record CommentRow(int Id, int RoundId, string RoundTitle, string AuthorName, string Text, DateTimeOffset CreatedAt,
        DateTimeOffset? HiddenAt, IReadOnlyList<ReportRow> Reports);

    public sealed class DecisionInput
    {
        [StringLength(ModerationLogEntry.MaxReasonLength, ErrorMessage = "Die Begründung darf höchstens {1} Zeichen lang sein.")]
        [Display(Name = "Begründung")]
        public string? Reason { get; set; }
    }

    public IReadOnlyList<CommentRow> Reported { get; private set; } = [];

    public IReadOnlyList<CommentRow> Hidden { get; private set; } = [];

    public int? FailedCommentId { get; private set; }

    public string? FailedReason { get; private set; }

    private string PageUrl => ManageUrl("/moderation");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <param name="decision">The button pressed: "hide", "restore" or "dismiss".</param>
    public async Task<IActionResult> OnPostDecideAsync(int commentId, string? decision, [Bind(Prefix = "Decision")] DecisionInput input, CancellationToken ct)
    {
        ModerationAction? action = decision switch
        {
            "hide" => ModerationAction.Hidden,
            "restore" => ModerationAction.Restored,
            "dismiss" => ModerationAction.ReportDismissed,
            _ => null,
        };
        return action is { } chosen ? await DecideAsync(commentId, chosen, input, ct) : BadRequest();
    }

    private async Task<IActionResult> DecideAsync(int commentId, ModerationAction action, DecisionInput input, CancellationToken ct)
    {
        var comment = await db.RoundComments.Include(c => c.Reports).FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null) return NotFound();
        var reason = input.Reason?.Trim() ?? "";
        var refusal = action switch
        {
            ModerationAction.Hidden when comment.HiddenAt is not null => L["Dieser Kommentar ist schon ausgeblendet."].Value,
            ModerationAction.Hidden when reason.Length == 0 => L["Bitte begründen Sie, warum der Kommentar ausgeblendet wird."].Value,
            ModerationAction.Restored when comment.HiddenAt is null => L["Dieser Kommentar ist nicht ausgeblendet."].Value,
            ModerationAction.ReportDismissed when comment.Reports.All(r => r.ResolvedAt is not null) => L["Zu diesem Kommentar gibt es keine offene Meldung mehr."].Value,
            _ => null,
        };
        if (refusal is not null) ModelState.AddModelError("Decision.Reason", refusal);
        if (!ModelState.IsValid)
        {
            FailedCommentId = commentId;
            FailedReason = reason;
            await LoadAsync(ct);
            return Page();
        }

        var now = clock.GetUtcNow();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var moderator = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
        comment.HiddenAt = action switch
        {
            ModerationAction.Hidden => now,
            ModerationAction.Restored => null,
            _ => comment.HiddenAt,
        };
        foreach (var report in comment.Reports.Where(r => r.ResolvedAt is null)) report.ResolvedAt = now;
        db.ModerationLog.Add(new ModerationLogEntry { CommentId = comment.Id, Action = action, ModeratorUserId = userId, ModeratorName = moderator, Reason = reason, At = now });
        await db.SaveChangesAsync(ct);
        var notice = action switch
        {
            ModerationAction.Hidden => L["Der Kommentar ist ausgeblendet."],
            ModerationAction.Restored => L["Der Kommentar ist wieder sichtbar."],
            _ => L["Die Meldungen sind zurückgewiesen; der Kommentar bleibt sichtbar."],
        };
        return await SavedAsync(cache, notice, PageUrl);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.RoundComments.AsNoTracking()
            .Where(c => c.HiddenAt != null || c.Reports.Any(r => r.ResolvedAt == null))
            .OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.RoundId,
                RoundTitle = c.Round!.Title,
                c.AuthorName,
                c.Text,
                c.CreatedAt,
                c.HiddenAt,
                Reports = c.Reports.Where(r => r.ResolvedAt == null).OrderBy(r => r.Id)
                    .Select(r => new { r.Reason, r.CreatedAt, r.ReporterUserId }).ToList(),
            })
            .ToListAsync(ct);
        var reporterIds = rows.SelectMany(r => r.Reports).Select(r => r.ReporterUserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => reporterIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var all = rows.Select(r => new CommentRow(r.Id, r.RoundId, r.RoundTitle, r.AuthorName, r.Text, r.CreatedAt, r.HiddenAt,
            r.Reports.Select(x => new ReportRow(x.Reason, x.CreatedAt, x.ReporterUserId is { } id && names.TryGetValue(id, out var n) ? n : "")).ToList())).ToList();
        Reported = all.Where(c => c.Reports.Count > 0).ToList();
        Hidden = all.Where(c => c.HiddenAt is not null && c.Reports.Count == 0).ToList();
    }
}
