using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Services.Print;

/// <summary>How the printed directory is divided: by top-level topic or by district.</summary>
public enum DirectoryGrouping
{
    Topic,
    District,
}

/// <summary>The printed directory of a municipality's help services in one content language, as the print view and the
/// PDF show it: active and temporarily closed services, grouped by top-level topic or by district.</summary>
public sealed record DirectoryDocument(
    string Municipality,
    string Language,
    DirectoryGrouping By,
    DirectoryLabels Labels,
    DateOnly Today,
    IReadOnlyList<DirectoryGroup> Groups)
{
    public bool IsRightToLeft => ContentLanguages.Direction(Language) == "rtl";
    public string Direction => IsRightToLeft ? "rtl" : "ltr";
    public CultureInfo Culture => CultureInfo.GetCultureInfo(Language);

    /// <summary>The weekday's name in the labels' language (Monday first in <see cref="Weekdays"/>).</summary>
    public string DayName(DayOfWeek day) => CultureInfo.GetCultureInfo(Labels.Language).DateTimeFormat.GetDayName(day);

    public static readonly IReadOnlyList<DayOfWeek> Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>A date as ISO 8601 (2026-12-06): the same in every language and script, and unambiguous.</summary>
    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>by=topic</c> or <c>by=district</c> in an address.</summary>
    public static string Key(DirectoryGrouping by) => by == DirectoryGrouping.District ? "district" : "topic";

    /// <summary>The grouping named in an address (<c>topic</c> when none is given), or null for anything else.</summary>
    public static DirectoryGrouping? ParseGrouping(string? by) => by switch
    {
        null or "" or "topic" => DirectoryGrouping.Topic,
        "district" => DirectoryGrouping.District,
        _ => null,
    };

    /// <summary>Days ahead for which different hours (holidays, closures) are printed.</summary>
    public const int DifferentHoursDays = 60;

    /// <summary>Reads the directory: the services with their organisation, topics, languages, places, hours and contacts
    /// (split into one query per collection), the topics, and the translations of services, places and topics (one query
    /// each, none for German). A fixed number of queries whatever the number of services.</summary>
    public static async Task<DirectoryDocument> LoadAsync(PlanwerkDbContext db, string municipality, DirectoryGrouping by, string language,
        string interfaceLanguage, DateOnly today, CancellationToken ct)
    {
        var services = await db.HelpServices.AsNoTracking().AsSplitQuery()
            .Where(s => s.Status == ServiceStatus.Active || s.Status == ServiceStatus.TemporarilyClosed)
            .Include(s => s.Organisation)
            .Include(s => s.Topics)
            .Include(s => s.Languages)
            .Include(s => s.Locations).ThenInclude(l => l.Location).ThenInclude(l => l!.District)
            .Include(s => s.Schedules)
            .Include(s => s.SpecialHours)
            .Include(s => s.Contacts)
            .ToListAsync(ct);
        var topics = await db.ServiceTopics.AsNoTracking()
            .Select(t => new { t.Id, t.ParentId, t.Name, t.Position })
            .ToListAsync(ct);

        var serviceTexts = await ServiceTexts.LoadAsync(db, ContentKinds.Service, services.Select(s => s.Id).ToList(), language, ct);
        var locationIds = services.SelectMany(s => s.Locations).Select(l => l.LocationId).Distinct().ToList();
        var locationTexts = await ServiceTexts.LoadAsync(db, ContentKinds.Location, locationIds, language, ct);
        var topicTexts = await ServiceTexts.LoadAsync(db, ContentKinds.Topic, topics.Select(t => t.Id).ToList(), language, ct);

        var labels = DirectoryLabels.For(language, interfaceLanguage);
        var compare = CultureInfo.GetCultureInfo(language).CompareInfo;
        var shown = services.Select(s => Read(s, serviceTexts, locationTexts, labels, today))
            .OrderBy(s => s.Name.Text, compare.GetStringComparer(CompareOptions.IgnoreCase))
            .ToList();

        var groups = new List<DirectoryGroup>();
        if (by == DirectoryGrouping.Topic)
        {
            var parents = topics.ToDictionary(t => t.Id, t => t.ParentId);
            int Root(int id)
            {
                // A cycle cannot be saved, but a bounded walk never hangs on one.
                for (var depth = 0; depth < 50 && parents.TryGetValue(id, out var parent) && parent is int p; depth++) id = p;
                return id;
            }
            var rootsOf = services.ToDictionary(s => s.Id, s => s.Topics.Select(t => Root(t.Id)).ToHashSet());
            foreach (var root in topics.Where(t => t.ParentId is null).OrderBy(t => t.Position).ThenBy(t => t.Name, StringComparer.Ordinal))
            {
                var members = shown.Where(s => rootsOf[s.Id].Contains(root.Id)).ToList();
                if (members.Count > 0)
                    groups.Add(new DirectoryGroup("topic-" + root.Id.ToString(CultureInfo.InvariantCulture), topicTexts.Of(root.Id, "Name", root.Name), members));
            }
            var without = shown.Where(s => rootsOf[s.Id].Count == 0).ToList();
            if (without.Count > 0) groups.Add(new DirectoryGroup("other", Label(labels), without));
        }
        else
        {
            var german = CultureInfo.GetCultureInfo("de").CompareInfo.GetStringComparer(CompareOptions.IgnoreCase);
            var districts = shown.SelectMany(s => s.Places).Where(p => p.DistrictId is not null)
                .Select(p => (Id: p.DistrictId!.Value, Name: p.District!)).Distinct().OrderBy(d => d.Name, german).ToList();
            foreach (var district in districts)
            {
                var members = shown.Where(s => s.Places.Any(p => p.DistrictId == district.Id)).ToList();
                groups.Add(new DirectoryGroup("district-" + district.Id.ToString(CultureInfo.InvariantCulture),
                    new ShownText(district.Name, ContentLanguages.Source, false, false), members));
            }
            var cityWide = shown.Where(s => s.Places.All(p => p.DistrictId is null)).ToList();
            if (cityWide.Count > 0) groups.Add(new DirectoryGroup("city-wide", new ShownText(labels.CityWide, labels.Language, false, false), cityWide));
        }
        return new DirectoryDocument(municipality, language, by, labels, today, groups);
    }

    private static ShownText Label(DirectoryLabels labels) => new(labels.WithoutTopic, labels.Language, false, false);

    private static DirectoryService Read(HelpService s, Translations serviceTexts, Translations locationTexts, DirectoryLabels labels, DateOnly today)
    {
        var current = s.Schedules.Where(h => (h.ValidFrom is null || h.ValidFrom <= today) && (h.ValidTo is null || h.ValidTo >= today)).ToList();
        var places = s.Locations.Where(l => l.Location is not null).Select(l => l.Location!)
            .OrderBy(l => l.Name, StringComparer.Ordinal)
            .Select(l => new DirectoryPlace(
                locationTexts.Of(l.Id, "Name", l.Name), l.Street, l.PostalCode, l.City, l.DistrictId, l.District?.Name,
                Hours(current.Where(h => h.LocationId == l.Id))))
            .ToList();
        var different = s.SpecialHours.Where(h => h.To >= today && h.From <= today.AddDays(DifferentHoursDays))
            .OrderBy(h => h.From).ThenBy(h => h.LocationId)
            .Select(h => new DifferentHours(h.From, h.To, h.Opens is { } o && h.Closes is { } c ? Times(o, c) : null, h.Note))
            .ToList();
        var phones = s.Contacts.Where(c => c.Phone.Trim().Length > 0).OrderBy(c => c.Position)
            .Select(c => new DirectoryPhone(c.Phone.Trim(), c.Name,
                c.PhoneLanguages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .ToList();
        var age = s.MinimumAge is null && s.MaximumAge is null ? null : labels.AgeRange(s.MinimumAge, s.MaximumAge);
        return new DirectoryService(
            s.Id,
            serviceTexts.Of(s.Id, "Name", s.Name),
            s.Organisation?.Name ?? "",
            s.Status == ServiceStatus.TemporarilyClosed,
            places,
            Hours(current.Where(h => h.LocationId is null)),
            different,
            phones,
            s.Languages.Select(l => l.Code).Order(StringComparer.Ordinal).ToList(),
            labels.Audience(s.Audience),
            age,
            serviceTexts.Of(s.Id, "Eligibility", s.Eligibility),
            s.IsFree,
            serviceTexts.Of(s.Id, "Costs", s.Costs));
    }

    private static List<HoursLine> Hours(IEnumerable<ServiceSchedule> rows) =>
        rows.GroupBy(h => h.Weekday)
            .OrderBy(g => ((int)g.Key + 6) % 7)
            .Select(g => new HoursLine(g.Key,
                string.Join(", ", g.OrderBy(h => h.Opens).Select(h => Times(h.Opens, h.Closes))),
                string.Join("; ", g.Select(h => h.Note.Trim()).Where(n => n.Length > 0).Distinct())))
            .ToList();

    /// <summary>"09:00–12:00": 24-hour times in ASCII digits, which read the same in every language of the directory.</summary>
    public static string Times(TimeOnly opens, TimeOnly closes) =>
        opens.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + closes.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A language's own name (العربية, Українська) for a code, or the code itself when it is not known.</summary>
    public static string LanguageName(string code) => LanguageCodes.Find(code)?.NativeName ?? code;
}

public sealed record DirectoryGroup(string Anchor, ShownText Title, IReadOnlyList<DirectoryService> Services);

public sealed record DirectoryService(
    int Id,
    ShownText Name,
    string Organisation,
    bool IsTemporarilyClosed,
    IReadOnlyList<DirectoryPlace> Places,
    IReadOnlyList<HoursLine> ReachableHours,
    IReadOnlyList<DifferentHours> DifferentHours,
    IReadOnlyList<DirectoryPhone> Phones,
    IReadOnlyList<string> LanguagesOffered,
    IReadOnlyList<string> Audience,
    string? AgeRange,
    ShownText Eligibility,
    bool IsFree,
    ShownText Costs);

public sealed record DirectoryPlace(ShownText Name, string Street, string PostalCode, string City, int? DistrictId, string? District, IReadOnlyList<HoursLine> Hours)
{
    /// <summary>Street, postcode and city on one line.</summary>
    public string Address => string.Join(", ", new[] { Street.Trim(), (PostalCode.Trim() + " " + City.Trim()).Trim() }.Where(p => p.Length > 0));
}

/// <summary>One weekday's hours ("09:00–12:00, 14:00–16:00") and the German notes of its rows.</summary>
public sealed record HoursLine(DayOfWeek Weekday, string Times, string Note);

/// <summary>Days on which the regular hours do not hold: closed when <see cref="Times"/> is null. The note is German.</summary>
public sealed record DifferentHours(DateOnly From, DateOnly To, string? Times, string Note)
{
    public string Days => From == To ? DirectoryDocument.Date(From) : DirectoryDocument.Date(From) + " – " + DirectoryDocument.Date(To);
}

public sealed record DirectoryPhone(string Number, string Name, IReadOnlyList<string> Languages);
