using Planwerk.Features.Services;

namespace Planwerk.Tests.Features.Services;

/// <summary>Language codes as forms and imports give them: any case, repeated, separated by commas, semicolons or blanks;
/// unknown codes are named back; the writing direction of a content language comes from the list.</summary>
public sealed class ContentLanguageCodeTests
{
    [Fact]
    public void Parse_lowers_the_case_drops_repeats_and_keeps_the_order()
    {
        var (known, unknown) = LanguageCodes.Parse("AR, fa;uk  ar\tFA\nprs");
        Assert.Equal(["ar", "fa", "uk", "prs"], known);
        Assert.Empty(unknown);
    }

    [Fact]
    public void Parse_names_each_unknown_code_once_as_written()
    {
        var (known, unknown) = LanguageCodes.Parse("de, xx, Klingonisch, xx, <script>alert(1)</script>");
        Assert.Equal(["de"], known);
        Assert.Equal(["xx", "Klingonisch", "<script>alert(1)</script>"], unknown);
    }

    [Fact]
    public void Parse_of_nothing_is_empty()
    {
        Assert.Equal((0, 0), (LanguageCodes.Parse(null).Known.Count, LanguageCodes.Parse(null).Unknown.Count));
        Assert.Empty(LanguageCodes.Parse(" ,; ").Known);
        Assert.Empty(LanguageCodes.Parse(" ,; ").Unknown);
    }

    [Fact]
    public void Find_accepts_any_case_and_surrounding_blanks_and_refuses_what_is_not_in_the_list()
    {
        Assert.Equal("uk", LanguageCodes.Find(" UK ")!.Code);
        Assert.Null(LanguageCodes.Find("ukr-UA"));
        Assert.Null(LanguageCodes.Find(""));
        Assert.Null(LanguageCodes.Find(null));
        Assert.False(LanguageCodes.IsKnown("xx"));
    }

    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("fa", "rtl")]
    [InlineData("ckb", "rtl")]
    [InlineData("ur", "rtl")]
    [InlineData("AR", "rtl")]
    [InlineData("de", "ltr")]
    [InlineData("uk", "ltr")]
    [InlineData("tr", "ltr")]
    [InlineData("xx", "ltr")]
    public void Direction_is_right_to_left_for_the_scripts_written_so(string code, string direction) =>
        Assert.Equal(direction, ContentLanguages.Direction(code));

    [Fact]
    public void The_defaults_are_known_languages_and_Arabic_and_Persian_among_them_are_right_to_left()
    {
        Assert.Equal(["en", "ar", "fa", "uk", "ru", "tr"], ContentLanguages.Defaults);
        Assert.All(ContentLanguages.Defaults, code => Assert.True(LanguageCodes.IsKnown(code)));
        Assert.Equal(["ar", "fa"], ContentLanguages.Defaults.Where(c => ContentLanguages.Direction(c) == "rtl"));
    }

    [Fact]
    public void Every_code_in_the_list_is_unique_ignoring_case() =>
        Assert.Equal(LanguageCodes.All.Count, LanguageCodes.All.Select(l => l.Code.ToLowerInvariant()).Distinct().Count());
}
