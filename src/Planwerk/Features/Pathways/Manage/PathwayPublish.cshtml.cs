using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Pathways.Manage;

/// <summary>Publishing deliberately (plan team only): the page shows what the public will see — the document that would be
/// published, in German — and what is missing; publishing freezes it as the next publication
/// (<see cref="PathwayPublishing.PublishAsync"/>), withdrawing takes the pathway back from the public. A pathway without a
/// stage, or with a step without a title, is not published. Both are recorded in the pathway's history; the form carries
/// the pathway's version, so what was previewed is what is published.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class PathwayPublishModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed record PublicationRow(int Number, DateTimeOffset PublishedAt, string PublishedBy, bool IsCurrent);

    [BindProperty]
    public int Version { get; set; }

    public int PathwayId { get; private set; }

    public string PathwayTitle { get; private set; } = "";

    public PathwayStatus Status { get; private set; }

    public PathwayDocument Document { get; private set; } = null!;

    /// <summary>What keeps the pathway from being published (German text keys with their arguments).</summary>
    public IReadOnlyList<(string Text, object[] Args)> Problems { get; private set; } = [];

    /// <summary>Whether the working state differs from the current publication.</summary>
    public bool Changed { get; private set; }

    public IReadOnlyList<PublicationRow> Publications { get; private set; } = [];

    public IReadOnlyDictionary<int, string> ServiceNames { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyDictionary<int, string> MeasureTexts { get; private set; } = new Dictionary<int, string>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var posted = Version;
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Problems.Count > 0)
        {
            foreach (var (text, args) in Problems) ModelState.AddModelError("", l["Der Integrationsweg kann so nicht veröffentlicht werden: {0}", l[text, args]]);
            return Page();
        }
        return await ChangeAsync(id, posted, async pathway =>
        {
            var before = pathway.Status;
            var previous = pathway.CurrentPublicationId;
            var publication = await PathwayPublishing.PublishAsync(db, pathway, clock.GetUtcNow(), ct);
            return (before, l["Der Integrationsweg „{0}“ ist veröffentlicht (Veröffentlichung {1}).", pathway.Title, publication!.Number].Value,
                previous is null ? null : await PublicationNameAsync(previous.Value, ct), "Nr. " + publication.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }, ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        var posted = Version;
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Status != PathwayStatus.Published)
        {
            ModelState.AddModelError("", l["Der Integrationsweg ist nicht veröffentlicht; es gibt nichts zurückzuziehen."]);
            return Page();
        }
        return await ChangeAsync(id, posted, async pathway =>
        {
            var before = pathway.Status;
            var previous = pathway.CurrentPublicationId is int p ? await PublicationNameAsync(p, ct) : null;
            PathwayPublishing.Withdraw(pathway);
            return (before, l["Der Integrationsweg „{0}“ wurde zurückgezogen. Die Öffentlichkeit sieht ihn nicht mehr.", pathway.Title].Value, previous, null);
        }, ct);
    }

    private async Task<string?> PublicationNameAsync(int publicationId, CancellationToken ct) =>
        await db.PathwayPublications.Where(p => p.Id == publicationId).Select(p => (int?)p.Number).FirstOrDefaultAsync(ct) is int n
            ? "Nr. " + n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    private async Task<IActionResult> ChangeAsync(int id, int posted, Func<Pathway, Task<(PathwayStatus Before, string Notice, string? OldPublication, string? NewPublication)>> change,
        CancellationToken ct)
    {
        if (posted != Version) return Conflicted();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var pathway = await db.Pathways.FirstAsync(p => p.Id == id, ct);
        ExpectVersion(db, pathway, posted);
        var now = clock.GetUtcNow();
        var (before, notice, oldPublication, newPublication) = await change(pathway);
        pathway.ModifiedAt = now;
        db.Entry(pathway).Property(p => p.ModifiedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
            await PathwayHistory.AddAsync(db, PathwayHistory.PathwayType, pathway.Id, pathway.Title, ChangeAction.Updated, null, null, now, ct,
                (PathwayHistory.StatusField, PathwayEntry.StatusText(before), PathwayEntry.StatusText(pathway.Status)),
                (PathwayHistory.PublicationField, oldPublication, newPublication));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id, ct)) return NotFound();
            return Conflicted();
        }
        return await SavedAsync(cache, notice, PathwayUrls.Publish(Municipality.Slug, id));
    }

    private PageResult Conflicted()
    {
        ModelState.Clear();
        ModelState.AddModelError("", l["Dieser Integrationsweg wurde inzwischen von jemand anderem geändert. Nichts wurde veröffentlicht oder zurückgezogen; prüfen Sie unten den aktuellen Stand und versuchen Sie es dann noch einmal."]);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var pathway = await db.Pathways.AsNoTracking().Include(p => p.CurrentPublication).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pathway is null) return false;
        (PathwayId, PathwayTitle, Status) = (pathway.Id, pathway.Title, pathway.Status);
        ModelState.Remove(nameof(Version));
        Version = pathway.Version;
        Document = (await PathwayPublishing.BuildAsync(db, id, ct))!;
        Changed = pathway.CurrentPublication is null || pathway.CurrentPublication.Document != Document.ToJson();
        var problems = new List<(string, object[])>();
        if (Document.Stages.Count == 0) problems.Add(("Er hat noch keinen Abschnitt.", []));
        if (Document.AllSteps.Any(s => string.IsNullOrWhiteSpace(s.Title.Source)))
            problems.Add(("Ein Schritt hat keinen Titel. Bitte geben Sie jedem Schritt einen Titel.", []));
        Problems = problems;
        Publications = (await db.PathwayPublications.AsNoTracking().Where(p => p.PathwayId == id).OrderByDescending(p => p.Number)
            .Select(p => new { p.Id, p.Number, p.PublishedAt, p.PublishedByName }).ToListAsync(ct))
            .Select(p => new PublicationRow(p.Number, p.PublishedAt, p.PublishedByName, p.Id == pathway.CurrentPublicationId)).ToList();
        var serviceIds = Document.AllSteps.SelectMany(s => s.ServiceIds).Distinct().ToList();
        ServiceNames = await db.HelpServices.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var measureIds = Document.AllSteps.SelectMany(s => s.MeasureIds).Distinct().ToList();
        MeasureTexts = (await db.Measures.AsNoTracking().Where(x => measureIds.Contains(x.Id)).Select(x => new { x.Id, x.Number, x.Title, Plan = x.Plan!.Title }).ToListAsync(ct))
            .ToDictionary(x => x.Id, x => PathwayEntry.MeasureText(x.Number, x.Title, x.Plan));
        return true;
    }

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Integrationswege"], PathwayUrls.List(Municipality.Slug)),
        new(PathwayTitle, PathwayUrls.Edit(Municipality.Slug, PathwayId)), new(l["Veröffentlichen"]),
    ];
}
