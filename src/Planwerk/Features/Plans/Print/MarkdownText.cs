using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Planwerk.Infrastructure.Markdown;

namespace Planwerk.Features.Plans.Print;

/// <summary>A plan image a section refers to (<c>![alt text](image:3)</c>): its number and alternative text.</summary>
public sealed record ImageReference(int Number, string AltText);

/// <summary>A piece of text in one weight. A run standing for a plan image carries the
/// <see cref="Image"/>; its text ("[alt text]") is what is printed where the image cannot be drawn.</summary>
public sealed record TextRun(string Text, bool Bold = false)
{
    public ImageReference? Image { get; init; }
}

/// <summary>A paragraph of plain text for the PDF: its runs, how deep it is indented (list and quote
/// levels) and the marker in front of it ("•", "3.") if it starts a list item.</summary>
public sealed record TextParagraph(IReadOnlyList<TextRun> Runs, int Level = 0, string? Marker = null)
{
    /// <summary>Set when the paragraph is a plan image alone; its runs are the image's text in brackets.</summary>
    public ImageReference? Image { get; init; }

    public string PlainText => string.Concat(Runs.Select(r => r.Text));
}

/// <summary>Turns the Markdown that editors write into plain paragraphs and list items for the PDF:
/// Markdig parses it (raw HTML disabled, as on the web pages) and the syntax tree is walked, so no
/// Markdown syntax is ever printed. Strong emphasis stays bold; links keep their address in brackets.
/// A plan image (<c>![alt](image:3)</c>) becomes a paragraph of its own with <see cref="TextParagraph.Image"/>
/// set, so the PDF can draw it; other images are their alternative text in brackets.</summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    public static IReadOnlyList<TextParagraph> ToParagraphs(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return [];
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var paragraphs = new List<TextParagraph>();
        AddBlocks(document, 0, paragraphs);
        return paragraphs;
    }

    private static void AddBlocks(ContainerBlock container, int level, List<TextParagraph> into)
    {
        foreach (var block in container)
            AddBlock(block, level, null, into);
    }

    private static void AddBlock(Block block, int level, string? marker, List<TextParagraph> into)
    {
        switch (block)
        {
            case HeadingBlock heading:
                Add(into, Inlines(heading.Inline, bold: true), level, marker);
                break;
            case ParagraphBlock paragraph:
                Add(into, Inlines(paragraph.Inline, bold: false), level, marker);
                break;
            case CodeBlock code: // fenced or indented: its lines as they are
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                {
                    Add(into, [new TextRun(line.Slice.ToString())], level, marker);
                    marker = null;
                }
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var itemMarker = list.IsOrdered ? number.ToString(CultureInfo.InvariantCulture) + "." : "•";
                    number++;
                    var first = true;
                    foreach (var child in item)
                    {
                        // The marker goes in front of the item's first paragraph; nested blocks indent one level more.
                        AddBlock(child, level + 1, first ? itemMarker : null, into);
                        first = false;
                    }
                }
                break;
            case Table table:
                foreach (var row in table.OfType<TableRow>())
                {
                    var cells = row.OfType<TableCell>().Select(c => string.Join(" ", c.OfType<LeafBlock>().Select(l => Plain(Inlines(l.Inline, false)))));
                    Add(into, [new TextRun(string.Join(" | ", cells), row.IsHeader)], level, marker);
                    marker = null;
                }
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                    AddBlock(child, level + 1, null, into);
                break;
            case ThematicBreakBlock:
                break;
            case ContainerBlock other:
                foreach (var child in other)
                    AddBlock(child, level, marker, into);
                break;
            case LeafBlock leaf when leaf.Inline is not null:
                Add(into, Inlines(leaf.Inline, bold: false), level, marker);
                break;
            case LeafBlock leaf:
                var text = string.Join(" ", leaf.Lines.Lines.Take(leaf.Lines.Count).Select(l => l.Slice.ToString()));
                if (!string.IsNullOrWhiteSpace(text)) Add(into, [new TextRun(text)], level, marker);
                break;
        }
    }

    /// <summary>Adds the runs as a paragraph; plan images among them become paragraphs of their own,
    /// splitting the text around them.</summary>
    private static void Add(List<TextParagraph> into, List<TextRun> runs, int level, string? marker)
    {
        var text = new List<TextRun>();
        void Flush()
        {
            if (text.Count > 0 && !text.All(r => string.IsNullOrWhiteSpace(r.Text)))
            {
                into.Add(new TextParagraph(Trim(text), level, marker));
                marker = null;
            }
            text.Clear();
        }
        foreach (var run in runs)
        {
            if (run.Image is null)
            {
                text.Add(run);
                continue;
            }
            Flush();
            into.Add(new TextParagraph([run], level, marker) { Image = run.Image });
            marker = null;
        }
        Flush();
    }

    /// <summary>The runs without the spaces left at the edges where an image was taken out.</summary>
    private static List<TextRun> Trim(List<TextRun> runs)
    {
        var trimmed = runs.ToList();
        trimmed[0] = trimmed[0] with { Text = trimmed[0].Text.TrimStart() };
        trimmed[^1] = trimmed[^1] with { Text = trimmed[^1].Text.TrimEnd() };
        return trimmed.Where(r => r.Text.Length > 0).ToList();
    }

    /// <summary>The number in a plan image reference "image:3", or null for any other address.</summary>
    public static int? PlanImageNumber(string? url) =>
        url is not null && url.StartsWith(MarkdownRenderer.ImagePrefix, StringComparison.OrdinalIgnoreCase)
        && int.TryParse(url.AsSpan(MarkdownRenderer.ImagePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number : null;

    private static string Plain(List<TextRun> runs) => string.Concat(runs.Select(r => r.Text));

    private static List<TextRun> Inlines(ContainerInline? container, bool bold)
    {
        var runs = new List<TextRun>();
        if (container is not null) AddInlines(container, bold, runs);
        return Merge(runs);
    }

    private static void AddInlines(ContainerInline container, bool bold, List<TextRun> runs)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    runs.Add(new TextRun(literal.Content.ToString(), bold));
                    break;
                case CodeInline code:
                    runs.Add(new TextRun(code.Content, bold));
                    break;
                case LineBreakInline:
                    runs.Add(new TextRun(" ", bold));
                    break;
                case HtmlEntityInline entity:
                    runs.Add(new TextRun(entity.Transcoded.ToString(), bold));
                    break;
                case AutolinkInline autolink:
                    runs.Add(new TextRun(autolink.Url, bold));
                    break;
                case HtmlInline html: // only if raw HTML were enabled: print it as the text it is
                    runs.Add(new TextRun(html.Tag, bold));
                    break;
                case LinkInline { IsImage: true } image:
                    var alt = new List<TextRun>();
                    AddInlines(image, bold, alt);
                    var altText = Plain(alt).Trim();
                    if (PlanImageNumber(image.Url) is int number)
                        runs.Add(new TextRun(altText.Length > 0 ? "[" + altText + "]" : "", bold) { Image = new ImageReference(number, altText) });
                    else if (altText.Length > 0)
                        runs.Add(new TextRun("[" + altText + "]", bold));
                    break;
                case LinkInline link:
                    var before = runs.Count;
                    AddInlines(link, bold, runs);
                    var label = string.Concat(runs.Skip(before).Select(r => r.Text));
                    if (!string.IsNullOrEmpty(link.Url) && !string.Equals(label, link.Url, StringComparison.Ordinal))
                        runs.Add(new TextRun(" (" + link.Url + ")", bold));
                    break;
                case EmphasisInline emphasis:
                    AddInlines(emphasis, bold || emphasis.DelimiterCount >= 2, runs);
                    break;
                case ContainerInline other:
                    AddInlines(other, bold, runs);
                    break;
            }
        }
    }

    /// <summary>Joins neighbouring runs of the same weight, so words are not split between runs.</summary>
    private static List<TextRun> Merge(List<TextRun> runs)
    {
        var merged = new List<TextRun>();
        var text = new StringBuilder();
        bool? weight = null;
        foreach (var run in runs)
        {
            if (run.Image is not null)
            {
                // An image stays a run of its own.
                if (weight is not null && text.Length > 0) merged.Add(new TextRun(text.ToString(), weight.Value));
                text.Clear();
                weight = null;
                merged.Add(run);
                continue;
            }
            if (weight is not null && weight != run.Bold)
            {
                merged.Add(new TextRun(text.ToString(), weight.Value));
                text.Clear();
            }
            weight = run.Bold;
            text.Append(run.Text);
        }
        if (weight is not null && text.Length > 0) merged.Add(new TextRun(text.ToString(), weight.Value));
        return merged;
    }
}
