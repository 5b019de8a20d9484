using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Pathways.PublicPages;

/// <summary>The finder for one person: exactly the steps and services that apply to the answers, nothing stored, the
/// answers carried in every link, and a message (never an error page) for answers it does not understand.</summary>
public abstract class PathwayFinderTests(PlanwerkApp app)
{
    /// <summary>A shown step: which one, its services in order, and whether none of them names the reading language.</summary>
    public sealed record Shown(string Pathway, Guid Step, string Services, bool NoneInLanguage)
    {
        public Shown(string pathway, Guid step, int[] services, bool noneInLanguage) : this(pathway, step, string.Join(",", services), noneInLanguage) { }
    }

    private static List<Shown> Result(IHtmlDocument page) =>
        page.QuerySelectorAll("section.found-pathway").SelectMany(p => p.QuerySelectorAll("article.pathway-step").Select(a => new Shown(
            p.GetAttribute("data-pathway")!, Guid.ParseExact(a.Id!["step-".Length..], "N"),
            string.Join(",", a.QuerySelectorAll("li.step-service").Select(s => s.GetAttribute("data-service"))),
            a.QuerySelector(".step-language-note") is not null))).ToList();

    public static TheoryData<string> Cases() => new() { "arabic-asylum-prohlis", "german-parent-gorbitz", "recognised-young-ukrainian", "asylum-teenager", "small-child-protection", "protection-only" };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_finder_shows_exactly_the_steps_and_services_that_apply_to_the_answers(string name)
    {
        var w = await PathwayWorld.CreateAsync(app);
        var (query, expected) = name switch
        {
            "arabic-asylum-prohlis" => ($"situation=AsylumSeekers&age=27-64&children=no&lang=ar&district={w.Prohlis}",
                new[] { new Shown("ankommen", w.Register, [w.AsylProhlis, w.AsylGorbitz], false) }),
            "german-parent-gorbitz" => ($"situation=AsylumSeekers&age=27-64&children=yes&district={w.Gorbitz}",
                [new Shown("ankommen", w.Register, [w.AsylGorbitz, w.AsylProhlis], true), new Shown("ankommen", w.KitaStep, [w.Kita], false)]),
            "recognised-young-ukrainian" => ("situation=RecognisedRefugees&age=18-26&children=no&lang=uk",
                [new Shown("arbeit", w.JobCentre, [w.Jobs], false), new Shown("arbeit", w.Register, [w.Jobs], false)]),
            "asylum-teenager" => ("situation=AsylumSeekers&age=6-17",
                [new Shown("ankommen", w.Register, [w.AsylProhlis, w.AsylGorbitz], true), new Shown("ankommen", w.KitaStep, [w.Kita], false),
                 new Shown("ankommen", w.School, [w.Youth], true)]),
            "small-child-protection" => ("situation=TemporaryProtection&age=0-5", []),
            _ => ("situation=TemporaryProtection&lang=uk", [new Shown("arbeit", w.JobCentre, [w.Jobs], false), new Shown("arbeit", w.Register, [w.Jobs], false)]),
        };
        var page = await app.CreateClient().GetDocumentAsync($"/{w.M.Slug}/pathways/finder?{query}");
        Assert.Equal(expected, Result(page));
        Assert.Null(page.QuerySelector("#finder-problems"));
        Assert.Equal(expected.Length == 0, page.QuerySelector("#no-result") is not null);
        // The draft pathway and the service no longer listed never appear.
        Assert.DoesNotContain("Nur im Entwurf", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"[data-service='{w.Gone}']"));
    }

    [Fact]
    public async Task Using_the_finder_stores_nothing_and_sets_no_cookie()
    {
        var w = await PathwayWorld.CreateAsync(app);
        var before = await CountRowsAsync(w);
        var client = app.CreateClient();
        foreach (var url in new[]
        {
            $"/{w.M.Slug}/pathways/finder?situation=AsylumSeekers&age=27-64&children=yes&lang=ar&district={w.Prohlis}",
            $"/{w.M.Slug}/pathways/finder/print?situation=AsylumSeekers&lang=ar",
            $"/{w.M.Slug}/pathways/finder/pdf?situation=AsylumSeekers&lang=ar",
            $"/{w.M.Slug}/pathways/finder?situation=%3Cscript%3E&age=x&district=999999",
        })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), url + " sets a cookie");
        }
        Assert.Equal(before, await CountRowsAsync(w));
        var page = await client.GetDocumentAsync($"/{w.M.Slug}/pathways/finder");
        Assert.Contains("Nichts wird gespeichert", page.QuerySelector("#finder-privacy")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("get", page.QuerySelector("#finder-form")!.GetAttribute("method"));
    }

    private static Task<string> CountRowsAsync(PathwayWorld w) => w.M.WithDbAsync(async db =>
        string.Join(",", await db.Pathways.CountAsync(), await db.PathwayPublications.CountAsync(), await db.PathwaySteps.CountAsync(),
            await db.StepFeedback.CountAsync(), await db.ContentTranslations.CountAsync(), await db.HelpServices.CountAsync(),
            await db.Districts.CountAsync(), await db.Measures.CountAsync(), await db.Set<Planwerk.Features.Services.ContentLanguage>().CountAsync()));

    [Fact]
    public async Task The_questions_are_asked_in_the_reading_language_where_the_finder_has_its_words()
    {
        var w = await PathwayWorld.CreateAsync(app);
        var client = app.CreateClient();

        // Arabic: the questions, answers and button are Arabic, the form is marked Arabic and right to left.
        var arabic = await client.GetDocumentAsync($"/{w.M.Slug}/pathways/finder?situation=AsylumSeekers&age=0-5&lang=ar");
        var form = arabic.QuerySelector("#finder-form")!;
        Assert.Equal("ar", form.GetAttribute("lang"));
        Assert.Equal("rtl", form.GetAttribute("dir"));
        Assert.Equal("ما الخطوات التي تنطبق عليّ؟", arabic.QuerySelector("#finder-heading")!.TextContent.Trim());
        Assert.Equal("عمرك", arabic.QuerySelector("label[for=finder-age]")!.TextContent.Trim());
        Assert.Equal("هل لديك أطفال؟", arabic.QuerySelector("#finder-form legend")!.TextContent.Trim());
        Assert.Equal("اعرض طريقي", arabic.QuerySelector("#finder-form button[type=submit]")!.TextContent.Trim());
        Assert.Equal("أقل من 6 سنوات", arabic.QuerySelector("#finder-age option[selected]")!.TextContent.Trim());
        Assert.Equal(Planwerk.Features.Services.Print.DirectoryLabels.For("ar", "de").Audience(Planwerk.Features.Services.ResidenceSituations.AsylumSeekers)[0],
            arabic.QuerySelector("#finder-situation option[selected]")!.TextContent.Trim());
        Assert.DoesNotContain("Ihr Alter", form.TextContent, StringComparison.Ordinal);

        // A hand-edited address's problem is named in the interface language, marked as such inside the Arabic form.
        var problem = await client.GetDocumentAsync($"/{w.M.Slug}/pathways/finder?age=150&lang=ar");
        var problems = problem.QuerySelector("#finder-problems")!;
        Assert.Equal("de", problems.GetAttribute("lang"));
        Assert.Contains("Altersgruppe", problems.TextContent, StringComparison.Ordinal);

        // Without a reading language, German: the interface's words, and no language marks of the form's own.
        var german = await client.GetDocumentAsync($"/{w.M.Slug}/pathways/finder?age=0-5");
        var germanForm = german.QuerySelector("#finder-form")!;
        Assert.Null(germanForm.GetAttribute("lang"));
        Assert.Equal("Ihr Alter", german.QuerySelector("label[for=finder-age]")!.TextContent.Trim());
        Assert.Equal("unter 6 Jahre", german.QuerySelector("#finder-age option[selected]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_answers_survive_in_every_link_of_the_result()
    {
        var w = await PathwayWorld.CreateAsync(app);
        var answers = $"situation=AsylumSeekers&age=27-64&children=yes&district={w.Prohlis}";
        var page = await app.CreateClient().GetDocumentAsync($"/{w.M.Slug}/pathways/finder?{answers}&lang=ar");
        Assert.Equal($"/{w.M.Slug}/pathways/finder/print?{answers}&lang=ar", page.QuerySelector("#print-link")!.GetAttribute("href"));
        Assert.Equal($"/{w.M.Slug}/pathways/finder/pdf?{answers}&lang=ar", page.QuerySelector("#pdf-link")!.GetAttribute("href"));
        var languages = page.QuerySelectorAll("nav.content-languages a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains($"/{w.M.Slug}/pathways/finder?{answers}&lang=uk", languages);
        Assert.Contains($"/{w.M.Slug}/pathways/finder?{answers}", languages);
        // The form shows the answers chosen, so changing one keeps the others.
        Assert.Equal("AsylumSeekers", page.QuerySelector("#finder-situation option[selected]")!.GetAttribute("value"));
        Assert.Equal("27-64", page.QuerySelector("#finder-age option[selected]")!.GetAttribute("value"));
        Assert.Equal("yes", page.QuerySelector("input[name=children][checked]")!.GetAttribute("value"));
        Assert.Equal(w.Prohlis.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#finder-district option[selected]")!.GetAttribute("value"));
        Assert.Equal("ar", page.QuerySelector("#finder-lang option[selected]")!.GetAttribute("value"));
        // The print view's way back and its printed address carry them too.
        var print = await app.CreateClient().GetDocumentAsync(page.QuerySelector("#print-link")!.GetAttribute("href")!);
        Assert.Equal($"/{w.M.Slug}/pathways/finder?{answers}&lang=ar", print.QuerySelector("#back-link")!.GetAttribute("href"));
        Assert.EndsWith($"/{w.M.Slug}/pathways/finder?{answers}&lang=ar", print.QuerySelector("#handout-address")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("rtl", print.DocumentElement.GetAttribute("dir"));
        Assert.Equal("ar", print.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("situation=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "Die Angabe zum Aufenthalt")]
    [InlineData("situation=Everybody", "Die Angabe zum Aufenthalt")]
    [InlineData("situation=None", "Die Angabe zum Aufenthalt")]
    [InlineData("age=200", "Die Altersgruppe")]
    [InlineData("age=-1", "Die Altersgruppe")]
    [InlineData("children=vielleicht", "Die Angabe zu Kindern")]
    [InlineData("district=abc", "Den Stadtteil")]
    [InlineData("district=99999999999999999999", "Den Stadtteil")]
    [InlineData("age=0-5&children=yes", "Ein Kind unter 6 Jahren")]
    public async Task Unknown_or_contradictory_answers_get_a_message_on_the_form_and_never_an_error_page(string query, string message)
    {
        var w = await PathwayWorld.CreateAsync(app);
        var response = await app.CreateClient().GetAsync($"/{w.M.Slug}/pathways/finder?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("#finder-problems")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        if (message.StartsWith("Ein Kind", StringComparison.Ordinal)) Assert.Null(page.QuerySelector("#finder-result"));
    }

    [Fact]
    public async Task A_district_of_another_municipality_is_not_taken()
    {
        var w = await PathwayWorld.CreateAsync(app);
        var other = await PathwayWorld.CreateAsync(app);
        var page = await app.CreateClient().GetDocumentAsync($"/{w.M.Slug}/pathways/finder?situation=AsylumSeekers&age=27-64&children=yes&district={other.Gorbitz}");
        Assert.Contains("Den Stadtteil", page.QuerySelector("#finder-problems")!.TextContent, StringComparison.Ordinal);
        // The result is given without the district: the step's order stands.
        Assert.Equal($"{w.AsylProhlis},{w.AsylGorbitz}", Result(page).First(s => s.Step == w.Register).Services);
    }
}

public sealed class PathwayFinderSqliteTests(SqliteApp app) : PathwayFinderTests(app), IClassFixture<SqliteApp>;

public sealed class PathwayFinderPostgresTests(PostgresApp app) : PathwayFinderTests(app), IClassFixture<PostgresApp>;
