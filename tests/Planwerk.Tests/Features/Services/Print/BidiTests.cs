using Planwerk.Features.Services.Print;

namespace Planwerk.Tests.Features.Services.Print;

/// <summary>The reordering of one printed line: what a reader sees from left to right.</summary>
public sealed class BidiTests
{
    [Fact]
    public void Latin_text_stays_as_it_is() => Assert.Equal("Beratung 9:00", Bidi.Visual("Beratung 9:00", rightToLeft: false));

    [Fact]
    public void Arabic_words_read_from_right_to_left() => Assert.Equal("ءوجللا ةراشتسا", Bidi.Visual("استشارة اللجوء", rightToLeft: true));

    [Fact]
    public void Digits_in_an_Arabic_line_stay_left_to_right() =>
        Assert.Equal("123 مقر", Bidi.Visual("رقم 123", rightToLeft: true));

    [Fact]
    // As in the Unicode algorithm (and a browser without isolation): the groups of a spaced number follow the line's direction.
    public void The_groups_of_a_phone_number_in_an_Arabic_line_run_right_to_left_each_left_to_right() =>
        Assert.Equal("1234 351 49+ :فتاهلا", Bidi.Visual("الهاتف: +49 351 1234", rightToLeft: true));

    [Fact]
    public void Each_time_in_a_Persian_line_reads_left_to_right() =>
        Assert.Equal("12:00–09:00 :هبنشود", Bidi.Visual("دوشنبه: 09:00–12:00", rightToLeft: true));

    [Fact]
    public void A_Latin_name_in_an_Arabic_line_keeps_its_order() =>
        Assert.Equal("Caritas Dresden يف", Bidi.Visual("في Caritas Dresden", rightToLeft: true));

    [Fact]
    public void Arabic_in_a_German_line_is_reversed_in_place() =>
        Assert.Equal("Name: مقر (ar)", Bidi.Visual("Name: رقم (ar)", rightToLeft: false));

    [Fact]
    public void Arabic_Indic_digits_keep_their_order_in_an_Arabic_line() =>
        Assert.Equal("١٢٣ مقر", Bidi.Visual("رقم ١٢٣", rightToLeft: true));

    [Fact]
    public void A_number_after_an_Arabic_word_in_a_German_line_stays_with_it() =>
        Assert.Equal("Tel. 24 مقر", Bidi.Visual("Tel. رقم 24", rightToLeft: false));

    [Fact]
    public void Trailing_space_goes_to_the_paragraph_level() =>
        Assert.Equal(new[] { 1, 1, 1 }, Bidi.Levels("ab ", rightToLeft: true)[2..].Prepend(1).Prepend(1).ToArray()[..3]);

    [Fact]
    public void Classes_of_letters_digits_and_marks()
    {
        Assert.Equal(BidiClass.AL, Bidi.Classify('ع'));
        Assert.Equal(BidiClass.AL, Bidi.Classify('پ'));
        Assert.Equal(BidiClass.R, Bidi.Classify('ש'));
        Assert.Equal(BidiClass.L, Bidi.Classify('Ж'));
        Assert.Equal(BidiClass.EN, Bidi.Classify('7'));
        Assert.Equal(BidiClass.EN, Bidi.Classify('۷'));
        Assert.Equal(BidiClass.AN, Bidi.Classify('٧'));
        Assert.Equal(BidiClass.NSM, Bidi.Classify('\u064E'));
        Assert.Equal(BidiClass.WS, Bidi.Classify(' '));
        Assert.Equal(BidiClass.CS, Bidi.Classify(':'));
        Assert.Equal(BidiClass.ON, Bidi.Classify('<'));
    }

    [Fact]
    public void Runs_cover_the_line_once()
    {
        var line = "الهاتف: +49 351 1234 (Deutsch, العربية)";
        var runs = Bidi.VisualRuns(line, rightToLeft: true);
        Assert.Equal(line.Length, runs.Sum(r => r.Length));
        Assert.Equal(Enumerable.Range(0, line.Length), runs.SelectMany(r => Enumerable.Range(r.Start, r.Length)).Order());
    }

    [Fact]
    public void A_phone_number_in_a_left_to_right_isolate_reads_as_one_number_in_an_Arabic_line() =>
        Assert.Equal("+49 351 1234 :فتاهلا", Bidi.Visual("الهاتف: " + Bidi.LeftToRight("+49 351 1234"), rightToLeft: true));

    [Fact]
    public void Two_times_in_a_left_to_right_isolate_keep_their_order_in_a_Persian_line()
    {
        Assert.Equal("09:00–12:00, 14:00–16:00 :هبنشود", Bidi.Visual("دوشنبه: " + Bidi.LeftToRight("09:00–12:00, 14:00–16:00"), rightToLeft: true));
        // Without the isolate the two times change places, which is why the directory isolates them.
        Assert.NotEqual("09:00–12:00, 14:00–16:00 :هبنشود", Bidi.Visual("دوشنبه: 09:00–12:00, 14:00–16:00", rightToLeft: true));
    }

    [Fact]
    public void A_Latin_name_with_a_final_full_stop_keeps_it_at_its_end_in_an_isolate()
    {
        Assert.Equal("Caritas e.V. يف", Bidi.Visual("في " + Bidi.Isolate("Caritas e.V."), rightToLeft: true));
        Assert.Equal(".Caritas e.V يف", Bidi.Visual("في Caritas e.V.", rightToLeft: true));
    }

    [Fact]
    public void A_first_strong_isolate_takes_the_direction_of_its_first_letter() =>
        Assert.Equal("Name: 24 مقر!", Bidi.Visual("Name: " + Bidi.Isolate("رقم 24") + "!", rightToLeft: false));

    [Fact]
    public void Isolate_marks_are_not_drawn_and_an_unclosed_one_runs_to_the_end_of_the_line()
    {
        var line = "الهاتف: " + Bidi.LeftToRightIsolate + "+49 351";
        Assert.Equal("+49 351 :فتاهلا", Bidi.Visual(line, rightToLeft: true));
        Assert.DoesNotContain(Bidi.VisualRuns(line, rightToLeft: true), r => line.AsSpan(r.Start, r.Length).ContainsAny("\u2066\u2068\u2069"));
    }

    [Fact]
    public void A_wrapped_isolate_is_closed_and_opened_again_on_each_line() =>
        Assert.Equal(new[] { "a \u2066+49\u2069", "\u2066351 1234\u2069 b" }, Bidi.Balance(new[] { "a \u2066+49", "351 1234\u2069 b" }));

    [Fact]
    public void Direction_controls_from_outside_are_removed_but_the_marks_stay() =>
        Assert.Equal("abc\u200Fd", Bidi.WithoutFormatting("\u202Eab\u2066c\u2069\u200Fd\u202C"));
}
