using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Planwerk.Data;

namespace Planwerk.Features.Accounts;

/// <summary>Slows down password and code guessing without ever locking an account. Failed attempts
/// (wrong password at sign-in, wrong authenticator or recovery code, wrong current password when changing
/// the password or switching two-factor off) are counted per account (the address typed in, whether an
/// account has it or not) and per client address. After a few free failures every further attempt for that
/// account or from that address must wait, twice as long after each failure: up to
/// <see cref="SignInThrottleOptions.AccountMaxDelay"/> per account, so its owner is never held up for long by someone else's
/// guessing, and up to <see cref="SignInThrottleOptions.AddressMaxDelay"/> per address, which is where a guesser is stopped.
/// An attempt made too early is refused before anything is checked and is not counted.
/// Counts are kept in the database (<see cref="SignInFailure"/>), so a restart does not forget them and a guesser who
/// spreads attempts over several instances meets one count, not one per instance.</summary>
public sealed class SignInThrottle(PlanwerkDbContext db, TimeProvider clock, IOptions<SignInThrottleOptions> settings)
{
    private readonly SignInThrottleOptions options = settings.Value;

    /// <summary>Failures older than this, with none since, are forgotten.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    private static int sinceSweep;

    /// <summary>The key of an account for <paramref name="email"/> as typed (or as stored, on the pages of a
    /// signed-in person). Hashed, so the database holds no addresses.</summary>
    public static string AccountKey(string email) =>
        "a:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));

    public static string AddressKey(HttpContext context) => "c:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>How long the caller must still wait before an attempt for this account from this address is
    /// checked at all; zero when it may go ahead.</summary>
    public async Task<TimeSpan> WaitForAsync(string accountKey, string addressKey)
    {
        var now = clock.GetUtcNow();
        var counts = await db.SignInFailures.AsNoTracking().Where(f => f.Key == accountKey || f.Key == addressKey).ToListAsync();
        var account = Remaining(counts.Find(f => f.Key == accountKey), options.FreeAccountFailures, options.AccountMaxDelay, now);
        var address = Remaining(counts.Find(f => f.Key == addressKey), options.FreeAddressFailures, options.AddressMaxDelay, now);
        return account > address ? account : address;
    }

    /// <summary>Counts a failure for both keys, each in one statement (so attempts racing on several instances all count).</summary>
    public async Task FailedAsync(string accountKey, string addressKey)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var forgotten = now - (long)Memory.TotalMilliseconds;
        foreach (var key in new[] { accountKey, addressKey })
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "SignInFailures" ("Key", "Count", "LastAt") VALUES ({key}, 1, {now})
                ON CONFLICT ("Key") DO UPDATE SET
                    "Count" = CASE WHEN "SignInFailures"."LastAt" < {forgotten} THEN 1 ELSE "SignInFailures"."Count" + 1 END,
                    "LastAt" = {now}
                """);
        if (Interlocked.Increment(ref sinceSweep) % 1000 == 0)
            await db.SignInFailures.Where(f => f.LastAt < forgotten).ExecuteDeleteAsync();
    }

    /// <summary>The owner got in: their account's count starts afresh. The address's does not, or a guesser
    /// could clear it by signing in to an account of their own in between.</summary>
    public Task SucceededAsync(string accountKey) => db.SignInFailures.Where(f => f.Key == accountKey).ExecuteDeleteAsync();

    private static TimeSpan Remaining(SignInFailure? entry, int free, TimeSpan max, DateTimeOffset now)
    {
        if (entry is null || entry.Count < free) return TimeSpan.Zero;
        var last = DateTimeOffset.FromUnixTimeMilliseconds(entry.LastAt);
        if (now - last > Memory) return TimeSpan.Zero;
        var remaining = last + Delay(entry.Count - free, max) - now;
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    /// <summary>1 s after the last free failure, then 2, 4, 8 … up to <paramref name="max"/>.</summary>
    private static TimeSpan Delay(int beyondFree, TimeSpan max) =>
        beyondFree >= 20 ? max : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, beyondFree), max.TotalSeconds));
}

/// <summary>The failed attempts counted for one key of <see cref="SignInThrottle"/> (a hashed account address or a client
/// address), and when the last one was (milliseconds since 1970, UTC: a number compares alike on both databases).</summary>
public sealed class SignInFailure
{
    [System.ComponentModel.DataAnnotations.Key]
    [System.ComponentModel.DataAnnotations.MaxLength(100)]
    public string Key { get; set; } = "";

    public int Count { get; set; }

    public long LastAt { get; set; }
}

/// <summary>Settings under <c>SignInThrottle</c>. The tests' fixture raises the free failures per address,
/// because all its requests come from one address.</summary>
public sealed class SignInThrottleOptions
{
    public int FreeAccountFailures { get; set; } = 5;
    public int FreeAddressFailures { get; set; } = 10;
    public TimeSpan AccountMaxDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan AddressMaxDelay { get; set; } = TimeSpan.FromMinutes(15);
}

public static class ThrottledPage
{
    /// <summary>The form again, with status 429, a <c>Retry-After</c> header and the seconds to wait in the
    /// error summary. Known and unknown accounts get exactly this answer.</summary>
    public static PageResult TooManyAttempts(this PageModel page, TimeSpan wait, IStringLocalizer L)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        page.ModelState.AddModelError(string.Empty, seconds == 1
            ? L["Zu viele fehlgeschlagene Versuche. Bitte versuchen Sie es in einer Sekunde erneut."]
            : L["Zu viele fehlgeschlagene Versuche. Bitte versuchen Sie es in {0} Sekunden erneut.", seconds]);
        page.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var result = page.Page();
        result.StatusCode = StatusCodes.Status429TooManyRequests;
        return result;
    }
}
