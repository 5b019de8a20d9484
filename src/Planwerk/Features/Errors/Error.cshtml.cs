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

    // Read from the route values by hand, with no handler parameter: binding one would make the framework
    // build its value providers, and the form's provider reads the body of a re-executed POST whose form
    // was too large to read (413), which throws again and turns the page into a generic error.
    public void OnGet() => Code = RouteCode();

    public void OnPost() => Code = RouteCode();

    private int RouteCode() =>
        int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 500;
}
