using Microsoft.AspNetCore.Html;

namespace Planwerk.Features.Plans.Versions;

/// <summary>Word differences as HTML: unchanged text as it is, removed text in <c>&lt;del&gt;</c>,
/// inserted text in <c>&lt;ins&gt;</c>, each with a hidden word for screen readers (struck through and
/// underlined as well, so not by colour alone). Only the fixed tags are markup: every piece of text
/// goes through <see cref="HtmlContentBuilder.Append"/>, which encodes it, so user text never becomes HTML.</summary>
public static class DiffHtml
{
    public static IHtmlContent Render(IEnumerable<DiffPart> parts, string removedLabel, string insertedLabel)
    {
        var html = new HtmlContentBuilder();
        foreach (var part in parts)
        {
            switch (part.Kind)
            {
                case DiffPartKind.Same:
                    html.Append(part.Text);
                    break;
                case DiffPartKind.Removed:
                    Marked(html, "del", removedLabel, part.Text);
                    break;
                default:
                    Marked(html, "ins", insertedLabel, part.Text);
                    break;
            }
        }
        return html;
    }

    /// <summary>A whole value replaced by another: old struck, an arrow, new inserted.</summary>
    public static IHtmlContent Replaced(string oldText, string newText, string removedLabel, string insertedLabel)
    {
        var html = new HtmlContentBuilder();
        Marked(html, "del", removedLabel, oldText);
        html.AppendHtml(" → ");
        Marked(html, "ins", insertedLabel, newText);
        return html;
    }

    private static void Marked(HtmlContentBuilder html, string tag, string label, string text)
    {
        html.AppendHtml("<" + tag + "><span class=\"visually-hidden\">[");
        html.Append(label);
        html.AppendHtml(" </span>");
        html.Append(text);
        html.AppendHtml("<span class=\"visually-hidden\">]</span></" + tag + ">");
    }
}
