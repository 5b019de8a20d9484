using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Participation.Consultations.Manage;

/// <summary>The plan team's list of consultation rounds with their state and number of statements.</summary>
[Authorize(Policy = Policies.PlanTeam)]
public sealed class IndexModel(PlanwerkDbContext db, TimeProvider clock, IAuthorizationService authorization) : ManagePageModel
{
    public sealed record Row(int Id, string Title, string PlanTitle, string VersionName, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
        RoundState State, RoundAudience Audience, int Statements, bool WeighingPublished);

    public IReadOnlyList<Row> Rounds { get; private set; } = [];

    public bool MayEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await db.ConsultationRounds.AsNoTracking()
            .OrderByDescending(r => r.OpensAt).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Title, PlanTitle = r.Plan!.Title, VersionName = r.PlanVersion!.Name, r.OpensAt, r.ClosesAt, r.Audience,
                Statements = r.Statements.Count, Published = r.WeighingPublishedAt != null })
            .ToListAsync(ct);
        Rounds = rows.Select(r => new Row(r.Id, r.Title, r.PlanTitle, r.VersionName, r.OpensAt, r.ClosesAt,
            new ConsultationRound { Title = r.Title, OpensAt = r.OpensAt, ClosesAt = r.ClosesAt }.StateAt(now), r.Audience, r.Statements, r.Published)).ToList();
        MayEdit = (await authorization.AuthorizeAsync(User, Policies.PlanEditor)).Succeeded;
    }
}
