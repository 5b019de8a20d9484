using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Planwerk.Data;
using Planwerk.Features.Plans.Transfer;

namespace Planwerk.Features.Plans.Versions;

/// <summary>A part as a page reads it: without an image's bytes.</summary>
public sealed record VersionPartRow(PlanVersionPartKind Kind, int Position, int Key, string Content);

/// <summary>The pieces of a frozen version a page read, put back together: <see cref="Plan"/> holds the head, the
/// sections if read (else none) and, for each field whose part was read, its measures as the lists show them (number,
/// title, key, frozen status and progress, example flag; their other texts empty); the fields not read have no
/// measures. <see cref="Measures"/> are the measures read whole, each with its field.</summary>
public sealed record VersionOutline(PlanDocument Plan, IReadOnlyList<(FieldDocument Field, MeasureDocument Measure)> Measures);

/// <summary>Splits a frozen plan document into <see cref="PlanVersionPart"/>s and puts the parts a page read back
/// together. A version's parts are written in the save that adds the version (a job of the context's save, so every
/// way of freezing a version writes them: the versions page, the adoption, the demo); versions frozen before parts
/// existed get theirs at start-up (<see cref="FillMissingAsync"/>). The parts are made from the document as
/// <see cref="VersionDocument.Read"/> reads it, so a page shows from them exactly what it showed from the document.</summary>
public static class VersionParts
{
    /// <summary>Compact and lenient both ways: a document frozen with missing texts (read back as null) is kept as it
    /// was read.</summary>
    private static readonly JsonSerializerOptions Options = new(PlanDocument.JsonOptions)
    {
        WriteIndented = false,
        RespectNullableAnnotations = false,
        RespectRequiredConstructorParameters = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>The head, the sections and every field's measure list: the outline of the whole plan, without the
    /// measures' texts and the images' bytes (the plan page, the statement form).</summary>
    public static readonly System.Linq.Expressions.Expression<Func<PlanVersionPart, bool>> IsOutline =
        p => p.Kind == PlanVersionPartKind.Head || p.Kind == PlanVersionPartKind.Sections || p.Kind == PlanVersionPartKind.Field;

    /// <summary>The content type of an image's part.</summary>
    public static string ImageContentType(string content) => JsonSerializer.Deserialize<ImagePart>(content, Options)?.ContentType ?? "";

    /// <summary>One measure as a field's list shows it.</summary>
    private sealed record MeasureLine(int? Key, string Number, string Title, MeasureStatus Status, int Progress, bool IsExample);

    /// <summary>One measure's part: the place of its field in the head's fields, and the measure.</summary>
    private sealed record MeasurePart(int Field, MeasureDocument Measure);

    /// <summary>An image's part, its bytes in <see cref="PlanVersionPart.Data"/>.</summary>
    private sealed record ImagePart(string ContentType, string FileName, string AltText);

    /// <summary>The parts of a stored document; null when it cannot be read as a plan document (no page could show it).
    /// A measure without a key gets no part of its own: no page looks it up.</summary>
    public static List<PlanVersionPart>? Of(string document)
    {
        PlanDocument plan;
        try
        {
            plan = VersionDocument.Read(document).Plan;
        }
        catch (JsonException)
        {
            return null;
        }
        var head = plan with
        {
            Fields = plan.Fields.Select(f => f with { Measures = [] }).ToList(),
            Sections = [],
            Images = plan.Images.Select(i => i with { Data = [] }).ToList(),
        };
        var parts = new List<PlanVersionPart>
        {
            Part(PlanVersionPartKind.Head, 0, 0, head),
            Part(PlanVersionPartKind.Sections, 0, 0, plan.Sections),
        };
        var position = 0;
        foreach (var (field, index) in plan.Fields.Select((f, i) => (f, i)))
        {
            parts.Add(Part(PlanVersionPartKind.Field, index, field.Number,
                field.Measures.Select(m => new MeasureLine(m.Key, m.Number, m.Title, m.Status, m.Progress, m.IsExample)).ToList()));
            foreach (var measure in field.Measures)
            {
                if (measure.Key is int key) parts.Add(Part(PlanVersionPartKind.Measure, position, key, new MeasurePart(index, measure)));
                position++;
            }
        }
        parts.AddRange(plan.Images.Select((image, i) => new PlanVersionPart
        {
            Kind = PlanVersionPartKind.Image, Position = i, Key = image.Number,
            Content = JsonSerializer.Serialize(new ImagePart(image.ContentType, image.FileName, image.AltText), Options), Data = image.Data ?? [],
        }));
        return parts;
    }

    private static PlanVersionPart Part<T>(PlanVersionPartKind kind, int position, int key, T content) =>
        new() { Kind = kind, Position = position, Key = key, Content = JsonSerializer.Serialize(content, Options) };

    /// <summary>Puts the parts a page read together (see <see cref="VersionOutline"/>); null without a head (a version
    /// whose document could not be read).</summary>
    public static VersionOutline? Assemble(IEnumerable<VersionPartRow> parts)
    {
        PlanDocument? head = null;
        IReadOnlyList<SectionDocument> sections = [];
        var lines = new Dictionary<int, List<MeasureLine>>();
        var measures = new List<MeasurePart>();
        // Positions order the parts of a kind; a field number or measure key that occurs twice is found at its first place.
        foreach (var part in parts.OrderBy(p => p.Kind).ThenBy(p => p.Position))
        {
            switch (part.Kind)
            {
                case PlanVersionPartKind.Head:
                    head = JsonSerializer.Deserialize<PlanDocument>(part.Content, Options);
                    break;
                case PlanVersionPartKind.Sections:
                    sections = JsonSerializer.Deserialize<List<SectionDocument>>(part.Content, Options) ?? [];
                    break;
                case PlanVersionPartKind.Field:
                    lines.TryAdd(part.Position, JsonSerializer.Deserialize<List<MeasureLine>>(part.Content, Options) ?? []);
                    break;
                case PlanVersionPartKind.Measure:
                    measures.Add(JsonSerializer.Deserialize<MeasurePart>(part.Content, Options)!);
                    break;
            }
        }
        if (head is null) return null;
        var fields = head.Fields.Select((f, i) => lines.TryGetValue(i, out var list)
            ? f with { Measures = list.Select(m => new MeasureDocument(m.Key, m.Number, m.Title, "", "", "", "", "", [], null, null, null, "", default, [], m.Status, m.Progress, m.IsExample)).ToList() }
            : f).ToList();
        return new VersionOutline(head with { Fields = fields, Sections = sections },
            measures.Where(m => m.Field >= 0 && m.Field < fields.Count).Select(m => (fields[m.Field], m.Measure)).ToList());
    }

    /// <summary>Adds the parts of every version this save adds (a job of the context's save), with their entries.</summary>
    public static void AddForNewVersions(PlanwerkDbContext db, List<EntityEntry> changed)
    {
        var versions = changed.Where(e => e.State == EntityState.Added && e.Entity is PlanVersion { Parts.Count: 0 }).Select(e => (PlanVersion)e.Entity).ToList();
        foreach (var version in versions)
        {
            foreach (var part in Of(version.Document) ?? [])
            {
                part.Version = version;
                part.MunicipalityId = version.MunicipalityId;
                changed.Add(db.Add(part));
            }
        }
    }

    /// <summary>Writes the parts of versions frozen before versions had parts, from their documents. Runs at start-up,
    /// across all municipalities (the start-up has none; each version's parts get its municipality), one save per
    /// version. A version whose document cannot be read gets none and is tried again at the next start. Two instances
    /// starting at once may both try a version: the unique index lets one of them write its parts, the other moves on.</summary>
    public static async Task<int> FillMissingAsync(PlanwerkDbContext db, CancellationToken ct = default)
    {
        var current = db.CurrentMunicipalityId;
        var filled = 0;
        var after = 0;
        try
        {
            while (true)
            {
                var batch = await db.PlanVersions.IgnoreQueryFilters().AsNoTracking()
                    .Where(v => v.Id > after && !db.PlanVersionParts.IgnoreQueryFilters().Any(p => p.VersionId == v.Id))
                    .OrderBy(v => v.Id).Select(v => new { v.Id, v.MunicipalityId }).Take(100).ToListAsync(ct);
                if (batch.Count == 0) return filled;
                foreach (var version in batch)
                {
                    after = version.Id;
                    // One document at a time: a plan's document with its images can be megabytes.
                    var document = await db.PlanVersions.IgnoreQueryFilters().AsNoTracking().Where(v => v.Id == version.Id).Select(v => v.Document).SingleAsync(ct);
                    if (Of(document) is not { } parts) continue;
                    foreach (var part in parts)
                    {
                        part.VersionId = version.Id;
                        part.MunicipalityId = version.MunicipalityId;
                    }
                    db.CurrentMunicipalityId = version.MunicipalityId;
                    db.PlanVersionParts.AddRange(parts);
                    try
                    {
                        await db.SaveChangesAsync(ct);
                        filled++;
                    }
                    catch (DbUpdateException)
                    {
                        // Another instance wrote them first.
                    }
                    db.ChangeTracker.Clear();
                }
            }
        }
        finally
        {
            db.CurrentMunicipalityId = current;
        }
    }
}
