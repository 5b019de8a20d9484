using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Accounts;

/// <summary>One sign-in: a browser that holds a sign-in cookie. The cookie carries the session's id and is
/// valid only while this row exists, so ending a session (sign-out, password or two-factor change, removal
/// by an administrator, "end all other sessions") takes effect with the very next request. Sessions belong
/// to the installation, like accounts.</summary>
public sealed class UserSession
{
    public const int MaxUserAgentLength = 500;

    public required string Id { get; set; }
    public required string UserId { get; set; }
    public PlanwerkUser? User { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public string UserAgent { get; set; } = "";

    public static void Configure(ModelBuilder builder) => builder.Entity<UserSession>(e =>
    {
        e.Property(s => s.Id).HasMaxLength(32);
        e.Property(s => s.StartedAt).AsUtc();
        e.Property(s => s.LastSeenAt).AsUtc();
        e.Property(s => s.UserAgent).HasMaxLength(MaxUserAgentLength);
        e.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(s => s.UserId);
    });
}

/// <summary>Starting, checking and ending sign-in sessions. The sign-in cookie's events call
/// <see cref="StartAsync"/> and <see cref="ValidateAsync"/>; pages end sessions with the other methods.</summary>
public static class UserSessions
{
    /// <summary>The claim that names the session of the signed-in person in this request.</summary>
    public const string ClaimType = "planwerk:session";

    /// <summary>Kept in the cookie's properties as well: a refreshed sign-in (after a password change)
    /// builds new claims but keeps the properties, and so stays the same session.</summary>
    private const string PropertyKey = ".planwerk.session";

    /// <summary>"Last seen" is written at most this often, so a busy session costs one read per request
    /// and only now and then a write.</summary>
    public static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);

    public static string? CurrentId(ClaimsPrincipal user) => user.FindFirstValue(ClaimType);

    /// <summary>Cookie event: a new sign-in gets a session row; a refreshed one keeps its session.</summary>
    public static async Task StartAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity) return;
        var userId = identity.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (userId is null) return;

        var id = context.Properties.GetString(PropertyKey);
        if (id is null)
        {
            var services = context.HttpContext.RequestServices;
            var db = services.GetRequiredService<PlanwerkDbContext>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            // Sessions whose cookie has expired can never come back: they go when the person signs in again.
            var expired = now - context.Options.ExpireTimeSpan;
            await db.UserSessions.Where(s => s.UserId == userId && s.LastSeenAt < expired).ExecuteDeleteAsync();
            id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var agent = context.HttpContext.Request.Headers.UserAgent.ToString();
            db.UserSessions.Add(new UserSession
            {
                Id = id,
                UserId = userId,
                StartedAt = now,
                LastSeenAt = now,
                UserAgent = agent.Length > UserSession.MaxUserAgentLength ? agent[..UserSession.MaxUserAgentLength] : agent,
            });
            await db.SaveChangesAsync();
            context.Properties.SetString(PropertyKey, id);
        }
        foreach (var old in identity.FindAll(ClaimType).ToList()) identity.RemoveClaim(old);
        identity.AddClaim(new Claim(ClaimType, id));
    }

    /// <summary>Cookie event on every request: the cookie counts only while its session exists. One query;
    /// a second one at most once a minute to note when the session was last seen.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Properties.GetString(PropertyKey);
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is not null && userId is not null)
        {
            var services = context.HttpContext.RequestServices;
            var db = services.GetRequiredService<PlanwerkDbContext>();
            var lastSeen = await db.UserSessions.AsNoTracking()
                .Where(s => s.Id == id && s.UserId == userId)
                .Select(s => (DateTimeOffset?)s.LastSeenAt)
                .FirstOrDefaultAsync();
            if (lastSeen is not null)
            {
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
                if (now - lastSeen.Value >= LastSeenPrecision)
                    await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
                return;
            }
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>Ends one session of the person (sign-out).</summary>
    public static Task<int> EndAsync(PlanwerkDbContext db, string userId, string sessionId, CancellationToken ct = default) =>
        db.UserSessions.Where(s => s.UserId == userId && s.Id == sessionId).ExecuteDeleteAsync(ct);

    /// <summary>Ends every session of the person but <paramref name="keepSessionId"/> (the one making the
    /// change, when it is the person themselves): after a password or two-factor change, or a removal.</summary>
    public static Task<int> EndAllAsync(PlanwerkDbContext db, string userId, string? keepSessionId = null, CancellationToken ct = default) =>
        db.UserSessions.Where(s => s.UserId == userId && s.Id != keepSessionId).ExecuteDeleteAsync(ct);

    /// <summary>Ends the person's other sessions, keeping the one of this request.</summary>
    public static Task<int> EndOthersAsync(PlanwerkDbContext db, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in");
        return EndAllAsync(db, userId, CurrentId(user), ct);
    }
}
