using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace Planwerk.Infrastructure;

/// <summary>Proves that a cached page varies by every query key it reads: with <c>PublicPageCache:CheckQueryKeys</c>
/// on (the tests and a developer's machine), a page whose answer the output cache may store or serve fails loudly as
/// soon as it reads a query key that is not among the keys the cache varies by — such a page would serve one
/// visitor's answer to another's question. Reading a key (indexer, <c>TryGetValue</c>, <c>ContainsKey</c>) counts;
/// listing the keys does not (model binding lists them to find prefixes, and links copy only the kept ones).</summary>
public static class QueryKeyCheck
{
    public const string Setting = "PublicPageCache:CheckQueryKeys";

    public static IApplicationBuilder UseQueryKeyCheck(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Features.Get<IOutputCacheFeature>()?.Context is { } cache && context.Features.Get<IQueryFeature>() is { } query)
                context.Features.Set<IQueryFeature>(new CheckedQueryFeature(query, cache, context));
            return next(context);
        });

    private sealed class CheckedQueryFeature(IQueryFeature inner, OutputCacheContext cache, HttpContext http) : IQueryFeature
    {
        private CheckedQuery? checkedQuery;

        public IQueryCollection Query
        {
            get
            {
                var query = inner.Query;
                if (checkedQuery is null || !ReferenceEquals(checkedQuery.Inner, query)) checkedQuery = new CheckedQuery(query, this);
                return checkedQuery;
            }
            set => inner.Query = value;
        }

        public void Read(string key)
        {
            if (!(cache.AllowCacheLookup || cache.AllowCacheStorage)) return;
            // Razor Pages looks for a handler name on every request; a request that has one is never cached.
            if (key == PublicPageCache.HandlerKey) return;
            var keys = cache.CacheVaryByRules.QueryKeys;
            if (keys.Count == 1 && keys[0] == "*") return;
            if (keys.Any(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase))) return;
            throw new InvalidOperationException(
                $"{http.Request.Path} reads the query key '{key}', but its output cache varies only by [{string.Join(", ", keys.ToArray())}]: " +
                "name the key in the page's VaryByQueryKeys (or PublicPageCache.VaryingBy), or one visitor's answer is served to another.");
        }
    }

    private sealed class CheckedQuery(IQueryCollection inner, CheckedQueryFeature check) : IQueryCollection
    {
        public IQueryCollection Inner => inner;

        public StringValues this[string key]
        {
            get { check.Read(key); return inner[key]; }
        }

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out StringValues value)
        {
            check.Read(key);
            return inner.TryGetValue(key, out value);
        }

        public bool ContainsKey(string key)
        {
            check.Read(key);
            return inner.ContainsKey(key);
        }

        public int Count => inner.Count;
        public ICollection<string> Keys => inner.Keys;
        public IEnumerator<KeyValuePair<string, StringValues>> GetEnumerator() => inner.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
