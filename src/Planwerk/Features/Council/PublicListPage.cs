namespace Planwerk.Features.Council;

/// <summary>One page of a public council list: the page asked for (from 1), how many pages there are.</summary>
public sealed record PublicListPage(int Page, int PageCount)
{
    public const int Size = 50;

    /// <summary>The page from the query (1 when missing or unreadable), kept within the list.</summary>
    public static PublicListPage Of(int? asked, int total)
    {
        var count = Math.Max(1, (total + Size - 1) / Size);
        return new PublicListPage(Math.Clamp(asked ?? 1, 1, count), count);
    }

    public int Skip => (Page - 1) * Size;
}
