using Planwerk.Features.Services;

namespace Planwerk.Tests.Features.Services;

/// <summary>How a translated text is shown: the same German text always has the same fingerprint; a missing translation
/// falls back to German and says so; a translation of an older German text is outdated; an empty source is nothing to
/// translate, not a missing translation.</summary>
public sealed class ServiceTranslationTextTests
{
    private static Translations Arabic(params (int Id, string Field, string Text, string Source)[] rows) =>
        new("ar", rows.ToDictionary(r => (r.Id, r.Field), r => (r.Text, ServiceTexts.Fingerprint(r.Source))));

    [Fact]
    public void The_fingerprint_is_stable_and_ignores_line_ends_and_surrounding_blanks_but_not_the_words()
    {
        var fingerprint = ServiceTexts.Fingerprint("Beratung\nohne Termin");
        Assert.Equal(16, fingerprint.Length);
        Assert.Matches("^[0-9A-F]{16}$", fingerprint);
        Assert.Equal(fingerprint, ServiceTexts.Fingerprint("Beratung\nohne Termin"));
        Assert.Equal(fingerprint, ServiceTexts.Fingerprint("  Beratung\r\nohne Termin\n"));
        Assert.NotEqual(fingerprint, ServiceTexts.Fingerprint("Beratung\nmit Termin"));
        Assert.NotEqual(fingerprint, ServiceTexts.Fingerprint("beratung\nohne Termin"));
        Assert.Equal(ServiceTexts.Fingerprint(""), ServiceTexts.Fingerprint(null));
    }

    [Fact]
    public void A_current_translation_is_shown_in_its_language_right_to_left()
    {
        var shown = Arabic((1, "Name", "استشارة", "Beratung")).Of(1, "Name", "Beratung");
        Assert.Equal(new ShownText("استشارة", "ar", IsFallback: false, IsOutdated: false), shown);
        Assert.Equal("rtl", shown.Direction);
    }

    [Fact]
    public void A_missing_translation_falls_back_to_German_marked_as_fallback_left_to_right()
    {
        var translations = Arabic((1, "Name", "استشارة", "Beratung"));
        var shown = translations.Of(1, "Description", "Ohne Termin.");
        Assert.Equal(new ShownText("Ohne Termin.", "de", IsFallback: true, IsOutdated: false), shown);
        Assert.Equal("ltr", shown.Direction);
        // Another entity's translation of the same field is not this one's.
        Assert.True(translations.Of(2, "Name", "Beratung").IsFallback);
    }

    [Fact]
    public void A_translation_is_outdated_when_the_German_source_changed_since_and_current_again_for_the_old_text()
    {
        var translations = Arabic((1, "Description", "بدون موعد", "Ohne Termin."));
        var changed = translations.Of(1, "Description", "Nur mit Termin.");
        Assert.Equal(new ShownText("بدون موعد", "ar", IsFallback: false, IsOutdated: true), changed);
        Assert.False(translations.Of(1, "Description", "Ohne Termin.").IsOutdated);
        // A changed line end is no change of the text.
        Assert.False(translations.Of(1, "Description", "Ohne Termin.\r\n").IsOutdated);
    }

    [Fact]
    public void An_empty_source_is_nothing_to_translate_not_a_fallback_even_with_a_translation_left()
    {
        Assert.Equal(new ShownText("", "de", IsFallback: false, IsOutdated: false), Arabic().Of(1, "Costs", ""));
        Assert.Equal(new ShownText("", "de", IsFallback: false, IsOutdated: false), Arabic((1, "Costs", "مجاني", "Kostenlos")).Of(1, "Costs", ""));
    }

    [Fact]
    public void German_asked_for_is_the_source_itself()
    {
        var german = new Translations("de", new() { [(1, "Name")] = ("Sollte nie gezeigt werden", ServiceTexts.Fingerprint("Beratung")) });
        Assert.Equal(new ShownText("Beratung", "de", false, false), german.Of(1, "Name", "Beratung"));
    }
}
