using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Services.Directory;

/// <summary>What a reader filters the directory by; every filter given must hold (AND).</summary>
public sealed record DirectoryFilter
{
    public string? Query { get; init; }
    /// <summary>A topic; its sub-topics count as it.</summary>
    public int? TopicId { get; init; }
    public int? DistrictId { get; init; }
    /// <summary>An ISO 639 code of a language the service is offered in.</summary>
    public string? Language { get; init; }
    /// <summary>The reader's residence situation: the service admits it.</summary>
    public ResidenceSituations? Situation { get; init; }
    /// <summary>The reader's age: within the service's minimum and maximum.</summary>
    public int? Age { get; init; }
    public bool FreeOnly { get; init; }
    /// <summary>At least one of its places can be reached without steps.</summary>
    public bool AccessibleOnly { get; init; }
    /// <summary>Open at this moment, by Europe/Berlin time.</summary>
    public bool OpenNow { get; init; }
    public int Page { get; init; } = 1;
}

/// <summary>One service in a list of results, with what the list shows (the texts in German; pages translate them).</summary>
public sealed record DirectoryEntry(int Id, Guid Uid, string Name, ServiceStatus Status, int OrganisationId, string OrganisationName,
    DateOnly LastCheckedOn, bool IsFree, bool IsRemoteOnly, IReadOnlyList<string> Languages, IReadOnlyList<int> TopicIds, IReadOnlyList<string> Districts);

/// <summary>A page of results and the number of all.</summary>
public sealed record DirectoryPage(int Total, int Page, int PageSize, IReadOnlyList<DirectoryEntry> Entries)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The public directory's query: the services of the current municipality that are listed (active or
/// temporarily closed; inactive and defunct ones are not), filtered by <see cref="DirectoryFilter"/>, by name, a page at a
/// time. It takes the same number of queries whatever the number of services: the topic list, the ids of all results in
/// order (their number is the count), and the page with its languages, topics and districts.
/// <para>The search, the filters of the service itself and the order read the services' narrow
/// <see cref="ServiceListing"/> rows (walking its index in order of name), never the services' own rows with their long
/// texts. The filters on topics, places and languages are <c>IN</c> conditions (the ids of the services with that topic,
/// district or language: the database can start from the smaller side), open now is an EXISTS condition on the hours.</para></summary>
public static class ServiceDirectoryQuery
{
    public const int PageSize = 20;

    /// <summary>Statuses shown publicly; a temporarily closed service is listed and marked.</summary>
    public static IQueryable<HelpService> Listed(IQueryable<HelpService> services) =>
        services.Where(s => s.Status == ServiceStatus.Active || s.Status == ServiceStatus.TemporarilyClosed);

    /// <summary>Whether a service of this status is shown publicly (as <see cref="Listed"/>).</summary>
    public static bool IsListed(ServiceStatus status) => status is ServiceStatus.Active or ServiceStatus.TemporarilyClosed;

    public static async Task<DirectoryPage> FindAsync(PlanwerkDbContext db, DirectoryFilter filter, TimeProvider clock, CancellationToken ct = default)
    {
        var listings = await FilteredAsync(db, filter, clock, ct);
        // The ids of all results in order, in one query: counting and then reading a page would search twice. The ids are
        // small; the page's rows are read by id.
        var ids = await listings.OrderBy(l => l.Name).ThenBy(l => l.ServiceId).Select(l => l.ServiceId).ToListAsync(ct);
        var total = ids.Count;
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var pageIds = ids.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var rows = await db.HelpServices.AsNoTracking().Where(s => pageIds.Contains(s.Id))
            .Select(s => new
            {
                s.Id, s.Uid, s.Name, s.Status, s.OrganisationId, Organisation = s.Organisation!.Name, s.LastCheckedOn, s.IsFree, s.IsRemoteOnly,
                Languages = s.Languages.OrderBy(l => l.Code).Select(l => l.Code).ToList(),
                Topics = s.Topics.OrderBy(t => t.Position).Select(t => t.Id).ToList(),
                Districts = s.Locations.Where(a => a.Location!.District != null).Select(a => a.Location!.District!.Name).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        var position = pageIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var entries = rows.OrderBy(r => position[r.Id]).Select(r => new DirectoryEntry(r.Id, r.Uid, r.Name, r.Status, r.OrganisationId, r.Organisation, r.LastCheckedOn, r.IsFree,
            r.IsRemoteOnly, r.Languages, r.Topics, r.Districts.Distinct().Order(StringComparer.CurrentCulture).ToList())).ToList();
        return new DirectoryPage(total, page, PageSize, entries);
    }

    /// <summary>The listings of the listed services that pass every filter, unordered (one query for the topic list when a
    /// topic is asked for).</summary>
    public static async Task<IQueryable<ServiceListing>> FilteredAsync(PlanwerkDbContext db, DirectoryFilter filter, TimeProvider clock, CancellationToken ct = default)
    {
        var listings = db.Set<ServiceListing>().AsNoTracking().Where(l => l.IsListed);
        if (!string.IsNullOrWhiteSpace(filter.Query)) listings = ServiceSearch.Matching(db, listings, filter.Query);
        if (filter.TopicId is int topicId)
        {
            var topics = await TopicAndBelowAsync(db, topicId, ct);
            var links = db.Set<Dictionary<string, object>>(ServiceSearch.ServiceTopicLinks);
            var ids = links.Where(x => topics.Contains(EF.Property<int>(x, "TopicsId"))).Select(x => EF.Property<int>(x, "ServicesId"));
            listings = listings.Where(l => ids.Contains(l.ServiceId));
        }
        if (filter.DistrictId is int districtId)
        {
            var ids = db.ServiceAtLocations.Where(a => a.Location!.DistrictId == districtId).Select(a => a.ServiceId);
            listings = listings.Where(l => ids.Contains(l.ServiceId));
        }
        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            var code = filter.Language.Trim();
            var ids = db.ServiceLanguages.Where(x => x.Code == code).Select(x => x.ServiceId);
            listings = listings.Where(l => ids.Contains(l.ServiceId));
        }
        if (filter.Situation is { } situation && situation != ResidenceSituations.None) listings = listings.Where(l => (l.Audience & situation) != 0);
        if (filter.Age is int age)
        {
            listings = listings.Where(l => (l.MinimumAge == null || l.MinimumAge <= age) && (l.MaximumAge == null || l.MaximumAge >= age));
        }
        if (filter.FreeOnly) listings = listings.Where(l => l.IsFree);
        if (filter.AccessibleOnly)
        {
            var ids = db.ServiceAtLocations.Where(a => a.Location!.IsWheelchairAccessible).Select(a => a.ServiceId);
            listings = listings.Where(l => ids.Contains(l.ServiceId));
        }
        if (filter.OpenNow) listings = OpenAt(db, listings, BerlinTime.ToLocal(clock.GetUtcNow()));
        return listings;
    }

    /// <summary>The topic and every topic below it.</summary>
    private static async Task<List<int>> TopicAndBelowAsync(PlanwerkDbContext db, int topicId, CancellationToken ct)
    {
        var all = await db.ServiceTopics.AsNoTracking().Select(t => new { t.Id, t.ParentId }).ToListAsync(ct);
        var found = new HashSet<int>();
        if (all.Any(t => t.Id == topicId)) found.Add(topicId);
        var grown = found.Count > 0;
        while (grown)
        {
            grown = false;
            foreach (var t in all)
            {
                if (t.ParentId is int parent && found.Contains(parent) && found.Add(t.Id)) grown = true;
            }
        }
        return [.. found];
    }

    /// <summary>Services open at a local (Europe/Berlin) moment, by the same rules as <see cref="OpeningHours.IsOpen"/>:
    /// regular hours of the weekday that are valid on the day and not set aside by special hours for the day (the
    /// service's as a whole, or the row's place's); hours that close at or before they open run past midnight, so
    /// yesterday's late hours count until they close; special hours with times are open hours of their own.</summary>
    public static IQueryable<ServiceListing> OpenAt(PlanwerkDbContext db, IQueryable<ServiceListing> listings, DateTime local)
    {
        var today = DateOnly.FromDateTime(local);
        var yesterday = today.AddDays(-1);
        var now = TimeOnly.FromDateTime(local);
        var weekday = today.DayOfWeek;
        var previousWeekday = yesterday.DayOfWeek;
        var schedules = db.ServiceSchedules;
        var special = db.SpecialHours;
        return listings.Where(l =>
            schedules.Any(r => r.ServiceId == l.ServiceId && r.Weekday == weekday
                && (r.ValidFrom == null || r.ValidFrom <= today) && (r.ValidTo == null || r.ValidTo >= today)
                && r.Opens <= now && (now < r.Closes || r.Closes <= r.Opens)
                && !special.Any(x => x.ServiceId == l.ServiceId && x.From <= today && x.To >= today && (x.LocationId == null || x.LocationId == r.LocationId)))
            || schedules.Any(r => r.ServiceId == l.ServiceId && r.Weekday == previousWeekday && r.Closes <= r.Opens && now < r.Closes
                && (r.ValidFrom == null || r.ValidFrom <= yesterday) && (r.ValidTo == null || r.ValidTo >= yesterday)
                && !special.Any(x => x.ServiceId == l.ServiceId && x.From <= yesterday && x.To >= yesterday && (x.LocationId == null || x.LocationId == r.LocationId)))
            || special.Any(x => x.ServiceId == l.ServiceId && x.From <= today && x.To >= today && x.Opens != null && x.Closes != null && x.Opens <= now && now < x.Closes));
    }
}

/// <summary>The opening rules in .NET, for one service's loaded hours (the service page says "open now").</summary>
public static class OpeningHours
{
    public static bool IsOpen(IEnumerable<ServiceSchedule> schedules, IEnumerable<SpecialHours> special, DateTime local)
    {
        var today = DateOnly.FromDateTime(local);
        var yesterday = today.AddDays(-1);
        var now = TimeOnly.FromDateTime(local);
        var specials = special.ToList();
        bool SetAside(ServiceSchedule r, DateOnly day) => specials.Any(x => x.From <= day && x.To >= day && (x.LocationId == null || x.LocationId == r.LocationId));
        static bool Valid(ServiceSchedule r, DateOnly day) => (r.ValidFrom == null || r.ValidFrom <= day) && (r.ValidTo == null || r.ValidTo >= day);
        foreach (var r in schedules)
        {
            if (r.Weekday == today.DayOfWeek && Valid(r, today) && r.Opens <= now && (now < r.Closes || r.Closes <= r.Opens) && !SetAside(r, today)) return true;
            if (r.Weekday == yesterday.DayOfWeek && r.Closes <= r.Opens && now < r.Closes && Valid(r, yesterday) && !SetAside(r, yesterday)) return true;
        }
        return specials.Any(x => x.From <= today && x.To >= today && x.Opens is { } o && x.Closes is { } c && o <= now && now < c);
    }
}
