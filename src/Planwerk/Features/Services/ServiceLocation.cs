using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Services;

/// <summary>A place where services are offered (HSDS <c>location</c> with its physical <c>address</c>),
/// belonging to an organisation; several of its services may be offered there.</summary>
public sealed class ServiceLocation : IMunicipalityOwned, IVersioned, ITimestamped
{
    public const int MaxNameLength = 300;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Guid Uid { get; set; } = Guid.NewGuid();
    public int OrganisationId { get; set; }
    public Stakeholder? Organisation { get; set; }
    public required string Name { get; set; }
    public string Street { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";
    public int? DistrictId { get; set; }
    public District? District { get; set; }
    public decimal? Latitude { get; set; }
    public decimal? Longitude { get; set; }
    /// <summary>How to get there (tram and bus stops, entrance).</summary>
    public string TransportNotes { get; set; } = "";
    /// <summary>Step-free access, lift, accessible toilet, ... in words.</summary>
    public string Accessibility { get; set; } = "";
    /// <summary>The place can be reached without steps (for the "accessible" filter).</summary>
    public bool IsWheelchairAccessible { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public int Version { get; set; }
    public List<ServiceAtLocation> Services { get; set; } = [];
}

/// <summary>A service offered at a location (HSDS <c>service_at_location</c>).</summary>
public sealed class ServiceAtLocation : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Guid Uid { get; set; } = Guid.NewGuid();
    public int ServiceId { get; set; }
    public HelpService? Service { get; set; }
    public int LocationId { get; set; }
    public ServiceLocation? Location { get; set; }
}
