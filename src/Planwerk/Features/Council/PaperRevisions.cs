namespace Planwerk.Features.Council;

/// <summary>The rule of revised papers (Neufassungen): a paper may replace another paper of its municipality,
/// never itself, and never one that (through its own replacements) already replaces it — the chain of
/// replacements has no cycle.</summary>
public static class PaperRevisions
{
    public enum Problem
    {
        None,
        Itself,
        NotFound,
        Cycle,
    }

    /// <summary>Whether <paramref name="paperId"/> (null for a new paper) may replace <paramref name="replacesId"/>;
    /// <paramref name="replacesOf"/> maps each paper of the municipality to the paper it replaces.</summary>
    public static Problem Check(int? paperId, int replacesId, IReadOnlyDictionary<int, int?> replacesOf)
    {
        if (paperId == replacesId) return Problem.Itself;
        if (!replacesOf.ContainsKey(replacesId)) return Problem.NotFound;
        if (paperId is not int self) return Problem.None;
        var seen = new HashSet<int>();
        for (int? at = replacesId; at is int current; at = replacesOf.GetValueOrDefault(current))
        {
            if (current == self) return Problem.Cycle;
            if (!seen.Add(current)) break;
        }
        return Problem.None;
    }
}
