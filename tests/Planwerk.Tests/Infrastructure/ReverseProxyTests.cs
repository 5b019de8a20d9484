using System.Net;
using Planwerk.Data;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.RateLimits;

namespace Planwerk.Tests.Infrastructure;

/// <summary>An installation behind a TLS-terminating proxy at 10.0.0.5, reached as https://planwerk.example.
/// The limits are those of <see cref="RateLimitApp"/> with a whole minute's window, so no test races the window.</summary>
public abstract class ProxyApp(DatabaseProvider provider) : RateLimitApp(provider)
{
    public const string Proxy = "10.0.0.5";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        .. base.Settings,
        new("RateLimits:Window", "00:01:00"),
        new("Proxy:KnownProxies:0", Proxy),
        new("Planwerk:PublicAddress", "https://planwerk.example"),
    ];

    /// <summary>A client whose connection comes from <paramref name="address"/>, over https or plain http.</summary>
    public HttpClient ClientFrom(string address, bool https)
    {
        var client = ClientFrom(address);
        client.BaseAddress = new Uri(https ? "https://localhost/" : "http://localhost/");
        return client;
    }

    /// <summary>A client whose requests come through the proxy for <paramref name="client"/>, as it forwards them.</summary>
    public HttpClient ThroughProxy(string client)
    {
        var http = ClientFrom(Proxy, https: false);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        http.DefaultRequestHeaders.Add("X-Forwarded-Host", "planwerk.example");
        return http;
    }
}

public sealed class SqliteProxyApp() : ProxyApp(DatabaseProvider.Sqlite);

public sealed class PostgresProxyApp() : ProxyApp(DatabaseProvider.Postgres);

public abstract class ReverseProxyTests(ProxyApp app)
{
    private static Task<HttpResponseMessage> PostForgotPasswordAsync(HttpClient client) =>
        client.PostAsync("/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@example.org" }));

    [Fact]
    public async Task Behind_the_trusted_proxy_each_forwarded_client_has_its_own_rate_limit()
    {
        var first = app.ThroughProxy("203.0.113.40");
        for (var i = 0; i < RateLimitApp.AccountForms; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostForgotPasswordAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostForgotPasswordAsync(first)).StatusCode);

        // Another visitor behind the same proxy is not affected.
        var second = app.ThroughProxy("203.0.113.41");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostForgotPasswordAsync(second)).StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_no_configured_proxy_are_ignored()
    {
        // A stranger cannot escape the limit by naming a new client address in every post.
        var stranger = app.ClientFrom("198.51.100.7", https: true);
        for (var i = 0; i <= RateLimitApp.AccountForms; i++)
        {
            stranger.DefaultRequestHeaders.Remove("X-Forwarded-For");
            stranger.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113." + (50 + i));
            var response = await PostForgotPasswordAsync(stranger);
            Assert.Equal(i < RateLimitApp.AccountForms ? HttpStatusCode.BadRequest : HttpStatusCode.TooManyRequests, response.StatusCode);
        }

        // Nor can it claim https or another host: plain http is sent to the public address.
        var plain = app.ClientFrom("198.51.100.8", https: false);
        plain.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        plain.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");
        var redirected = await plain.GetAsync("/account/login?returnUrl=%2Fx");
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirected.StatusCode);
        Assert.Equal("https://planwerk.example/account/login?returnUrl=%2Fx", redirected.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Through_the_proxy_pages_carry_HSTS_and_every_cookie_is_Secure()
    {
        var client = app.ThroughProxy("203.0.113.60");

        var login = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(login.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        // The request reached Planwerk over plain http: only the configured policy makes these cookies Secure.
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));

        var language = await client.GetAsync("/language/en?returnUrl=/");
        Assert.All(language.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));

        // Signing in (over https, so the client sends its Secure cookies back) sets a Secure sign-in cookie.
        var user = await app.CreateUserAsync();
        var browser = app.ClientFrom("203.0.113.61", https: true);
        var signedIn = await browser.SubmitLoginAsync(user.Email!, PlanwerkApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("planwerk.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_probes_over_plain_http_are_answered_and_not_redirected()
    {
        var probe = app.ClientFrom("10.1.1.1", https: false);

        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health")).StatusCode);
    }
}

// These tests read only pages and refused posts; they run on both databases as every test class does.
public sealed class ReverseProxySqliteTests(SqliteProxyApp app) : ReverseProxyTests(app), IClassFixture<SqliteProxyApp>;

public sealed class ReverseProxyPostgresTests(PostgresProxyApp app) : ReverseProxyTests(app), IClassFixture<PostgresProxyApp>;
