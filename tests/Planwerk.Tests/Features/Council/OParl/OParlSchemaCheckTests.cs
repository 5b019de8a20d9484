using System.Text.Json;
using System.Text.Json.Nodes;

namespace Planwerk.Tests.Features.Council.OParl;

/// <summary>The schema check itself: it accepts the standard's own examples and notices what the API must
/// never send, also inside embedded objects, so a passing API test means something.</summary>
public sealed class OParlSchemaCheckTests
{
    [Theory]
    [InlineData("System-01.json")]
    [InlineData("Body-01.json")]
    [InlineData("Organization-01.json")]
    [InlineData("Paper-01.json")]
    [InlineData("File-01.json")]
    public void The_standards_examples_validate(string example)
    {
        var value = JsonDocument.Parse(File.ReadAllText(Path.Combine(OParlSchemas.ExamplesFolder, example))).RootElement;
        OParlSchemas.AssertValid(value, OParlSchemas.TypeName(value), example);
    }

    /// <summary>The standard's own meeting example embeds agenda items without their required <c>order</c>;
    /// the check finds exactly that, and nothing else.</summary>
    [Fact]
    public void The_meeting_examples_agenda_items_lack_their_required_order_and_the_check_says_so()
    {
        var meeting = JsonDocument.Parse(File.ReadAllText(Path.Combine(OParlSchemas.ExamplesFolder, "Meeting-01.json"))).RootElement;
        var problems = OParlSchemas.Problems(meeting, "Meeting");
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Matches(@"^\$\.agendaItem\[\d+\].*order", p));
    }

    private static JsonObject File01() => JsonNode.Parse(File.ReadAllText(Path.Combine(OParlSchemas.ExamplesFolder, "File-01.json")))!.AsObject();

    [Fact]
    public void A_missing_required_property_a_wrong_type_and_bad_formats_are_noticed()
    {
        var noAccessUrl = File01();
        noAccessUrl.Remove("accessUrl");
        Assert.NotEmpty(OParlSchemas.Problems(Parse(noAccessUrl), "File"));

        var wrongType = File01();
        wrongType["type"] = "https://schema.oparl.org/1.0/File";
        Assert.NotEmpty(OParlSchemas.Problems(Parse(wrongType), "File"));

        var badMoment = File01();
        badMoment["created"] = "gestern";
        Assert.NotEmpty(OParlSchemas.Problems(Parse(badMoment), "File"));

        var badDate = File01();
        badDate["date"] = "04.01.2013";
        Assert.NotEmpty(OParlSchemas.Problems(Parse(badDate), "File"));

        var relativeUrl = File01();
        relativeUrl["accessUrl"] = "/files/57737.pdf";
        Assert.NotEmpty(OParlSchemas.Problems(Parse(relativeUrl), "File"));

        Assert.Empty(OParlSchemas.Problems(Parse(File01()), "File"));
    }

    [Fact]
    public void An_invalid_embedded_object_is_noticed()
    {
        var paper = JsonNode.Parse(File.ReadAllText(Path.Combine(OParlSchemas.ExamplesFolder, "Paper-01.json")))!.AsObject();
        Assert.Empty(OParlSchemas.Problems(Parse(paper), "Paper"));
        var mainFile = File01();
        mainFile.Remove("accessUrl");
        paper["mainFile"] = mainFile;
        var problems = OParlSchemas.Problems(Parse(paper), "Paper");
        Assert.Contains(problems, p => p.StartsWith("$.mainFile", StringComparison.Ordinal));

        var meeting = JsonNode.Parse(File.ReadAllText(Path.Combine(OParlSchemas.ExamplesFolder, "Meeting-01.json")))!.AsObject();
        meeting["agendaItem"] = new JsonArray(new JsonObject { ["id"] = "https://oparl.example.org/agendaitem/1", ["type"] = "https://schema.oparl.org/1.1/AgendaItem" });
        Assert.Contains(OParlSchemas.Problems(Parse(meeting), "Meeting"), p => p.StartsWith("$.agendaItem[0]", StringComparison.Ordinal));
    }

    private static JsonElement Parse(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;
}
