using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Pathways.Manage;

/// <summary>Every step of the municipality, with how many stages it stands in: steps are shared between pathways, and a
/// step in none can be deleted.</summary>
[Authorize(Policy = Policies.PathwayEditor)]
public sealed class StepListModel(PlanwerkDbContext db, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed record Row(int Id, string Title, int Uses, int Services, int Measures);

    public IReadOnlyList<Row> Steps { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Steps = await db.PathwaySteps.AsNoTracking().OrderBy(s => s.Title).ThenBy(s => s.Id)
            .Select(s => new Row(s.Id, s.Title, s.Uses.Count, s.Services.Count, s.Measures.Count)).ToListAsync(ct);

    public Crumb[] Crumbs() => [new(l["Verwaltung"], ManageUrl()), new(l["Integrationswege"], PathwayUrls.List(Municipality.Slug)), new(l["Alle Schritte"])];
}
