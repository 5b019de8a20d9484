using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.RateLimiting;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Participation.Moderation;

/// <summary>The public comments of a consultation round that is open to residents. Everyone reads the
/// visible comments; signed-in people write while the round is open (the server decides that by its clock)
/// and report a comment to the moderators, once per person and comment. Rounds only for invited
/// organisations have no comments: 404.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
[EnableRateLimiting(RateLimits.ParticipationWrites)]
public sealed class CommentsModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed class CommentInput
    {
        [Required(ErrorMessage = "Bitte schreiben Sie Ihren Kommentar.")]
        [StringLength(RoundComment.MaxTextLength, ErrorMessage = "Der Kommentar darf höchstens {1} Zeichen lang sein.")]
        [Display(Name = "Ihr Kommentar")]
        public string? Text { get; set; }
    }

    public sealed class ReportInput
    {
        [Required(ErrorMessage = "Bitte nennen Sie den Grund der Meldung.")]
        [StringLength(CommentReport.MaxReasonLength, ErrorMessage = "Der Grund darf höchstens {1} Zeichen lang sein.")]
        [Display(Name = "Grund der Meldung")]
        public string? Reason { get; set; }
    }

    public sealed record Entry(int Id, string AuthorName, string Text, DateTimeOffset CreatedAt);

    public ConsultationRound Round { get; private set; } = null!;

    public RoundState State { get; private set; }

    public IReadOnlyList<Entry> Comments { get; private set; } = [];

    /// <summary>The comments the signed-in person has reported already.</summary>
    public IReadOnlySet<int> Reported { get; private set; } = new HashSet<int>();

    public CommentInput Comment { get; private set; } = new();

    /// <summary>The comment whose report form was refused, with its input kept.</summary>
    public int? ReportCommentId { get; private set; }

    public ReportInput Report { get; private set; } = new();

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public CurrentMunicipality Municipality => HttpContext.RequiredMunicipality();

    public string PageUrl => $"/{Municipality.Slug}/consultations/{Round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}/comments";

    public string LoginUrl => "/account/login" + QueryString.Create("returnUrl", PageUrl);

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<IActionResult> OnGetAsync(int roundId, CancellationToken ct)
    {
        if (!await FindRoundAsync(roundId, ct)) return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCommentAsync(int roundId, [Bind(Prefix = "Comment")] CommentInput input, CancellationToken ct)
    {
        if (!SignedIn) return Challenge();
        if (!await FindRoundAsync(roundId, ct)) return NotFound();
        Comment = input;
        if (State != RoundState.Open)
            ModelState.AddModelError("Comment.Text", State == RoundState.Planned
                ? L["Die Beteiligungsrunde hat noch nicht begonnen. Kommentare sind erst ab dem Beginn möglich."]
                : L["Die Beteiligungsrunde ist beendet. Neue Kommentare sind nicht mehr möglich."]);
        var text = input.Text?.Trim() ?? "";
        if (ModelState.IsValid && text.Length == 0) ModelState.AddModelError("Comment.Text", L["Bitte schreiben Sie Ihren Kommentar."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var author = await db.Users.AsNoTracking().Where(u => u.Id == UserId).Select(u => u.DisplayName).SingleAsync(ct);
        var comment = new RoundComment { RoundId = Round.Id, AuthorUserId = UserId!, AuthorName = author, Text = text, CreatedAt = clock.GetUtcNow() };
        db.RoundComments.Add(comment);
        await db.SaveChangesAsync(ct);
        await PublicPageCache.EvictMunicipalityAsync(cache, Municipality.Slug, ct);
        TempData["Notice"] = L["Ihr Kommentar ist veröffentlicht."].Value;
        return Redirect(PageUrl + "#comment-" + comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<IActionResult> OnPostReportAsync(int roundId, int commentId, [Bind(Prefix = "Report")] ReportInput input, CancellationToken ct)
    {
        if (!SignedIn) return Challenge();
        if (!await FindRoundAsync(roundId, ct)) return NotFound();
        var comment = await db.RoundComments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commentId && c.RoundId == Round.Id && c.HiddenAt == null, ct);
        if (comment is null) return NotFound();
        Report = input;
        ReportCommentId = commentId;
        if (await db.CommentReports.AnyAsync(r => r.CommentId == commentId && r.ReporterUserId == UserId, ct))
            ModelState.AddModelError("Report.Reason", L["Sie haben diesen Kommentar schon gemeldet."]);
        var reason = input.Reason?.Trim() ?? "";
        if (ModelState.IsValid && reason.Length == 0) ModelState.AddModelError("Report.Reason", L["Bitte nennen Sie den Grund der Meldung."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.CommentReports.Add(new CommentReport { CommentId = commentId, ReporterUserId = UserId, Reason = reason, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = L["Danke, die Moderation sieht sich den Kommentar an."].Value;
        return Redirect(PageUrl + "#comment-" + commentId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<bool> FindRoundAsync(int roundId, CancellationToken ct)
    {
        var round = await db.ConsultationRounds.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == roundId && r.Audience == RoundAudience.OrganisationsAndResidents, ct);
        if (round is null) return false;
        Round = round;
        State = round.StateAt(clock.GetUtcNow());
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // Ids grow with time, so the id order is the order of writing: newest last.
        Comments = await db.RoundComments.AsNoTracking()
            .Where(c => c.RoundId == Round.Id && c.HiddenAt == null)
            .OrderBy(c => c.Id)
            .Select(c => new Entry(c.Id, c.AuthorName, c.Text, c.CreatedAt))
            .ToListAsync(ct);
        if (UserId is { } userId)
        {
            Reported = (await db.CommentReports.AsNoTracking()
                .Where(r => r.ReporterUserId == userId && r.Comment!.RoundId == Round.Id)
                .Select(r => r.CommentId).ToListAsync(ct)).ToHashSet();
        }
    }
}
