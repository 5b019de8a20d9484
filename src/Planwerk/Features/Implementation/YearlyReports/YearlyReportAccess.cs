using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Planwerk.Data;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Implementation.YearlyReports;

/// <summary>Who reads a yearly report (print view, PDF, XLSX): anyone once it is published on a public plan; the plan
/// team (plan editors and administrators) always, drafts included. Everyone else finds nothing (404), so the address
/// says nothing about a draft.</summary>
public static class YearlyReportAccess
{
    /// <summary>The report and whether the reader is the plan team reading what the public may not (a draft, or a plan
    /// that is not public); null when there is no such report for this reader. A public report costs one command and
    /// asks nothing about the reader, so the public page cache holds it.</summary>
    public static async Task<(YearlyReportHeader Header, bool PlanTeamOnly)?> ReadableAsync(
        PlanwerkDbContext db, IAuthorizationService authorization, ClaimsPrincipal user, int planId, int year, CancellationToken ct)
    {
        var header = await YearlyReportContent.FindAsync(db, planId, year, ct);
        if (header is null) return null;
        if (header.IsPublic) return (header, false);
        if (user.Identity?.IsAuthenticated != true || !(await authorization.AuthorizeAsync(user, Policies.PlanEditor)).Succeeded) return null;
        return (header, true);
    }
}
