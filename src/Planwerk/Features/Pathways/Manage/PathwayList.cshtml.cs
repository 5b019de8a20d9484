using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Pathways.Manage;

/// <summary>The municipality's pathways for the plan team and counsellors: each with its status (draft, published,
/// withdrawn) and, when published, whether its working state differs from what the public sees (the document
/// <see cref="PathwayPublishing.BuildAsync"/> would write now is not the current publication's).</summary>
[Authorize(Policy = Policies.PathwayEditor)]
public sealed class PathwayListModel(PlanwerkDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed record Row(int Id, string Title, string Code, PathwayStatus Status, int Stages, bool UnpublishedChanges, bool IsExample);

    public IReadOnlyList<Row> Pathways { get; private set; } = [];

    public int StepCount { get; private set; }

    public bool MayPublish { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        MayPublish = await PathwayEditors.MayPublishAsync(authorization, User);
        var rows = await db.Pathways.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Title).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.Code, p.Status, Stages = p.Stages.Count, p.IsExample, Document = p.CurrentPublication == null ? null : p.CurrentPublication.Document })
            .ToListAsync(ct);
        var list = new List<Row>();
        foreach (var p in rows)
        {
            // A management list of a few dozen pathways: building each published one's document is a handful of queries each.
            var changed = false;
            if (p.Status == PathwayStatus.Published && p.Document is not null)
                changed = (await PathwayPublishing.BuildAsync(db, p.Id, ct))?.ToJson() != p.Document;
            list.Add(new Row(p.Id, p.Title, p.Code, p.Status, p.Stages, changed, p.IsExample));
        }
        Pathways = list;
        StepCount = await db.PathwaySteps.CountAsync(ct);
    }

    public Crumb[] Crumbs() => [new(l["Verwaltung"], ManageUrl()), new(l["Integrationswege"])];
}
