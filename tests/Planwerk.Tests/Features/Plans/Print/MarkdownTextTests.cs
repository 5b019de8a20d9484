using Planwerk.Features.Plans.Print;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Print;

/// <summary>Markdown becomes plain paragraphs and list items for the PDF.</summary>
public sealed class MarkdownTextTests
{
    [Fact]
    public void Paragraphs_keep_their_text_and_strong_emphasis_turns_bold()
    {
        var paragraphs = MarkdownText.ToParagraphs("Erster **wichtiger** Satz\nmit Umbruch.\n\nZweiter _Absatz_.");

        Assert.Equal(["Erster wichtiger Satz mit Umbruch.", "Zweiter Absatz."], paragraphs.Select(p => p.PlainText));
        Assert.Equal([false, true, false], paragraphs[0].Runs.Select(r => r.Bold));
        Assert.Equal("wichtiger", paragraphs[0].Runs[1].Text);
    }

    [Fact]
    public void Lists_become_items_with_markers_and_nested_levels()
    {
        var paragraphs = MarkdownText.ToParagraphs("- eins\n- zwei\n  1. innen\n  2. weiter\n\n3. drei\n4. vier");

        Assert.Equal(
            [("eins", 1, "•"), ("zwei", 1, "•"), ("innen", 2, "1."), ("weiter", 2, "2."), ("drei", 1, "3."), ("vier", 1, "4.")],
            paragraphs.Select(p => (p.PlainText, p.Level, p.Marker!)));
    }

    [Fact]
    public void Links_keep_their_address_and_no_syntax_is_left()
    {
        var paragraphs = MarkdownText.ToParagraphs("# Titel\n\nSiehe [Seite](https://example.org) und <https://example.com>, `Code` &amp; > Zitat\n\n> zitiert\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        var text = string.Join("\n", paragraphs.Select(p => p.PlainText));
        Assert.Equal("Titel\nSiehe Seite (https://example.org) und https://example.com, Code & > Zitat\nzitiert\na | b\n1 | 2", text);
        Assert.True(paragraphs[0].Runs.Single().Bold);
    }

    [Fact]
    public void Raw_html_is_kept_as_literal_text()
    {
        var paragraphs = MarkdownText.ToParagraphs(HostileText.Script + " " + HostileText.Markup);

        Assert.Equal(HostileText.Script + " " + HostileText.Markup, Assert.Single(paragraphs).PlainText);
    }

    [Fact]
    public void Plan_images_become_paragraphs_of_their_own_and_other_images_their_text_in_brackets()
    {
        var paragraphs = MarkdownText.ToParagraphs(
            "Vorher ![Karte **der** Stadt](image:3) nachher.\n\n![](image:4)\n\n- ![Plan im Punkt](IMAGE:5)\n\nSiehe ![Logo](https://example.org/logo.png) und ![x](image:0).");

        Assert.Equal(
            [("Vorher", null), ("[Karte der Stadt]", new ImageReference(3, "Karte der Stadt")), ("nachher.", null), ("", new ImageReference(4, "")),
                ("[Plan im Punkt]", new ImageReference(5, "Plan im Punkt")), ("Siehe [Logo] und [x].", null)],
            paragraphs.Select(p => (p.PlainText, p.Image)));
        Assert.Equal([null, null, null, null, "•", null], paragraphs.Select(p => p.Marker));
        Assert.Equal(1, paragraphs[4].Level);
    }

    [Fact]
    public void Empty_text_gives_no_paragraphs()
    {
        Assert.Empty(MarkdownText.ToParagraphs(null));
        Assert.Empty(MarkdownText.ToParagraphs("  \n\n "));
    }
}
