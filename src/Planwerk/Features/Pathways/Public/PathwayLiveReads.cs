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

    /// <summary>The listed ones of these services as a step shows them. Five narrow reads of only the columns the step shows
    /// (the services with their organisations' names, languages, places with their districts, hours, special hours not yet
    /// over) and two for the names in the reading language: a help service has many more columns (descriptions, contact,
    /// fees, eligibility in words) that a step does not show, and reading them whole was most of the finder's time.</summary>
    public static async Task<IReadOnlyDictionary<int, StepService>> ServicesAsync(PlanwerkDbContext db, IReadOnlyCollection<int> ids, string language,
        TimeProvider clock, CancellationToken ct)
    {
        var today = BerlinTime.Today(clock);
        var yesterday = today.AddDays(-1);
        var wanted = ids.Distinct().ToList();
        var services = await ServiceDirectoryQuery.Listed(db.HelpServices.AsNoTracking()).Where(s => EF.Parameter(wanted).Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.Status, s.Audience, s.MinimumAge, s.MaximumAge, Organisation = s.Organisation != null ? s.Organisation.Name : "" })
            .ToListAsync(ct);
        var languages = (await db.ServiceLanguages.AsNoTracking().Where(l => EF.Parameter(wanted).Contains(l.ServiceId))
            .Select(l => new { l.ServiceId, l.Code }).ToListAsync(ct)).ToLookup(l => l.ServiceId, l => l.Code);
        var places = (await db.ServiceAtLocations.AsNoTracking().Where(a => EF.Parameter(wanted).Contains(a.ServiceId))
            .Select(a => new { a.ServiceId, a.Location!.Id, a.Location.Name, a.Location.Street, a.Location.PostalCode, a.Location.City,
                a.Location.DistrictId, District = a.Location.District != null ? a.Location.District.Name : null })
            .ToListAsync(ct)).ToLookup(a => a.ServiceId);
        var hours = (await db.ServiceSchedules.AsNoTracking().Where(h => EF.Parameter(wanted).Contains(h.ServiceId)).ToListAsync(ct))
            .ToLookup(h => h.ServiceId);
        var special = (await db.SpecialHours.AsNoTracking().Where(h => EF.Parameter(wanted).Contains(h.ServiceId) && h.To >= yesterday).ToListAsync(ct))
            .ToLookup(h => h.ServiceId);
        var textLanguage = language == PathwayTexts.EasyGerman ? ContentLanguages.Source : language;
        var names = await ServiceTexts.LoadAsync(db, ContentKinds.Service, services.Select(s => s.Id).ToList(), textLanguage, ct);
        var placeNames = await ServiceTexts.LoadAsync(db, ContentKinds.Location, places.SelectMany(g => g).Select(l => l.Id).Distinct().ToList(), textLanguage, ct);
        var local = BerlinTime.ToLocal(clock.GetUtcNow());
        static bool Current(ServiceSchedule h, DateOnly day) => h.ValidTo is null || h.ValidTo >= day;
        static IReadOnlyList<ServiceSchedule> Week(IEnumerable<ServiceSchedule> rows) => rows.OrderBy(h => ((int)h.Weekday + 6) % 7).ThenBy(h => h.Opens).ToList();
        return services.ToDictionary(s => s.Id, s =>
        {
            var week = hours[s.Id].ToList();
            var at = places[s.Id].DistinctBy(l => l.Id).OrderBy(l => l.Name, StringComparer.CurrentCulture).ToList();
            return new StepService(s.Id, names.Of(s.Id, nameof(HelpService.Name), s.Name), s.Organisation,
                s.Status == ServiceStatus.TemporarilyClosed,
                s.Status == ServiceStatus.Active && OpeningHours.IsOpen(week, special[s.Id], local),
                s.Audience, s.MinimumAge, s.MaximumAge, languages[s.Id].Order(StringComparer.Ordinal).ToList(),
                at.Select(l => new StepPlace(l.Id, placeNames.Of(l.Id, nameof(ServiceLocation.Name), l.Name), Address(l.Street, l.PostalCode, l.City),
                    l.DistrictId, l.District, Week(week.Where(h => h.LocationId == l.Id && Current(h, today))))).ToList(),
                Week(week.Where(h => (h.LocationId is null || at.All(l => l.Id != h.LocationId)) && Current(h, today))));
        });
    }

    public static async Task<IReadOnlyDictionary<int, StepMeasure>> MeasuresAsync(PlanwerkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Measures.AsNoTracking().Where(x => EF.Parameter(wanted).Contains(x.Id) && x.Plan!.IsPublic)
            .Select(x => new StepMeasure(x.Id, x.PlanId, x.Number, x.Title, x.Plan!.Title, x.Status, x.Progress))
            .ToDictionaryAsync(x => x.Id, ct);
    }

    public static string Address(ServiceLocation l) => Address(l.Street, l.PostalCode, l.City);

    public static string Address(string street, string postalCode, string city) =>
        string.Join(", ", new[] { street.Trim(), (postalCode.Trim() + " " + city.Trim()).Trim() }.Where(x => x.Length > 0));
}
