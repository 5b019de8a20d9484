using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Plans.Manage;

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
