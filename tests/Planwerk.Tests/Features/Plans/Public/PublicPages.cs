using AngleSharp.Dom;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.PublicSite;

public static class PublicPages
{
    /// <summary>The text of the description beside a term in a facts list (dl.facts).</summary>
    public static string Fact(this IDocument document, string term)
    {
        var dt = document.QuerySelectorAll("dl.facts dt").FirstOrDefault(d => d.TextContent.Trim() == term)
            ?? throw new InvalidOperationException($"No fact '{term}' on the page; there are: {string.Join(", ", document.QuerySelectorAll("dl.facts dt").Select(d => d.TextContent.Trim()))}");
        return Normalize(dt.NextElementSibling!.TextContent);
    }

    /// <summary>Collapses white space (and the no-break spaces of number formats) to single spaces.</summary>
    public static string Normalize(string text) => string.Join(' ', text.Replace('\u00a0', ' ').Replace('\u202f', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A client whose interface language is English, chosen through the language switch.</summary>
    public static async Task<HttpClient> EnglishClientAsync(this PlanwerkApp app)
    {
        var client = app.CreateBrowserlikeClient();
        var response = await client.GetAsync("/language/en?returnUrl=/");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
