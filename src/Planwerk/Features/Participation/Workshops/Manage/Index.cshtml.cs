using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Participation.Workshops.Manage;

/// <summary>All workshops of the municipality for the plan team, newest first, with their registrations.</summary>
[Authorize(Policy = Policies.PlanTeam)]
public sealed class IndexModel(PlanwerkDbContext db, IAuthorizationService authorization) : ManagePageModel
{
    public sealed record Row(int Id, string Title, DateTimeOffset StartsAt, int Capacity, int Confirmed, int Waiting, bool Cancelled, bool Published);

    public IReadOnlyList<Row> Workshops { get; private set; } = [];

    /// <summary>Moderators read the list; only plan editors create and edit.</summary>
    public bool MayEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        MayEdit = (await authorization.AuthorizeAsync(User, Policies.PlanEditor)).Succeeded;
        Workshops = await db.Workshops.AsNoTracking()
            .OrderByDescending(w => w.StartsAt)
            .Select(w => new Row(w.Id, w.Title, w.StartsAt, w.Capacity,
                w.Registrations.Count(r => r.State == RegistrationState.Confirmed),
                w.Registrations.Count(r => r.State == RegistrationState.Waiting),
                w.CancelledAt != null, w.ResultsPublishedAt != null))
            .ToListAsync(ct);
    }
}
