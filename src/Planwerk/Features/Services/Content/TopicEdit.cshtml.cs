using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Services.Content;

/// <summary>One topic for the plan team: rename it, describe it, move it under another topic (not under itself or its own
/// sub-topics), and its translation state per language with the links to translate it. Saved against the version the
/// form was loaded with.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class TopicEditModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    [BindProperty]
    public TopicInput Input { get; set; } = new();

    public TopicTree Tree { get; private set; } = null!;

    public TopicTree.Node Topic { get; private set; } = null!;

    public IReadOnlyList<(ContentLanguage Language, TranslationState State)> States { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new TopicInput { Code = Topic.Code, Name = Topic.Name, Description = Topic.Description, ParentId = Topic.ParentId, Version = Topic.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.Validate(ModelState, "Input.", l, Tree.Links(), id);
        if (!ModelState.IsValid) return Page();
        var topic = await db.ServiceTopics.FirstAsync(t => t.Id == id, ct);
        ExpectVersion(db, topic, Input.Version);
        var moved = topic.ParentId != Input.ParentId;
        Input.ApplyTo(topic);
        if (moved)
        {
            var siblings = Tree.All.Where(t => t.ParentId == Input.ParentId && t.Id != id).ToList();
            topic.Position = siblings.Count == 0 ? 0 : siblings.Max(t => t.Position) + 1;
        }
        return await SaveEditAsync(db, cache, null, () => db.SaveChangesAsync(ct),
            () => db.ServiceTopics.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct),
            stored =>
            {
                ModelState.AddModelError("", l["Dieses Thema wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
                Conflict = new EditConflict().Compare(l["Name (Deutsch)"], Input.Name, stored.Name).Compare(l["Beschreibung (Deutsch)"], Input.Description, stored.Description)
                    .Compare(l["Gehört zu"], ParentName(Input.ParentId), ParentName(stored.ParentId));
                ModelState.Remove("Input.Version");
                Input.Version = stored.Version;
            },
            () => (l["Das Thema „{0}“ wurde gespeichert.", topic.Name], ContentUrls.Topic(Municipality.Slug, id)));
    }

    private string ParentName(int? id) => id is { } p ? Tree.All.FirstOrDefault(t => t.Id == p)?.Name ?? "" : l["– erste Ebene –"];

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Tree = await TopicTree.LoadAsync(db, ct);
        if (Tree.All.FirstOrDefault(t => t.Id == id) is not { } topic) return false;
        Topic = topic;
        await ContentLanguages.EnsureDefaultsAsync(db, ct);
        var languages = await ContentLanguages.ListAsync(db, ct);
        IReadOnlyList<SourceText> sources = [.. TranslatableTexts.Of(new TranslatableTexts.TopicRow(topic.Id, topic.Name, topic.Description), l)];
        var stored = await TranslatableTexts.StoredAsync(db, null, [], [], [id], ct, withText: false);
        States = languages.Select(x => (x, TranslationState.Of(new TranslationSheet(x.Code, sources, stored.GetValueOrDefault(x.Code) ?? TranslatableTexts.None)))).ToList();
        return true;
    }

    public Crumb[] Crumbs() =>
    [
        new(l["Verwaltung"], ManageUrl()), new(l["Hilfeangebote"], ContentUrls.Services(Municipality.Slug)),
        new(l["Themen"], ContentUrls.Topics(Municipality.Slug)), new(Topic.Name),
    ];
}
