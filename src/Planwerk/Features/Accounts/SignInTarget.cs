using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Accounts;

/// <summary>Where a person goes after signing in: back where they came from when that is an address
/// of this site, else to the management of their first municipality (for a moderator its reported comments, or
/// its stakeholder registry when none are open; for a council clerk its council pages, for a counsellor its integration pathways), else to their account.</summary>
public static class SignInTarget
{
    /// <summary>The return address if it is local, else null. Absolute and protocol-relative addresses
    /// (<c>https://…</c>, <c>//…</c>, <c>/\…</c>) are refused, so sign-in never sends anyone elsewhere.</summary>
    public static string? LocalOrNull(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : null;

    public static async Task<string> ForAsync(PlanwerkDbContext db, IUrlHelper url, string userId, string? returnUrl)
    {
        if (LocalOrNull(url, returnUrl) is string local) return local;
        var memberships = await UserMemberships.OfUserAsync(db, userId);
        if (memberships.Count == 0) return "/account";
        var first = memberships[0];
        // Council clerks record the council's deliberation: their start page is the council's.
        if (first.Role == MunicipalityRole.CouncilClerk) return $"/{first.Slug}/manage/council";
        // Counsellors write integration pathways, nothing else of the plan team's.
        if (first.Role == MunicipalityRole.Counsellor) return $"/{first.Slug}/manage/pathways";
        if (first.Role != MunicipalityRole.Moderator) return $"/{first.Slug}/manage";
        // Moderators do not edit plans: reported comments come first when there are any, else the stakeholder registry.
        var slug = first.Slug;
        var reported = await db.CommentReports.IgnoreQueryFilters()
            .AnyAsync(r => r.ResolvedAt == null && db.Municipalities.Any(x => x.Id == r.MunicipalityId && x.Slug == slug));
        return reported ? $"/{slug}/manage/moderation" : $"/{slug}/manage/stakeholders";
    }

    /// <summary>The query string that carries the return address on to the next sign-in step.</summary>
    public static QueryString Carry(IUrlHelper url, string? returnUrl, bool? rememberMe = null)
    {
        var parts = new List<KeyValuePair<string, string?>>();
        if (LocalOrNull(url, returnUrl) is string local) parts.Add(new("returnUrl", local));
        if (rememberMe == true) parts.Add(new("rememberMe", "true"));
        return QueryString.Create(parts);
    }
}
