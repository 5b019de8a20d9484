using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Infrastructure.Security;

using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Plans.Manage;

/// <summary>The plan team's start: every plan of the municipality, published or not.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class IndexModel(PlanwerkDbContext db) : ManagePageModel
{
    public sealed record Row(int Id, string Title, string Period, PlanState State, bool IsPublic, bool IsExample, int FieldCount, int MeasureCount, PlanLevels Levels);

    public IReadOnlyList<Row> Plans { get; private set; } = [];

    public int DistrictCount { get; private set; }

    /// <summary>Administrators also moderate; the link to moderation is theirs (moderators land there directly).</summary>
    public bool MayModerate { get; private set; }

    public int PendingJoinRequests { get; private set; }

    public int OpenReports { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        MayModerate = await db.Memberships.AnyAsync(m => m.UserId == userId && (m.Role == MunicipalityRole.Administrator || m.Role == MunicipalityRole.Moderator), ct);
        PendingJoinRequests = await db.StakeholderJoinRequests.CountAsync(r => r.State == Participation.Stakeholders.JoinRequestState.Pending, ct);
        OpenReports = MayModerate ? await db.CommentReports.CountAsync(r => r.ResolvedAt == null, ct) : 0;
        var plans = await db.Plans.AsNoTracking()
            .OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Title).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.PeriodStart, p.PeriodEnd, p.State, p.IsPublic, p.IsExample, Fields = p.Fields.Count, Measures = p.Measures.Count,
                Levels = new PlanLevels(new LevelWords(p.PrincipleSingular, p.PrinciplePlural, p.PrincipleSingularEn, p.PrinciplePluralEn),
                    new LevelWords(p.FieldSingular, p.FieldPlural, p.FieldSingularEn, p.FieldPluralEn),
                    new LevelWords(p.MeasureSingular, p.MeasurePlural, p.MeasureSingularEn, p.MeasurePluralEn)) })
            .ToListAsync(ct);
        Plans = plans.Select(p => new Row(p.Id, p.Title, Plan.FormatPeriod(p.PeriodStart, p.PeriodEnd), p.State, p.IsPublic, p.IsExample, p.Fields, p.Measures, p.Levels)).ToList();
        DistrictCount = await db.Districts.CountAsync(ct);
    }
}
