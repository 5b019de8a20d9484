using System.Text.Json;
using System.Text.Json.Nodes;
using Planwerk.Features.Plans.Transfer;

namespace Planwerk.Features.Plans.Versions;

/// <summary>A frozen plan read back from its stored JSON. Documents of format version 1 (frozen before
/// sections, images and measure keys were in the format) are read too: <see cref="PlanDocument.Upgrade"/>
/// takes their measures' "id" as the key (the migration gave existing measures Key = Id, so they still
/// match newer versions) and gives them no sections and no images.</summary>
public sealed record VersionDocument(PlanDocument Plan)
{
    /// <summary>Reads stored text leniently: properties a later format adds are skipped, so an old
    /// version still opens when the format grows.</summary>
    private static readonly JsonSerializerOptions ReadOptions = new(PlanDocument.JsonOptions)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
        RespectRequiredConstructorParameters = false,
    };

    public IReadOnlyList<SectionDocument> Sections => Plan.Sections;

    public static VersionDocument Read(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject root) throw new JsonException("A version holds no plan document.");
        PlanDocument.Upgrade(root);
        var plan = root.Deserialize<PlanDocument>(ReadOptions) ?? throw new JsonException("A version holds no plan document.");
        // Lists a reader skipped as missing come back as null; a version shows them as empty.
        return new VersionDocument(plan with
        {
            Principles = plan.Principles ?? [],
            Districts = plan.Districts ?? [],
            Fields = plan.Fields ?? [],
            Sections = plan.Sections ?? [],
            Images = plan.Images ?? [],
        });
    }

    public static VersionDocument Of(PlanDocument plan) => new(plan);

    /// <summary>A version frozen before plans named their levels shows the plan's words of today.</summary>
    public VersionDocument WithLevels(PlanLevels current) => Plan.Levels is null ? new(Plan with { Levels = current }) : this;

    /// <summary>The numbers of the images a version holds, for resolving its sections' <c>image:N</c> references.</summary>
    public IReadOnlySet<int> ImageNumbers => Plan.Images.Select(i => i.Number).ToHashSet();
}
