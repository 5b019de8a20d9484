using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Council.Manage;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Council.OParlImport;

/// <summary>The clerk's page for papers followed in the council information system: follow a new one (endpoint and
/// paper), sync one or all now, link a followed paper to a plan version. Council clerks and administrators act; the
/// plan team reads (<see cref="CouncilPageModel"/>). A failing source is named with its address and the reason, and
/// nothing of that import is kept.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(PlanwerkDbContext db, OParlImporter importer, IOutputCacheStore cache, IStringLocalizer<SharedResource> l) : CouncilPageModel
{
    public sealed class FollowInput
    {
        public string? Endpoint { get; set; }
        public string? Paper { get; set; }
        public int? PlanVersionId { get; set; }
    }

    public sealed record Row(int Id, int PaperId, string Reference, string Name, string PaperUrl, string EndpointUrl, DateTimeOffset? LastSyncedAt,
        string LastError, bool DeletedAtSource, int? PlanVersionId);

    public sealed record VersionChoice(int Id, int PlanId, string Text);

    [BindProperty]
    public FollowInput Input { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<VersionChoice> Versions { get; private set; } = [];

    public static string ImportUrl(string slug) => CouncilText.ManageUrl(slug, "/oparl-import");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var endpoint = Input.Endpoint?.Trim() ?? "";
        var paper = Input.Paper?.Trim() ?? "";
        if (endpoint.Length == 0 && OParlSource.ParseUrl(paper) is null) ModelState.AddModelError("Input.Endpoint", l["Adresse des Ratsinformationssystems: Bitte geben Sie die OParl-Adresse (System oder Körperschaft) an."]);
        else if (endpoint.Length > 0 && (OParlSource.ParseUrl(endpoint) is null || endpoint.Length > FollowedPaper.MaxUrlLength))
            ModelState.AddModelError("Input.Endpoint", l["Adresse des Ratsinformationssystems: Bitte geben Sie eine http- oder https-Adresse an (höchstens {0} Zeichen).", FollowedPaper.MaxUrlLength]);
        if (paper.Length == 0) ModelState.AddModelError("Input.Paper", l["Vorlage: Bitte geben Sie die OParl-Adresse oder das Aktenzeichen der Vorlage an."]);
        else if (paper.Length > FollowedPaper.MaxUrlLength) ModelState.AddModelError("Input.Paper", l["Vorlage: Höchstens {0} Zeichen.", FollowedPaper.MaxUrlLength]);
        var version = Input.PlanVersionId is int vid ? Versions.FirstOrDefault(v => v.Id == vid) : null;
        if (Input.PlanVersionId is not null && version is null) ModelState.AddModelError("Input.PlanVersionId", l["Planfassung: Bitte wählen Sie die Fassung aus der Liste."]);
        if (!ModelState.IsValid) return Page();
        FollowedPaper followed;
        try
        {
            followed = await importer.FollowAsync(endpoint, paper, version?.PlanId, version?.Id, ct);
        }
        catch (OParlSourceException e)
        {
            ModelState.AddModelError("", l["Die Vorlage wurde nicht übernommen; nichts wurde gespeichert. Fehler bei {0}: {1}", e.Url, e.Reason]);
            return Page();
        }
        return await SavedAsync(cache, l["Die Vorlage „{0}“ wurde aus dem Ratsinformationssystem übernommen.", followed.Paper!.Reference], ImportUrl(Municipality.Slug));
    }

    public async Task<IActionResult> OnPostSyncAsync(int followedId, CancellationToken ct)
    {
        var followed = await db.FollowedPapers.Include(f => f.Paper).FirstOrDefaultAsync(f => f.Id == followedId, ct);
        if (followed is null) return NotFound();
        try
        {
            await importer.SyncAsync(followed, ct);
        }
        catch (OParlSourceException e)
        {
            await LoadAsync(ct);
            ModelState.AddModelError("", l["Der Abgleich ist fehlgeschlagen; nichts wurde geändert. Fehler bei {0}: {1}", e.Url, e.Reason]);
            return Page();
        }
        return await SavedAsync(cache, l["Die Vorlage „{0}“ wurde abgeglichen.", followed.Paper!.Reference], ImportUrl(Municipality.Slug));
    }

    public async Task<IActionResult> OnPostPlanAsync(int followedId, int? planVersionId, CancellationToken ct)
    {
        var followed = await db.FollowedPapers.Include(f => f.Paper).FirstOrDefaultAsync(f => f.Id == followedId, ct);
        if (followed is null) return NotFound();
        await LoadAsync(ct);
        var version = planVersionId is int vid ? Versions.FirstOrDefault(v => v.Id == vid) : null;
        if (planVersionId is not null && version is null)
        {
            ModelState.AddModelError("PlanVersionId", l["Planfassung: Bitte wählen Sie die Fassung aus der Liste."]);
            return Page();
        }
        var problems = await importer.LinkPlanAsync(followed, version?.PlanId, version?.Id, ct);
        if (problems.Count > 0)
        {
            foreach (var p in problems) ModelState.AddModelError("PlanVersionId", l[p.Message, p.Arguments]);
            await LoadAsync(ct);
            return Page();
        }
        return await SavedAsync(cache, l["Die Vorlage „{0}“ ist mit der Planfassung verknüpft.", followed.Paper!.Reference], ImportUrl(Municipality.Slug));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await db.FollowedPapers.AsNoTracking().OrderBy(f => f.Paper!.Reference)
            .Select(f => new Row(f.Id, f.PaperId, f.Paper!.Reference, f.Paper.Name, f.PaperUrl, f.EndpointUrl, f.LastSyncedAt, f.LastError, f.DeletedAtSource, f.Paper.PlanVersionId))
            .ToListAsync(ct);
        Versions = await db.PlanVersions.AsNoTracking().OrderBy(v => v.PlanId).ThenBy(v => v.Id)
            .Select(v => new VersionChoice(v.Id, v.PlanId, v.Plan!.Title + " – " + v.Name)).ToListAsync(ct);
    }
}
