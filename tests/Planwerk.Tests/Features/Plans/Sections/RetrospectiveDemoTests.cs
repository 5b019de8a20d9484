using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Demo;
using Planwerk.Features.Plans.Lineage;
using Planwerk.Tests.Features.Demo;
using Planwerk.Tests.Features.Plans.Print;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Sections;

/// <summary>The demo's 2022 plan shows its retrospective: the earlier plan's assessed measures with links to where they go
/// on, and the charts of the three datasets, on the page (as adopted) and in the PDF.</summary>
public abstract class RetrospectiveDemoTests(DemoApp app)
{
    [Fact]
    public async Task The_2022_plan_page_and_pdf_show_the_assessed_measures_and_the_three_charts()
    {
        var (planId, carried) = await InDemoAsync(async db =>
        {
            var id = await db.Plans.Where(p => p.Title == DemoContentTests.PlanTitle).Select(p => p.Id).SingleAsync();
            return (id, await db.Measures.CountAsync(m => m.PlanId == id && m.CarriedFromMeasureId != null));
        });
        var url = $"/{DemoContent.Slug}/plans/{planId}";

        var page = await app.CreateClient().GetDocumentAsync(url);

        var section = page.QuerySelectorAll("section.plan-section.retrospective").Single();
        Assert.Equal(DemoLineage.RetrospectiveTitle, section.QuerySelector("h2")!.TextContent);
        Assert.Equal(DemoLineage.Measures.Length, section.QuerySelectorAll(".outcome-list > li").Length);
        Assert.Equal(carried, section.QuerySelectorAll(".continued-as a").Length);
        Assert.All(section.QuerySelectorAll(".continued-as a"), a => Assert.StartsWith(url + "/measures/", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal(3, section.QuerySelectorAll("figure.retrospective-chart svg").Length);
        Assert.Contains("Erreicht", section.QuerySelector(".outcome-group h4")!.TextContent, StringComparison.Ordinal);

        var (pdf, _) = await PdfText.FetchAsync(app.CreateClient(), url + "/document.pdf");
        var text = Regex.Replace(pdf.Content, @"\s+", " ");
        var notAchieved = DemoLineage.Measures.Count(m => m.Outcome == MeasureOutcome.NotAchieved);
        Assert.Contains($"Nicht erreicht ({notAchieved})", text, StringComparison.Ordinal);
        Assert.Contains("2015", text, StringComparison.Ordinal);
    }

    private async Task<T> InDemoAsync<T>(Func<PlanwerkDbContext, Task<T>> query)
    {
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>().Municipalities
                .Where(m => m.Slug == DemoContent.Slug && m.IsDemo).Select(m => m.Id).SingleAsync();
        }
        return await app.InMunicipalityAsync(id, (db, _) => query(db));
    }
}

public sealed class RetrospectiveDemoSqliteTests(DemoSqliteApp app) : RetrospectiveDemoTests(app), IClassFixture<DemoSqliteApp>;

public sealed class RetrospectiveDemoPostgresTests(DemoPostgresApp app) : RetrospectiveDemoTests(app), IClassFixture<DemoPostgresApp>;
