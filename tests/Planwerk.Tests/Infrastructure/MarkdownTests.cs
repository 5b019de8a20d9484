using AngleSharp.Html.Parser;
using Planwerk.Infrastructure.Markdown;

namespace Planwerk.Tests.Infrastructure;

public sealed class MarkdownTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static AngleSharp.Html.Dom.IHtmlDocument Render(string markdown, Func<int, string?>? imageUrl = null) =>
        new HtmlParser().ParseDocument("<body>" + Renderer.ToHtml(markdown, imageUrl) + "</body>");

    /// <summary>As the public plan page resolves: images 1 to 3 exist.</summary>
    private static string? PlanImage(int number) => number <= 3 ? $"/stadt/plans/7/images/{number}" : null;

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
    [InlineData("![Bild](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("![Bild](DATA:image/png;base64,iVBORw0KGgo=)")]
    [InlineData("![Bild](image:javascript:alert(1))")]
    [InlineData("[Bild](image:1) ![Bild](image:2)")]
    public void Script_links_lose_their_target(string markdown)
    {
        var document = Render(markdown, number => number == 1 ? "javascript:alert(1)" : number == 2 ? "data:text/html,<script>alert(1)</script>" : null);
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
    public void Plan_image_references_become_images_of_the_plan_and_unknown_ones_their_alternative_text()
    {
        var markdown = "Vorher ![Karte der Stadtteile](image:2) mitten ![Fehlt](image:9) und ![Auch](IMAGE:3 \"Titel\").";
        var body = Render(markdown, PlanImage).Body!;
        var images = body.QuerySelectorAll("img");
        Assert.Equal(["/stadt/plans/7/images/2", "/stadt/plans/7/images/3"], images.Select(i => i.GetAttribute("src")));
        Assert.Equal(["Karte der Stadtteile", "Auch"], images.Select(i => i.GetAttribute("alt")));
        Assert.Contains("mitten Fehlt und", body.TextContent, StringComparison.Ordinal);
        Assert.Equal([2, 9, 3], Renderer.ImageNumbers(markdown));
        Assert.Equal("Die neue Karte mit Code.", Render("![Die *neue* Karte mit `Code`](image:8).", PlanImage).Body!.TextContent.Trim());

        // Without a resolver (e.g. a preview elsewhere) no image is shown, only its words.
        var plain = Render(markdown).Body!;
        Assert.Empty(plain.QuerySelectorAll("img"));
        Assert.Contains("Vorher Karte der Stadtteile mitten Fehlt und Auch.", plain.TextContent, StringComparison.Ordinal);
        Assert.Equal([], Renderer.ImageNumbers("![Kein Planbild](https://example.org/a.png) [image:4](https://example.org) ![x](image:0) ![y](image:-1)"));
    }

    [Fact]
    public void Same_origin_and_web_images_keep_their_address()
    {
        var body = Render("![Relativ](/stadt/plans/7/images/1) ![Extern](https://example.org/bild.png)").Body!;
        Assert.Equal(["/stadt/plans/7/images/1", "https://example.org/bild.png"], body.QuerySelectorAll("img").Select(i => i.GetAttribute("src")));
    }

    [Theory]
    [InlineData(HostileText.Script)]
    [InlineData(HostileText.Markup)]
    [InlineData(HostileText.RightToLeft)]
    public void Hostile_alternative_text_stays_text(string alt)
    {
        var body = Render($"![{alt}](image:1) ![{alt}](image:8)", PlanImage).Body!;
        var image = body.QuerySelectorAll("img").Single();
        Assert.Equal("/stadt/plans/7/images/1", image.GetAttribute("src"));
        Assert.Equal(["alt", "src"], image.Attributes.Select(a => a.Name).Order());
        Assert.Equal(alt, image.GetAttribute("alt"));
        Assert.Empty(body.QuerySelectorAll("script, [onerror], img[src=x]"));
        Assert.Contains(alt, body.TextContent, StringComparison.Ordinal); // the unresolved one, as text
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
