namespace Planwerk.Infrastructure;

/// <summary>An entity that belongs to exactly one municipality (the tenant). The DbContext
/// filters every query on these by the current municipality and refuses to save one into another.</summary>
public interface IMunicipalityOwned
{
    int MunicipalityId { get; set; }
}

/// <summary>An entity edited by people concurrently; <see cref="Version"/> is its optimistic concurrency token.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>An entity that says when it was created and last changed (the open data formats need both).
/// The DbContext stamps them on every save.</summary>
public interface ITimestamped
{
    DateTimeOffset CreatedAt { get; set; }
    DateTimeOffset ModifiedAt { get; set; }
}
