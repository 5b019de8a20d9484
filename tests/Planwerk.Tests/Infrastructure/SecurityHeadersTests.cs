using Microsoft.Extensions.DependencyInjection;
using Planwerk.Tests.Features.Plans.PublicSite;

namespace Planwerk.Tests.Infrastructure;

public abstract class SecurityHeadersTests(PlanwerkApp app)
{
    [Fact]
    public async Task Pages_api_and_errors_carry_the_security_headers_also_when_served_from_cache()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync();
        var client = app.CreateClient();

        foreach (var url in new[] { seeded.Url(m), seeded.Url(m), "/", $"/api/v1/municipalities/{m.Slug}/plans", "/health", "/gibt-es-nicht-" + Guid.NewGuid().ToString("N")[..6] })
        {
            var response = await client.GetAsync(url);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            var permissions = Assert.Single(response.Headers.GetValues("Permissions-Policy"));
            Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
            Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
            Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Server"), url + " names the server software");
        }
    }

    [Fact]
    public void Kestrel_is_told_not_to_send_a_Server_header()
    {
        // The test server never sends one; Kestrel would, unless told not to.
        var kestrel = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>().Value;

        Assert.False(kestrel.AddServerHeader);
    }

    [Fact]
    public async Task Public_pages_use_no_inline_script_or_style_that_the_policy_would_block()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync();
        foreach (var url in new[] { seeded.Url(m), seeded.Url(m) + "/document", $"{seeded.Url(m)}/measures/{seeded.Measures[0].Id}", $"{seeded.Url(m)}/search?q=a" })
        {
            var page = await app.CreateClient().GetDocumentAsync(url);
            Assert.Empty(page.QuerySelectorAll("script, style, [style]"));
        }
    }
}

public sealed class SecurityHeadersSqliteTests(SqliteApp app) : SecurityHeadersTests(app), IClassFixture<SqliteApp>;

public sealed class SecurityHeadersPostgresTests(PostgresApp app) : SecurityHeadersTests(app), IClassFixture<PostgresApp>;
