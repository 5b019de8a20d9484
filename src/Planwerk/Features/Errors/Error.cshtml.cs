using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Planwerk.Features.Errors;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>For 413: the limit of the page the form was sent to, when known.</summary>
    public string? Limit => HttpContext.Items[Infrastructure.Files.RequestTooLarge.LimitItem] is long bytes ? Infrastructure.Files.FileSizes.Format(bytes) : null;

    // From the route only: a re-executed POST whose form could not be read (413) must not be read again.
    public void OnGet([FromRoute] int? code) => Code = code ?? 500;

    public void OnPost([FromRoute] int? code) => Code = code ?? 500;
}
