using Planwerk.Features.Demo;
using Planwerk.Tests.Features.Demo;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>The demo municipality's registry: example organisations of every kind, marked as examples,
/// with example.org contact data only. One database suffices: this is content, not a query.</summary>
public sealed class DemoStakeholderTests(DemoSqliteApp app) : IClassFixture<DemoSqliteApp>
{
    [Fact]
    public async Task Demo_lists_example_organisations_of_every_kind_marked_as_examples()
    {
        var page = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{DemoContent.Slug}/stakeholders");

        var kinds = page.QuerySelectorAll("section.stakeholder-kind h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["Behörde, öffentliche Stelle", "Freie Wohlfahrtspflege", "Zivilgesellschaftliche Initiative", "Migrantenorganisation", "Politisches Gremium"], kinds);
        var entries = page.QuerySelectorAll("ul.stakeholders > li").ToList();
        Assert.True(entries.Count >= 10, $"only {entries.Count} example organisations");
        Assert.All(entries, e =>
        {
            Assert.StartsWith("Beispiel-", e.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Beispielinhalt", e.TextContent, StringComparison.Ordinal);
            Assert.All(e.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!), href => Assert.Contains("example.org", href, StringComparison.Ordinal));
        });
    }
}
