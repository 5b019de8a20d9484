using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Demo;
using Planwerk.Features.Pathways;
using Planwerk.Features.Services;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Demo;

/// <summary>The demo's pathways: five published example pathways in German, easy German, English, Arabic and
/// Ukrainian, whose steps are shared between pathways and name the demo's services and the demo plan's measures.</summary>
public abstract class DemoPathwaysTests(DemoApp app)
{
    [Fact]
    public async Task Demo_publishes_five_example_pathways_in_order()
    {
        var (rows, published) = await InDemoAsync(async (db, services) =>
        {
            var rows = await db.Pathways.OrderBy(p => p.Position).Select(p => new { p.Code, p.Status, p.IsExample, p.CurrentPublicationId }).ToListAsync();
            var published = await services.GetRequiredService<PublishedPathways>().ListAsync(db);
            return (rows, published);
        });

        Assert.Equal(5, rows.Count);
        Assert.All(rows, p => Assert.True(p.IsExample && p.Status == PathwayStatus.Published && p.CurrentPublicationId is not null, p.Code));
        Assert.Equal(rows.Select(p => p.Code), published.Select(p => p.Code));
        Assert.Contains("schutz-ukraine", rows.Select(p => p.Code));
        Assert.All(published, p => Assert.True(p.IsExample));
    }

    [Fact]
    public async Task Every_title_and_what_to_do_is_written_in_easy_german_english_arabic_and_ukrainian_and_reasons_in_english()
    {
        var published = await InDemoAsync((db, services) => services.GetRequiredService<PublishedPathways>().ListAsync(db));

        foreach (var pathway in published)
        {
            foreach (var language in DemoPathways.Languages)
            {
                Assert.False(pathway.Title.In(language).IsFallback, $"{pathway.Code} title in {language}");
                Assert.False(pathway.Summary.In(language).IsFallback, $"{pathway.Code} summary in {language}");
                Assert.All(pathway.Stages, s => Assert.False(s.Title.In(language).IsFallback, $"{s.Title.Source} in {language}"));
                Assert.All(pathway.AllSteps, s =>
                {
                    Assert.False(s.Title.In(language).IsFallback || s.Title.In(language).IsOutdated, $"{s.Title.Source} in {language}");
                    Assert.False(s.WhatToDo.In(language).IsFallback || s.WhatToDo.In(language).IsOutdated, $"{s.Title.Source} in {language}");
                });
            }
            Assert.All(pathway.AllSteps, s => Assert.False(s.Why.In("en").IsFallback));
            // The reasons are not written in Arabic: they show in German, marked as such.
            Assert.All(pathway.AllSteps, s => Assert.True(s.Why.In("ar").IsFallback && s.Why.In("ar").Language == "de"));
        }
        var arabic = published.Single(p => p.Code == "asyl-neu-angekommen").Title.In("ar");
        Assert.Equal("rtl", arabic.Direction);
        Assert.Equal("وصلت حديثاً وقدّمت طلب لجوء", arabic.Text);
        Assert.Equal("Sie kommen aus der Ukraine.", published.Single(p => p.Code == "schutz-ukraine").Title.In(PathwayTexts.EasyGerman).Text);
        var municipalityHasEasyGerman = await InDemoAsync((db, _) => db.ContentLanguages.AnyAsync(l => l.Code == PathwayTexts.EasyGerman && l.Name == "Leichte Sprache"));
        Assert.True(municipalityHasEasyGerman);
    }

    [Fact]
    public async Task Steps_are_shared_between_pathways_and_name_demo_services_and_measures_of_the_demo_plan()
    {
        var (published, services, measures) = await InDemoAsync(async (db, provider) =>
        {
            var published = await provider.GetRequiredService<PublishedPathways>().ListAsync(db);
            var services = await db.HelpServices.Where(s => s.IsExample).Select(s => s.Id).ToListAsync();
            var measures = await db.Measures.Where(m => m.Plan!.Title == DemoContentTests.PlanTitle).Select(m => new { m.Id, m.Number }).ToDictionaryAsync(m => m.Id, m => m.Number);
            return (published, services, measures);
        });

        var steps = published.SelectMany(p => p.AllSteps.Select(s => (p.Code, Step: s))).ToList();
        Assert.InRange(steps.Select(s => s.Step.StepId).Distinct().Count(), 12, 30);
        // The school enrolment of children stands in three pathways, as one step.
        Assert.Contains(steps.GroupBy(s => s.Step.StepId), g => g.Select(s => s.Code).Distinct().Count() >= 3);
        Assert.All(steps, s =>
        {
            Assert.NotEmpty(s.Step.ServiceIds);
            Assert.All(s.Step.ServiceIds, id => Assert.Contains(id, services));
            Assert.NotEmpty(s.Step.MeasureIds);
            Assert.All(s.Step.MeasureIds, id => Assert.True(measures.ContainsKey(id), $"measure {id}"));
        });
        Assert.Contains(steps, s => s.Step.Title.Source == "Vor der Anhörung beraten lassen" && s.Step.MeasureIds.Any(id => measures[id] == "8.7"));
        // Conditions narrow who a step is for: the children's steps, and the minors' own.
        Assert.Contains(steps, s => s.Step.Conditions.Children == ChildrenCondition.WithChildren);
        Assert.Contains(steps, s => s.Step.Conditions.MaximumAge == 17);
    }

    [Fact]
    public async Task The_family_pathway_has_unpublished_changes_and_the_others_none()
    {
        var differences = await InDemoAsync(async (db, _) =>
        {
            var result = new Dictionary<string, bool>();
            foreach (var pathway in await db.Pathways.Include(p => p.CurrentPublication).ToListAsync())
            {
                var working = await PathwayPublishing.BuildAsync(db, pathway.Id);
                result[pathway.Code] = working!.ToJson() != pathway.CurrentPublication!.Document;
            }
            return result;
        });

        Assert.True(differences[DemoPathways.EditedAfterPublishing]);
        Assert.Equal(4, differences.Count(d => !d.Value));
    }

    [Fact]
    public async Task Demo_has_anonymous_notes_on_steps_approved_and_pending()
    {
        var notes = await InDemoAsync((db, _) => db.StepFeedback.Select(f => new { f.Worked, f.Problem, f.State, f.Text }).ToListAsync());

        Assert.Contains(notes, n => n.Worked && n.State == FeedbackState.Approved);
        Assert.Contains(notes, n => !n.Worked && n.Problem == StepProblem.Waiting && n.State == FeedbackState.Approved);
        Assert.Contains(notes, n => n.State == FeedbackState.Pending);
    }

    public static TheoryData<string, string[], string[]> FinderCases() => new()
    {
        // A mother from Ukraine with children: the family pathway and the Ukrainian one, no asylum or minors' steps.
        { "situation=TemporaryProtection&age=27-64&children=yes&lang=uk", ["familie-mit-kindern", "schutz-ukraine"],
            ["Einen Kita-Platz finden", "Das Kind in der Schule anmelden", "Unterstützung für die Familie", "Menschen kennenlernen",
             "Die Aufenthaltserlaubnis nach § 24 beantragen", "Beim Jobcenter melden", "Den passenden Deutschkurs finden",
             "Den Berufsabschluss anerkennen lassen", "Eine eigene Wohnung finden"] },
        // An asylum seeker under 18 without children: the asylum pathway without its children's steps, and the minors' pathway.
        { "situation=AsylumSeekers&age=6-17&children=no&lang=ar", ["asyl-neu-angekommen", "unbegleitet-minderjaehrig"],
            ["Vor der Anhörung beraten lassen", "Zum Arzt gehen", "Deutsch lernen von Anfang an", "Menschen kennenlernen", "Hilfe, wenn die Seele leidet",
             "Schutz und Begleitung für junge Menschen ohne Eltern", "Zur Schule gehen", "Eine Ausbildung finden"] },
        // A recognised refugee looking for work, without children.
        { "situation=RecognisedRefugees&age=27-64&children=no", ["arbeit-suchen"],
            ["Beim Jobcenter melden", "Den passenden Deutschkurs finden", "Den Berufsabschluss anerkennen lassen", "Eine Arbeit suchen und sich bewerben", "Eine eigene Wohnung finden"] },
    };

    [Theory]
    [MemberData(nameof(FinderCases))]
    public async Task The_finder_over_the_demo_pathways_shows_exactly_the_steps_that_apply(string answers, string[] pathways, string[] steps)
    {
        var titles = await InDemoAsync((db, _) => db.PathwaySteps.Select(s => new { s.Uid, s.Title }).ToDictionaryAsync(s => s.Uid.ToString("N"), s => s.Title));
        var page = await app.CreateClient().GetDocumentAsync($"/{DemoContent.Slug}/pathways/finder?{answers}");

        var found = page.QuerySelectorAll("section.found-pathway").Select(p => p.GetAttribute("data-pathway")).ToList();
        Assert.Equal(pathways, found);
        var shown = page.QuerySelectorAll("section.found-pathway article.pathway-step").Select(a => titles[a.Id!["step-".Length..]]).Distinct().ToList();
        Assert.Equal(steps.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        // Every step names services of the demo, and the answers stay in the address of the handout.
        Assert.All(page.QuerySelectorAll("section.found-pathway article.pathway-step"), a => Assert.NotEmpty(a.QuerySelectorAll("li.step-service")));
        Assert.Contains(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith($"/{DemoContent.Slug}/pathways/finder/print?", StringComparison.Ordinal)
            && a.GetAttribute("href")!.Contains(answers.Split('&')[0], StringComparison.Ordinal));
    }

    private async Task<T> InDemoAsync<T>(Func<PlanwerkDbContext, IServiceProvider, Task<T>> query)
    {
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>().Municipalities
                .Where(m => m.Slug == DemoContent.Slug && m.IsDemo).Select(m => m.Id).SingleAsync();
        }
        return await app.InMunicipalityAsync(id, query);
    }
}

public sealed class DemoPathwaysSqliteTests(DemoSqliteApp app) : DemoPathwaysTests(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoPathwaysPostgresTests(DemoPostgresApp app) : DemoPathwaysTests(app), IClassFixture<DemoPostgresApp>;
