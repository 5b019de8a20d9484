using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Participation.Stakeholders.Manage;

/// <summary>The registry for the plan team: every organisation, listed publicly or not, filtered by kind
/// and a search in name and contact. Moderators read it; plan editors and administrators also change it.</summary>
[Authorize(Policy = Policies.PlanTeam)]
public sealed class IndexModel(PlanwerkDbContext db) : ManagePageModel
{
    public sealed record Row(int Id, string Name, StakeholderKind Kind, bool IsListed, string ContactPerson, string Email, int MemberCount);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public StakeholderKind? Kind { get; private set; }

    public string? Query { get; private set; }

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(string? kind, string? q, CancellationToken ct)
    {
        Kind = Enum.TryParse<StakeholderKind>(kind, out var k) && Enum.IsDefined(k) ? k : null;
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        CanEdit = await db.Memberships.AnyAsync(m => m.UserId == userId && (m.Role == MunicipalityRole.PlanEditor || m.Role == MunicipalityRole.Administrator), ct);

        var query = db.Stakeholders.AsNoTracking();
        if (Kind is { } chosen) query = query.Where(s => s.Kind == chosen);
        if (Query is { } text)
        {
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(s => EF.Functions.Like(s.Name, pattern, "\\") || EF.Functions.Like(s.ContactPerson, pattern, "\\") || EF.Functions.Like(s.Email, pattern, "\\"));
        }
        Rows = await query.OrderBy(s => s.Name)
            .Select(s => new Row(s.Id, s.Name, s.Kind, s.IsListed, s.ContactPerson, s.Email, s.Members.Count))
            .ToListAsync(ct);
    }
}
