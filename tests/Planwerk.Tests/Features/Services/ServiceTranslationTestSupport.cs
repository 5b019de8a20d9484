using Planwerk.Features.Services;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Services;

/// <summary>Services, locations and topics made for one test.</summary>
public static class ServiceTranslationTestSupport
{
    /// <summary>A service of the organisation, with every text filled in, at a new location with its texts.</summary>
    public static async Task<(int ServiceId, int LocationId)> AddServiceAsync(this TestMunicipality m, int organisationId, string name = "Asylverfahrensberatung",
        DateOnly? lastCheckedOn = null, ServiceStatus status = ServiceStatus.Active, bool withLocation = true) =>
        await m.WithDbAsync(async db =>
        {
            var service = new HelpService
            {
                OrganisationId = organisationId, Name = name, Status = status,
                Description = "Wir beraten zum Asylverfahren.\n\nOhne Termin.", Eligibility = "Asylsuchende", Costs = "",
                HowToApply = "Kommen Sie vorbei.", DocumentsToBring = "Ausweis\nBescheid", Accessibility = "Gebärdensprache nach Absprache",
                LastCheckedOn = lastCheckedOn ?? new DateOnly(2026, 1, 1),
            };
            db.HelpServices.Add(service);
            ServiceLocation? location = null;
            if (withLocation)
            {
                location = new ServiceLocation { OrganisationId = organisationId, Name = "Beratungsstelle Mitte", TransportNotes = "Straßenbahn 3, Haltestelle Pirnaischer Platz", Accessibility = "" };
                db.ServiceLocations.Add(location);
            }
            await db.SaveChangesAsync();
            if (location is not null)
            {
                db.ServiceAtLocations.Add(new ServiceAtLocation { ServiceId = service.Id, LocationId = location.Id });
                await db.SaveChangesAsync();
            }
            return (service.Id, location?.Id ?? 0);
        });

    public static async Task<int> AddTopicAsync(this TestMunicipality m, string code, string name, int? parentId = null, int position = 0) =>
        await m.WithDbAsync(async db =>
        {
            var topic = new ServiceTopic { Code = code, Name = name, ParentId = parentId, Position = position };
            db.ServiceTopics.Add(topic);
            await db.SaveChangesAsync();
            return topic.Id;
        });
}
