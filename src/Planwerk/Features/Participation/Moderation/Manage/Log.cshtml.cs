using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Participation.Moderation.Manage;

/// <summary>Every moderator decision, newest first: what was done to which comment, by whom, why.
/// The log keeps entries even when the comment is gone.</summary>
[Authorize(Policy = Policies.Moderation)]
public sealed class LogModel(PlanwerkDbContext db) : ManagePageModel
{
    public const int PageSize = 200;

    public sealed record Row(long Id, DateTimeOffset At, ModerationAction Action, string ModeratorName, string Reason, int CommentId,
        string? CommentAuthor, string? CommentText, int? RoundId, string? RoundTitle);

    public IReadOnlyList<Row> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Entry ids grow with time: newest first without ordering by a date (which SQLite cannot).
        var entries = await db.ModerationLog.AsNoTracking()
            .OrderByDescending(l => l.Id)
            .Take(PageSize)
            .ToListAsync(ct);
        var ids = entries.Select(e => e.CommentId).Distinct().ToList();
        var comments = await db.RoundComments.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.AuthorName, c.Text, c.RoundId, RoundTitle = c.Round!.Title })
            .ToDictionaryAsync(c => c.Id, ct);
        Entries = entries.Select(l => comments.TryGetValue(l.CommentId, out var c)
                ? new Row(l.Id, l.At, l.Action, l.ModeratorName, l.Reason, l.CommentId, c.AuthorName, c.Text, c.RoundId, c.RoundTitle)
                : new Row(l.Id, l.At, l.Action, l.ModeratorName, l.Reason, l.CommentId, null, null, null, null))
            .ToList();
    }
}
