using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Implementation;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans.Manage;
using Planwerk.Infrastructure.Editing;
using Planwerk.Features.Plans.Sections;
using Planwerk.Infrastructure.Markdown;

namespace Planwerk.Features.Plans.Transfer;

public sealed record PlanImportResult(IReadOnlyList<ImportProblem> Problems, int PlanId, string Title, int Fields, int Measures, int DistrictsCreated)
{
    /// <summary>The new plan's words for its levels.</summary>
    public PlanLevels Levels { get; init; } = PlanLevels.Default;

    public bool Succeeded => Problems.Count == 0;

    /// <summary>Organisations the import added to the registry (only with its option to create missing ones).</summary>
    public int OrganisationsCreated { get; init; }

    /// <summary>What the import did with the document's pathways; null when it had none.</summary>
    public Pathways.PathwayImportCounts? Pathways { get; init; }

    public static PlanImportResult Failed(params ImportProblem[] problems) => new(problems, 0, "", 0, 0, 0);
}

/// <summary>Creates a new plan in the current municipality from a "planwerk-plan" JSON document.
/// The document is checked completely first (every problem reported with its place in the
/// document); then the plan is created in one step or not at all. The new plan is not public.
/// Districts are matched by name and created when the municipality lacks them. The measures' lead and partners
/// are names of the registry's organisations: a name it lacks is refused at its place, or created when
/// <c>createOrganisations</c> is set (the demo does).</summary>
public static partial class PlanImport
{
    /// <summary>The largest plan document accepted: larger than a measure table's limit, because the
    /// document carries the sections' images (up to 5 MB each, a third more in base64).</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    public static Task<PlanImportResult> ImportAsync(PlanwerkDbContext db, ReadOnlyMemory<byte> content, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ImportAsync(db, content, now, null, createOrganisations: false, cancellationToken);

    public static Task<PlanImportResult> ImportAsync(PlanwerkDbContext db, ReadOnlyMemory<byte> content, DateTimeOffset now, bool createOrganisations,
        CancellationToken cancellationToken = default) =>
        ImportAsync(db, content, now, null, createOrganisations, cancellationToken);

    public static Task<PlanImportResult> ImportAsync(PlanwerkDbContext db, ReadOnlyMemory<byte> content, DateTimeOffset now,
        Action<Plan>? prepare, CancellationToken cancellationToken = default) =>
        ImportAsync(db, content, now, prepare, createOrganisations: false, cancellationToken);

    /// <param name="prepare">Sets what the document does not carry (whether the plan is public, its
    /// predecessor) on the new plan before it is saved, so the history records it as created that way.</param>
    public static async Task<PlanImportResult> ImportAsync(PlanwerkDbContext db, ReadOnlyMemory<byte> content, DateTimeOffset now,
        Action<Plan>? prepare, bool createOrganisations, CancellationToken cancellationToken = default)
    {
        var (document, problem) = Read(content.Span);
        if (problem is not null) return PlanImportResult.Failed(problem);

        var limits = TextLimits.Of(db);
        var problems = Validate(document!, limits);
        var organisations = await OrganisationNames.LoadAsync(db, createOrganisations, cancellationToken);
        problems.AddRange(FindOrganisations(document!, organisations));
        if (document!.Pathways is { } pathways)
        {
            var keys = document.AllMeasures().Select(m => m.Measure.Key).OfType<int>().ToHashSet();
            problems.AddRange(Pathways.PathwayTransfer.Validate(pathways, keys));
        }
        if (problems.Count > 0) return PlanImportResult.Failed([.. problems]);
        return await CreateAsync(db, document!, organisations, now, prepare, cancellationToken);
    }

    // ------------------------------------------------------------------ reading

    public static (PlanDocument? Document, ImportProblem? Problem) Read(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0) return (null, ImportProblem.InFile(ImportTexts.EmptyFile));
        if (content.Length > MaxBytes)
            return (null, ImportProblem.InFile(ImportTexts.TooLarge, MeasureFiles.FormatSize(content.Length), MeasureFiles.FormatSize(MaxBytes)));
        if (content.StartsWith("\uFEFF"u8)) content = content[3..];

        // The format and version first, so that a document of another kind or version gets that said
        // rather than a list of mismatches. An older version is brought into the current shape.
        JsonObject root;
        try
        {
            var node = JsonNode.Parse(content, documentOptions: new JsonDocumentOptions { MaxDepth = 16, AllowDuplicateProperties = false });
            if (node is not JsonObject o || o["format"] is not JsonValue format || format.GetValueKind() != JsonValueKind.String
                || format.GetValue<string>() != PlanDocument.FormatName)
                return (null, ImportProblem.InFile(ImportTexts.JsonNotPlanwerk));
            root = o;
            var version = PlanDocument.Upgrade(root);
            if (version is not (>= PlanDocument.OldestVersion and <= PlanDocument.CurrentVersion))
                return (null, new ImportProblem(null, "$.version", ImportTexts.JsonVersionUnsupported,
                    [root["version"]?.ToJsonString() ?? "–", Str(PlanDocument.OldestVersion), Str(PlanDocument.CurrentVersion)]));
        }
        catch (JsonException e)
        {
            return (null, NotJson(e));
        }

        try
        {
            var document = root.Deserialize<PlanDocument>(PlanDocument.JsonOptions);
            return document is null ? (null, ImportProblem.InFile(ImportTexts.JsonNotPlanwerk)) : (document, null);
        }
        catch (JsonException e)
        {
            return (null, Mismatch(e));
        }
    }

    private static ImportProblem NotJson(JsonException e) => ImportProblem.InFile(ImportTexts.NotJson,
        ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture), ((e.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture));

    /// <summary>Says in German what System.Text.Json found wrong, at the place it names.</summary>
    private static ImportProblem Mismatch(JsonException e)
    {
        var path = e.Path ?? "$";
        var message = e.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var name = Quoted().Match(message) is { Success: true } m ? m.Groups[1].Value : LastSegment(path);
            return new ImportProblem(null, path, ImportTexts.JsonUnknownProperty, [name]);
        }
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var names = string.Join(", ", Quoted().Matches(message).Select(m => m.Groups[1].Value).Where(n => !n.Contains('.', StringComparison.Ordinal)));
            return new ImportProblem(null, path, ImportTexts.JsonMissingProperty, [names.Length > 0 ? names : LastSegment(path)]);
        }
        if (message.Contains("null value", StringComparison.OrdinalIgnoreCase) || message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase))
            return new ImportProblem(null, path, ImportTexts.JsonMissingProperty, [LastSegment(path)]);
        return new ImportProblem(null, path, ImportTexts.JsonInvalid, [Expected(LastSegment(path))]);
    }

    private static string LastSegment(string path)
    {
        var name = path[(path.LastIndexOf('.') + 1)..];
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket >= 0 ? name[..bracket] : name;
    }

    private static string Expected(string property) => property switch
    {
        "state" => Words<PlanState>(),
        "status" => Words<MeasureStatus>(),
        "priority" => Words<MeasurePriority>(),
        "kind" => Words<DistrictKind>(),
        "startDate" or "endDate" => "2019-07-01",
        "periodStart" or "periodEnd" or "version" or "position" or "number" or "progress" or "key" or "id" => "0–9",
        "estimatedCost" => "1250000.5",
        "weight" => "2.5",
        _ => property,
    };

    private static string Words<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();

    // ------------------------------------------------------------------ checking

    internal static List<ImportProblem> Validate(PlanDocument document, TextLimits limits)
    {
        var problems = new List<ImportProblem>();
        var named = document.LevelNames;
        void Problem(string path, string message, params string[] arguments) => problems.Add(new ImportProblem(null, path, message, arguments));
        void Text(string path, string text, int? maxLength, bool required)
        {
            if (required && string.IsNullOrWhiteSpace(text)) Problem(path, ImportTexts.Required);
            else if (ValueParsing.ControlCharacter(text) is char c) Problem(path, ImportTexts.ControlCharacter, ValueParsing.Hex(c));
            else if (maxLength is int max && text.Length > max) Problem(path, ImportTexts.TooLong, Str(text.Length), Str(max));
        }
        void Year(string path, int? year)
        {
            if (year is int y && (y < PlanRules.FirstYear || y > PlanRules.LastYear)) Problem(path, ImportTexts.PeriodOutOfRange, Str(y), Str(PlanRules.FirstYear), Str(PlanRules.LastYear));
        }

        Text("$.title", document.Title, limits.PlanTitle, required: true);
        Year("$.periodStart", document.PeriodStart);
        Year("$.periodEnd", document.PeriodEnd);
        if (PlanRules.Period(document.PeriodStart, document.PeriodEnd) is not null) Problem("$.periodEnd", ImportTexts.PeriodEndBeforeStart);
        Text("$.summary", document.Summary, null, required: false);
        if (document.Levels is { } levels)
        {
            foreach (var (level, words) in levels.All)
            {
                var at = "$.levels." + JsonNamingPolicy.CamelCase.ConvertName(level);
                Text(at + ".singular", words.Singular, PlanLevels.MaxWordLength, required: true);
                Text(at + ".plural", words.Plural, PlanLevels.MaxWordLength, required: true);
                Text(at + ".singularEn", words.SingularEn, PlanLevels.MaxWordLength, required: true);
                Text(at + ".pluralEn", words.PluralEn, PlanLevels.MaxWordLength, required: true);
            }
        }

        var positions = new HashSet<int>();
        for (var i = 0; i < document.Principles.Count; i++)
        {
            var p = document.Principles[i];
            var at = $"$.principles[{i}]";
            if (p.Position < 1) Problem(at + ".position", ImportTexts.NotAPosition, named.Principle.Many);
            else if (!positions.Add(p.Position)) Problem(at + ".position", ImportTexts.DuplicatePosition, Str(p.Position), named.Principle.Many);
            Text(at + ".title", p.Title, limits.PrincipleTitle, required: true);
            Text(at + ".description", p.Description, null, required: false);
        }

        var districts = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Districts.Count; i++)
        {
            var d = document.Districts[i];
            var at = $"$.districts[{i}].name";
            Text(at, d.Name, limits.DistrictName, required: true);
            if (d.Name.Contains(';', StringComparison.Ordinal)) Problem(at, ImportTexts.DistrictSeparator);
            if (!districts.Add(d.Name)) Problem(at, ImportTexts.DuplicateDistrict, d.Name);
        }

        var fieldNumbers = new HashSet<int>();
        var measureNumbers = new Dictionary<string, string>(StringComparer.Ordinal);
        var measureKeys = new Dictionary<int, string>();
        for (var f = 0; f < document.Fields.Count; f++)
        {
            var field = document.Fields[f];
            var at = $"$.fields[{f}]";
            if (field.Number is < 1 or > ValueParsing.MaxFieldNumber) Problem(at + ".number", ImportTexts.NotAFieldNumber, Str(field.Number), named.Field.One);
            else if (!fieldNumbers.Add(field.Number)) Problem(at + ".number", ImportTexts.DuplicateFieldNumber, Str(field.Number), named.Field.Many);
            Text(at + ".title", field.Title, limits.FieldTitle, required: true);
            Text(at + ".description", field.Description, null, required: false);

            for (var k = 0; k < field.Measures.Count; k++)
            {
                var m = field.Measures[k];
                var ma = $"{at}.measures[{k}]";
                if (!Measure.IsValidNumber(m.Number) || !m.Number.Contains('.', StringComparison.Ordinal)) Problem(ma + ".number", ImportTexts.NotANumber, m.Number, named.Measure.One, named.Field.One);
                else if (MeasureNumbers.FieldPart(m.Number) != field.Number) Problem(ma + ".number", ImportTexts.NumberOutsideField, m.Number, Str(field.Number), named.Field.One);
                else if (measureNumbers.TryGetValue(m.Number, out var first)) Problem(ma + ".number", ImportTexts.DuplicateNumber, m.Number, first);
                else measureNumbers[m.Number] = ma;
                if (m.Key is int key)
                {
                    if (key < 1) Problem(ma + ".key", ImportTexts.NotAKey, Str(key));
                    else if (measureKeys.TryGetValue(key, out var holder)) Problem(ma + ".key", ImportTexts.DuplicateKeyAt, Str(key), holder);
                    else measureKeys[key] = ma;
                }

                Text(ma + ".title", m.Title, limits.For(MeasureColumn.Title), required: true);
                Text(ma + ".goal", m.Goal, limits.For(MeasureColumn.Goal), required: false);
                Text(ma + ".description", m.Description, limits.For(MeasureColumn.Description), required: false);
                Text(ma + ".targetGroups", m.TargetGroups, limits.For(MeasureColumn.TargetGroups), required: false);
                Text(ma + ".responsibleOffice", m.Lead, null, required: false);
                Text(ma + ".partnerOrganisations", m.Partners, null, required: false);
                Text(ma + ".funding", m.Funding, limits.For(MeasureColumn.Funding), required: false);
                foreach (var name in m.Districts.Where(n => !districts.Contains(n)))
                    Problem(ma + ".districts", ImportTexts.DistrictNotListed, name);
                foreach (var position in m.Principles.Where(p => !positions.Contains(p)))
                    Problem(ma + ".principles", positions.Count == 0 ? ImportTexts.NoPrinciples : ImportTexts.UnknownPrinciple,
                        positions.Count == 0
                            ? [Str(position), named.Principle.One, named.Principle.ManyInSentence]
                            : [Str(position), string.Join(", ", positions.Order().Select(Str)), named.Principle.One]);
                if (MeasureRules.Schedule(m.StartDate, m.EndDate) is not null && m.StartDate is DateOnly s && m.EndDate is DateOnly e)
                    Problem(ma + ".endDate", ImportTexts.EndBeforeStart, Iso(e), Iso(s));
                if (m.EstimatedCost is decimal cost)
                {
                    if (cost < 0) Problem(ma + ".estimatedCost", ImportTexts.NegativeAmount);
                    else if (cost > ValueParsing.MaxAmount) Problem(ma + ".estimatedCost", ImportTexts.AmountTooLarge);
                    else if (decimal.Round(cost, 2) != cost) Problem(ma + ".estimatedCost", ImportTexts.TooManyDecimals);
                }
                if (m.Progress is < 0 or > 100) Problem(ma + ".progress", ImportTexts.NotAProgress, Str(m.Progress));
                else if (MeasureRules.Progress(m.Status, m.Progress) == MeasureRules.CompletedBelowFull) Problem(ma + ".progress", ImportTexts.CompletedBelowFull, Str(m.Progress));
                if (m.Weight is decimal weight && !Measure.IsValidWeight(weight))
                    Problem(ma + ".weight", ImportTexts.NotAWeight, weight.ToString(CultureInfo.InvariantCulture));
                if (m.OutcomeText is not null) Text(ma + ".outcomeText", m.OutcomeText, Measure.MaxOutcomeTextLength, required: false);
            }
        }

        var imageNumbers = new HashSet<int>();
        for (var i = 0; i < document.Images.Count; i++)
        {
            var image = document.Images[i];
            var at = $"$.images[{i}]";
            if (image.Number < 1) Problem(at + ".number", ImportTexts.NotAnImageNumber, Str(image.Number));
            else if (!imageNumbers.Add(image.Number)) Problem(at + ".number", ImportTexts.DuplicateImageNumber, Str(image.Number));
            Text(at + ".fileName", image.FileName, PlanImage.MaxFileNameLength, required: true);
            Text(at + ".altText", image.AltText, PlanImage.MaxAltTextLength, required: true);
            if (image.Data.Length > ImageFiles.MaxBytes)
                Problem(at + ".data", ImportTexts.ImageTooLarge, MeasureFiles.FormatSize(image.Data.Length), MeasureFiles.FormatSize(ImageFiles.MaxBytes));
            else if (ImageFiles.DetectContentType(image.Data) is not string detected) Problem(at + ".data", ImportTexts.ImageNotRecognised);
            else if (!string.Equals(detected, image.ContentType, StringComparison.Ordinal)) Problem(at + ".contentType", ImportTexts.ImageTypeDiffers, detected, image.ContentType);
        }

        for (var i = 0; i < document.Sections.Count; i++)
        {
            var section = document.Sections[i];
            var at = $"$.sections[{i}]";
            Text(at + ".title", section.Title, PlanSection.MaxTitleLength, required: true);
            Text(at + ".body", section.Body, null, required: false);
            foreach (var number in Markdown.ImageNumbers(section.Body).Distinct().Where(n => !imageNumbers.Contains(n)))
                Problem(at + ".body", ImportTexts.ImageNotListed, Str(number));
        }
        return problems;
    }

    /// <summary>Each measure's lead and partners in the registry (or planned as new ones); a name it lacks is a problem at its place.</summary>
    private static List<ImportProblem> FindOrganisations(PlanDocument document, OrganisationNames organisations)
    {
        var problems = new List<ImportProblem>();
        for (var f = 0; f < document.Fields.Count; f++)
        {
            for (var k = 0; k < document.Fields[f].Measures.Count; k++)
            {
                var m = document.Fields[f].Measures[k];
                var at = $"$.fields[{f}].measures[{k}]";
                var names = (string.IsNullOrWhiteSpace(m.Lead) ? [] : new[] { (Path: at + ".responsibleOffice", Name: m.Lead) })
                    .Concat(MeasureOrganisation.SplitPartners(m.Partners).Select(n => (Path: at + ".partnerOrganisations", Name: n)));
                foreach (var (path, name) in names)
                {
                    if (name.Trim().Length > Stakeholder.MaxNameLength)
                        problems.Add(new ImportProblem(null, path, ImportTexts.TooLong, [Str(name.Trim().Length), Str(Stakeholder.MaxNameLength)]));
                    else if (organisations.Find(name) is null)
                        problems.Add(new ImportProblem(null, path, ImportTexts.UnknownOrganisation, [name.Trim()]));
                }
            }
        }
        return problems;
    }

    /// <summary>Only for <see cref="MarkdownRenderer.ImageNumbers"/>: which images a section body refers to.</summary>
    private static readonly MarkdownRenderer Markdown = new();

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ creating

    private static async Task<PlanImportResult> CreateAsync(PlanwerkDbContext db, PlanDocument document, OrganisationNames organisations, DateTimeOffset now,
        Action<Plan>? prepare, CancellationToken cancellationToken)
    {
        db.Stakeholders.AddRange(organisations.Created);
        var plan = new Plan
        {
            Title = document.Title,
            PeriodStart = document.PeriodStart,
            PeriodEnd = document.PeriodEnd,
            State = document.State,
            Summary = document.Summary,
            IsExample = document.IsExample,
            Levels = document.LevelNames,
            IsPublic = false,
            UpdatedAt = now,
        };
        db.Plans.Add(plan);

        var principles = document.Principles.ToDictionary(p => p.Position, p => new Principle
        {
            Plan = plan, Position = p.Position, Title = p.Title, Description = p.Description,
        });
        db.Principles.AddRange(principles.Values);

        var existing = await db.Districts.ToListAsync(cancellationToken);
        var districts = new Dictionary<string, District>(StringComparer.Ordinal);
        var districtsCreated = 0;
        foreach (var d in document.Districts)
        {
            var match = existing.FirstOrDefault(x => string.Equals(x.Name, d.Name, StringComparison.Ordinal))
                ?? (existing.Where(x => string.Equals(x.Name, d.Name, StringComparison.OrdinalIgnoreCase)).Take(2).ToList() is [var only] ? only : null);
            if (match is null)
            {
                match = new District { Name = d.Name, Kind = d.Kind };
                db.Districts.Add(match);
                existing.Add(match);
                districtsCreated++;
            }
            districts[d.Name] = match;
        }

        var codes = document.Sections.SelectMany(x => x.Datasets ?? []).Distinct(StringComparer.Ordinal).ToList();
        var datasetsByCode = codes.Count == 0 ? new Dictionary<string, int>(StringComparer.Ordinal)
            : await db.StatisticsDatasets.Where(x => codes.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Id, StringComparer.Ordinal, cancellationToken);

        var measures = 0;
        var measuresByKey = new Dictionary<int, Measure>();
        for (var i = 0; i < document.Fields.Count; i++)
        {
            var f = document.Fields[i];
            var field = new FieldOfAction { Plan = plan, Position = i + 1, Number = f.Number, Title = f.Title, Description = f.Description };
            db.FieldsOfAction.Add(field);
            for (var k = 0; k < f.Measures.Count; k++)
            {
                var m = f.Measures[k];
                var measure = new Measure
                {
                    Plan = plan,
                    FieldOfAction = field,
                    Position = k + 1,
                    Number = m.Number,
                    Title = m.Title,
                    Goal = m.Goal,
                    Description = m.Description,
                    TargetGroups = m.TargetGroups,
                    StartDate = m.StartDate,
                    EndDate = m.EndDate,
                    EstimatedCost = PlanDocument.NormalizeAmount(m.EstimatedCost),
                    Funding = m.Funding,
                    Priority = m.Priority,
                    Status = m.Status,
                    Progress = m.Progress,
                    Weight = m.Weight ?? Measure.DefaultWeight,
                    IsExample = m.IsExample,
                    Outcome = m.Outcome,
                    OutcomeText = m.OutcomeText ?? "",
                    Key = m.Key ?? 0,
                    UpdatedAt = now,
                    Districts = m.Districts.Distinct(StringComparer.Ordinal).Select(n => districts[n]).Distinct().ToList(),
                    Principles = m.Principles.Distinct().Select(p => principles[p]).ToList(),
                };
                MeasureOrganisations.Assign(measure, string.IsNullOrWhiteSpace(m.Lead) ? null : organisations.Find(m.Lead),
                    MeasureOrganisation.SplitPartners(m.Partners).Select(n => organisations.Find(n)!).ToList());
                db.Measures.Add(measure);
                if (m.Key is int key) measuresByKey[key] = measure;
                measures++;
            }
        }

        for (var i = 0; i < document.Sections.Count; i++)
        {
            var s = document.Sections[i];
            var section = db.PlanSections.Add(new PlanSection { Plan = plan, Position = i + 1, Title = s.Title, Body = s.Body, Kind = s.Kind ?? PlanSectionKind.Text }).Entity;
            // A retrospective's datasets are found by their codes among the municipality's datasets; a code not found here is left out.
            foreach (var (code, position) in (s.Datasets ?? []).Distinct(StringComparer.Ordinal).Select((c, p) => (c, p + 1)))
                if (datasetsByCode.TryGetValue(code, out var datasetId))
                    section.Datasets.Add(new PlanSectionDataset { DatasetId = datasetId, Position = position });
        }
        foreach (var image in document.Images)
        {
            db.PlanImages.Add(new PlanImage
            {
                Plan = plan, Number = image.Number, FileName = image.FileName, ContentType = image.ContentType,
                AltText = image.AltText, Bytes = image.Data, CreatedAt = now,
            });
        }

        prepare?.Invoke(plan);
        if (document.Pathways is null)
        {
            // One SaveChanges is one transaction: the plan with everything in it, or nothing.
            await db.SaveChangesAsync(cancellationToken);
            return new PlanImportResult([], plan.Id, plan.Title, document.Fields.Count, measures, districtsCreated) { Levels = document.LevelNames, OrganisationsCreated = organisations.Created.Count };
        }
        // The pathways' translations need the rows' ids: two saves, in one transaction (the caller's, when it has one).
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            var (counts, addTranslations) = await Pathways.PathwayTransfer.AddAsync(db, document.Pathways, measuresByKey, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await addTranslations();
            if (own is not null) await own.CommitAsync(cancellationToken);
            return new PlanImportResult([], plan.Id, plan.Title, document.Fields.Count, measures, districtsCreated)
            {
                Levels = document.LevelNames, OrganisationsCreated = organisations.Created.Count, Pathways = counts,
            };
        }
    }
}
