using AngleSharp.Html.Parser;
using Planwerk.Infrastructure.Markdown;

namespace Planwerk.Tests.Infrastructure;

public sealed class MarkdownTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static AngleSharp.Html.Dom.IHtmlDocument Render(string markdown) =>
        new HtmlParser().ParseDocument("<body>" + Renderer.ToHtml(markdown) + "</body>");

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Text <script>alert(1)</script> mitten drin")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<div onclick=\"alert(1)\">Klick</div>")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>")]
    [InlineData("<style>body{display:none}</style>")]
    public void Raw_HTML_is_shown_as_text_not_run(string markdown)
    {
        var document = Render(markdown);
        Assert.Empty(document.Body!.QuerySelectorAll("script, img, iframe, style, div"));
        Assert.Contains("<", document.Body.TextContent, StringComparison.Ordinal); // the reader sees the markup as text
    }

    [Theory]
    [InlineData("[Klick](javascript:alert(1))")]
    [InlineData("[Klick](JaVaScRiPt:alert(1))")]
    [InlineData("[Klick](  javascript:alert(1))")]
    [InlineData("[Klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[Klick](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![Bild](javascript:alert(1))")]
    public void Script_links_lose_their_target(string markdown)
    {
        var document = Render(markdown);
        var targets = document.Body!.QuerySelectorAll("*")
            .SelectMany(e => e.Attributes).Where(a => a.Name is "href" or "src").Select(a => a.Value.Trim()).ToList();
        Assert.DoesNotContain(targets, t => t.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || t.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("![Bild](https://example.org/a.png){onerror=alert(1)}")]
    [InlineData("[Link](https://example.org){onclick=alert(1) style=\"color:red\"}")]
    [InlineData("# Titel {onmouseover=alert(1)}")]
    public void Event_handler_and_style_attributes_are_removed(string markdown)
    {
        var document = Render(markdown);
        var attributes = document.Body!.QuerySelectorAll("*").SelectMany(e => e.Attributes).Select(a => a.Name).ToList();
        Assert.DoesNotContain(attributes, a => a.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("style", attributes);
    }

    [Fact]
    public void Ordinary_Markdown_renders()
    {
        var document = Render("""
            Ein *betonter* und ein **starker** Satz mit [Link](https://www.dresden.de/) und <https://example.org>.

            - erstens
            - zweitens

            1. eins
            2. zwei

            | Jahr | Zuweisungen |
            | ---- | ----------- |
            | 2015 | 4178 |
            | 2016 | 1839 |
            """);
        var body = document.Body!;
        Assert.Equal("betonter", body.QuerySelector("em")!.TextContent);
        Assert.Equal("starker", body.QuerySelector("strong")!.TextContent);
        Assert.Equal("https://www.dresden.de/", body.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(2, body.QuerySelectorAll("a").Length);
        Assert.Equal(["erstens", "zweitens"], body.QuerySelectorAll("ul > li").Select(li => li.TextContent));
        Assert.Equal(2, body.QuerySelectorAll("ol > li").Length);
        Assert.Equal(["Jahr", "Zuweisungen"], body.QuerySelectorAll("table th").Select(th => th.TextContent));
        Assert.Equal(4, body.QuerySelectorAll("table td").Length);
    }

    [Fact]
    public void Empty_text_renders_nothing()
    {
        Assert.Equal("", Renderer.ToHtml(null));
        Assert.Equal("", Renderer.ToHtml("   "));
    }
}
