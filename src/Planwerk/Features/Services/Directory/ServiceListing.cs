using Planwerk.Infrastructure;

namespace Planwerk.Features.Services.Directory;

/// <summary>A help service's row in the directory: what a search filters and orders by, and nothing else, so a search
/// over thousands of services reads narrow rows instead of the services' long texts. One per service, written by the
/// save path (<see cref="ServiceSearch.Pending.ApplyAsync"/>) in the save's transaction, filled at start-up for services
/// without one (<see cref="ServiceSearch.FillMissingListingsAsync"/>), and deleted with its service (cascade).</summary>
public sealed class ServiceListing : IMunicipalityOwned
{
    /// <summary>The service's id: the key, and the reference to it.</summary>
    public int ServiceId { get; set; }
    public int MunicipalityId { get; set; }
    /// <summary>Shown publicly (<see cref="ServiceDirectoryQuery.IsListed"/>): active or temporarily closed.</summary>
    public bool IsListed { get; set; }
    /// <summary>The service's German name: the order of the results.</summary>
    public required string Name { get; set; }
    public bool IsFree { get; set; }
    public ResidenceSituations Audience { get; set; }
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
}

/// <summary>One word of a service's searched texts, folded and stemmed (see <see cref="ServiceSearch"/>): the directory's
/// word index. A search looks up the words that begin with a query word's forms (a range of the index), so it costs
/// about the number of services it finds, not the number of services. Kept with the <see cref="ServiceListing"/>.</summary>
public sealed class ServiceSearchWord : IMunicipalityOwned
{
    /// <summary>Longer words are cut by the analyzers' tokenizer (255 characters) anyway.</summary>
    public const int MaxLength = 255;

    public int MunicipalityId { get; set; }
    public required string Word { get; set; }
    public int ServiceId { get; set; }
}
