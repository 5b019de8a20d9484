using System.Globalization;

namespace Planwerk.Features.Services.Print;

/// <summary>A stretch of a line at one bidi embedding level: even levels run left to right, odd ones right to left.</summary>
public readonly record struct BidiRun(int Start, int Length, int Level)
{
    public bool IsRightToLeft => Level % 2 == 1;
}

/// <summary>The bidi classes <see cref="Bidi"/> tells apart (a subset of Unicode's).</summary>
public enum BidiClass
{
    /// <summary>Left-to-right letter.</summary>
    L,
    /// <summary>Right-to-left letter (Hebrew and other right-to-left scripts).</summary>
    R,
    /// <summary>Arabic letter (Arabic, Persian, Urdu).</summary>
    AL,
    /// <summary>European digit (ASCII and the Persian "extended Arabic-Indic" digits).</summary>
    EN,
    /// <summary>Arabic-Indic digit and Arabic number separators.</summary>
    AN,
    /// <summary>Plus and minus between numbers.</summary>
    ES,
    /// <summary>Number prefix or suffix (#, $, %, °, currency signs).</summary>
    ET,
    /// <summary>Separator inside a number (comma, full stop, colon, slash, no-break space).</summary>
    CS,
    /// <summary>Combining mark: takes the class of the character before it.</summary>
    NSM,
    /// <summary>White space.</summary>
    WS,
    /// <summary>Any other neutral (punctuation, symbols, format characters).</summary>
    ON,
}

/// <summary>The reordering of one line of mixed-direction text for drawing, after the Unicode Bidirectional
/// Algorithm (UAX #9) without explicit embeddings, isolates or bracket pairs: resolving weak types (W1–W7), neutrals
/// (N1–N2), implicit levels (I1–I2) and reordering (L1–L2). That is enough for a line of Arabic or Persian with Latin
/// names, digits, phone numbers and punctuation, which is what the directory PDF prints; brackets are mirrored by the
/// shaper when it draws a right-to-left run. No bidi library is available from NuGet here.</summary>
public static class Bidi
{
    public static BidiClass Classify(char c)
    {
        if (c is >= '0' and <= '9' || c is >= '\u06F0' and <= '\u06F9') return BidiClass.EN;
        if (c is >= '\u0660' and <= '\u0669' || c is '\u066B' or '\u066C' || c is >= '\u0600' and <= '\u0605') return BidiClass.AN;
        if (c is '+' or '-' or '\u2212') return BidiClass.ES;
        if (c is '#' or '$' or '%' or '°' or '\u00B1' or '\u066A' or '\u2030' or '\u2031') return BidiClass.ET;
        if (c is ',' or '.' or ':' or '/' or '\u00A0' or '\u060C' or '\u202F') return BidiClass.CS;
        if (char.IsWhiteSpace(c)) return BidiClass.WS;
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) return BidiClass.NSM;
        if (category == UnicodeCategory.CurrencySymbol) return BidiClass.ET;
        if (c is >= '\u0590' and <= '\u05FF' or >= '\u07C0' and <= '\u085F' or >= '\uFB1D' and <= '\uFB4F') return RightToLeftLetter(category, BidiClass.R);
        if (c is >= '\u0600' and <= '\u07BF' or >= '\u0860' and <= '\u08FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFE')
            return RightToLeftLetter(category, BidiClass.AL);
        if (char.IsLetter(c) || category is UnicodeCategory.SpacingCombiningMark or UnicodeCategory.LetterNumber) return BidiClass.L;
        return BidiClass.ON;
    }

    // Punctuation in the Arabic block (، ؛ ؟) is strong AL in Unicode too; only spaces and format characters there are not.
    private static BidiClass RightToLeftLetter(UnicodeCategory category, BidiClass strong) =>
        category is UnicodeCategory.SpaceSeparator or UnicodeCategory.Format ? BidiClass.ON : strong;

    /// <summary>The embedding level of each character of a line whose paragraph runs right to left or not.</summary>
    public static int[] Levels(string line, bool rightToLeft)
    {
        var n = line.Length;
        var types = new BidiClass[n];
        for (var i = 0; i < n; i++) types[i] = Classify(line[i]);
        var sos = rightToLeft ? BidiClass.R : BidiClass.L;

        // W1: a combining mark takes the type of the character before it.
        for (var i = 0; i < n; i++)
            if (types[i] == BidiClass.NSM) types[i] = i == 0 ? sos : types[i - 1];

        // W2: a European digit after an Arabic letter is an Arabic number. W3: Arabic letters are R from here on.
        var lastStrong = sos;
        for (var i = 0; i < n; i++)
        {
            if (types[i] is BidiClass.L or BidiClass.R or BidiClass.AL) lastStrong = types[i];
            else if (types[i] == BidiClass.EN && lastStrong == BidiClass.AL) types[i] = BidiClass.AN;
        }
        for (var i = 0; i < n; i++)
            if (types[i] == BidiClass.AL) types[i] = BidiClass.R;

        // W4: one separator between two numbers of the same kind joins them (a plus or minus only European ones).
        for (var i = 1; i < n - 1; i++)
        {
            if (types[i] == BidiClass.ES && types[i - 1] == BidiClass.EN && types[i + 1] == BidiClass.EN) types[i] = BidiClass.EN;
            else if (types[i] == BidiClass.CS && types[i - 1] is BidiClass.EN or BidiClass.AN && types[i + 1] == types[i - 1]) types[i] = types[i - 1];
        }

        // W5: prefixes and suffixes next to European digits belong to the number.
        for (var i = 0; i < n; i++)
        {
            if (types[i] != BidiClass.ET) continue;
            var end = i;
            while (end < n && types[end] == BidiClass.ET) end++;
            var touchesNumber = (i > 0 && types[i - 1] == BidiClass.EN) || (end < n && types[end] == BidiClass.EN);
            if (touchesNumber)
                for (var j = i; j < end; j++) types[j] = BidiClass.EN;
            i = end - 1;
        }

        // W6: other separators and terminators are neutral.
        for (var i = 0; i < n; i++)
            if (types[i] is BidiClass.ES or BidiClass.ET or BidiClass.CS) types[i] = BidiClass.ON;

        // W7: European digits in left-to-right context are left to right.
        lastStrong = sos;
        for (var i = 0; i < n; i++)
        {
            if (types[i] is BidiClass.L or BidiClass.R) lastStrong = types[i];
            else if (types[i] == BidiClass.EN && lastStrong == BidiClass.L) types[i] = BidiClass.L;
        }

        // N1, N2: neutrals between two of the same direction take it (numbers count as R); the rest take the paragraph's.
        for (var i = 0; i < n; i++)
        {
            if (types[i] is not (BidiClass.WS or BidiClass.ON)) continue;
            var end = i;
            while (end < n && types[end] is BidiClass.WS or BidiClass.ON) end++;
            var before = i == 0 ? sos : StrongDirection(types[i - 1]);
            var after = end == n ? sos : StrongDirection(types[end]);
            var resolved = before == after ? before : sos;
            for (var j = i; j < end; j++) types[j] = resolved;
            i = end - 1;
        }

        // I1, I2: implicit levels.
        var paragraph = rightToLeft ? 1 : 0;
        var levels = new int[n];
        for (var i = 0; i < n; i++)
        {
            levels[i] = (paragraph, types[i]) switch
            {
                (0, BidiClass.R) => 1,
                (0, BidiClass.AN or BidiClass.EN) => 2,
                (1, BidiClass.L or BidiClass.EN or BidiClass.AN) => 2,
                _ => paragraph,
            };
        }

        // L1: white space at the end of the line goes back to the paragraph level.
        for (var i = n - 1; i >= 0 && char.IsWhiteSpace(line[i]); i--) levels[i] = paragraph;
        return levels;
    }

    private static BidiClass StrongDirection(BidiClass type) => type is BidiClass.R or BidiClass.EN or BidiClass.AN ? BidiClass.R : BidiClass.L;

    /// <summary>The line cut into runs of one level each, in the order they are drawn from left to right (L2). Each
    /// run's own characters stay in logical order; a right-to-left run is drawn reversed by the shaper.</summary>
    public static IReadOnlyList<BidiRun> VisualRuns(string line, bool rightToLeft)
    {
        var levels = Levels(line, rightToLeft);
        var runs = new List<BidiRun>();
        for (var i = 0; i < line.Length;)
        {
            var end = i;
            while (end < line.Length && levels[end] == levels[i]) end++;
            runs.Add(new BidiRun(i, end - i, levels[i]));
            i = end;
        }
        if (runs.Count == 0) return runs;
        var highest = runs.Max(r => r.Level);
        var lowestOdd = runs.Where(r => r.Level % 2 == 1).Select(r => r.Level).DefaultIfEmpty(highest + 1).Min();
        for (var level = highest; level >= lowestOdd; level--)
        {
            for (var i = 0; i < runs.Count; i++)
            {
                if (runs[i].Level < level) continue;
                var end = i;
                while (end < runs.Count && runs[end].Level >= level) end++;
                runs.Reverse(i, end - i);
                i = end;
            }
        }
        return runs;
    }

    /// <summary>The line's characters in the order they appear on paper from left to right (right-to-left runs
    /// reversed character by character, without mirroring or shaping): what a reader of the printed line sees.</summary>
    public static string Visual(string line, bool rightToLeft)
    {
        var result = new System.Text.StringBuilder(line.Length);
        foreach (var run in VisualRuns(line, rightToLeft))
        {
            var part = line.AsSpan(run.Start, run.Length);
            if (!run.IsRightToLeft)
            {
                result.Append(part);
                continue;
            }
            for (var i = part.Length - 1; i >= 0; i--) result.Append(part[i]);
        }
        return result.ToString();
    }
}
