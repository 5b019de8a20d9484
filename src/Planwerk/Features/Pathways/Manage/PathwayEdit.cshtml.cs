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

/// <summary>A pathway's own fields (new at <c>…/pathways/new</c>): title, address code, summary, for whom it is, its
/// place in the list. Checked as a whole, each problem at its field; saved against the version the form was loaded
/// with (a stale form shows what changed and saves nothing) and recorded in the pathway's history. Saving never
/// publishes: the public sees the change when the plan team publishes the pathway.</summary>
[Authorize(Policy = Policies.PathwayEditor)]
public sealed class PathwayEditModel(PlanwerkDbContext db, IAuthorizationService authorization, IOutputCacheStore cache, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : ManagePageModel
{
    [BindProperty]
    public PathwayInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public int? PathwayId { get; private set; }

    public string StoredTitle { get; private set; } = "";

    public PathwayStatus Status { get; private set; }

    public bool MayPublish { get; private set; }

    private Pathway? stored;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refusal) return refusal;
        if (stored is not null)
        {
            Input = PathwayEntry.ToInput(stored);
            Version = stored.Version;
        }
        else
        {
            Input.Position = (await db.Pathways.Select(p => (int?)p.Position).MaxAsync(ct) ?? -1) + 1;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refusal) return refusal;
        NameTheChoice("Input.MinimumAge", l["Mindestalter: Bitte geben Sie das Alter als ganze Zahl an."]);
        NameTheChoice("Input.MaximumAge", l["Höchstalter: Bitte geben Sie das Alter als ganze Zahl an."]);
        NameTheChoice("Input.Position", l["Position: Bitte geben Sie eine ganze Zahl an."]);
        NameTheChoice("Input.Children", l["Kinder: Bitte wählen Sie aus der Liste."]);
        NameTheChoice("Input.Audience", l["Aufenthaltssituation: Bitte wählen Sie nur Aufenthaltssituationen aus der Liste."]);
        if (!ModelState.IsValid) return Page();
        var code = Input.Code?.Trim() ?? "";
        var taken = await db.Pathways.AnyAsync(p => p.Code == code && p.Id != (PathwayId ?? 0), ct);
        var problems = PathwayEntry.Check(Input, taken, nameof(Input));
        foreach (var problem in problems) ModelState.AddModelError(problem.Key, l[problem.Text, problem.Args]);
        if (problems.Count > 0) return Page();
        if (stored is not null && stored.Version != Version) return ShowConflict(stored);

        var now = clock.GetUtcNow();
        Pathway? saved = null;
        return await SaveEditAsync(db, cache, null, async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var before = stored is null ? null : PathwayEntry.Describe(PathwayEntry.ToInput(stored));
                if (stored is null)
                {
                    saved = new Pathway { Code = "", Title = "", CreatedAt = now, ModifiedAt = now };
                    db.Pathways.Add(saved);
                }
                else
                {
                    saved = await db.Pathways.FirstAsync(p => p.Id == stored.Id, ct);
                    ExpectVersion(db, saved, Version);
                    saved.ModifiedAt = now;
                }
                PathwayEntry.Apply(saved, Input);
                await db.SaveChangesAsync(ct);
                await PathwayHistory.AddAsync(db, PathwayHistory.PathwayType, saved.Id, saved.Title, stored is null ? ChangeAction.Created : ChangeAction.Updated,
                    before, PathwayEntry.Describe(Input), now, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            },
            async () => stored is null ? null : await db.Pathways.AsNoTracking().FirstOrDefaultAsync(p => p.Id == stored.Id, ct),
            s => { ShowConflict(s); },
            () => (l["Der Integrationsweg „{0}“ wurde gespeichert. Veröffentlicht wird er erst, wenn das Planungsteam ihn veröffentlicht.", saved!.Title],
                PathwayUrls.Edit(Municipality.Slug, saved.Id)));
    }

    /// <summary>Someone saved the pathway since the form was loaded: the stored fields beside the editor's.</summary>
    private PageResult ShowConflict(Pathway current)
    {
        ModelState.Clear();
        ModelState.AddModelError("", l["Dieser Integrationsweg wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = new EditConflict();
        var theirs = PathwayEntry.Describe(PathwayEntry.ToInput(current));
        foreach (var part in PathwayEntry.Describe(Input)) Conflict.Compare(l[part.Label], part.Value, theirs.First(p => p.Field == part.Field).Value);
        Version = current.Version;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        MayPublish = await PathwayEditors.MayPublishAsync(authorization, User);
        if (id is int pathwayId)
        {
            stored = await db.Pathways.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pathwayId, ct);
            if (stored is null) return NotFound();
            (PathwayId, StoredTitle, Status) = (stored.Id, stored.Title, stored.Status);
        }
        return null;
    }

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Integrationswege"], PathwayUrls.List(Municipality.Slug)),
        new(PathwayId is null ? l["Neuer Integrationsweg"] : StoredTitle),
    ];
}
