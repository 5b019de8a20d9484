using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Demo;
using Planwerk.Features.Participation.Workshops;
using Planwerk.Tests.Features.Demo;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>The demo municipality shows the participation workshop of 27.11.2017 with its working groups,
/// recorded attendance and published (example) results.</summary>
public abstract class DemoWorkshopTests(DemoApp app)
{
    [Fact]
    public async Task Demo_shows_the_workshop_of_27_11_2017_with_its_working_groups_and_published_results()
    {
        var client = app.CreateBrowserlikeClient();
        var list = await client.GetDocumentAsync($"/{DemoContent.Slug}/workshops");
        var link = list.QuerySelectorAll("#past a").Single(a => a.TextContent == DemoWorkshop.Title);
        var page = await client.GetDocumentAsync(link.GetAttribute("href")!);

        Assert.Equal(DemoWorkshop.Title, page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("27.11.2017, 09:30 Uhr bis 16:00 Uhr", page.QuerySelector("#when")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Beispielinhalt", page.QuerySelector("#place")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Beispielinhalt", page.QuerySelector("#description")!.TextContent, StringComparison.Ordinal);
        var groups = page.QuerySelectorAll("#groups li strong").Select(g => g.TextContent).ToList();
        Assert.Equal(DemoWorkshop.Groups.Select(g => g.Title), groups);
        Assert.Contains(groups, g => g.Contains("Instrumente", StringComparison.Ordinal));
        Assert.Contains("Handlungsfeld: Wohnen und Unterbringung", page.QuerySelector("#groups")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Beispielinhalt", page.QuerySelector("#workshop-results")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Beispielinhalt", page.QuerySelector("#minutes")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#register-form"));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        var municipality = await db.Municipalities.SingleAsync(m => m.Slug == DemoContent.Slug);
        db.CurrentMunicipalityId = municipality.Id;
        var workshop = await db.Workshops.Include(w => w.Registrations).ThenInclude(r => r.Stakeholder).SingleAsync();
        Assert.Equal(DemoWorkshop.StartsAt, workshop.StartsAt);
        Assert.NotNull(workshop.ResultsPublishedAt);
        Assert.True(workshop.Registrations.Count >= 10);
        Assert.All(workshop.Registrations, r => Assert.NotNull(r.Stakeholder));
        Assert.All(workshop.Registrations, r => Assert.NotNull(r.Attended));
        Assert.Equal(workshop.Registrations.Count, await db.StakeholderMembers.CountAsync(x => workshop.Registrations.Select(r => r.UserId).Contains(x.UserId)));
        Assert.Equal(1, await db.Workshops.CountAsync());
    }
}

public sealed class DemoWorkshopSqliteTests(DemoSqliteApp app) : DemoWorkshopTests(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoWorkshopPostgresTests(DemoPostgresApp app) : DemoWorkshopTests(app), IClassFixture<DemoPostgresApp>;
