using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Council.OParl;

/// <summary>What a client asked of an external object list: where the page starts (<c>after</c>: the objects
/// with a greater id; the links give it) and the filters of OParl 1.1 (<c>created_since</c>, <c>created_until</c>,
/// <c>modified_since</c>, <c>modified_until</c>, each a full date-time with offset), plus <c>omit_internal</c>,
/// which leaves embedded objects out.</summary>
public sealed partial record OParlListQuery(
    int After, DateTimeOffset? CreatedSince, DateTimeOffset? CreatedUntil, DateTimeOffset? ModifiedSince, DateTimeOffset? ModifiedUntil,
    bool OmitInternal)
{
    public static readonly string[] FilterNames = ["created_since", "created_until", "modified_since", "modified_until"];

    /// <summary>Every query key <see cref="Parse"/> reads: the output cache varies the lists by these.</summary>
    public static readonly string[] Keys = ["after", .. FilterNames, "omit_internal"];

    /// <summary>The query, or a message naming the parameter that could not be read.</summary>
    public static (OParlListQuery? Query, string? Error) Parse(IQueryCollection query)
    {
        var after = 0;
        if (query.TryGetValue("after", out var afterText))
        {
            if (!int.TryParse(afterText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out after))
                return (null, $"Der Parameter after muss eine ganze Zahl ab 0 sein (die Kennung, nach der die Seite beginnt), nicht „{afterText}“.");
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
        return (new OParlListQuery(after, moments[0], moments[1], moments[2], moments[3], omit), null);
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

/// <summary>A row of a published council list, paged by its id.</summary>
public interface IOParlRow
{
    int Id { get; }
}

/// <summary>An OParl object as listed: its id is its URL, ending in the row's id.</summary>
public interface IOParlObject
{
    string Id { get; }
}

public static class OParlList
{
    /// <summary>One page of a list, paged by id (keyset), so an object deleted or added during a crawl never
    /// shifts the next page: the objects with an id greater than the query's <c>after</c>, up to
    /// <paramref name="pageSize"/>; the next link starts after the last one. One command for the page plus what
    /// <paramref name="load"/> sends for its rows, and one for the deleted objects when the client asks for changes
    /// since a moment (<c>modified_since</c>): those are listed as <c>deleted: true</c> objects, as OParl 1.1 requires.</summary>
    public static async Task<IResult> PageAsync<TRow, TDto>(HttpContext context, OParlListQuery query, int pageSize,
        IQueryable<TRow> filtered, IQueryable<DeletedCouncilObject>? deleted, OParlUrls urls,
        Func<IQueryable<TRow>, Task<List<TDto>>> load, CancellationToken ct)
        where TRow : class, IOParlRow where TDto : IOParlObject
    {
        var after = query.After;
        var live = await load(filtered.Where(r => r.Id > after).OrderBy(r => r.Id).Take(pageSize + 1));
        var gone = deleted is null || query.ModifiedSince is null ? new List<DeletedCouncilObject>()
            : await query.Filter(deleted).Where(d => d.ObjectId > after).OrderBy(d => d.ObjectId).Take(pageSize + 1).AsNoTracking().ToListAsync(ct);
        var merged = live.Select(o => (Key: IdOf(o.Id), Object: (object)o))
            .Concat(gone.Select(d => (Key: d.ObjectId, Object: (object)OParlDeleted.Of(urls, d.Kind, d.ObjectId, d.CreatedAt, d.ModifiedAt))))
            .OrderBy(o => o.Key).ToList();
        var data = merged.Take(pageSize).ToList();
        int? next = merged.Count > pageSize ? data[^1].Key : null;
        return OParlJson.Json(new OParlPage<object>(data.Select(d => d.Object).ToList(), new OParlPagination(pageSize), Links(context.Request, next)));
    }

    /// <summary>The id at the end of an object's URL.</summary>
    public static int IdOf(string url) => int.Parse(url.AsSpan(url.LastIndexOf('/') + 1), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>An empty list that still answers filters like the others.</summary>
    public static IResult Empty(HttpContext context, int pageSize) =>
        OParlJson.Json(new OParlPage<object>([], new OParlPagination(pageSize), Links(context.Request, null)));

    /// <summary>The links of a page: the first page, this one, and the next one (from <paramref name="nextAfter"/>) if
    /// there is more. The filters stay on every link; only <c>after</c> changes.</summary>
    public static OParlLinks Links(HttpRequest request, int? nextAfter)
    {
        var path = OParlUrls.Root(request) + request.Path.Value;
        var query = PublicPageCache.KeptQuery(request.HttpContext).ToList();
        var kept = query.Where(q => q.Key != "after").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))).ToList();
        string At(int? after)
        {
            var pairs = after is not int a ? kept : [.. kept, KeyValuePair.Create("after", (string?)a.ToString(CultureInfo.InvariantCulture))];
            return path + QueryString.Create(pairs).ToUriComponent();
        }
        var self = query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)));
        return new OParlLinks(At(null), path + QueryString.Create(self).ToUriComponent(), nextAfter is int n ? At(n) : null);
    }
}
