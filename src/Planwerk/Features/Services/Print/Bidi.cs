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
/// Algorithm (UAX #9) with isolates but without explicit embeddings, overrides or bracket pairs: isolates (X5a–X6a),
/// resolving weak types (W1–W7), neutrals (N1–N2), implicit levels (I1–I2) and reordering (L1–L2). That is enough for a
/// line of Arabic or Persian with Latin names, digits, phone numbers and punctuation, which is what the directory PDF
/// prints; brackets are mirrored by the shaper when it draws a right-to-left run. The directory wraps phone numbers,
/// times, dates and names it did not write itself in isolates (<see cref="LeftToRight"/>, <see cref="Isolate"/>), as the
/// print view does with <c>dir</c>, so that "+49 351 1234" stays one left-to-right number in an Arabic line. No bidi
/// library is available from NuGet here.</summary>
public static class Bidi
{
    public const char LeftToRightIsolate = '\u2066', RightToLeftIsolate = '\u2067', FirstStrongIsolate = '\u2068', PopDirectionalIsolate = '\u2069';

    /// <summary>Text that reads left to right whatever line it stands in: a phone number, a time, a date.</summary>
    public static string LeftToRight(string text) => text.Length == 0 ? text : LeftToRightIsolate + text + PopDirectionalIsolate;

    /// <summary>Text of its own direction (taken from its first letter) that does not disturb the line around it: a
    /// name, an address, a note.</summary>
    public static string Isolate(string text) => text.Length == 0 ? text : FirstStrongIsolate + text + PopDirectionalIsolate;

    /// <summary>Characters that steer the direction but are not drawn: isolates, embeddings, overrides and the marks.</summary>
    public static bool IsFormatting(char c) => c is >= '\u2066' and <= '\u2069' or >= '\u202A' and <= '\u202E' or '\u200E' or '\u200F' or '\u061C';

    private static bool IsInitiator(char c) => c is >= '\u2066' and <= '\u2068';

    public static BidiClass Classify(char c)
    {
        if (c is >= '0' and <= '9' || c is >= '\u06F0' and <= '\u06F9') return BidiClass.EN;
        if (c is >= '\u0660' and <= '\u0669' || c is '\u066B' or '\u066C' || c is >= '\u0600' and <= '\u0605') return BidiClass.AN;
        if (c == '\u200E') return BidiClass.L;
        if (c == '\u200F') return BidiClass.R;
        if (c == '\u061C') return BidiClass.AL;
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
        var levels = new int[line.Length];
        var paragraph = rightToLeft ? 1 : 0;
        Resolve(line, 0, line.Length, paragraph, levels);
        // L1: white space and isolate marks at the end of the line go back to the paragraph level.
        for (var i = line.Length - 1; i >= 0 && (char.IsWhiteSpace(line[i]) || IsFormatting(line[i])); i--) levels[i] = paragraph;
        return levels;
    }

    /// <summary>Resolves line[start..end) at <paramref name="level"/>: each isolate inside is resolved on its own at the next
    /// level of its direction and stands in this sequence as one neutral (its initiator and its closing mark), as in BD13.
    /// An isolate not closed in the line runs to its end.</summary>
    private static void Resolve(string line, int start, int end, int level, int[] levels)
    {
        var sequence = new List<int>(end - start);
        for (var i = start; i < end; i++)
        {
            sequence.Add(i);
            if (!IsInitiator(line[i])) continue;
            var close = Closing(line, i, end);
            var rightToLeft = line[i] == RightToLeftIsolate || (line[i] == FirstStrongIsolate && FirstStrongIsRightToLeft(line, i + 1, close));
            var inner = rightToLeft ? (level + 1) | 1 : (level + 2) & ~1;
            Resolve(line, i + 1, close, inner, levels);
            if (close < end) sequence.Add(close);
            i = close;
        }
        var types = sequence.Select(i => IsFormatting(line[i]) && line[i] is not ('\u200E' or '\u200F' or '\u061C') ? BidiClass.ON : Classify(line[i])).ToArray();
        var resolved = ResolveTypes(types, level % 2 == 1);
        for (var k = 0; k < sequence.Count; k++) levels[sequence[k]] = level - level % 2 + resolved[k];
    }

    /// <summary>The index of the mark that closes the isolate opened at <paramref name="initiator"/>, or <paramref name="end"/>.</summary>
    private static int Closing(string line, int initiator, int end)
    {
        var depth = 0;
        for (var i = initiator + 1; i < end; i++)
        {
            if (IsInitiator(line[i])) depth++;
            else if (line[i] == PopDirectionalIsolate && depth-- == 0) return i;
        }
        return end;
    }

    private static bool FirstStrongIsRightToLeft(string line, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (IsInitiator(line[i]))
            {
                i = Closing(line, i, end);
                continue;
            }
            var type = Classify(line[i]);
            if (type == BidiClass.L) return false;
            if (type is BidiClass.R or BidiClass.AL) return true;
        }
        return false;
    }

    /// <summary>Rules W1–I2 over one isolating run sequence: levels 0–2 relative to an even paragraph, 1–2 to an odd one.</summary>
    private static int[] ResolveTypes(BidiClass[] types, bool rightToLeft)
    {
        var n = types.Length;
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

        return levels;
    }

    private static BidiClass StrongDirection(BidiClass type) => type is BidiClass.R or BidiClass.EN or BidiClass.AN ? BidiClass.R : BidiClass.L;

    /// <summary>The line cut into runs of one level each, in the order they are drawn from left to right (L2), without the
    /// formatting characters, which are not drawn. Each run's own characters stay in logical order; a right-to-left run is
    /// drawn reversed by the shaper.</summary>
    public static IReadOnlyList<BidiRun> VisualRuns(string line, bool rightToLeft)
    {
        var levels = Levels(line, rightToLeft);
        var runs = new List<BidiRun>();
        for (var i = 0; i < line.Length;)
        {
            if (IsFormatting(line[i]))
            {
                i++;
                continue;
            }
            var end = i;
            while (end < line.Length && levels[end] == levels[i] && !IsFormatting(line[end])) end++;
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
    /// reversed character by character, without mirroring or shaping, without formatting characters): what a reader of
    /// the printed line sees.</summary>
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

    /// <summary>Wrapped lines each with their own isolates: an isolate broken over lines is closed at the end of one line
    /// and opened again at the start of the next, so that a name or number keeps its direction on both.</summary>
    public static List<string> Balance(IEnumerable<string> lines)
    {
        var result = new List<string>();
        var open = new List<char>();
        foreach (var line in lines)
        {
            var text = new System.Text.StringBuilder().Append(open.ToArray()).Append(line);
            foreach (var c in line)
            {
                if (IsInitiator(c)) open.Add(c);
                else if (c == PopDirectionalIsolate && open.Count > 0) open.RemoveAt(open.Count - 1);
            }
            text.Append(PopDirectionalIsolate, open.Count);
            result.Add(text.ToString());
        }
        return result;
    }

    /// <summary>Text from outside without isolates, embeddings and overrides (the marks stay: they are letters of no width), so that no name or note can turn the rest
    /// of a printed line around (an unclosed override) or close an isolate the directory opened.</summary>
    public static string WithoutFormatting(string text)
    {
        static bool Steers(char c) => c is >= '\u2066' and <= '\u2069' or >= '\u202A' and <= '\u202E';
        return text.Any(Steers) ? string.Concat(text.Where(c => !Steers(c))) : text;
    }
}
