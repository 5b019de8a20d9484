using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Council.Manage;

/// <summary>The council clerk's start page: the bodies, the upcoming and past meetings and the papers.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(PlanwerkDbContext db, TimeProvider clock) : CouncilPageModel
{
    public sealed record BodyRow(int Id, string Name, string ShortName, BodyClassification Classification, int Meetings);

    public sealed record MeetingRow(int Id, string Name, string Body, DateTimeOffset Start, MeetingState State, bool StartTimeUnknown = false, bool IsSpecialSession = false);

    public sealed record PaperRow(int Id, string Reference, bool ReferenceIsExample, string Name, DateOnly Date, int Consultations, int Decided);

    public sealed record PersonRow(int Id, string Name, string FormOfAddress, int Memberships);

    public IReadOnlyList<BodyRow> Bodies { get; private set; } = [];

    public IReadOnlyList<PersonRow> People { get; private set; } = [];

    public IReadOnlyList<MeetingRow> Upcoming { get; private set; } = [];

    public IReadOnlyList<MeetingRow> Past { get; private set; } = [];

    public IReadOnlyList<PaperRow> Papers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Bodies = await db.CouncilBodies.AsNoTracking().OrderBy(b => b.Classification).ThenBy(b => b.Name)
            .Select(b => new BodyRow(b.Id, b.Name, b.ShortName, b.Classification, b.Meetings.Count)).ToListAsync(ct);
        People = (await db.CouncilPersons.AsNoTracking().OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
                .Select(p => new { p.Id, p.Title, p.GivenName, p.Affix, p.FamilyName, p.FormOfAddress, Memberships = p.Memberships.Count }).ToListAsync(ct))
            .Select(p => new PersonRow(p.Id, CouncilPerson.FullName(p.Title, p.GivenName, p.Affix, p.FamilyName), p.FormOfAddress, p.Memberships)).ToList();
        var meetings = await db.Meetings.AsNoTracking().OrderBy(m => m.Start)
            .Select(m => new MeetingRow(m.Id, m.Name, m.Body!.Name, m.Start, m.State, m.StartTimeUnknown, m.IsSpecialSession)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        Upcoming = meetings.Where(m => m.Start >= now).ToList();
        Past = meetings.Where(m => m.Start < now).Reverse().ToList();
        Papers = await db.Papers.AsNoTracking().OrderByDescending(p => p.Date).ThenBy(p => p.Reference)
            .Select(p => new PaperRow(p.Id, p.Reference, p.ReferenceIsExample, p.Name, p.Date, p.Consultations.Count, p.Consultations.Count(c => c.Result != null || c.CustomResultId != null)))
            .ToListAsync(ct);
    }
}
