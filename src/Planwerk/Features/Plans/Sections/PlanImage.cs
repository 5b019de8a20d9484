using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans.Sections;

/// <summary>An image uploaded for a plan's sections, served at <c>/{m}/plans/{planId}/images/{id}</c>.</summary>
public sealed class PlanImage : IMunicipalityOwned
{
    public const int MaxFileNameLength = 255;
    public const int MaxAltTextLength = 500;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    /// <summary>The image's number within its plan (1, 2, 3, …, never reused), by which sections refer to
    /// it and under which it is served; carried over by export and import. Given by the context on the
    /// first save when left 0.</summary>
    public int Number { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Bytes { get; set; }
    public required string AltText { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
