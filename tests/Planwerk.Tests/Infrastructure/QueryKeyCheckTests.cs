using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Infrastructure;

namespace Planwerk.Tests.Infrastructure;

/// <summary>The check that every cached page varies by the query keys it reads (on in every test host): shown here on a
/// bare host with two endpoints, one that names its key and one that does not.</summary>
public sealed class QueryKeyCheckTests
{
    private static async Task<WebApplication> StartAsync(bool check)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddOutputCache();
        var app = builder.Build();
        app.UseOutputCache();
        if (check) app.UseQueryKeyCheck();
        app.MapGet("/named", (HttpContext c) => "q=" + c.Request.Query["q"]).CacheOutput(PublicPageCache.VaryingBy("q"));
        app.MapGet("/unnamed", (HttpContext c) => "secret=" + c.Request.Query["secret"]).CacheOutput(PublicPageCache.VaryingBy("q"));
        app.MapGet("/bound", (string? secret) => "secret=" + secret).CacheOutput(PublicPageCache.VaryingBy());
        await app.StartAsync();
        return app;
    }

    [Fact]
    public async Task Without_the_check_a_page_reading_an_unnamed_key_serves_one_visitors_answer_to_another()
    {
        await using var app = await StartAsync(check: false);
        var client = app.GetTestClient();
        Assert.Equal("secret=mine", await client.GetStringAsync("/unnamed?secret=mine"));
        // This is the defect the check exists for: the second visitor gets the first one's answer.
        Assert.Equal("secret=mine", await client.GetStringAsync("/unnamed?secret=yours"));
    }

    [Fact]
    public async Task The_check_fails_a_cached_page_that_reads_a_key_it_does_not_vary_by()
    {
        await using var app = await StartAsync(check: true);
        var client = app.GetTestClient();

        var read = await Assert.ThrowsAnyAsync<Exception>(() => client.GetStringAsync("/unnamed?secret=mine"));
        Assert.Contains("'secret'", read.ToString(), StringComparison.Ordinal);
        // Model binding reads through the same query: a bound parameter the cache does not vary by fails too.
        var bound = await Assert.ThrowsAnyAsync<Exception>(() => client.GetStringAsync("/bound?secret=mine"));
        Assert.Contains("'secret'", bound.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_lets_a_page_read_its_named_keys_and_ignores_unread_ones()
    {
        await using var app = await StartAsync(check: true);
        var client = app.GetTestClient();

        Assert.Equal("q=a", await client.GetStringAsync("/named?q=a&junk=1"));
        Assert.Equal("q=b", await client.GetStringAsync("/named?q=b"));
        // A made-up key is not a question of its own: the cached answer for q=a is served.
        Assert.Equal("q=a", await client.GetStringAsync("/named?q=a&other=2"));
        // A request the cache neither serves nor stores may read what it likes.
        using var authorized = new HttpRequestMessage(HttpMethod.Get, "/unnamed?secret=mine");
        authorized.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "x");
        var answer = await client.SendAsync(authorized);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("secret=mine", await answer.Content.ReadAsStringAsync());
    }
}
