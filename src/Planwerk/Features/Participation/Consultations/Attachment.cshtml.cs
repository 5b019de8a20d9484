using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Planwerk.Data;
using Planwerk.Infrastructure.Files;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>A statement's attachment, as a download. The submitter and the plan team may always fetch it;
/// anyone else only when the submitter consented to publication and the round's weighing is published.
/// Everyone else gets "not found", so the address tells nothing. Never cached by the server.</summary>
[AllowAnonymous]
public sealed class AttachmentModel(PlanwerkDbContext db, IAuthorizationService authorization) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int statementId, int attachmentId, CancellationToken ct)
    {
        var row = await db.StatementAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.StatementId == statementId)
            .Select(a => new { a.FileName, a.Statement!.AuthorUserId, a.Statement.ConsentToPublish, Published = a.Statement.Round!.WeighingPublishedAt != null })
            .FirstOrDefaultAsync(ct);
        if (row is null) return NotFound();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var allowed = (row.ConsentToPublish && row.Published)
            || (userId is not null && userId == row.AuthorUserId)
            || (userId is not null && (await authorization.AuthorizeAsync(User, Policies.PlanTeam)).Succeeded);
        if (!allowed) return NotFound();

        var content = await db.StatementAttachments.AsNoTracking().Where(a => a.Id == attachmentId).Select(a => a.Content).SingleAsync(ct);
        // Type and name follow the content as it is now, whatever was stored with it: a file stored before names
        // followed types still goes out as what it is.
        var type = DocumentTypes.Recognise(content) ?? "application/octet-stream";
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return File(content, type, DocumentTypes.NameFor(row.FileName, type));
    }
}
