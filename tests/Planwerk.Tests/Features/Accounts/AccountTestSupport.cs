using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using OtpNet;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Accounts;

/// <summary>Small helpers for reading what the account pages answer.</summary>
public static partial class AccountTestSupport
{
    /// <summary>The path and query a redirect points to, whether the header is absolute or not.</summary>
    public static string RedirectTarget(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found,
            $"Expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location ?? throw new InvalidOperationException("Redirect without Location");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public static async Task<bool> IsSignedInAsync(this HttpClient client)
    {
        var response = await client.GetAsync("/account");
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>An antiforgery token valid for this client's cookie and identity, for posting to pages
    /// the client cannot open (the login page is open to everyone).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client)
    {
        var page = await client.GetDocumentAsync("/account/login");
        return page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No antiforgery token on the login page");
    }

    public static Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string url, string token, IDictionary<string, string> fields)
    {
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    public static async Task<HttpResponseMessage> SubmitLoginAsync(this HttpClient client, string email, string password, string url = "/account/login") =>
        await client.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>The reset-password link in a mail's text, as a path with query.</summary>
    public static string PasswordLink(MimeMessage message)
    {
        var match = ResetLink().Match(message.TextBody ?? "");
        Assert.True(match.Success, "No reset-password link in the mail:\n" + message.TextBody);
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://[^\s]+/account/reset-password\?userId=[^\s&]+&code=[^\s]+")]
    private static partial Regex ResetLink();

    /// <summary>A code the app shows now for the key on the page, never one handed out before: Planwerk accepts
    /// each code once, so a test that uses several within 30 seconds gets those of the next steps, which
    /// are accepted for clock drift (two steps at most).</summary>
    public static string CurrentCode(string sharedKey) => CurrentCode(sharedKey, DateTimeOffset.UtcNow);

    public static string CurrentCode(string sharedKey, DateTimeOffset now)
    {
        var key = sharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var step = UsedSteps.AddOrUpdate(key, _ => now.ToUnixTimeSeconds() / 30, (_, last) => Math.Max(now.ToUnixTimeSeconds() / 30, last + 1));
        return Authenticator(key).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
    }

    /// <summary>The code of the key's time step at <paramref name="at"/>, whether handed out before or not.</summary>
    public static string CodeAt(string sharedKey, DateTimeOffset at) =>
        Authenticator(sharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ComputeTotp(at.UtcDateTime);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> UsedSteps = new(StringComparer.Ordinal);

    /// <summary>A six-digit code that is none of the codes Identity would accept around now.</summary>
    public static string WrongCode(string sharedKey) => WrongCode(sharedKey, DateTime.UtcNow);

    public static string WrongCode(string sharedKey, DateTime now)
    {
        var totp = Authenticator(sharedKey);
        var near = Enumerable.Range(-4, 9).Select(step => totp.ComputeTotp(now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(n => n.ToString("000000", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    private static Totp Authenticator(string sharedKey) =>
        new(Base32Encoding.ToBytes(sharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()));

    /// <summary>Sets up two-factor sign-in through the pages, as a person with an app would.
    /// Returns the shared key and the recovery codes shown once.</summary>
    public static async Task<(string SharedKey, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(this HttpClient client)
    {
        var page = await client.GetDocumentAsync("/account/two-factor/enable");
        var key = page.QuerySelector("#shared-key")!.TextContent;
        var response = await client.SubmitFormAsync(page, "/account/two-factor/enable", new Dictionary<string, string?> { ["Input.Code"] = CurrentCode(key) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await HtmlForms.ParseAsync(response);
        var codes = result.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }
}
