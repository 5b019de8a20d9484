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
/// <para>Each text is put through its language's Lucene analyzer (<see cref="SearchAnalysis"/>) in .NET, and the words are
/// kept, distinct and space-separated, in <see cref="ServiceListing.SearchText"/>. A query word is put through every analyzer
/// and matches a service whose text has a word beginning with one of its forms; all query words must match. So the
/// database only looks for a literal substring (<c>" " + form</c>): the same plain comparison on SQLite and PostgreSQL,
/// whatever the database's locale or text-search configuration, and <c>%</c> or <c>_</c> are just characters.</para>
/// <para>The text sits in the service's <see cref="ServiceListing"/>, a narrow row with what the directory filters and orders
/// by, so a search does not read the services' long texts. The listing is written after every save that changes anything
/// it is made of (<see cref="CollectAsync"/> and <see cref="Pending.ApplyAsync"/>, one of the context's save jobs), and
/// filled at start-up for services without one.</para></summary>
public static class ServiceSearch
{
    /// <summary>Query words beyond this are ignored (each is one more condition on every row).</summary>
    public const int MaxWords = 8;

    /// <summary>The longest query read; longer input is cut.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>The services whose texts contain every word of <paramref name="query"/> (in any of its forms, as the start of
    /// a word). An empty query keeps every service; a query of nothing searchable (only punctuation) matches none.</summary>
    public static IQueryable<HelpService> Matching(IQueryable<HelpService> services, string query) =>
        Matching(services, s => s.Listing!.SearchText, query);

    /// <summary>The listings whose texts contain every word of <paramref name="query"/>, as <see cref="Matching(IQueryable{HelpService}, string)"/>.</summary>
    public static IQueryable<ServiceListing> Matching(IQueryable<ServiceListing> listings, string query) =>
        Matching(listings, l => l.SearchText, query);

    private static IQueryable<T> Matching<T>(IQueryable<T> rows, Expression<Func<T, string>> searchText, string query)
    {
        if (string.IsNullOrWhiteSpace(query)) return rows;
        if (query.Length > MaxQueryLength) query = query[..MaxQueryLength];
        var words = SearchAnalysis.QueryWords(query, MaxWords);
        if (words.Count == 0) return rows.Where(_ => false);
        foreach (var forms in words) rows = rows.Where(AnyForm(searchText, forms));
        return rows;
    }

    /// <summary><c>s =&gt; text(s).Contains(" " + f1) || text(s).Contains(" " + f2) ...</c>, each form a parameter.</summary>
    private static Expression<Func<T, bool>> AnyForm<T>(Expression<Func<T, string>> searchText, IReadOnlyList<string> forms)
    {
        var row = searchText.Parameters[0];
        var text = searchText.Body;
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression? body = null;
        foreach (var form in forms)
        {
            // A closure member, not a constant, so the form is sent as a parameter and the query plan is reused.
            var holder = new FormHolder(" " + form);
            var value = Expression.Property(Expression.Constant(holder), nameof(FormHolder.Value));
            var test = Expression.Call(text, contains, value);
            body = body is null ? test : Expression.OrElse(body, test);
        }
        return Expression.Lambda<Func<T, bool>>(body!, row);
    }

    private sealed record FormHolder(string Value);

    /// <summary>The texts a service is found by, in their languages (German sources, then translations).</summary>
    public sealed record Sources(int ServiceId, List<(string Text, string Language)> Texts);

    /// <summary>The search text of the given texts: every word of each text by its language's analyzer, distinct, in
    /// order of first use, with a space before and after each.</summary>
    public static string TextOf(IEnumerable<(string Text, string Language)> texts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new StringBuilder(" ");
        foreach (var (text, language) in texts)
        {
            foreach (var word in SearchAnalysis.Words(text, language))
            {
                if (seen.Add(word)) result.Append(word).Append(' ');
            }
        }
        return result.ToString();
    }

    /// <summary>The listings the given services should have (their search texts, names, statuses and the filtered
    /// columns), read in four queries whatever their number (500 at most).</summary>
    public static async Task<Dictionary<int, ServiceListing>> ListingsAsync(DbContext db, IReadOnlyCollection<int> ids, bool everyMunicipality, CancellationToken ct)
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

        var result = new Dictionary<int, ServiceListing>();
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
            result[s.Id] = new ServiceListing
            {
                ServiceId = s.Id, MunicipalityId = s.MunicipalityId, IsListed = ServiceDirectoryQuery.IsListed(s.Status), Name = s.Name,
                SearchText = TextOf(texts), IsFree = s.IsFree, Audience = s.Audience, MinimumAge = s.MinimumAge, MaximumAge = s.MaximumAge,
            };
        }
        return result;
    }

    /// <summary>Writes the listings of services that have none (saved before listings were kept, or by a path that wrote
    /// no listing). Runs at start-up across all municipalities: each row gets its own municipality's listing.</summary>
    public static async Task FillMissingListingsAsync(DbContext db, CancellationToken ct = default)
    {
        while (true)
        {
            var batch = await db.Set<HelpService>().IgnoreQueryFilters().Where(s => s.Listing == null)
                .OrderBy(s => s.Id).Select(s => s.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0) return;
            var listings = await ListingsAsync(db, batch, everyMunicipality: true, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var listing in listings.Values) await InsertAsync(db, listing, ct);
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>Adds a listing row in SQL (after a save, in its transaction: not a tracked change of its own, and not in
    /// the history).</summary>
    private static Task<int> InsertAsync(DbContext db, ServiceListing l, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ServiceListings" ("ServiceId", "MunicipalityId", "IsListed", "Name", "SearchText", "IsFree", "Audience", "MinimumAge", "MaximumAge")
            VALUES ({l.ServiceId}, {l.MunicipalityId}, {l.IsListed}, {l.Name}, {l.SearchText}, {l.IsFree}, {(int)l.Audience}, {l.MinimumAge}, {l.MaximumAge})
            """, ct);

    /// <summary>Whether a stored listing says what the service's current one says.</summary>
    private static bool Same(ServiceListing a, ServiceListing b) =>
        a.MunicipalityId == b.MunicipalityId && a.IsListed == b.IsListed && string.Equals(a.Name, b.Name, StringComparison.Ordinal)
        && string.Equals(a.SearchText, b.SearchText, StringComparison.Ordinal) && a.IsFree == b.IsFree && a.Audience == b.Audience
        && a.MinimumAge == b.MinimumAge && a.MaximumAge == b.MaximumAge;

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
                var listings = await ListingsAsync(db, chunk, everyMunicipality: false, ct);
                var current = await db.Set<ServiceListing>().AsNoTracking().Where(l => chunk.Contains(l.ServiceId)).ToDictionaryAsync(l => l.ServiceId, ct);
                foreach (var (id, l) in listings)
                {
                    if (!current.TryGetValue(id, out var stored))
                    {
                        await InsertAsync(db, l, ct);
                    }
                    else if (!Same(stored, l))
                    {
                        await db.Set<ServiceListing>().Where(x => x.ServiceId == id).ExecuteUpdateAsync(u => u
                            .SetProperty(x => x.IsListed, l.IsListed).SetProperty(x => x.Name, l.Name).SetProperty(x => x.SearchText, l.SearchText)
                            .SetProperty(x => x.IsFree, l.IsFree).SetProperty(x => x.Audience, l.Audience)
                            .SetProperty(x => x.MinimumAge, l.MinimumAge).SetProperty(x => x.MaximumAge, l.MaximumAge), ct);
                    }
                }
            }
        }
    }
}
