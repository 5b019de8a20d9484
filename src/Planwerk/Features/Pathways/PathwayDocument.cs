using System.Text.Json;
using System.Text.Json.Serialization;
using Planwerk.Features.Services;

namespace Planwerk.Features.Pathways;

/// <summary>A pathway as published (<see cref="PathwayPublication.Document"/>): every text with its translations, the
/// stages and steps in order, their conditions, and the ids of the services and measures each step names. Frozen when
/// published; read by the public pages and the finder.</summary>
public sealed record PathwayDocument
{
    public required Guid Uid { get; init; }
    public required int PathwayId { get; init; }
    public required string Code { get; init; }
    public required PublishedText Title { get; init; }
    public required PublishedText Summary { get; init; }
    public required PathwayConditions Conditions { get; init; }
    public required int Position { get; init; }
    public required bool IsExample { get; init; }
    public required IReadOnlyList<PublishedStage> Stages { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PathwayDocument FromJson(string json) => JsonSerializer.Deserialize<PathwayDocument>(json, Json)
        ?? throw new InvalidDataException("A pathway publication is empty.");

    /// <summary>Every step of the pathway, in order (a step shared by two stages counts twice).</summary>
    [JsonIgnore]
    public IEnumerable<PublishedStep> AllSteps => Stages.SelectMany(s => s.Steps);
}

public sealed record PublishedStage
{
    public required Guid Uid { get; init; }
    public required PublishedText Title { get; init; }
    public required PublishedText Summary { get; init; }
    public required IReadOnlyList<PublishedStep> Steps { get; init; }
}

public sealed record PublishedStep
{
    public required Guid Uid { get; init; }
    /// <summary>The step's row (feedback is given on it).</summary>
    public required int StepId { get; init; }
    public required PublishedText Title { get; init; }
    public required PublishedText WhatToDo { get; init; }
    public required PublishedText Why { get; init; }
    public required PublishedText DocumentsToBring { get; init; }
    public required PublishedText Deadlines { get; init; }
    public required PublishedText WaitingTime { get; init; }
    public required PublishedText Tips { get; init; }
    public required PathwayConditions Conditions { get; init; }
    /// <summary>Help services in the step's order; read live (a service no longer listed is left out when shown).</summary>
    public required IReadOnlyList<int> ServiceIds { get; init; }
    public required IReadOnlyList<int> MeasureIds { get; init; }
    /// <summary>Marked as invented example content (demo).</summary>
    public bool IsExample { get; init; }
}

/// <summary>For whom a pathway or step is: residence situations, an age range, children.</summary>
public sealed record PathwayConditions(ResidenceSituations Audience, int? MinimumAge, int? MaximumAge, ChildrenCondition Children)
{
    /// <summary>Whether a person with these answers is meant (an answer not given does not exclude).</summary>
    public bool Admits(ResidenceSituations? situation, int? minimumAge, int? maximumAge, bool? hasChildren)
    {
        if (situation is { } s && s != ResidenceSituations.None && (Audience & s) == 0) return false;
        // An age group [minimumAge, maximumAge] is admitted when it overlaps the condition's range.
        if (maximumAge is int upper && MinimumAge is int lowest && upper < lowest) return false;
        if (minimumAge is int lower && MaximumAge is int highest && lower > highest) return false;
        if (hasChildren is bool children)
        {
            if (Children == ChildrenCondition.WithChildren && !children) return false;
            if (Children == ChildrenCondition.WithoutChildren && children) return false;
        }
        return true;
    }
}

/// <summary>A published text: the German source and its translations, each marked when it was made from an older
/// source text.</summary>
public sealed record PublishedText
{
    public required string Source { get; init; }
    public IReadOnlyDictionary<string, PublishedTranslation> Translations { get; init; } = new Dictionary<string, PublishedTranslation>();

    /// <summary>The text in <paramref name="language"/>, or the German source marked as fallback.</summary>
    public ShownText In(string language)
    {
        if (language == ContentLanguages.Source || Source.Length == 0) return new ShownText(Source, ContentLanguages.Source, false, false);
        return Translations.TryGetValue(language, out var t)
            ? new ShownText(t.Text, language, false, t.Outdated)
            : new ShownText(Source, ContentLanguages.Source, true, false);
    }
}

public sealed record PublishedTranslation(string Text, bool Outdated);
