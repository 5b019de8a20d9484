using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans.Versions;

/// <summary>What a <see cref="PlanVersionPart"/> holds.</summary>
public enum PlanVersionPartKind
{
    /// <summary>The plan's head: texts, levels, principles, districts, the fields without their measures, the images without their bytes.</summary>
    Head,
    /// <summary>The narrative sections.</summary>
    Sections,
    /// <summary>One field's measures as its lists show them (key, number, title, frozen status and progress, example flag); key: the field's number.</summary>
    Field,
    /// <summary>One measure with every frozen fact; key: the measure's key.</summary>
    Measure,
    /// <summary>One image with its bytes; key: the image's number.</summary>
    Image,
}

/// <summary>A piece of a frozen <see cref="PlanVersion"/>'s document, written with the version (see
/// <see cref="VersionParts"/>), so the public pages of an adopted plan, the statement form and a version's image read
/// the piece they show instead of parsing the whole document. Immutable like its version, and goes with it.</summary>
public sealed class PlanVersionPart : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int VersionId { get; set; }
    public PlanVersion? Version { get; set; }
    public PlanVersionPartKind Kind { get; set; }
    /// <summary>The order within its kind: the field's or measure's place in the plan (0 for head and sections).</summary>
    public int Position { get; set; }
    /// <summary>What a page looks the part up by: field number, measure key, image number (0 for head and sections).</summary>
    public int Key { get; set; }
    /// <summary>The part as JSON (an image's: its content type, file name and alternative text).</summary>
    public string Content { get; set; } = "";
    /// <summary>An image's bytes; null for every other kind.</summary>
    public byte[]? Data { get; set; }
}
