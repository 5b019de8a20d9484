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

/// <summary>The municipality's topic list for the plan team: the tree with each topic's number of services, adding a topic
/// or sub-topic, moving one up or down among its siblings, and deleting one that no service and no sub-topic uses.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class TopicsModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    [BindProperty]
    public TopicInput Input { get; set; } = new();

    public TopicTree Tree { get; private set; } = null!;

    private string ListUrl => ContentUrls.Topics(Municipality.Slug);

    public async Task OnGetAsync(int? parent, CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.ParentId = Tree.All.Any(t => t.Id == parent) ? parent : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.Validate(ModelState, "Input.", l, Tree.Links(), null);
        if (!ModelState.IsValid) return Page();
        var siblings = Tree.All.Where(t => t.ParentId == Input.ParentId).ToList();
        var topic = new ServiceTopic { Code = Input.Code!.Trim().ToLowerInvariant(), Name = "", Position = siblings.Count == 0 ? 0 : siblings.Max(t => t.Position) + 1 };
        Input.ApplyTo(topic);
        db.ServiceTopics.Add(topic);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The code was taken at the same moment (it is unique in the municipality).
            db.ChangeTracker.Clear();
            await LoadAsync(ct);
            ModelState.AddModelError("Input.Code", l["Kürzel: „{0}“ hat schon ein anderes Thema.", topic.Code]);
            return Page();
        }
        return await SavedAsync(cache, l["Das Thema „{0}“ wurde angelegt.", topic.Name], ListUrl + "#topic-" + topic.Id);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, string? direction, CancellationToken ct)
    {
        var topic = await db.ServiceTopics.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (topic is null) return NotFound();
        var siblings = await db.ServiceTopics.Where(t => t.ParentId == topic.ParentId).OrderBy(t => t.Position).ThenBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(ct);
        var index = siblings.FindIndex(t => t.Id == id);
        var other = direction == "Up" ? index - 1 : direction == "Down" ? index + 1 : -1;
        if (other < 0 || other >= siblings.Count) return Redirect(ListUrl);
        (siblings[index], siblings[other]) = (siblings[other], siblings[index]);
        for (var i = 0; i < siblings.Count; i++)
        {
            if (siblings[i].Position != i) siblings[i].Position = i;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else changed these topics meanwhile: the list as it is now.
            return Redirect(ListUrl);
        }
        return await SavedAsync(cache, l["Die Reihenfolge der Themen wurde gespeichert."], ListUrl + "#topic-" + id);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var topic = await db.ServiceTopics.Where(t => t.Id == id)
            .Select(t => new { Topic = t, Children = t.Children.Count, Services = t.Services.Count }).FirstOrDefaultAsync(ct);
        if (topic is null) return NotFound();
        if (topic.Children > 0 || topic.Services > 0)
        {
            await LoadAsync(ct);
            var why = new List<string>();
            if (topic.Services > 0) why.Add(l["{0} Hilfeangebote", topic.Services]);
            if (topic.Children > 0) why.Add(l["{0} Unterthemen", topic.Children]);
            ModelState.AddModelError("", l["Das Thema „{0}“ kann nicht gelöscht werden, solange es verwendet wird: {1}. Ordnen Sie diese zuerst einem anderen Thema zu.", topic.Topic.Name, string.Join(", ", why)]);
            return Page();
        }
        db.ServiceTopics.Remove(topic.Topic);
        db.ContentTranslations.RemoveRange(await db.ContentTranslations.Where(t => t.Kind == ContentKinds.Topic && t.EntityId == id).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Das Thema „{0}“ wurde gelöscht.", topic.Topic.Name], ListUrl);
    }

    /// <summary>Takes over the default topic list while the list is empty.</summary>
    public async Task<IActionResult> OnPostDefaultsAsync(CancellationToken ct)
    {
        if (await db.ServiceTopics.AnyAsync(ct)) return Redirect(ListUrl);
        await DefaultTopics.EnsureAsync(db, clock.GetUtcNow(), ct);
        return await SavedAsync(cache, l["Die vorgeschlagene Themenliste wurde übernommen."], ListUrl);
    }

    private async Task LoadAsync(CancellationToken ct) => Tree = await TopicTree.LoadAsync(db, ct);

    public Crumb[] Crumbs() => [new(l["Verwaltung"], ManageUrl()), new(l["Hilfeangebote"], ContentUrls.Services(Municipality.Slug)), new(l["Themen"])];
}
