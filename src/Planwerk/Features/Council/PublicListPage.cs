using System.Globalization;

namespace Planwerk.Features.Council;

/// <summary>One page of a public council list: the page asked for (from 1), how many pages there are.</summary>
public sealed record PublicListPage(int Page, int PageCount)
{
    public const int Size = 50;
    public const string PageKey = "page";

    /// <summary>The page from the query (1 when missing or unreadable), kept within the list.</summary>
    public static PublicListPage Of(int? asked, int total)
    {
        var count = Math.Max(1, (total + Size - 1) / Size);
        return new PublicListPage(Math.Clamp(asked ?? 1, 1, count), count);
    }

    /// <summary>The page number in the query; null when it is missing or no whole number (then the first page is shown).</summary>
    public static int? Read(IQueryCollection query) =>
        query[PageKey].Count == 1 && int.TryParse(query[PageKey][0], NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : null;

    public int Skip => (Page - 1) * Size;
}
