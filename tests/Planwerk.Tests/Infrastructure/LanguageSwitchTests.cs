using System.Net;
using Planwerk.Tests.Features.Plans.PublicSite;

namespace Planwerk.Tests.Infrastructure;

public sealed class LanguageSwitchTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Choosing_English_sets_the_culture_cookie_and_returns_to_the_page()
    {
        var m = await app.CreateMunicipalityAsync();
        var seeded = await m.AddPlanAsync();
        var client = app.CreateBrowserlikeClient();

        var response = await client.GetAsync("/language/en?returnUrl=" + Uri.EscapeDataString(seeded.Url(m) + "?x=1"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(seeded.Url(m) + "?x=1", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB", cookie, StringComparison.Ordinal);

        var page = await client.GetDocumentAsync(seeded.Url(m));
        Assert.Equal("Guiding principles", page.QuerySelector("#principles-heading")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href^='/language/de']"));

        await client.GetAsync("/language/de?returnUrl=/");
        Assert.Equal("Leitlinien", (await client.GetDocumentAsync(seeded.Url(m))).QuerySelector("#principles-heading")!.TextContent);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("\\\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task Only_local_return_addresses_are_followed(string returnUrl)
    {
        var response = await app.CreateBrowserlikeClient().GetAsync("/language/en?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unsupported_language_answers_404()
    {
        var response = await app.CreateBrowserlikeClient().GetAsync("/language/fr?returnUrl=/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}
