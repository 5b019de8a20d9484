using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Lifecycle;
using Planwerk.Tests.Features.Plans.PublicSite;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Lifecycle;

/// <summary>After adoption the public pages show the adopted version with each measure's live status; the
/// working state is one link away; a measure added after the adoption is only in the working state.</summary>
public abstract class AdoptedPublicVersionTests(PlanwerkApp app)
{
    private sealed record Adopted(SeededPlan Plan, int NewMeasureId);

    private async Task<Adopted> AdoptAndChangeAsync(TestMunicipality m, int measuresPerField = 3)
    {
        var plan = await m.AddPlanAsync(fields: 2, measuresPerField: measuresPerField, plan: p => p.State = PlanState.InDeliberation);
        await m.WithDbAsync(async db =>
        {
            await PlanLifecycle.AdoptAsync(db, plan.Id, new DateOnly(2019, 7, 5), "Beschluss des Stadtrates", DateTimeOffset.UtcNow, null, "Rat", CancellationToken.None);
            return await db.SaveChangesAsync();
        });
        var first = plan.Measures[0].Id;
        return new Adopted(plan, await m.WithDbAsync(async db =>
        {
            // After the adoption: the text changes, monitoring goes on, a measure is added.
            var measure = await db.Measures.SingleAsync(x => x.Id == first);
            measure.Title = "Neu formuliert nach dem Beschluss";
            measure.Status = MeasureStatus.Completed;
            measure.Progress = 100;
            var added = new Measure { PlanId = plan.Id, FieldOfActionId = measure.FieldOfActionId, Position = 99, Number = "1.999", Title = "Nach dem Beschluss ergänzt" };
            db.Measures.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        }));
    }

    [Fact]
    public async Task The_print_view_and_the_pdf_show_the_adopted_texts_with_live_status_and_the_working_state_on_request()
    {
        var m = await app.CreateMunicipalityAsync();
        var (plan, added) = await AdoptAndChangeAsync(m);
        var original = plan.Measures[0];
        var client = app.CreateBrowserlikeClient();

        var print = await client.GetDocumentAsync(plan.Url(m) + "/document");
        Assert.Contains("Beschlossene Fassung vom 05.07.2019", print.QuerySelector("#adopted-version")!.TextContent, StringComparison.Ordinal);
        var text = Planwerk.Tests.Features.Plans.Print.PrintPlans.Normalize(print.QuerySelector("main")!.TextContent);
        Assert.Contains(original.Title, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Neu formuliert nach dem Beschluss", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nach dem Beschluss ergänzt", text, StringComparison.Ordinal);
        Assert.Contains("Abgeschlossen", text, StringComparison.Ordinal);

        var measure = await client.GetDocumentAsync($"{plan.Url(m)}/measures/{original.Id}/document");
        Assert.Contains(original.Title, measure.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{plan.Url(m)}/measures/{added}/document")).StatusCode);

        var working = await client.GetDocumentAsync(plan.Url(m) + "/document?stand=aktuell");
        Assert.Null(working.QuerySelector("#adopted-version"));
        Assert.Contains("Neu formuliert nach dem Beschluss", working.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nach dem Beschluss ergänzt", working.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var pdf = Planwerk.Tests.Features.Plans.Print.PdfText.Read(await client.GetByteArrayAsync(plan.Url(m) + "/document.pdf"));
        Assert.Contains("Beschlossene Fassung vom 05.07.2019", pdf.All, StringComparison.Ordinal);
        Assert.Contains(original.Title, pdf.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Neu formuliert nach dem Beschluss", pdf.Content, StringComparison.Ordinal);
        var workingPdf = Planwerk.Tests.Features.Plans.Print.PdfText.Read(await client.GetByteArrayAsync(plan.Url(m) + "/document.pdf?stand=aktuell"));
        Assert.Contains("Neu formuliert nach dem Beschluss", workingPdf.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_page_shows_the_adopted_texts_with_live_status_and_the_working_state_on_request()
    {
        var m = await app.CreateMunicipalityAsync();
        var (plan, added) = await AdoptAndChangeAsync(m);
        var original = plan.Measures[0];
        var client = app.CreateBrowserlikeClient();

        var page = await client.GetDocumentAsync(plan.Url(m));
        var note = page.QuerySelector("#adopted-note")!;
        Assert.Contains("Beschlossene Fassung vom 05.07.2019", note.TextContent, StringComparison.Ordinal);
        Assert.Equal(plan.Url(m) + "?stand=aktuell", page.QuerySelector("#working-state-link")!.GetAttribute("href"));
        var row = page.QuerySelector($"a[href='{plan.Url(m)}/measures/{original.Id}']")!.Closest("tr")!;
        Assert.Contains(original.Title, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Abgeschlossen", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Nach dem Beschluss ergänzt", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='{plan.Url(m)}/measures/{added}']"));

        var working = await client.GetDocumentAsync(plan.Url(m) + "?stand=aktuell");
        Assert.Contains("Aktueller Arbeitsstand", working.QuerySelector("#adopted-note")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Neu formuliert nach dem Beschluss", working.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(working.QuerySelector($"a[href='{plan.Url(m)}/measures/{added}?stand=aktuell']"));
        Assert.Equal(plan.Url(m), working.QuerySelector("#adopted-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Field_and_measure_pages_show_the_adopted_version_and_a_later_measure_only_as_working_state()
    {
        var m = await app.CreateMunicipalityAsync();
        var (plan, added) = await AdoptAndChangeAsync(m);
        var original = plan.Measures[0];
        var client = app.CreateBrowserlikeClient();

        var field = await client.GetDocumentAsync($"{plan.Url(m)}/fields/{original.FieldOfActionId}");
        Assert.Contains("Beschlossene Fassung vom 05.07.2019", field.QuerySelector("#adopted-note")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(original.Title, field.QuerySelector("table.measures")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Nach dem Beschluss ergänzt", field.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nach dem Beschluss ergänzt", (await client.GetDocumentAsync($"{plan.Url(m)}/fields/{original.FieldOfActionId}?stand=aktuell")).Body!.TextContent, StringComparison.Ordinal);

        var measure = await client.GetDocumentAsync($"{plan.Url(m)}/measures/{original.Id}");
        Assert.Contains(original.Title, measure.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Abgeschlossen", measure.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Neu formuliert nach dem Beschluss",
            (await client.GetDocumentAsync($"{plan.Url(m)}/measures/{original.Id}?stand=aktuell")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var later = await client.GetDocumentAsync($"{plan.Url(m)}/measures/{added}");
        Assert.Contains("Aktueller Arbeitsstand", later.QuerySelector("#adopted-note")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(plan.Url(m), later.QuerySelector("#adopted-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Without_later_changes_there_is_no_working_state_to_point_to()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.AddPlanAsync(plan: p => p.State = PlanState.InDeliberation);
        await m.WithDbAsync(async db =>
        {
            await PlanLifecycle.AdoptAsync(db, plan.Id, new DateOnly(2019, 7, 5), "Beschluss", DateTimeOffset.UtcNow, null, "Rat", CancellationToken.None);
            await db.SaveChangesAsync();
            (await db.Measures.FirstAsync(x => x.PlanId == plan.Id)).Progress = 40;
            return await db.SaveChangesAsync();
        });
        var page = await app.CreateBrowserlikeClient().GetDocumentAsync(plan.Url(m));
        Assert.Contains("Beschlossene Fassung vom 05.07.2019", page.QuerySelector("#adopted-note")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#working-state-link"));
    }

    [Fact]
    public async Task Adopted_pages_cost_the_same_few_commands_for_6_and_600_measures()
    {
        var m = await app.CreateMunicipalityAsync();
        var small = (await AdoptAndChangeAsync(m, 3)).Plan;
        var large = (await AdoptAndChangeAsync(m, 300)).Plan;
        var counter = new QueryCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();
        async Task<int> Count(string url)
        {
            counter.Reset();
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, url);
            return counter.Count;
        }
        foreach (var suffix in new[] { "", "?stand=aktuell" })
        {
            string[] Pages(SeededPlan p) => [p.Url(m) + suffix, $"{p.Url(m)}/fields/{p.Fields[^1].Id}{suffix}", $"{p.Url(m)}/measures/{p.Measures[^1].Id}{suffix}"];
            foreach (var (a, b) in Pages(small).Zip(Pages(large)))
            {
                var (smallCount, largeCount) = (await Count(a), await Count(b));
                Assert.True(smallCount == largeCount, $"{b}: {smallCount} vs {largeCount}");
                // The measure page's seventh is the list of the help services the measure creates or strengthens, its eighth
                // the current pathway publications (the pathway steps that serve the measure; the documents stay in memory).
                Assert.True(largeCount <= 8, $"{b}: {largeCount} commands");
            }
        }
    }
}

public sealed class AdoptedPublicVersionSqliteTests(SqliteApp app) : AdoptedPublicVersionTests(app), IClassFixture<SqliteApp>;

public sealed class AdoptedPublicVersionPostgresTests(PostgresApp app) : AdoptedPublicVersionTests(app), IClassFixture<PostgresApp>;
