using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Plans.Transfer.TransferData;

namespace Planwerk.Tests.Features.Plans.Transfer;

/// <summary>A plan document imported as a new plan: checked completely, created whole or not at all.</summary>
public abstract class PlanImportTests(PlanwerkApp app)
{
    private static PlanDocument Valid() => new(
        PlanDocument.FormatName, PlanDocument.CurrentVersion, "Aktionsplan Integration", 2022, 2026, PlanState.Draft, "Kurz gesagt.", false,
        [new PrincipleDocument(1, "Teilhabe", "")],
        [new DistrictDocument("Altstadt", DistrictKind.District)],
        [
            new FieldDocument(1, "Sprache", "", [
                new MeasureDocument(17, "1.1", "Sprachcafé", "", "", "", "", "", ["Altstadt"], new DateOnly(2022, 1, 1), new DateOnly(2023, 1, 1),
                    1000m, "", MeasurePriority.Medium, [1], MeasureStatus.InProgress, 50, false),
            ]),
        ],
        [], []);

    private static PlanDocument WithMeasure(Func<MeasureDocument, MeasureDocument> change)
    {
        var document = Valid();
        return document with { Fields = [document.Fields[0] with { Measures = [change(document.Fields[0].Measures[0])] }] };
    }

    private async Task<(PlanImportResult Result, int Plans)> ImportAsync(byte[] json)
    {
        var m = await app.CreateMunicipalityAsync();
        var result = await m.WithDbAsync(db => PlanImport.ImportAsync(db, json, Now));
        return (result, await m.WithDbAsync(db => db.Plans.CountAsync()));
    }

    private async Task<ImportProblem> ProblemAsync(byte[] json)
    {
        var (result, plans) = await ImportAsync(json);
        Assert.Equal(0, plans);
        return Assert.Single(result.Problems);
    }

    private static byte[] Edited(Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(Valid().ToJson())!.AsObject();
        edit(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    [Fact]
    public async Task A_valid_document_creates_a_plan_that_is_not_public()
    {
        var (result, plans) = await ImportAsync(Valid().ToJson());

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal((1, 1, 1, 1), (plans, result.Fields, result.Measures, result.DistrictsCreated));
        Assert.Equal("Aktionsplan Integration", result.Title);
    }

    [Fact]
    public async Task Text_that_is_not_json_is_refused_with_its_line()
    {
        var problem = await ProblemAsync("{\n  \"format\": \"planwerk-plan\",\n  \"version\": 1,\n  oops\n}"u8.ToArray());
        Assert.Equal(ImportTexts.NotJson, problem.Message);
        Assert.Equal("4", problem.Arguments[0]);
    }

    [Fact]
    public async Task A_property_given_twice_is_refused_as_invalid_json()
    {
        var problem = await ProblemAsync("{\"format\": \"planwerk-plan\", \"version\": 2, \"version\": 1}"u8.ToArray());
        Assert.Equal(ImportTexts.NotJson, problem.Message);
    }

    [Fact]
    public async Task A_json_document_of_another_kind_is_refused()
    {
        Assert.Equal(ImportTexts.JsonNotPlanwerk, (await ProblemAsync("""{"format": "oparl", "version": 1}"""u8.ToArray())).Message);
    }

    [Fact]
    public async Task A_later_format_version_is_refused()
    {
        var problem = await ProblemAsync(Edited(d => d["version"] = 4));
        Assert.Equal((ImportTexts.JsonVersionUnsupported, "4"), (problem.Message, problem.Arguments[0]));
    }

    [Fact]
    public async Task An_unknown_property_is_named()
    {
        var problem = await ProblemAsync(Edited(d => d["fields"]![0]!["measures"]![0]!.AsObject()["colour"] = "rot"));
        Assert.Equal((ImportTexts.JsonUnknownProperty, "colour"), (problem.Message, problem.Arguments[0]));
        Assert.StartsWith("$.fields[0].measures[0]", problem.Column, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_property_is_named()
    {
        var problem = await ProblemAsync(Edited(d => d["fields"]![0]!.AsObject().Remove("title")));
        Assert.Equal(ImportTexts.JsonMissingProperty, problem.Message);
        Assert.Contains("title", problem.Arguments[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_where_text_belongs_is_refused()
    {
        var problem = await ProblemAsync(Edited(d => d["summary"] = null));
        Assert.Equal((ImportTexts.JsonMissingProperty, "$.summary"), (problem.Message, problem.Column));
    }

    [Fact]
    public async Task An_unknown_status_names_the_allowed_values()
    {
        var problem = await ProblemAsync(Edited(d => d["fields"]![0]!["measures"]![0]!["status"] = "fertig"));
        Assert.Equal((ImportTexts.JsonInvalid, "$.fields[0].measures[0].status"), (problem.Message, problem.Column));
        Assert.Contains("InProgress", problem.Arguments[0], StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> SemanticProblems => new()
    {
        { "plan title empty", "$.title", ImportTexts.Required },
        { "period out of range", "$.periodStart", ImportTexts.PeriodOutOfRange },
        { "period reversed", "$.periodEnd", ImportTexts.PeriodEndBeforeStart },
        { "principle position twice", "$.principles[1].position", ImportTexts.DuplicatePosition },
        { "district with semicolon", "$.districts[0].name", ImportTexts.DistrictSeparator },
        { "district twice", "$.districts[1].name", ImportTexts.DuplicateDistrict },
        { "field number twice", "$.fields[1].number", ImportTexts.DuplicateFieldNumber },
        { "field title too long", "$.fields[0].title", ImportTexts.TooLong },
        { "measure number of another field", "$.fields[0].measures[0].number", ImportTexts.NumberOutsideField },
        { "measure number malformed", "$.fields[0].measures[0].number", ImportTexts.NotANumber },
        { "measure district not listed", "$.fields[0].measures[0].districts", ImportTexts.DistrictNotListed },
        { "measure principle unknown", "$.fields[0].measures[0].principles", ImportTexts.UnknownPrinciple },
        { "measure ends before it starts", "$.fields[0].measures[0].endDate", ImportTexts.EndBeforeStart },
        { "measure cost with three decimals", "$.fields[0].measures[0].estimatedCost", ImportTexts.TooManyDecimals },
        { "measure completed below 100 percent", "$.fields[0].measures[0].progress", ImportTexts.CompletedBelowFull },
        { "measure title with control character", "$.fields[0].measures[0].title", ImportTexts.ControlCharacter },
        { "measure target groups too long", "$.fields[0].measures[0].targetGroups", ImportTexts.TooLong },
        { "measure weight negative", "$.fields[0].measures[0].weight", ImportTexts.NotAWeight },
        { "measure weight above 1000", "$.fields[0].measures[0].weight", ImportTexts.NotAWeight },
        { "measure weight with three decimals", "$.fields[0].measures[0].weight", ImportTexts.NotAWeight },
    };

    [Theory]
    [MemberData(nameof(SemanticProblems))]
    public async Task A_document_problem_is_reported_at_its_place_and_no_plan_is_created(string kind, string place, string message)
    {
        var valid = Valid();
        var document = kind switch
        {
            "plan title empty" => valid with { Title = " " },
            "period out of range" => valid with { PeriodStart = 1850 },
            "period reversed" => valid with { PeriodStart = 2026, PeriodEnd = 2022 },
            "principle position twice" => valid with { Principles = [.. valid.Principles, new PrincipleDocument(1, "Noch eine", "")] },
            "district with semicolon" => valid with { Districts = [new DistrictDocument("Altstadt; Neustadt", DistrictKind.District)], Fields = [valid.Fields[0] with { Measures = [] }] },
            "district twice" => valid with { Districts = [.. valid.Districts, valid.Districts[0]] },
            "field number twice" => valid with { Fields = [.. valid.Fields, new FieldDocument(1, "Nochmal", "", [])] },
            "field title too long" => valid with { Fields = [valid.Fields[0] with { Title = new string('t', 301) }] },
            "measure number of another field" => WithMeasure(x => x with { Number = "2.1" }),
            "measure number malformed" => WithMeasure(x => x with { Number = "eins" }),
            "measure district not listed" => WithMeasure(x => x with { Districts = ["Mitte"] }),
            "measure principle unknown" => WithMeasure(x => x with { Principles = [4] }),
            "measure ends before it starts" => WithMeasure(x => x with { EndDate = new DateOnly(2021, 1, 1) }),
            "measure cost with three decimals" => WithMeasure(x => x with { EstimatedCost = 1.005m }),
            "measure completed below 100 percent" => WithMeasure(x => x with { Status = MeasureStatus.Completed, Progress = 99 }),
            "measure title with control character" => WithMeasure(x => x with { Title = "A\u0001B" }),
            "measure target groups too long" => WithMeasure(x => x with { TargetGroups = new string('z', 2001) }),
            "measure weight negative" => WithMeasure(x => x with { Weight = -1m }),
            "measure weight above 1000" => WithMeasure(x => x with { Weight = 1000.01m }),
            "measure weight with three decimals" => WithMeasure(x => x with { Weight = 1.005m }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        var problem = await ProblemAsync(document.ToJson());

        Assert.Equal((place, message), (problem.Column, problem.Message));
    }

    [Fact]
    public async Task Weights_are_imported_and_a_version_2_document_without_them_weighs_every_measure_1()
    {
        var m = await app.CreateMunicipalityAsync();
        var weighted = WithMeasure(x => x with { Weight = 2.5m }).ToJson();
        Assert.Contains("\"weight\": 2.5", Encoding.UTF8.GetString(weighted), StringComparison.Ordinal);
        var result = await m.WithDbAsync(db => PlanImport.ImportAsync(db, weighted, Now));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(2.5m, await m.WithDbAsync(db => db.Measures.Where(x => x.PlanId == result.PlanId).Select(x => x.Weight).SingleAsync()));

        var old = Edited(d =>
        {
            d["version"] = 2;
            d["fields"]![0]!["measures"]![0]!.AsObject().Remove("weight");
        });
        result = await m.WithDbAsync(db => PlanImport.ImportAsync(db, old, Now));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(1m, await m.WithDbAsync(db => db.Measures.Where(x => x.PlanId == result.PlanId).Select(x => x.Weight).SingleAsync()));
    }

    [Fact]
    public async Task A_version_1_document_is_read_with_its_measure_ids_as_keys()
    {
        var m = await app.CreateMunicipalityAsync();
        var json = Edited(d =>
        {
            d["version"] = 1;
            d.Remove("sections");
            d.Remove("images");
            var measure = d["fields"]![0]!["measures"]![0]!.AsObject();
            measure.Remove("key");
            measure.Insert(0, "id", 17);
        });

        var result = await m.WithDbAsync(db => PlanImport.ImportAsync(db, json, Now));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var document = await DocumentAsync(m, result.PlanId);
        Assert.Equal((PlanDocument.CurrentVersion, 17, (decimal?)1m), (document.Version, document.Fields[0].Measures[0].Key, document.Fields[0].Measures[0].Weight));
        Assert.Empty(document.Sections);
        Assert.Empty(document.Images);
    }

    internal static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    [Fact]
    public async Task Problems_of_keys_sections_and_images_are_reported_at_their_places()
    {
        var valid = Valid();
        var measure = valid.Fields[0].Measures[0];
        var document = valid with
        {
            Fields = [valid.Fields[0] with { Measures = [measure, measure with { Number = "1.2", Key = 17 }, measure with { Number = "1.3", Key = 0 }, measure with { Number = "1.4", Key = null }] }],
            Sections =
            [
                new SectionDocument(" ", "![Plan](image:1) und ![fehlt](image:9)"),
                new SectionDocument(new string('s', 301), "Text"),
            ],
            Images =
            [
                new ImageDocument(1, "plan.png", "image/png", "Ein Plan", Png),
                new ImageDocument(1, "doppelt.png", "image/png", "Doppelt", Png),
                new ImageDocument(0, "null.png", "image/png", "Null", Png),
                new ImageDocument(2, "falsch.gif", "image/gif", "Falscher Typ", Png),
                new ImageDocument(3, "text.png", "image/png", "Kein Bild", "<svg onload=alert(1)>"u8.ToArray()),
                new ImageDocument(4, "", "image/png", "", Png),
                new ImageDocument(5, "gross.png", "image/png", new string('a', 501), [.. Png, .. new byte[Planwerk.Features.Plans.Sections.ImageFiles.MaxBytes]]),
            ],
        };

        var (result, plans) = await ImportAsync(document.ToJson());

        Assert.Equal(0, plans);
        Assert.Equal(
        [
            ("$.fields[0].measures[1].key", ImportTexts.DuplicateKeyAt),
            ("$.fields[0].measures[2].key", ImportTexts.NotAKey),
            ("$.images[1].number", ImportTexts.DuplicateImageNumber),
            ("$.images[2].number", ImportTexts.NotAnImageNumber),
            ("$.images[3].contentType", ImportTexts.ImageTypeDiffers),
            ("$.images[4].data", ImportTexts.ImageNotRecognised),
            ("$.images[5].fileName", ImportTexts.Required),
            ("$.images[5].altText", ImportTexts.Required),
            ("$.images[6].altText", ImportTexts.TooLong),
            ("$.images[6].data", ImportTexts.ImageTooLarge),
            ("$.sections[0].title", ImportTexts.Required),
            ("$.sections[0].body", ImportTexts.ImageNotListed),
            ("$.sections[1].title", ImportTexts.TooLong),
        ], result.Problems.Select(p => (p.Column!, p.Message)));
        Assert.Equal("9", result.Problems.Single(p => p.Message == ImportTexts.ImageNotListed).Arguments[0]);
    }

    [Fact]
    public async Task Every_problem_of_the_document_is_reported_at_once()
    {
        var document = WithMeasure(x => x with { Number = "2.1", Progress = 120, Districts = ["Mitte"] }) with { Title = "" };

        var (result, plans) = await ImportAsync(document.ToJson());

        Assert.Equal(0, plans);
        Assert.Equal(["$.title", "$.fields[0].measures[0].number", "$.fields[0].measures[0].districts", "$.fields[0].measures[0].progress"], result.Problems.Select(p => p.Column));
    }
}

public sealed class PlanImportSqliteTests(SqliteApp app) : PlanImportTests(app), IClassFixture<SqliteApp>;

public sealed class PlanImportPostgresTests(PostgresApp app) : PlanImportTests(app), IClassFixture<PostgresApp>;
