using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Planwerk.Infrastructure.Markdown;

/// <summary>Renders the Markdown that editors write into HTML that is safe to show: Markdig
/// converts, with raw HTML disabled, and an allow-list sanitizer cleans the result.</summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var html = Markdig.Markdown.ToHtml(markdown, pipeline);
        return sanitizer.Sanitize(html);
    }

    public IHtmlContent Render(string? markdown) => new HtmlString(ToHtml(markdown));
}
