using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Planwerk.Infrastructure.RateLimiting;

/// <summary>Settings under <c>RateLimits</c>: how many form posts one address (account forms) or one
/// person (participation writes) may send per window.</summary>
public sealed class RateLimitOptions
{
    public int AccountFormsPerMinute { get; set; } = 10;

    public int ParticipationWritesPerMinute { get; set; } = 20;

    /// <summary>One minute in production; tests shorten it so they need not wait a whole minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The two limits for forms that strangers can send over and over. A page model opts in with
/// <c>[EnableRateLimiting(RateLimits.AccountForms)]</c>; only its POSTs count, its GET stays unlimited
/// (Razor Pages take the attribute per page, not per handler, so the policy looks at the method).
/// A refused post never reaches the handler, so nothing of it is applied.</summary>
public static class RateLimits
{
    /// <summary>Sign-in (also with a second factor or a recovery code), registration, resending the
    /// confirmation, forgotten and reset password: per client address.</summary>
    public const string AccountForms = "account-forms";

    /// <summary>Comments and reports, statements, join requests, workshop registrations: per signed-in
    /// person, per address for anyone not signed in.</summary>
    public const string ParticipationWrites = "participation-writes";

    public static IServiceCollection AddPlanwerkRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AccountForms, context =>
                PostsOnly(context, "ip:" + ClientAddress(context), options.AccountFormsPerMinute, options.Window));
            o.AddPolicy(ParticipationWrites, context =>
            {
                var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
                var key = userId is null ? "ip:" + ClientAddress(context) : "user:" + userId;
                return PostsOnly(context, key, options.ParticipationWritesPerMinute, options.Window);
            });
            // The body stays empty so the status code page (/error/429) explains the refusal in the
            // person's language; Retry-After tells browsers and scripts when to try again.
            o.OnRejected = (rejected, _) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>The connection's address; behind a configured reverse proxy the client it forwards for
    /// (the forwarded headers middleware has replaced the address by then, see <c>ReverseProxy</c>).</summary>
    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PostsOnly(HttpContext context, string key, int permitsPerWindow, TimeSpan window) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitsPerWindow,
                Window = window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("unlimited");
}
