using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Implementation;

namespace Planwerk.Features.Plans.Transfer;

/// <summary>A whole plan as one value: the "planwerk-plan" JSON format, version 2 (see
/// docs/import-export.md). It is the export and import format, and the frozen form of a plan that
/// named versions keep and compare. Everything is in plan order, so two documents of the same
/// content serialize to the same bytes: fields and measures in the editors' order (position, then
/// number), principles by position, districts and a measure's district names by name (ordinal). The
/// order of the arrays is the plan's order; an import gives the parts positions 1, 2, 3, … in it.</summary>
/// <remarks>Property order is the declaration order and is part of the format; add new properties
/// at the end of a record and raise <see cref="CurrentVersion"/> when old readers would misread them.</remarks>
public sealed record PlanDocument(
    string Format,
    int Version,
    string Title,
    int? PeriodStart,
    int? PeriodEnd,
    PlanState State,
    string Summary,
    bool IsExample,
    IReadOnlyList<PrincipleDocument> Principles,
    IReadOnlyList<DistrictDocument> Districts,
    IReadOnlyList<FieldDocument> Fields,
    IReadOnlyList<SectionDocument> Sections,
    IReadOnlyList<ImageDocument> Images)
{
    /// <summary>What the plan calls its levels; optional, so documents without it read as the default words.</summary>
    public PlanLevels? Levels { get; init; }

    /// <summary>The municipality's integration pathways (docs/pathways.md), in exports of the whole plan; absent from
    /// frozen versions and from documents without pathways.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Pathways.PathwayTransferDocument? Pathways { get; init; }

    /// <summary>The levels' words, the default ones when the document names none.</summary>
    [JsonIgnore]
    public PlanLevels LevelNames => Levels ?? PlanLevels.Default;

    public const string FormatName = "planwerk-plan";
    public const int CurrentVersion = 3;

    /// <summary>The oldest version still read: version 1 had no sections and images and called the
    /// measure's key "id"; version 2 had no weights (see <see cref="Upgrade"/>).</summary>
    public const int OldestVersion = 1;

    /// <summary>Every measure in plan order, with its field.</summary>
    public IEnumerable<(FieldDocument Field, MeasureDocument Measure)> AllMeasures() =>
        Fields.SelectMany(f => f.Measures.Select(m => (f, m)));

    /// <summary>Serializer settings of the format: camelCase names, enums by their English names,
    /// indented with two spaces, "\n" line ends, text as it is except what JSON must escape (the
    /// document is a download, never inlined in HTML), and on reading: no unknown properties, no
    /// missing or null required ones.</summary>
    public static readonly JsonSerializerOptions JsonOptions = CreateJsonOptions();

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 16,
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The document as UTF-8 JSON bytes (no byte order mark), ending with a line break.</summary>
    public byte[] ToJson()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(this, JsonOptions);
        var result = new byte[bytes.Length + 1];
        bytes.CopyTo(result, 0);
        result[^1] = (byte)'\n';
        return result;
    }

    /// <summary>Reads the plan <paramref name="planId"/> of the context's municipality, or null when it
    /// has none with that id. Nine queries whatever the plan's size (the measures' districts, principles and partners in queries of their own).</summary>
    public static async Task<PlanDocument?> LoadAsync(PlanwerkDbContext db, int planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new
            {
                p.Title, p.PeriodStart, p.PeriodEnd, p.State, p.Summary, p.IsExample,
                Levels = new PlanLevels(new LevelWords(p.PrincipleSingular, p.PrinciplePlural, p.PrincipleSingularEn, p.PrinciplePluralEn),
                    new LevelWords(p.FieldSingular, p.FieldPlural, p.FieldSingularEn, p.FieldPluralEn),
                    new LevelWords(p.MeasureSingular, p.MeasurePlural, p.MeasureSingularEn, p.MeasurePluralEn)),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (plan is null) return null;

        var principles = await db.Principles.AsNoTracking().Where(p => p.PlanId == planId)
            .OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new PrincipleDocument(p.Position, p.Title, p.Description))
            .ToListAsync(cancellationToken);
        var fields = await db.FieldsOfAction.AsNoTracking().Where(f => f.PlanId == planId)
            .OrderBy(f => f.Position).ThenBy(f => f.Number).ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.Number, f.Title, f.Description })
            .ToListAsync(cancellationToken);
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == planId)
            .Select(m => new
            {
                m.Id, m.Key, m.FieldOfActionId, m.Position, m.Number, m.Title, m.Goal, m.Description, m.TargetGroups,
                Lead = m.Organisations.Where(o => o.Role == MeasureOrganisationRole.Lead).Select(o => o.Organisation!.Name).FirstOrDefault(),
                Partners = m.Organisations.Where(o => o.Role == MeasureOrganisationRole.Partner).OrderBy(o => o.Position).Select(o => o.Organisation!.Name).ToList(),
                m.StartDate, m.EndDate, m.EstimatedCost, m.Funding, m.Priority, m.Status, m.Progress, m.Weight, m.IsExample,
                m.Outcome, m.OutcomeText,
                Districts = m.Districts.Select(d => new DistrictDocument(d.Name, d.Kind)).ToList(),
                Principles = m.Principles.Select(p => p.Position).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var byField = measures
            .OrderBy(m => m.Position).ThenBy(m => Measure.NumberSortKey(m.Number), NumberComparer.Instance).ThenBy(m => m.Id)
            .ToLookup(m => m.FieldOfActionId);
        var fieldDocuments = fields.Select(f => new FieldDocument(f.Number, f.Title, f.Description,
            byField[f.Id].Select(m => new MeasureDocument(
                m.Key, m.Number, m.Title, m.Goal, m.Description, m.TargetGroups, m.Lead ?? "", MeasureOrganisation.JoinPartners(m.Partners),
                m.Districts.Select(d => d.Name).Order(StringComparer.Ordinal).ToList(),
                m.StartDate, m.EndDate, NormalizeAmount(m.EstimatedCost), m.Funding, m.Priority,
                m.Principles.Order().ToList(), m.Status, m.Progress, m.IsExample)
            {
                Weight = NormalizeWeight(m.Weight), Outcome = m.Outcome, OutcomeText = m.OutcomeText.Length == 0 ? null : m.OutcomeText,
            }).ToList())).ToList();
        var sectionRows = await db.PlanSections.AsNoTracking().Where(s => s.PlanId == planId)
            .OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Title, s.Body, s.Kind,
                Datasets = s.Datasets.OrderBy(d => d.Position).ThenBy(d => d.Id).Select(d => d.Dataset!.Code).ToList(),
            })
            .ToListAsync(cancellationToken);
        var sections = sectionRows.Select(s => s.Kind == Planwerk.Features.Plans.Sections.PlanSectionKind.Retrospective
            ? new SectionDocument(s.Title, s.Body) { Kind = s.Kind, Datasets = s.Datasets }
            : new SectionDocument(s.Title, s.Body)).ToList();
        var images = await db.PlanImages.AsNoTracking().Where(i => i.PlanId == planId)
            .OrderBy(i => i.Number)
            .Select(i => new ImageDocument(i.Number, i.FileName, i.ContentType, i.AltText, i.Bytes))
            .ToListAsync(cancellationToken);
        var districts = measures.SelectMany(m => m.Districts).DistinctBy(d => d.Name, StringComparer.Ordinal)
            .OrderBy(d => d.Name, StringComparer.Ordinal).ToList();

        return new PlanDocument(FormatName, CurrentVersion, plan.Title, plan.PeriodStart, plan.PeriodEnd, plan.State, plan.Summary, plan.IsExample,
            principles, districts, fieldDocuments, sections, images) { Levels = plan.Levels };
    }

    /// <summary>Brings a parsed document of an older supported version into the current shape, in place:
    /// a version 1 document's measures have their "id" renamed "key" (the migration that introduced keys
    /// gave every existing measure Key = Id, so the keys of old exports and frozen versions still match),
    /// missing "sections" and "images" become empty, and a measure without "key" gets null (the import
    /// then gives it the next free key). A version 1 or 2 document has no weights: its measures' "weight" stays
    /// missing (null), which an import takes as <see cref="Measure.DefaultWeight"/> and a comparison as unknown.
    /// Returns the version the document was written in, or null when
    /// it has no readable version. Anything it does not understand it leaves for the reader to report.</summary>
    public static int? Upgrade(JsonObject root)
    {
        if (root["version"] is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<int>(out var version)) return null;
        if (version is < OldestVersion or > CurrentVersion) return version;
        root["version"] = CurrentVersion;
        if (version == 1)
        {
            root.TryAdd("sections", new JsonArray());
            root.TryAdd("images", new JsonArray());
        }
        if (root["fields"] is JsonArray fields)
        {
            foreach (var measure in fields.OfType<JsonObject>().Select(f => f["measures"]).OfType<JsonArray>().SelectMany(a => a.OfType<JsonObject>()))
            {
                if (version == 1 && !measure.ContainsKey("key") && measure.TryGetPropertyValue("id", out var id))
                {
                    measure.Remove("id");
                    measure["key"] = id;
                }
                measure.TryAdd("key", null);
            }
        }
        return version;
    }

    /// <summary>One way to write each amount, whatever scale the database gives back (PostgreSQL's
    /// numeric(14,2) says 1250000.00, SQLite 1250000): whole amounts without decimals, others with two.</summary>
    public static decimal? NormalizeAmount(decimal? amount) => amount switch
    {
        null => null,
        decimal a when a == decimal.Truncate(a) => decimal.Truncate(a),
        decimal a => decimal.Round(a, 2) + 0.00m,
    };

    /// <summary>A weight written as short as it goes, whatever scale the database gives back: 1, 2.5, 0.25.</summary>
    public static decimal NormalizeWeight(decimal weight) =>
        decimal.Parse(weight.ToString("0.##", CultureInfo.InvariantCulture), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}

/// <summary>A guiding principle; measures refer to it by <see cref="Position"/>.</summary>
public sealed record PrincipleDocument(int Position, string Title, string Description);

/// <summary>A district or locality used by the plan's measures; matched by name on import.</summary>
public sealed record DistrictDocument(string Name, DistrictKind Kind);

public sealed record FieldDocument(int Number, string Title, string Description, IReadOnlyList<MeasureDocument> Measures);

/// <summary>A measure. <see cref="Key"/> is its per-plan key (<see cref="Measure.Key"/>: stable through
/// renumbering and moves); an import keeps it, and gives the next free key where it is null.
/// <see cref="Principles"/> are principle positions; <see cref="Districts"/> are district names.
/// <see cref="Lead"/> and <see cref="Partners"/> are names of organisations of the registry (partners separated by
/// "; "); their JSON names are those of the free-text fields they replaced, so older documents and frozen versions
/// still read. <see cref="Weight"/> (since version 3) is the measure's weight for the weighted roll-up; null where a
/// document of an older version does not say.</summary>
public sealed record MeasureDocument(
    int? Key,
    string Number,
    string Title,
    string Goal,
    string Description,
    string TargetGroups,
    [property: JsonPropertyName("responsibleOffice")] string Lead,
    [property: JsonPropertyName("partnerOrganisations")] string Partners,
    IReadOnlyList<string> Districts,
    DateOnly? StartDate,
    DateOnly? EndDate,
    decimal? EstimatedCost,
    string Funding,
    MeasurePriority Priority,
    IReadOnlyList<int> Principles,
    MeasureStatus Status,
    int Progress,
    bool IsExample)
{
    public decimal? Weight { get; init; }

    /// <summary>The closing assessment (docs/plan-lineage.md); absent until the measure is assessed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Lineage.MeasureOutcome? Outcome { get; init; }

    /// <summary>The assessment's text; absent when empty.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OutcomeText { get; init; }
}

/// <summary>A narrative section (preface, retrospective, …) with its Markdown body, in plan order.
/// Images in the body are written <c>![alt text](image:3)</c>, 3 being the image's <see cref="ImageDocument.Number"/>.</summary>
public sealed record SectionDocument(string Title, string Body)
{
    /// <summary>Absent for a text section; "Retrospective" for a retrospective (docs/plan-lineage.md).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Planwerk.Features.Plans.Sections.PlanSectionKind? Kind { get; init; }

    /// <summary>A retrospective's datasets, in order, by their codes; absent for a text section.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Datasets { get; init; }
}

/// <summary>An image the sections show, with its bytes (base64 in JSON).</summary>
public sealed record ImageDocument(int Number, string FileName, string ContentType, string AltText, byte[] Data);
