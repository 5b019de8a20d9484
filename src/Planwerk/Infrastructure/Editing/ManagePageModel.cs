using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Infrastructure.Editing;

/// <summary>What the plan team's pages share: the municipality of the route, the success notice
/// after a save (shown on the next page in a status region), and the view of an edit conflict.
/// Each page still names its own policy.</summary>
public abstract class ManagePageModel : PageModel
{
    public const string NoticeKey = "Notice";

    public CurrentMunicipality Municipality => HttpContext.RequiredMunicipality();

    /// <summary>"/{municipality}/manage" followed by <paramref name="path"/>.</summary>
    public string ManageUrl(string path = "") => "/" + Municipality.Slug + "/manage" + path;

    public string PlanUrl(int planId, string path = "") => ManageUrl(string.Create(CultureInfo.InvariantCulture, $"/plans/{planId}{path}"));

    /// <summary>Set when a save was refused because someone else changed the same thing meanwhile.</summary>
    public EditConflict? Conflict { get; protected set; }

    /// <summary>After a successful save: the public sees it at once, the editor is told, and the
    /// browser is sent on with a GET (so reloading does not post again).</summary>
    protected async Task<IActionResult> SavedAsync(IOutputCacheStore cache, string notice, string url)
    {
        await PublicPageCache.EvictMunicipalityAsync(cache, Municipality.Slug, HttpContext.RequestAborted);
        TempData[NoticeKey] = notice;
        return Redirect(url);
    }

    /// <summary>Saves against the version the form was loaded with: if someone else saved the row since,
    /// the save fails with <see cref="DbUpdateConcurrencyException"/> instead of overwriting their change.</summary>
    protected static void ExpectVersion(PlanwerkDbContext db, IVersioned entity, int version) =>
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = version;

    /// <summary>The end of an edit form's POST: saves with the form's reason (the history records it) and then,
    /// like <see cref="SavedAsync"/>, makes the public see it and redirects with the notice. When someone else
    /// saved the same row meanwhile, nothing of this save stays: the open transaction is rolled back, the stored
    /// row is read again and shown beside the editor's kept input (the page again), or 404 when it is gone.</summary>
    /// <param name="save">Saves (and commits the page's transaction, if it opened one).</param>
    /// <param name="reload">Reads the stored row again, untracked; null when it has been deleted.</param>
    /// <param name="showConflict">Shows the stored row beside the input and takes over its version.</param>
    /// <param name="saved">The notice and the address to go to, asked once the save has succeeded (new ids are known).</param>
    protected async Task<IActionResult> SaveEditAsync<T>(PlanwerkDbContext db, IOutputCacheStore cache, string? reason, Func<Task> save,
        Func<Task<T?>> reload, Func<T, Task> showConflict, Func<(string Notice, string Url)> saved) where T : class
    {
        db.Author.Because(reason);
        try
        {
            await save();
        }
        catch (DbUpdateConcurrencyException)
        {
            if (db.Database.CurrentTransaction is { } transaction) await transaction.RollbackAsync(HttpContext.RequestAborted);
            db.ChangeTracker.Clear();
            if (await reload() is not { } stored) return NotFound();
            await showConflict(stored);
            return Page();
        }
        var (notice, url) = saved();
        return await SavedAsync(cache, notice, url);
    }

    /// <summary>The same, for a page whose conflict view is built without reading anything more.</summary>
    protected Task<IActionResult> SaveEditAsync<T>(PlanwerkDbContext db, IOutputCacheStore cache, string? reason, Func<Task> save,
        Func<Task<T?>> reload, Action<T> showConflict, Func<(string Notice, string Url)> saved) where T : class =>
        SaveEditAsync(db, cache, reason, save, reload, stored =>
        {
            showConflict(stored);
            return Task.CompletedTask;
        }, saved);

    /// <summary>A choice from a list (an enumeration) that could not be read gets a message that names
    /// the field; the framework's own message only repeats the value.</summary>
    protected void NameTheChoice(string key, string message)
    {
        if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            ModelState.AddModelError(key, message);
        }
    }

    /// <summary>"new" gives null, a number gives that id; anything else is not an address here.</summary>
    protected static bool TryParseKey(string? key, out int? id)
    {
        id = null;
        if (key == "new") return true;
        if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            id = n;
            return true;
        }
        return false;
    }
}

/// <summary>The differences between what an editor submitted and what someone else stored meanwhile.</summary>
public sealed class EditConflict
{
    private readonly List<ConflictRow> rows = [];

    public IReadOnlyList<ConflictRow> Rows => rows;

    public EditConflict Compare(string label, string? yours, string? stored)
    {
        if (!string.Equals(yours ?? "", stored ?? "", StringComparison.Ordinal)) rows.Add(new(label, yours ?? "", stored ?? ""));
        return this;
    }
}

public sealed record ConflictRow(string Label, string Yours, string Stored);

/// <summary>One step of the trail shown above a manage page; the last one, without a link, is the page itself.</summary>
public sealed record Crumb(string Text, string? Href = null);
