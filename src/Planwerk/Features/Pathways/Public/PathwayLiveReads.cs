using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Features.Services;
using Planwerk.Features.Services.Directory;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Pathways.PublicPages;

/// <summary>A place of a help service as a step shows it.</summary>
public sealed record StepPlace(int Id, ShownText Name, string Address, int? DistrictId, string? District, IReadOnlyList<ServiceSchedule> Hours);

/// <summary>What the finder needs to choose among a step's services, read narrowly for every service the admitted steps
/// name: whom it admits (residence situations, ages), the languages it is offered in, and the districts of its places.</summary>
public sealed record ServiceFacts(int Id, ResidenceSituations Audience, int? MinimumAge, int? MaximumAge, IReadOnlyList<string> Languages,
    IReadOnlyList<int> DistrictIds)
{
    /// <summary>Whether a person in this situation and age group may use it (an answer not given does not exclude).</summary>
    public bool Admits(ResidenceSituations? situation, int? minimumAge, int? maximumAge) =>
        new PathwayConditions(Audience, MinimumAge, MaximumAge, ChildrenCondition.Any).Admits(situation, minimumAge, maximumAge, null);

    /// <summary>Whether it is offered in the reading language. German and easy German: a service that names no language
    /// works in German, the language of the city's services.</summary>
    public bool Offers(string language)
    {
        if (Languages.Contains(language)) return true;
        return language is ContentLanguages.Source or PathwayTexts.EasyGerman && (Languages.Count == 0 || Languages.Contains(ContentLanguages.Source));
    }

    public bool IsIn(int districtId) => DistrictIds.Contains(districtId);
}

/// <summary>A listed help service as a step shows it, read live: its name in the reading language, organisation, places
/// with districts and hours, whether it is open now, and whom it admits in which languages.</summary>
public sealed record StepService(int Id, ShownText Name, string Organisation, bool IsTemporarilyClosed, bool IsOpen,
    ResidenceSituations Audience, int? MinimumAge, int? MaximumAge, IReadOnlyList<string> Languages, IReadOnlyList<StepPlace> Places,
    IReadOnlyList<ServiceSchedule> ReachableHours);

/// <summary>A measure of a public plan as a step shows it, with its live status and progress.</summary>
public sealed record StepMeasure(int Id, int PlanId, string Number, string Title, string Plan, MeasureStatus Status, int Progress);

/// <summary>What the published documents only name by id, read live in a fixed number of queries however many steps
/// name them: the facts the finder chooses by (<see cref="FactsAsync"/>: three narrow queries), the listed help services (split in five: the services with their organisations, languages, places with
/// districts, hours, special hours; plus the names of services and places in the reading language) and the measures of
/// public plans. A service or measure no longer listed or public is simply not in the answer, so a step leaves it out.</summary>
public static class PathwayLiveReads
{
    /// <summary>The listed ones of these services with whom they admit, their languages and their places' districts, in three
    /// narrow queries: the finder reads these for every service its admitted steps name, and the whole service
    /// (<see cref="ServicesAsync"/>) only for the few it shows.</summary>
    public static async Task<IReadOnlyDictionary<int, ServiceFacts>> FactsAsync(PlanwerkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var services = await ServiceDirectoryQuery.Listed(db.HelpServices.AsNoTracking()).Where(s => EF.Parameter(wanted).Contains(s.Id))
            .Select(s => new { s.Id, s.Audience, s.MinimumAge, s.MaximumAge }).ToListAsync(ct);
        var languages = (await db.ServiceLanguages.AsNoTracking().Where(l => EF.Parameter(wanted).Contains(l.ServiceId)).Select(l => new { l.ServiceId, l.Code }).ToListAsync(ct))
            .ToLookup(l => l.ServiceId, l => l.Code);
        var districts = (await db.ServiceAtLocations.AsNoTracking().Where(a => EF.Parameter(wanted).Contains(a.ServiceId) && a.Location!.DistrictId != null)
            .Select(a => new { a.ServiceId, DistrictId = a.Location!.DistrictId!.Value }).ToListAsync(ct))
            .ToLookup(a => a.ServiceId, a => a.DistrictId);
        return services.ToDictionary(s => s.Id, s => new ServiceFacts(s.Id, s.Audience, s.MinimumAge, s.MaximumAge,
            languages[s.Id].Order(StringComparer.Ordinal).ToList(), districts[s.Id].Distinct().ToList()));
    }

    public static async Task<IReadOnlyDictionary<int, StepService>> ServicesAsync(PlanwerkDbContext db, IReadOnlyCollection<int> ids, string language,
        TimeProvider clock, CancellationToken ct)
    {
        var today = BerlinTime.Today(clock);
        var yesterday = today.AddDays(-1);
        var wanted = ids.Distinct().ToList();
        var services = await ServiceDirectoryQuery.Listed(db.HelpServices.AsNoTracking()).Where(s => EF.Parameter(wanted).Contains(s.Id))
            .Include(s => s.Organisation)
            .Include(s => s.Languages)
            .Include(s => s.Locations).ThenInclude(a => a.Location).ThenInclude(l => l!.District)
            .Include(s => s.Schedules)
            .Include(s => s.SpecialHours.Where(h => h.To >= yesterday))
            .AsSplitQuery()
            .ToListAsync(ct);
        var textLanguage = language == PathwayTexts.EasyGerman ? ContentLanguages.Source : language;
        var names = await ServiceTexts.LoadAsync(db, ContentKinds.Service, services.Select(s => s.Id).ToList(), textLanguage, ct);
        var locations = services.SelectMany(s => s.Locations).Select(a => a.Location).OfType<ServiceLocation>().DistinctBy(l => l.Id).ToList();
        var placeNames = await ServiceTexts.LoadAsync(db, ContentKinds.Location, locations.Select(l => l.Id).ToList(), textLanguage, ct);
        var local = BerlinTime.ToLocal(clock.GetUtcNow());
        static bool Current(ServiceSchedule h, DateOnly day) => h.ValidTo is null || h.ValidTo >= day;
        static IReadOnlyList<ServiceSchedule> Week(IEnumerable<ServiceSchedule> rows) => rows.OrderBy(h => ((int)h.Weekday + 6) % 7).ThenBy(h => h.Opens).ToList();
        return services.ToDictionary(s => s.Id, s =>
        {
            var places = s.Locations.Select(a => a.Location).OfType<ServiceLocation>().OrderBy(l => l.Name, StringComparer.CurrentCulture).ToList();
            return new StepService(s.Id, names.Of(s.Id, nameof(HelpService.Name), s.Name), s.Organisation?.Name ?? "",
                s.Status == ServiceStatus.TemporarilyClosed,
                s.Status == ServiceStatus.Active && OpeningHours.IsOpen(s.Schedules, s.SpecialHours, local),
                s.Audience, s.MinimumAge, s.MaximumAge, s.Languages.Select(l => l.Code).Order(StringComparer.Ordinal).ToList(),
                places.Select(l => new StepPlace(l.Id, placeNames.Of(l.Id, nameof(ServiceLocation.Name), l.Name), Address(l), l.DistrictId, l.District?.Name,
                    Week(s.Schedules.Where(h => h.LocationId == l.Id && Current(h, today))))).ToList(),
                Week(s.Schedules.Where(h => (h.LocationId is null || places.All(l => l.Id != h.LocationId)) && Current(h, today))));
        });
    }

    public static async Task<IReadOnlyDictionary<int, StepMeasure>> MeasuresAsync(PlanwerkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Measures.AsNoTracking().Where(x => EF.Parameter(wanted).Contains(x.Id) && x.Plan!.IsPublic)
            .Select(x => new StepMeasure(x.Id, x.PlanId, x.Number, x.Title, x.Plan!.Title, x.Status, x.Progress))
            .ToDictionaryAsync(x => x.Id, ct);
    }

    public static string Address(ServiceLocation l) =>
        string.Join(", ", new[] { l.Street.Trim(), (l.PostalCode.Trim() + " " + l.City.Trim()).Trim() }.Where(x => x.Length > 0));
}
