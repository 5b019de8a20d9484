using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Council.OParl;

/// <summary>What a client asked of an external object list: the page (from 1) and the filters of
/// OParl 1.1 (<c>created_since</c>, <c>created_until</c>, <c>modified_since</c>, <c>modified_until</c>,
/// each a full date-time with offset), plus <c>omit_internal</c>, which leaves embedded objects out.</summary>
public sealed partial record OParlListQuery(
    int Page, DateTimeOffset? CreatedSince, DateTimeOffset? CreatedUntil, DateTimeOffset? ModifiedSince, DateTimeOffset? ModifiedUntil,
    bool OmitInternal)
{
    public static readonly string[] FilterNames = ["created_since", "created_until", "modified_since", "modified_until"];

    /// <summary>The query, or a message naming the parameter that could not be read.</summary>
    public static (OParlListQuery? Query, string? Error) Parse(IQueryCollection query)
    {
        var page = 1;
        if (query.TryGetValue("page", out var pageText))
        {
            if (!int.TryParse(pageText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1)
                return (null, $"Der Parameter page muss eine ganze Zahl ab 1 sein, nicht „{pageText}“.");
        }
        var moments = new DateTimeOffset?[FilterNames.Length];
        for (var i = 0; i < FilterNames.Length; i++)
        {
            if (!query.TryGetValue(FilterNames[i], out var text)) continue;
            var parsed = ParseMoment(text);
            if (parsed is null)
                return (null, $"Der Parameter {FilterNames[i]} muss ein Zeitpunkt nach ISO 8601 mit Zeitzone sein, z. B. 2019-07-05T00:00:00+02:00; „{text}“ ist keiner.");
            moments[i] = parsed;
        }
        var omit = false;
        if (query.TryGetValue("omit_internal", out var omitText))
        {
            switch (omitText.ToString().ToLowerInvariant())
            {
                case "" or "true" or "1": omit = true; break;
                case "false" or "0": omit = false; break;
                default: return (null, $"Der Parameter omit_internal muss true oder false sein, nicht „{omitText}“.");
            }
        }
        return (new OParlListQuery(page, moments[0], moments[1], moments[2], moments[3], omit), null);
    }

    private static DateTimeOffset? ParseMoment(StringValues values)
    {
        if (values.Count != 1) return null;
        // An unencoded "+" of the offset arrives as a space.
        var text = values.ToString().Trim().Replace(' ', '+');
        if (!FullDateTime().IsMatch(text)) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? moment : null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex FullDateTime();

    public IQueryable<T> Filter<T>(IQueryable<T> source) where T : class, ITimestamped
    {
        if (CreatedSince is { } cs) source = source.Where(x => x.CreatedAt >= cs);
        if (CreatedUntil is { } cu) source = source.Where(x => x.CreatedAt <= cu);
        if (ModifiedSince is { } ms) source = source.Where(x => x.ModifiedAt >= ms);
        if (ModifiedUntil is { } mu) source = source.Where(x => x.ModifiedAt <= mu);
        return source;
    }
}

public static class OParlList
{
    /// <summary>One page of a list: two SQL commands (count and page) plus what <paramref name="load"/>
    /// sends for the page's rows, whatever the list's length. <paramref name="ordered"/> is filtered and
    /// in a stable order (by id).</summary>
    public static async Task<IResult> PageAsync<TEntity, TDto>(HttpContext context, OParlListQuery query, int pageSize,
        IQueryable<TEntity> ordered, Func<IQueryable<TEntity>, Task<List<TDto>>> load, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var totalPages = Math.Max(1, (total + pageSize - 1) / pageSize);
        if (query.Page > totalPages)
            return OParlJson.NotFound($"Diese Liste hat {totalPages} Seite(n); Seite {query.Page} gibt es nicht.");
        var data = await load(ordered.Skip((query.Page - 1) * pageSize).Take(pageSize));
        return OParlJson.Json(new OParlPage<TDto>(data, new OParlPagination(total, pageSize, query.Page, totalPages), Links(context.Request, query.Page, totalPages)));
    }

    /// <summary>An empty list that still answers filters and pages like the others.</summary>
    public static IResult Empty(HttpContext context, OParlListQuery query, int pageSize) => query.Page > 1
        ? OParlJson.NotFound($"Diese Liste hat 1 Seite(n); Seite {query.Page} gibt es nicht.")
        : OParlJson.Json(new OParlPage<object>([], new OParlPagination(0, pageSize, 1, 1), Links(context.Request, 1, 1)));

    private static OParlLinks Links(HttpRequest request, int page, int totalPages)
    {
        var path = OParlUrls.Root(request) + request.Path.Value;
        // The filters stay on every page's link; only the page changes.
        var kept = request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))).ToList();
        string At(int p)
        {
            var pairs = p == 1 ? kept : [.. kept, KeyValuePair.Create("page", (string?)p.ToString(CultureInfo.InvariantCulture))];
            return path + QueryString.Create(pairs).ToUriComponent();
        }
        return new OParlLinks(At(1), page > 1 ? At(page - 1) : null, At(page), page < totalPages ? At(page + 1) : null, At(totalPages));
    }
}
