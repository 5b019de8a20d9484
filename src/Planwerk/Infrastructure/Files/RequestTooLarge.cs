using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Planwerk.Infrastructure.Files;

/// <summary>Answers a form that is larger than the page allows with 413 and the error page that names the limit.
/// Without it the antiforgery check, which reads the form first, turns the failed read into a bare 400.
/// Runs after the page's own limits are applied (<see cref="RequestSizeLimitAttribute"/> and
/// <see cref="RequestFormLimitsAttribute"/>, order 900) and before the antiforgery check (order 1000).</summary>
public sealed class RequestTooLarge : IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Where the limit in bytes is kept for the error page.</summary>
    public const string LimitItem = "Planwerk.RequestLimit";

    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.HasFormContentType || http.Features.Get<IStatusCodeReExecuteFeature>() is not null) return;
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (IsTooLarge(e))
        {
            var bodyLimit = http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
                ?? context.ActionDescriptor.EndpointMetadata.OfType<IRequestSizeLimitMetadata>().LastOrDefault()?.MaxRequestBodySize;
            var formLimit = context.ActionDescriptor.EndpointMetadata.OfType<RequestFormLimitsAttribute>().LastOrDefault()?.MultipartBodyLengthLimit;
            http.Items[LimitItem] = (bodyLimit, formLimit) switch
            {
                (long b, long f) => Math.Min(b, f),
                (long b, null) => b,
                (null, long f) => f,
                _ => null,
            };
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // Any other unreadable form is left to the antiforgery check, which refuses it with 400.
        }
    }

    /// <summary>The server's body limit (413 from the server), or one of the form reader's limits, whose
    /// exceptions say "... limit ... exceeded" and carry no other mark.</summary>
    private static bool IsTooLarge(Exception e) => e switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        InvalidDataException when e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) => true,
        _ => false,
    };
}
