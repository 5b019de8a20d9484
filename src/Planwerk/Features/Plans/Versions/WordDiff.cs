using DiffPlex;

namespace Planwerk.Features.Plans.Versions;

public enum DiffPartKind
{
    Same,
    Removed,
    Inserted,
}

/// <summary>A run of text that is unchanged, only in the old text, or only in the new one.</summary>
public sealed record DiffPart(DiffPartKind Kind, string Text);

/// <summary>Word-by-word differences between two texts, computed by DiffPlex over tokens that are
/// words, runs of white space or single punctuation marks, so a changed word is marked alone and
/// the spaces around it stay unmarked. The parts are plain text: the view escapes them.</summary>
public static class WordDiff
{
    public static IReadOnlyList<DiffPart> Compute(string? oldText, string? newText)
    {
        oldText ??= "";
        newText ??= "";
        if (string.Equals(oldText, newText, StringComparison.Ordinal)) return oldText.Length == 0 ? [] : [new DiffPart(DiffPartKind.Same, oldText)];

        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, WordTokens.Instance);
        var parts = new List<DiffPart>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(parts, DiffPartKind.Same, result.PiecesOld, a, block.DeleteStartA - a);
            Add(parts, DiffPartKind.Removed, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(parts, DiffPartKind.Inserted, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Add(parts, DiffPartKind.Same, result.PiecesOld, a, result.PiecesOld.Count - a);
        return parts;
    }

    private static void Add(List<DiffPart> parts, DiffPartKind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0) return;
        var text = string.Concat(pieces.Skip(start).Take(count));
        if (parts.Count > 0 && parts[^1].Kind == kind) parts[^1] = parts[^1] with { Text = parts[^1].Text + text };
        else parts.Add(new DiffPart(kind, text));
    }

    /// <summary>Splits text into words (letters, digits and joining marks), runs of white space, and
    /// every other character alone.</summary>
    private sealed class WordTokens : IChunker
    {
        public static readonly WordTokens Instance = new();

        public IReadOnlyList<string> Chunk(string text)
        {
            var tokens = new List<string>();
            var i = 0;
            while (i < text.Length)
            {
                var start = i;
                if (IsWord(text, i)) while (i < text.Length && IsWord(text, i)) i++;
                else if (char.IsWhiteSpace(text[i])) while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                else i += char.IsSurrogatePair(text, i) ? 2 : 1;
                tokens.Add(text[start..i]);
            }
            return tokens;
        }

        private static bool IsWord(string text, int i) =>
            char.IsLetterOrDigit(text[i]) || char.IsSurrogate(text[i]) || char.GetUnicodeCategory(text[i]) is
                System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
                or System.Globalization.UnicodeCategory.ConnectorPunctuation;
    }
}
