using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Planwerk.Data;
using Planwerk.Infrastructure.Files;

namespace Planwerk.Features.Council;

/// <summary>A paper's file as a download: always an attachment, never sniffed into something else; the
/// SHA-256 of the content is the entity tag.</summary>
[AllowAnonymous]
public sealed class PublicFileModel(PlanwerkDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int fileId, CancellationToken ct)
    {
        var file = await db.PaperFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is null) return NotFound();
        // Type and name follow the content, whatever was stored with it.
        var type = PaperFileTypes.Recognise(file.Content) ?? "application/octet-stream";
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.ETag] = "\"" + file.Sha256 + "\"";
        return File(file.Content, type, DocumentTypes.NameFor(file.FileName, type, "Datei"));
    }
}
