using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Statistics.Manage;

/// <summary>Every recorded change of a dataset, newest first: when, who, and each changed part before and after (its
/// fields, categories, figures, imports). Still readable after the dataset was deleted.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class DatasetHistoryPageModel(PlanwerkDbContext db, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public int DatasetId { get; private set; }

    public string DatasetTitle { get; private set; } = "";

    public bool Exists { get; private set; }

    public IReadOnlyList<ChangeRecord> Records { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Records = await db.ChangeRecords.AsNoTracking().Include(r => r.Fields)
            .Where(r => r.EntityType == StatisticsHistory.EntityType && r.EntityId == id)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(500).ToListAsync(ct);
        var title = await db.StatisticsDatasets.AsNoTracking().Where(d => d.Id == id).Select(d => d.Title).FirstOrDefaultAsync(ct);
        if (title is null && Records.Count == 0) return NotFound();
        (DatasetId, DatasetTitle, Exists) = (id, title ?? Records[0].EntityLabel, title is not null);
        return Page();
    }

    public string ActionText(ChangeAction action) => action switch
    {
        ChangeAction.Created => l["angelegt"],
        ChangeAction.Deleted => l["gelöscht"],
        _ => l["geändert"],
    };

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Statistiken"], StatisticsUrls.List(Municipality.Slug)),
        new(DatasetTitle, Exists ? StatisticsUrls.Edit(Municipality.Slug, DatasetId) : null), new(l["Verlauf"]),
    ];
}
