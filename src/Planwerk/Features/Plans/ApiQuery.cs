using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans;

/// <summary>The read API's list parameters: a status filter and paging, read from the query as text so a
/// bad value answers a 400 problem that names the parameter rather than being ignored or turned into a
/// bare error by the framework's binding.</summary>
public sealed class ApiQuery<TStatus> where TStatus : struct, Enum
{
    public Dictionary<string, string[]> Errors { get; } = [];
    /// <summary>Null when no filter was asked for.</summary>
    public IReadOnlyList<TStatus>? Statuses { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = ApiQuery.DefaultPageSize;
    public int Skip => (Page - 1) * PageSize;

    public ValidationProblem Problem() => TypedResults.ValidationProblem(Errors,
        title: "One or more query parameters are invalid.", detail: string.Join(" ", Errors.Values.SelectMany(e => e)));

    /// <summary>The total in <c>X-Total-Count</c> and the neighbouring pages as a <c>Link</c> header (RFC 8288).</summary>
    public void WritePaging(HttpContext context, int total)
    {
        context.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        var links = new List<string>();
        if (Page > 1) links.Add(Link(context, Math.Min(Page - 1, Math.Max(1, LastPage(total))), "prev"));
        if (Page < LastPage(total)) links.Add(Link(context, Page + 1, "next"));
        links.Add(Link(context, 1, "first"));
        links.Add(Link(context, Math.Max(1, LastPage(total)), "last"));
        context.Response.Headers.Link = string.Join(", ", links);
    }

    private int LastPage(int total) => (total + PageSize - 1) / PageSize;

    private string Link(HttpContext context, int page, string rel)
    {
        var query = PublicPageCache.KeptQuery(context).Where(q => q.Key is not ("page" or "pageSize"))
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        query["pageSize"] = PageSize.ToString(CultureInfo.InvariantCulture);
        return $"<{QueryHelpers.AddQueryString(context.Request.Path, query)}>; rel=\"{rel}\"";
    }
}

public static class ApiQuery
{
    /// <summary>Every query key the plan API reads (its filters and paging): the output cache varies its answers by these.</summary>
    public static readonly string[] Keys = ["status", "q", "page", "pageSize"];

    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;
    /// <summary>Pages past the last are empty, not errors; this bound only keeps the offset arithmetic sane.</summary>
    public const int MaxPage = 1_000_000;

    public const string PagingDescription =
        "Answers one page (`page`, from 1; `pageSize`, 1 to 500, default 100). The total number of matching items is in the " +
        "`X-Total-Count` header, the first, previous, next and last pages in the `Link` header (RFC 8288). " +
        "An invalid parameter answers 400 with an `application/problem+json` body naming it.";

    public static ApiQuery<TStatus> Read<TStatus>(string? status, string? page, string? pageSize) where TStatus : struct, Enum
    {
        var errors = new Dictionary<string, string[]>();
        List<TStatus>? statuses = null;
        if (status is not null)
        {
            statuses = [];
            var unknown = new List<string>();
            foreach (var part in status.Split(',', StringSplitOptions.TrimEntries))
            {
                // Names only: Enum.TryParse would also take "7" or "1,2".
                var name = Enum.GetNames<TStatus>().FirstOrDefault(n => string.Equals(n, part, StringComparison.OrdinalIgnoreCase));
                if (name is null) unknown.Add(part);
                else statuses.Add(Enum.Parse<TStatus>(name));
            }
            if (unknown.Count > 0 || statuses.Count == 0)
                errors["status"] = [$"status must be one or more of {string.Join(", ", Enum.GetNames<TStatus>())}, separated by commas."];
        }
        var pageNumber = Whole(page, "page", 1, MaxPage, 1, errors);
        var size = Whole(pageSize, "pageSize", 1, MaxPageSize, DefaultPageSize, errors);
        var query = new ApiQuery<TStatus> { Statuses = statuses, Page = pageNumber, PageSize = size };
        foreach (var (key, value) in errors) query.Errors[key] = value;
        return query;
    }

    private static int Whole(string? text, string name, int min, int max, int fallback, Dictionary<string, string[]> errors)
    {
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors[name] = [$"{name} must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}."];
        return fallback;
    }
}
