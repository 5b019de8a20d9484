using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Lifecycle;
using Planwerk.Features.Plans.Lineage;
using Planwerk.Features.Plans.Sections;
using Planwerk.Features.Statistics;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Features.Plans.Print;
using Planwerk.Tests.Features.Statistics;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Plans.Manage.ManageTestData;

namespace Planwerk.Tests.Features.Plans.Sections;

/// <summary>A plan's retrospective: the team chooses its kind and datasets; the public page, the print view and the PDF show
/// after its text the earlier plan's measures by their assessment (with links to where they go on) and the charts of the
/// chosen public datasets, for a fixed number of queries.</summary>
public abstract partial class RetrospectiveTests(PlanwerkApp app)
{
    private const string AssessmentText = "Gut gelaufen " + HostileText.Script;

    /// <summary>An earlier public plan (measures 1.1–1.3 and 2.1–2.3 assessed achieved, partly, not achieved, continued,
    /// dropped and not at all; 2.1 carried into the later plan as its 1.1), the later public plan with a retrospective
    /// section showing the accommodation figures, the allocations (title with markup) and a draft, in that order.</summary>
    private sealed record Seeded(TestPlan Earlier, TestPlan Later, int SectionId, StatisticsDataset Allocations, StatisticsDataset Accommodation, StatisticsDataset Draft);

    private static async Task<Seeded> SeedAsync(TestMunicipality m, int extraMeasures = 0, bool withDatasets = true)
    {
        var earlier = await m.PlanAsync(principles: 0, fields: 2, measuresPerField: 3 + extraMeasures, title: "Fachplan 2014–2016");
        var later = await m.PlanAsync(principles: 0, fields: 1, measuresPerField: 1, title: "Fachplan 2022");
        var allocations = await StatisticsSeed.AllocationsAsync(m);
        var accommodation = await StatisticsSeed.AccommodationAsync(m);
        var draft = await StatisticsSeed.AllocationsAsync(m, "entwurf", isPublic: false, title: "Entwurfsreihe");
        var sectionId = await m.WithDbAsync(async db =>
        {
            foreach (var p in await db.Plans.Where(p => p.Id == earlier.Id || p.Id == later.Id).ToListAsync()) p.IsPublic = true;
            (await db.Plans.SingleAsync(p => p.Id == later.Id)).PredecessorId = earlier.Id;
            MeasureOutcome?[] outcomes = [MeasureOutcome.Achieved, MeasureOutcome.PartlyAchieved, MeasureOutcome.NotAchieved, MeasureOutcome.Continued, MeasureOutcome.Dropped, null];
            var measures = await db.Measures.Where(x => x.PlanId == earlier.Id).Include(x => x.FieldOfAction).ToListAsync();
            foreach (var x in measures)
            {
                var k = int.Parse(x.Number.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);
                var index = ((x.FieldOfAction!.Number - 1) * 3) + Math.Min(k, 3) - 1;
                x.Outcome = outcomes[index];
                x.OutcomeText = x.Outcome is null ? "" : AssessmentText;
            }
            (await db.Measures.SingleAsync(x => x.Id == later.Field(1).MeasureIds[0])).CarriedFromMeasureId = earlier.Field(2).MeasureIds[0];
            var section = new PlanSection { PlanId = later.Id, Position = 1, Title = "Rückblick", Body = "Was wir gelernt haben.", Kind = PlanSectionKind.Retrospective };
            if (withDatasets)
                section.Datasets = [new() { DatasetId = accommodation.Id, Position = 1 }, new() { DatasetId = allocations.Id, Position = 2 }, new() { DatasetId = draft.Id, Position = 3 }];
            db.PlanSections.Add(section);
            await db.SaveChangesAsync();
            return section.Id;
        });
        return new Seeded(earlier, later, sectionId, allocations, accommodation, draft);
    }

    private static string PlanUrl(TestMunicipality m, TestPlan plan) => $"/{m.Slug}/plans/{plan.Id}";

    private static int RowIndex(IHtmlDocument form, int datasetId)
    {
        var hidden = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().Single(i => i.Name!.EndsWith(".DatasetId", StringComparison.Ordinal) && i.Value == Id(datasetId));
        return int.Parse(Regex.Match(hidden.Name!, @"\[(\d+)\]").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Row(int index, string field) => $"Input.Datasets[{index}].{field}";

    [Fact]
    public async Task Team_makes_a_section_a_retrospective_with_datasets_in_its_order_and_each_change_is_in_the_history()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 0, fields: 1, measuresPerField: 1);
        var allocations = await StatisticsSeed.AllocationsAsync(m);
        var accommodation = await StatisticsSeed.AccommodationAsync(m);
        var draft = await StatisticsSeed.AllocationsAsync(m, "entwurf", isPublic: false, title: "Entwurfsreihe");
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{plan.Id}/sections/new";

        var form = await client.GetDocumentAsync(url);
        Assert.Contains("Entwurf", form.QuerySelector($"#dataset-{draft.Id}-row")!.TextContent, StringComparison.Ordinal);
        Assert.Null(form.QuerySelector($"#dataset-{allocations.Id}-row .draft-note"));
        var response = await client.SubmitFormAsync(form, url, new Dictionary<string, string?>
        {
            ["Input.Title"] = "Rückblick", ["Input.Body"] = "Text", ["Input.Kind"] = "Retrospective", ["Input.Reason"] = "Neu",
            [Row(RowIndex(form, accommodation.Id), "Chosen")] = "true", [Row(RowIndex(form, accommodation.Id), "Position")] = "2",
            [Row(RowIndex(form, allocations.Id), "Chosen")] = "true", [Row(RowIndex(form, allocations.Id), "Position")] = "1",
            [Row(RowIndex(form, draft.Id), "Chosen")] = "true", [Row(RowIndex(form, draft.Id), "Position")] = "3",
        }, "#section-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var section = await m.WithDbAsync(db => db.PlanSections.AsNoTracking().Include(s => s.Datasets).SingleAsync(s => s.PlanId == plan.Id));
        Assert.Equal(PlanSectionKind.Retrospective, section.Kind);
        Assert.Equal([allocations.Id, accommodation.Id, draft.Id], section.Datasets.OrderBy(d => d.Position).Select(d => d.DatasetId));

        // The form lists the chosen ones first, in their order; dropping one is a change of the section on its own.
        var editUrl = $"/{m.Slug}/manage/plans/{plan.Id}/sections/{section.Id}";
        var edit = await client.GetDocumentAsync(editUrl);
        Assert.Equal(0, RowIndex(edit, allocations.Id));
        Assert.Equal(1, RowIndex(edit, accommodation.Id));
        Assert.True(edit.QuerySelector<IHtmlInputElement>("#kind-Retrospective")!.IsChecked);
        var stale = await client.GetDocumentAsync(editUrl);
        response = await client.SubmitFormAsync(edit, editUrl, new Dictionary<string, string?> { [Row(1, "Chosen")] = null, ["Input.Reason"] = "Zu alt" }, "#section-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        section = await m.WithDbAsync(db => db.PlanSections.AsNoTracking().Include(s => s.Datasets).SingleAsync(s => s.PlanId == plan.Id));
        Assert.Equal([allocations.Id, draft.Id], section.Datasets.OrderBy(d => d.Position).Select(d => d.DatasetId));
        Assert.Equal([1, 2], section.Datasets.OrderBy(d => d.Position).Select(d => d.Position));

        // A form loaded before that change is stale: the conflict view, nothing saved.
        response = await client.SubmitFormAsync(stale, editUrl, new Dictionary<string, string?> { [Row(2, "Chosen")] = "true" }, "#section-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await HtmlForms.ParseAsync(response)).QuerySelector("section.conflict"));
        Assert.Equal(2, await m.WithDbAsync(db => db.PlanSectionDatasets.CountAsync(d => d.SectionId == section.Id)));

        var records = await m.WithDbAsync(db => db.ChangeRecords.AsNoTracking().Include(r => r.Fields)
            .Where(r => r.PlanId == plan.Id && r.EntityType == ChangeEntityTypes.Section).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal("Retrospective", records[0].Fields.Single(f => f.Field == "Kind").NewValue);
        var datasets = records.SelectMany(r => r.Fields.Where(f => f.Field == SectionEditModel.DatasetsField).Select(f => (r, f))).ToList();
        Assert.Equal(2, datasets.Count);
        Assert.Equal($"{allocations.Title} (zuweisungen); Untergebrachte nach Art (unterbringung); Entwurfsreihe (entwurf)", datasets[0].f.NewValue);
        Assert.Null(datasets[0].f.OldValue);
        Assert.Equal(("Zu alt", section.Id), (datasets[1].r.Reason, datasets[1].r.EntityId));
        Assert.Equal($"{allocations.Title} (zuweisungen); Entwurfsreihe (entwurf)", datasets[1].f.NewValue);
        Assert.Equal(m.Id, datasets[1].r.MunicipalityId);
    }

    [Fact]
    public async Task A_dataset_of_another_municipality_is_refused_by_name_and_nothing_is_saved()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 0, fields: 1, measuresPerField: 1);
        var own = await StatisticsSeed.AllocationsAsync(m);
        var foreign = await StatisticsSeed.AccommodationAsync(other);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{plan.Id}/sections/new";
        var before = await m.SnapshotAsync();

        var form = await client.GetDocumentAsync(url);
        var response = await client.SubmitFormAsync(form, url, new Dictionary<string, string?>
        {
            ["Input.Title"] = "Rückblick", ["Input.Kind"] = "Retrospective",
            [Row(0, "DatasetId")] = Id(foreign.Id), [Row(0, "Chosen")] = "true",
        }, "#section-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains($"Die Datenreihe Nr. {foreign.Id} gibt es in dieser Kommune nicht", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await m.SnapshotAsync());
        Assert.Equal(0, await m.WithDbAsync(db => db.PlanSections.CountAsync(s => s.PlanId == plan.Id)));
        // The form lists the municipality's own dataset again, not the forged one.
        Assert.NotNull(page.QuerySelector($"#dataset-{own.Id}"));
        Assert.Null(page.QuerySelector($"#dataset-{foreign.Id}"));
    }

    [Fact]
    public async Task Public_page_shows_the_earlier_measures_by_assessment_with_links_and_the_public_charts_inert()
    {
        var m = await app.CreateMunicipalityAsync();
        var s = await SeedAsync(m);

        var page = await app.CreateClient().GetDocumentAsync(PlanUrl(m, s.Later));

        var section = page.QuerySelector("section.plan-section.retrospective")!;
        Assert.Contains("Was wir gelernt haben.", section.TextContent, StringComparison.Ordinal);
        var groups = section.QuerySelectorAll(".outcome-group h4").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Erreicht (1)", "Teilweise erreicht (1)", "Nicht erreicht (1)", "Fortgeführt (1)", "Nicht weiterverfolgt (1)", "Noch nicht bewertet (1)"], groups);
        var continued = section.QuerySelectorAll(".outcome-group")[3];
        Assert.Equal([$"/{m.Slug}/plans/{s.Earlier.Id}/measures/{s.Earlier.Field(2).MeasureIds[0]}", $"/{m.Slug}/plans/{s.Later.Id}/measures/{s.Later.Field(1).MeasureIds[0]}"],
            continued.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Fortgeführt in diesem Plan als 1.1 Maßnahme 1.1", Regex.Replace(continued.TextContent, @"\s+", " "), StringComparison.Ordinal);
        Assert.Contains(AssessmentText, section.QuerySelector(".outcome-text")!.TextContent, StringComparison.Ordinal);

        // The public datasets' charts in the team's order, the draft left out.
        var charts = section.QuerySelectorAll("figure.retrospective-chart").ToList();
        Assert.Equal(2, charts.Count);
        Assert.Equal(["Untergebrachte nach Art", s.Allocations.Title], charts.Select(f => f.QuerySelector("svg title")!.TextContent));
        Assert.Contains("Untergebrachte nach Art (Personen)", charts[0].QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([$"/{m.Slug}/statistics/unterbringung", $"/{m.Slug}/statistics/zuweisungen"],
            section.QuerySelectorAll(".dataset-link a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain("Entwurfsreihe", section.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(section.QuerySelectorAll(".dataset-summary"));

        // Hostile titles and assessment texts are text, never markup.
        Assert.Empty(page.QuerySelectorAll("main script, main img"));
        Assert.Contains(HostileText.Script, charts[1].QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adopted_plan_shows_its_retrospective_text_as_adopted_with_the_live_figures()
    {
        var m = await app.CreateMunicipalityAsync();
        var s = await SeedAsync(m);
        await m.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == s.Later.Id)).State = PlanState.InDeliberation;
            await db.SaveChangesAsync();
            await PlanLifecycle.AdoptAsync(db, s.Later.Id, new DateOnly(2022, 7, 5), "Beschluss", DateTimeOffset.UtcNow, null, "Rat", CancellationToken.None);
            await db.SaveChangesAsync();
            // After the adoption: the text changes (not shown), a figure is corrected (shown).
            (await db.PlanSections.SingleAsync(x => x.Id == s.SectionId)).Body = "Später geändert.";
            (await db.StatisticsDatasets.SingleAsync(d => d.Id == s.Accommodation.Id)).Title = "Untergebrachte nach Art, berichtigt";
            return await db.SaveChangesAsync();
        });

        var page = await app.CreateClient().GetDocumentAsync(PlanUrl(m, s.Later));

        var section = page.QuerySelector("section.plan-section.retrospective")!;
        Assert.Contains("Was wir gelernt haben.", section.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Später geändert.", section.TextContent, StringComparison.Ordinal);
        Assert.Equal("Untergebrachte nach Art, berichtigt", section.QuerySelector("figure.retrospective-chart svg title")!.TextContent);
        Assert.Equal(6, section.QuerySelectorAll(".outcome-group").Length);
    }

    [Fact]
    public async Task Print_view_shows_the_retrospective_with_its_groups_and_charts()
    {
        var m = await app.CreateMunicipalityAsync();
        var s = await SeedAsync(m);

        var page = await app.CreateClient().GetDocumentAsync(PlanUrl(m, s.Later) + "/document");

        var section = page.QuerySelector("section.plan-section")!;
        Assert.Equal("Rückblick", section.QuerySelector("h2")!.TextContent);
        Assert.Equal(6, section.QuerySelectorAll(".outcome-group h4").Length);
        Assert.Equal(["Untergebrachte nach Art", s.Allocations.Title], section.QuerySelectorAll("figure svg > title").Select(t => t.TextContent));
        Assert.DoesNotContain("Entwurfsreihe", section.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script, article img"));
    }

    [Fact]
    public async Task Pdf_has_the_assessment_groups_as_text_and_the_charts_as_vector_graphics()
    {
        var m = await app.CreateMunicipalityAsync();
        var s = await SeedAsync(m);

        var (pdf, _) = await PdfText.FetchAsync(app.CreateClient(), PlanUrl(m, s.Later) + "/document.pdf");

        var text = Regex.Replace(pdf.Content, @"\s+", " ");
        foreach (var heading in new[] { "Erreicht (1)", "Teilweise erreicht (1)", "Nicht erreicht (1)", "Fortgeführt (1)", "Nicht weiterverfolgt (1)", "Noch nicht bewertet (1)" })
            Assert.Contains(heading, text, StringComparison.Ordinal);
        Assert.Contains("Fortgeführt in diesem Plan als 1.1 Maßnahme 1.1", text, StringComparison.Ordinal);
        Assert.Contains(AssessmentText, text, StringComparison.Ordinal);
        Assert.Contains("Untergebrachte nach Art (Personen)", text, StringComparison.Ordinal);
        Assert.Contains(s.Allocations.Title + " (Personen)", text, StringComparison.Ordinal);
        // The charts' axis labels are text in the PDF: the years of the allocations and the reference days of the accommodation.
        Assert.Contains("2015", text, StringComparison.Ordinal);
        Assert.Contains("2023", text, StringComparison.Ordinal);
        Assert.Contains("31.12.2016", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Entwurfsreihe", text, StringComparison.Ordinal);
        // Vector graphics, not pictures: no image is drawn.
        Assert.All(pdf.Images, page => Assert.Empty(page));
    }

    [Fact]
    public async Task Plan_page_print_view_and_pdf_cost_the_same_queries_for_one_dataset_and_few_measures_as_for_three_and_many()
    {
        var m = await app.CreateMunicipalityAsync();
        var small = await SeedAsync(m, withDatasets: false);
        await m.WithDbAsync(async db =>
        {
            db.PlanSectionDatasets.Add(new PlanSectionDataset { SectionId = small.SectionId, DatasetId = small.Allocations.Id, Position = 1 });
            return await db.SaveChangesAsync();
        });
        var other = await app.CreateMunicipalityAsync();
        var large = await SeedAsync(other, extraMeasures: 40);
        var plain = await other.PlanAsync(principles: 0, fields: 1, measuresPerField: 1, title: "Ohne Rückblick");
        await other.WithDbAsync(async db => { (await db.Plans.SingleAsync(p => p.Id == plain.Id)).IsPublic = true; return await db.SaveChangesAsync(); });

        var counter = new QueryCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(services => services.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();
        async Task<int> CountAsync(string url)
        {
            counter.Reset();
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
            return counter.Count;
        }

        foreach (var suffix in new[] { "", "/document", "/document.pdf" })
        {
            var without = await CountAsync(PlanUrl(other, plain) + suffix);
            var few = await CountAsync(PlanUrl(m, small.Later) + suffix);
            var many = await CountAsync(PlanUrl(other, large.Later) + suffix);
            Assert.True(few == many, $"{suffix}: {few} commands for one dataset, {many} for three");
            // The earlier plan with its measures, the datasets with their categories, their observations.
            Assert.True(many <= without + 3, $"{suffix}: {many} commands with a retrospective, {without} without");
        }
        Assert.Equal(2 * 43, await other.WithDbAsync(db => db.Measures.CountAsync(x => x.PlanId == large.Earlier.Id)));
    }

    [Fact]
    public async Task A_retrospective_without_datasets_or_public_predecessor_shows_only_its_text()
    {
        var m = await app.CreateMunicipalityAsync();
        var s = await SeedAsync(m);
        // A section without datasets and a plan without predecessor show only the team's text.
        await m.WithDbAsync(async db =>
        {
            db.PlanSectionDatasets.RemoveRange(db.PlanSectionDatasets.Where(d => d.SectionId == s.SectionId));
            (await db.Plans.SingleAsync(p => p.Id == s.Later.Id)).PredecessorId = null;
            return await db.SaveChangesAsync();
        });

        var page = await app.CreateClient().GetDocumentAsync(PlanUrl(m, s.Later));

        var section = page.QuerySelector("section.plan-section.retrospective")!;
        Assert.Contains("Was wir gelernt haben.", section.TextContent, StringComparison.Ordinal);
        Assert.Empty(section.QuerySelectorAll(".outcome-group, figure"));
    }
}

public sealed class RetrospectiveSqliteTests(SqliteApp app) : RetrospectiveTests(app), IClassFixture<SqliteApp>;

public sealed class RetrospectivePostgresTests(PostgresApp app) : RetrospectiveTests(app), IClassFixture<PostgresApp>;
