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

    public void OnGet(int? code) => Code = code ?? 500;

    public void OnPost(int? code) => Code = code ?? 500;
}
