using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;

namespace Planwerk.Features.Services.Directory;

/// <summary>The full-text search over help services, in every content language at once: the service's name, description
/// and who may use it, its topics' names (with the topics above them), its locations' names, addresses and districts, its
/// organisation's name, and every translation of these.
/// <para>Each text is put through its language's Lucene analyzer (<see cref="SearchAnalysis"/>) in .NET, and the distinct
/// words are kept, one row each, in the word index (<see cref="ServiceSearchWord"/>). A query word is put through every
/// analyzer and matches a service that has a word beginning with one of its forms; all query words must match. So the
/// database only compares words with ranges (<c>form &lt;= word &lt; form + U+10FFFF</c>), byte by byte (SQLite's binary
/// collation, PostgreSQL's "C" on this column): the same comparison on SQLite and PostgreSQL, whatever the database's locale
/// or text-search configuration, and <c>%</c> or <c>_</c> are just characters. A search reads the index's entries for the
/// words asked for, not every service's text.</para>
/// <para>The words and the service's <see cref="ServiceListing"/> (what the directory filters and orders by) are written
/// after every save that changes anything they are made of (<see cref="CollectAsync"/> and <see cref="Pending.ApplyAsync"/>,
/// one of the context's save jobs), and filled at start-up for services without a listing.</para></summary>
public static class ServiceSearch
{
    /// <summary>Query words beyond this are ignored (each is one more condition).</summary>
    public const int MaxWords = 8;

    /// <summary>The longest query read; longer input is cut.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>After every word that begins with a form, in the byte order of UTF-8 that both databases compare words
    /// by: the largest code point.</summary>
    private const string AfterEveryContinuation = "\U0010FFFF";

    /// <summary>The services whose texts contain every word of <paramref name="query"/> (in any of its forms, as the start of
    /// a word). An empty query keeps every service; a query of nothing searchable (only punctuation) matches none.</summary>
    public static IQueryable<HelpService> Matching(DbContext db, IQueryable<HelpService> services, string query)
    {
        if (MatchingIds(db, query) is not { } words) return services;
        foreach (var ids in words) services = services.Where(s => ids.Contains(s.Id));
        return services;
    }

    /// <summary>The listings of the services that <see cref="Matching(DbContext, IQueryable{HelpService}, string)"/> finds.</summary>
    public static IQueryable<ServiceListing> Matching(DbContext db, IQueryable<ServiceListing> listings, string query)
    {
        if (MatchingIds(db, query) is not { } words) return listings;
        foreach (var ids in words) listings = listings.Where(l => ids.Contains(l.ServiceId));
        return listings;
    }

    /// <summary>For each query word, the ids of the services that have a word beginning with one of its forms (a
    /// subquery each); <c>null</c> for an empty query; one subquery that finds nothing for a query of nothing searchable.</summary>
    private static List<IQueryable<int>>? MatchingIds(DbContext db, string query)
    {
        if (string.IsNullOrWhiteSpace(query)) return null;
        if (query.Length > MaxQueryLength) query = query[..MaxQueryLength];
        var words = SearchAnalysis.QueryWords(query, MaxWords);
        var index = db.Set<ServiceSearchWord>().AsNoTracking();
        if (words.Count == 0) return [index.Where(_ => false).Select(w => w.ServiceId)];
        return words.Select(forms => index.Where(AnyForm(forms)).Select(w => w.ServiceId)).ToList();
    }

    /// <summary><c>w =&gt; (w.Word &gt;= f1 &amp;&amp; w.Word &lt; f1 + max) || ...</c>, each bound a parameter.</summary>
    private static Expression<Func<ServiceSearchWord, bool>> AnyForm(IReadOnlyList<string> forms)
    {
        var w = Expression.Parameter(typeof(ServiceSearchWord), "w");
        var word = Expression.Property(w, nameof(ServiceSearchWord.Word));
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        var zero = Expression.Constant(0);
        Expression? body = null;
        // A form longer than any stored word finds nothing; cut it, as the tokenizer cuts the stored ones.
        foreach (var form in forms.Select(f => f.Length > ServiceSearchWord.MaxLength ? f[..ServiceSearchWord.MaxLength] : f).Distinct(StringComparer.Ordinal))
        {
            // Closure members, not constants, so the bounds are sent as parameters and the query plan is reused.
            var holder = new FormHolder(form, form + AfterEveryContinuation);
            var from = Expression.Property(Expression.Constant(holder), nameof(FormHolder.From));
            var to = Expression.Property(Expression.Constant(holder), nameof(FormHolder.To));
            var test = Expression.AndAlso(
                Expression.GreaterThanOrEqual(Expression.Call(compare, word, from), zero),
                Expression.LessThan(Expression.Call(compare, word, to), zero));
            body = body is null ? test : Expression.OrElse(body, test);
        }
        return Expression.Lambda<Func<ServiceSearchWord, bool>>(body!, w);
    }

    private sealed record FormHolder(string From, string To);

    /// <summary>The texts a service is found by, in their languages (German sources, then translations).</summary>
    public sealed record Sources(int ServiceId, List<(string Text, string Language)> Texts);

    /// <summary>The search words of the given texts: every word of each text by its language's analyzer, distinct, in
    /// order of first use.</summary>
    public static List<string> WordsOf(IEnumerable<(string Text, string Language)> texts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var (text, language) in texts)
        {
            foreach (var word in SearchAnalysis.Words(text, language))
            {
                var kept = word.Length > ServiceSearchWord.MaxLength ? word[..ServiceSearchWord.MaxLength] : word;
                if (seen.Add(kept)) result.Add(kept);
            }
        }
        return result;
    }

    /// <summary>What the directory keeps of a service: its listing and its search words.</summary>
    public sealed record Entry(ServiceListing Listing, List<string> Words);

    /// <summary>The listings the given services should have (names, statuses and the filtered columns) and their search
    /// words, read in four queries whatever their number (500 at most).</summary>
    public static async Task<Dictionary<int, Entry>> EntriesAsync(DbContext db, IReadOnlyCollection<int> ids, bool everyMunicipality, CancellationToken ct)
    {
        IQueryable<T> Set<T>() where T : class => everyMunicipality ? db.Set<T>().IgnoreQueryFilters().AsNoTracking() : db.Set<T>().AsNoTracking();
        var services = await Set<HelpService>().Where(s => ids.Contains(s.Id))
            .Select(s => new
            {
                s.Id, s.MunicipalityId, s.Name, s.Description, s.Eligibility, s.Status, s.IsFree, s.Audience, s.MinimumAge, s.MaximumAge,
                Organisation = s.Organisation!.Name,
                Topics = s.Topics.Select(t => t.Id).ToList(),
                Locations = s.Locations.Select(a => a.LocationId).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        var municipalities = services.Select(s => s.MunicipalityId).Distinct().ToList();
        var locationIds = services.SelectMany(s => s.Locations).Distinct().ToList();
        var locations = await Set<ServiceLocation>().Where(l => locationIds.Contains(l.Id))
            .Select(l => new { l.Id, l.Name, l.Street, l.PostalCode, l.City, District = l.District == null ? "" : l.District.Name })
            .ToDictionaryAsync(l => l.Id, ct);
        // The whole topic list (a few dozen rows): a service is also found by the topics above its own.
        var topics = await Set<ServiceTopic>().Where(t => municipalities.Contains(t.MunicipalityId))
            .Select(t => new { t.Id, t.ParentId, t.Name })
            .ToDictionaryAsync(t => t.Id, ct);
        var serviceIds = services.Select(s => s.Id).ToList();
        var topicIds = topics.Keys.ToList();
        var translations = await Set<ContentTranslation>()
            .Where(t => (t.Kind == ContentKinds.Service && serviceIds.Contains(t.EntityId)
                         && (t.Field == nameof(HelpService.Name) || t.Field == nameof(HelpService.Description) || t.Field == nameof(HelpService.Eligibility)))
                        || (t.Kind == ContentKinds.Location && locationIds.Contains(t.EntityId) && t.Field == nameof(ServiceLocation.Name))
                        || (t.Kind == ContentKinds.Topic && topicIds.Contains(t.EntityId) && t.Field == nameof(ServiceTopic.Name)))
            .Select(t => new { t.Kind, t.EntityId, t.Language, t.Text })
            .ToListAsync(ct);
        var translated = translations.ToLookup(t => (t.Kind, t.EntityId), t => (t.Text, t.Language));

        var result = new Dictionary<int, Entry>();
        foreach (var s in services)
        {
            var texts = new List<(string, string)> { (s.Name, "de"), (s.Description, "de"), (s.Eligibility, "de"), (s.Organisation, "de") };
            var shownTopics = new List<int>();
            foreach (var id in s.Topics)
            {
                // The topic and its ancestors; the visited set stops a (never expected) cycle.
                for (int? t = id; t is int current && topics.TryGetValue(current, out var topic) && !shownTopics.Contains(current); t = topic.ParentId)
                {
                    shownTopics.Add(current);
                }
            }
            foreach (var id in shownTopics) texts.Add((topics[id].Name, "de"));
            foreach (var id in s.Locations)
            {
                if (!locations.TryGetValue(id, out var l)) continue;
                texts.AddRange([(l.Name, "de"), (l.Street, "de"), (l.PostalCode, "de"), (l.City, "de"), (l.District, "de")]);
            }
            texts.AddRange(translated[(ContentKinds.Service, s.Id)]);
            foreach (var id in shownTopics) texts.AddRange(translated[(ContentKinds.Topic, id)]);
            foreach (var id in s.Locations) texts.AddRange(translated[(ContentKinds.Location, id)]);
            result[s.Id] = new Entry(new ServiceListing
            {
                ServiceId = s.Id, MunicipalityId = s.MunicipalityId, IsListed = ServiceDirectoryQuery.IsListed(s.Status), Name = s.Name,
                IsFree = s.IsFree, Audience = s.Audience, MinimumAge = s.MinimumAge, MaximumAge = s.MaximumAge,
            }, WordsOf(texts));
        }
        return result;
    }

    /// <summary>Writes the listings and words of services that have no listing (saved before listings were kept). Runs
    /// at start-up across all municipalities: each row gets its own municipality's.</summary>
    public static async Task FillMissingListingsAsync(DbContext db, CancellationToken ct = default)
    {
        while (true)
        {
            var batch = await db.Set<HelpService>().IgnoreQueryFilters().Where(s => s.Listing == null)
                .OrderBy(s => s.Id).Select(s => s.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0) return;
            var entries = await EntriesAsync(db, batch, everyMunicipality: true, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Set<ServiceSearchWord>().IgnoreQueryFilters().Where(w => batch.Contains(w.ServiceId)).ExecuteDeleteAsync(ct);
            foreach (var entry in entries.Values) await InsertAsync(db, entry.Listing, ct);
            await InsertWordsAsync(db, entries.Values.SelectMany(e => e.Words.Select(w => (e.Listing, w))).ToList(), ct);
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>Adds a listing row in SQL (after a save, in its transaction: not a tracked change of its own, and not in
    /// the history).</summary>
    private static Task<int> InsertAsync(DbContext db, ServiceListing l, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ServiceListings" ("ServiceId", "MunicipalityId", "IsListed", "Name", "IsFree", "Audience", "MinimumAge", "MaximumAge")
            VALUES ({l.ServiceId}, {l.MunicipalityId}, {l.IsListed}, {l.Name}, {l.IsFree}, {(int)l.Audience}, {l.MinimumAge}, {l.MaximumAge})
            """, ct);

    /// <summary>Adds search words in SQL, a few hundred rows a statement.</summary>
    private static async Task InsertWordsAsync(DbContext db, List<(ServiceListing Listing, string Word)> words, CancellationToken ct)
    {
        foreach (var chunk in words.Chunk(300))
        {
            var sql = new StringBuilder("INSERT INTO \"ServiceSearchWords\" (\"MunicipalityId\", \"Word\", \"ServiceId\") VALUES ");
            var values = new object[chunk.Length * 3];
            for (var i = 0; i < chunk.Length; i++)
            {
                if (i > 0) sql.Append(", ");
                sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"({{{3 * i}}}, {{{3 * i + 1}}}, {{{3 * i + 2}}})");
                values[3 * i] = chunk[i].Listing.MunicipalityId;
                values[3 * i + 1] = chunk[i].Word;
                values[3 * i + 2] = chunk[i].Listing.ServiceId;
            }
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
        }
    }

    /// <summary>Whether a stored listing says what the service's current one says.</summary>
    private static bool Same(ServiceListing a, ServiceListing b) =>
        a.MunicipalityId == b.MunicipalityId && a.IsListed == b.IsListed && string.Equals(a.Name, b.Name, StringComparison.Ordinal)
        && a.IsFree == b.IsFree && a.Audience == b.Audience && a.MinimumAge == b.MinimumAge && a.MaximumAge == b.MaximumAge;

    /// <summary>Before a save: which services' search texts the save may change. Rows that are deleted, and the services
    /// at changed locations, of changed topics, organisations or districts, are looked up now (the save may cascade the
    /// links away); new rows are read after the save, when they have their ids.</summary>
    public static async Task<Pending> CollectAsync(DbContext db, IReadOnlyList<EntityEntry> changed, CancellationToken ct)
    {
        var pending = new Pending();
        var locationIds = new HashSet<int>();
        var topicIds = new HashSet<int>();
        var organisationIds = new HashSet<int>();
        var districtIds = new HashSet<int>();
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case HelpService service when entry.State != EntityState.Deleted:
                    pending.Services.Add(service);
                    break;
                case ServiceAtLocation link:
                    if (entry.State == EntityState.Deleted) pending.ServiceIds.Add(link.ServiceId);
                    else pending.Links.Add(link);
                    break;
                case ContentTranslation t:
                    var id = entry.State == EntityState.Modified ? (int)entry.Property(nameof(ContentTranslation.EntityId)).OriginalValue! : t.EntityId;
                    if (t.Kind == ContentKinds.Service) pending.ServiceIds.Add(id);
                    else if (t.Kind == ContentKinds.Location) locationIds.Add(id);
                    else if (t.Kind == ContentKinds.Topic) topicIds.Add(id);
                    break;
                case ServiceLocation location when entry.State != EntityState.Added:
                    locationIds.Add(location.Id);
                    break;
                case ServiceTopic topic when entry.State != EntityState.Added:
                    topicIds.Add(topic.Id);
                    break;
                case Stakeholder organisation when entry.State == EntityState.Modified && entry.Property(nameof(Stakeholder.Name)).IsModified:
                    organisationIds.Add(organisation.Id);
                    break;
                case District district when entry.State == EntityState.Modified && entry.Property(nameof(District.Name)).IsModified:
                    districtIds.Add(district.Id);
                    break;
                case Dictionary<string, object> when entry.Metadata.Name == ServiceTopicLinks:
                    if (entry.State == EntityState.Deleted) pending.ServiceIds.Add((int)entry.Property(ServiceTopicLinkService).CurrentValue!);
                    else pending.TopicLinks.Add(entry);
                    break;
            }
        }
        if (locationIds.Count > 0 || districtIds.Count > 0)
        {
            pending.ServiceIds.UnionWith(await db.Set<ServiceAtLocation>()
                .Where(a => locationIds.Contains(a.LocationId) || (a.Location!.DistrictId != null && districtIds.Contains(a.Location.DistrictId.Value)))
                .Select(a => a.ServiceId).ToListAsync(ct));
        }
        if (topicIds.Count > 0)
        {
            // A topic's name is also searched in the services of the topics below it: take the whole subtree.
            var all = await db.Set<ServiceTopic>().AsNoTracking().Select(t => new { t.Id, t.ParentId }).ToListAsync(ct);
            var grown = true;
            while (grown)
            {
                grown = false;
                foreach (var t in all)
                {
                    if (t.ParentId is int parent && topicIds.Contains(parent) && topicIds.Add(t.Id)) grown = true;
                }
            }
            pending.ServiceIds.UnionWith(await db.Set<HelpService>().Where(s => s.Topics.Any(t => topicIds.Contains(t.Id))).Select(s => s.Id).ToListAsync(ct));
        }
        if (organisationIds.Count > 0)
        {
            pending.ServiceIds.UnionWith(await db.Set<HelpService>().Where(s => organisationIds.Contains(s.OrganisationId)).Select(s => s.Id).ToListAsync(ct));
        }
        return pending;
    }

    /// <summary>The join table of services and topics (see <see cref="ServicesModel"/>) and its column for the service.</summary>
    public const string ServiceTopicLinks = "HelpServiceTopics";
    private const string ServiceTopicLinkService = "ServicesId";

    /// <summary>The services a save changes the search text of (see <see cref="CollectAsync"/>).</summary>
    public sealed class Pending
    {
        internal List<HelpService> Services { get; } = [];
        internal List<ServiceAtLocation> Links { get; } = [];
        internal List<EntityEntry> TopicLinks { get; } = [];
        internal HashSet<int> ServiceIds { get; } = [];

        public bool Any => Services.Count > 0 || Links.Count > 0 || TopicLinks.Count > 0 || ServiceIds.Count > 0;

        /// <summary>After the save, in its transaction: writes the listings of the affected services (an UPDATE of a
        /// listing that changed, an INSERT for a new service; not recorded in the history). A deleted service's listing
        /// goes with it (cascade).</summary>
        public async Task ApplyAsync(DbContext db, CancellationToken ct)
        {
            if (!Any) return;
            var ids = new HashSet<int>(ServiceIds);
            ids.UnionWith(Services.Select(s => s.Id));
            ids.UnionWith(Links.Select(l => l.ServiceId));
            ids.UnionWith(TopicLinks.Select(e => (int)e.Property(ServiceTopicLinkService).CurrentValue!));
            ids.RemoveWhere(id => id <= 0);
            foreach (var chunk in ids.Order().Chunk(500))
            {
                var entries = await EntriesAsync(db, chunk, everyMunicipality: false, ct);
                var current = await db.Set<ServiceListing>().AsNoTracking().Where(l => chunk.Contains(l.ServiceId)).ToDictionaryAsync(l => l.ServiceId, ct);
                var currentWords = (await db.Set<ServiceSearchWord>().AsNoTracking().Where(w => chunk.Contains(w.ServiceId))
                    .Select(w => new { w.ServiceId, w.Word }).ToListAsync(ct)).ToLookup(w => w.ServiceId, w => w.Word);
                var added = new List<(ServiceListing, string)>();
                foreach (var (id, entry) in entries)
                {
                    var l = entry.Listing;
                    if (!current.TryGetValue(id, out var stored))
                    {
                        await InsertAsync(db, l, ct);
                    }
                    else if (!Same(stored, l))
                    {
                        await db.Set<ServiceListing>().Where(x => x.ServiceId == id).ExecuteUpdateAsync(u => u
                            .SetProperty(x => x.IsListed, l.IsListed).SetProperty(x => x.Name, l.Name)
                            .SetProperty(x => x.IsFree, l.IsFree).SetProperty(x => x.Audience, l.Audience)
                            .SetProperty(x => x.MinimumAge, l.MinimumAge).SetProperty(x => x.MaximumAge, l.MaximumAge), ct);
                    }
                    var had = currentWords[id].ToHashSet(StringComparer.Ordinal);
                    var removed = had.Except(entry.Words, StringComparer.Ordinal).ToList();
                    if (removed.Count > 0)
                    {
                        await db.Set<ServiceSearchWord>().Where(w => w.ServiceId == id && removed.Contains(w.Word)).ExecuteDeleteAsync(ct);
                    }
                    added.AddRange(entry.Words.Where(w => !had.Contains(w)).Select(w => (l, w)));
                }
                await InsertWordsAsync(db, added, ct);
            }
        }
    }
}
