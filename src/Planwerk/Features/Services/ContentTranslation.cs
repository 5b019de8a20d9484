using Planwerk.Infrastructure;

namespace Planwerk.Features.Services;

/// <summary>A language the municipality writes its help-service content in, besides German (the source).
/// New municipalities start with English, Arabic, Persian, Ukrainian, Russian and Turkish.</summary>
public sealed class ContentLanguage : IMunicipalityOwned
{
    public const int MaxCodeLength = 12;
    public const int MaxNameLength = 100;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    /// <summary>BCP 47 tag as used in <c>lang</c> (e.g. <c>ar</c>, <c>fa</c>, <c>uk</c>).</summary>
    public required string Code { get; set; }
    /// <summary>The language's own name ("العربية", "Українська").</summary>
    public required string Name { get; set; }
    public bool IsRightToLeft { get; set; }
    public int Position { get; set; }
}

/// <summary>One translated text of one field of a service, location or topic (<see cref="ContentKinds"/>).
/// <see cref="SourceFingerprint"/> is the fingerprint of the German text it was translated from; when the German
/// text changes, the translation is outdated until it is saved again.</summary>
public sealed class ContentTranslation : IMunicipalityOwned
{
    public const int MaxKindLength = 20;
    public const int MaxFieldLength = 40;
    public const int MaxFingerprintLength = 16;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    /// <summary>One of <see cref="ContentKinds"/>.</summary>
    public required string Kind { get; set; }
    public int EntityId { get; set; }
    public required string Language { get; set; }
    /// <summary>The translated property's name (e.g. <c>Description</c>).</summary>
    public required string Field { get; set; }
    public required string Text { get; set; }
    public required string SourceFingerprint { get; set; }
    public DateTimeOffset TranslatedAt { get; set; }
}

public static class ContentKinds
{
    public const string Service = "Service";
    public const string Location = "Location";
    public const string Topic = "Topic";
}
