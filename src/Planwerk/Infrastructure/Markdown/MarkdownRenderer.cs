using Ganss.Xss;
using System.Globalization;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
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

    /// <summary>The prefix by which a plan's sections refer to the plan's own images: <c>![alt text](image:3)</c>.</summary>
    public const string ImagePrefix = "image:";

    /// <summary>Safe HTML for <paramref name="markdown"/>. Images written <c>image:N</c> get the address
    /// <paramref name="imageUrl"/> gives for N; without one, or when it gives null, such an image is
    /// shown as its alternative text.</summary>
    public string ToHtml(string? markdown, Func<int, string?>? imageUrl = null)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdig.Markdown.Parse(markdown, pipeline);
        ResolvePlanImages(document, imageUrl);
        var html = document.ToHtml(pipeline);
        return sanitizer.Sanitize(html);
    }

    public IHtmlContent Render(string? markdown, Func<int, string?>? imageUrl = null) => new HtmlString(ToHtml(markdown, imageUrl));

    /// <summary>The numbers of the plan images <paramref name="markdown"/> refers to, in order of appearance.</summary>
    public IReadOnlyList<int> ImageNumbers(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return [];
        return Markdig.Markdown.Parse(markdown, pipeline).Descendants<LinkInline>()
            .Select(link => PlanImageNumber(link.Url)).OfType<int>().ToList();
    }

    private static int? PlanImageNumber(string? url) =>
        url is not null && url.StartsWith(ImagePrefix, StringComparison.OrdinalIgnoreCase)
        && int.TryParse(url.AsSpan(ImagePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number : null;

    /// <summary>The words inside a link or image, nested emphasis and code included, each once.</summary>
    private static string PlainText(ContainerInline container)
    {
        var text = new System.Text.StringBuilder();
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline inner:
                    text.Append(PlainText(inner));
                    break;
            }
        }
        return text.ToString();
    }

    private static void ResolvePlanImages(MarkdownDocument document, Func<int, string?>? imageUrl)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!link.Url?.StartsWith(ImagePrefix, StringComparison.OrdinalIgnoreCase) ?? true) continue;
            var url = PlanImageNumber(link.Url) is int number ? imageUrl?.Invoke(number) : null;
            if (url is not null)
            {
                link.Url = url;
                continue;
            }
            // Unknown or unresolved: keep the words, drop the reference (a link's text, an image's alternative text).
            link.ReplaceBy(new LiteralInline(PlainText(link)), copyChildren: false);
        }
    }
}
