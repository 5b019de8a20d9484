using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Council;
using Planwerk.Features.Demo;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Demo;
using Planwerk.Tests.Features.Plans.Print;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Council;

/// <summary>The demo carries the plan's real path through Dresden's council, with the adoption on 05.07.2019.</summary>
public abstract class DemoCouncilTests(DemoApp app)
{
    [Fact]
    public async Task Demo_council_shows_the_paths_of_the_mandate_and_the_2019_paper_with_the_adoption_on_5_July_2019()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        var municipality = await db.Municipalities.SingleAsync(m => m.Slug == DemoContent.Slug);
        db.CurrentMunicipalityId = municipality.Id;

        var plan = await db.Plans.Include(p => p.AdoptedVersion).SingleAsync(p => p.Title == "Fachplan Asyl und Integration 2022");
        Assert.Equal(PlanState.InImplementation, plan.State);
        Assert.Equal(new DateOnly(2019, 7, 5), plan.AdoptedOn);
        Assert.Equal("Beschlossene Fassung vom 05.07.2019", plan.AdoptedVersion!.Name);
        Assert.Contains("jährlich im Ausländerbeirat", plan.AdoptedVersion.Document, StringComparison.Ordinal);

        var names = await db.CouncilBodies.Select(b => b.Name).ToListAsync();
        foreach (var name in new[] { "Stadtrat", "Ausschuss für Soziales und Wohnen", "Ausschuss für Kultur und Tourismus", "Ältestenrat", "Ausländerbeirat", "Stadtbezirksbeirat Prohlis" })
            Assert.Contains(name, names);
        Assert.Contains(await db.CouncilBodies.Select(b => b.Classification).ToListAsync(), c => c == BodyClassification.LocalCouncil);

        var mandate = await db.Papers.SingleAsync(p => p.Reference == DemoCouncil.MandateReference);
        Assert.False(mandate.ReferenceIsExample);
        Assert.Equal(2017, mandate.Date.Year);
        var paper = await db.Papers.Include(p => p.PlanVersion).Include(p => p.Amendments).ThenInclude(a => a.ChangeLinks)
            .Include(p => p.Amendments).ThenInclude(a => a.Consultations).Include(p => p.Amendments).ThenInclude(a => a.OriginatorBody)
            .SingleAsync(p => p.Reference == DemoCouncil.PaperReference);
        Assert.True(paper.ReferenceIsExample);
        Assert.Equal(DemoCouncil.VersionName, paper.PlanVersion!.Name);
        // The amendment is a paper of its own, brought in by the foreigners' advisory council and adopted by the council.
        var adopted = Assert.Single(paper.Amendments);
        Assert.Equal((DemoCouncil.AmendmentReference, "Ausländerbeirat"), (adopted.Reference, adopted.OriginatorBody!.Name));
        Assert.Equal(ConsultationResult.Approved, Assert.Single(adopted.Consultations).Result);
        Assert.Single(adopted.ChangeLinks);

        var client = app.CreateBrowserlikeClient();
        var page = await client.GetDocumentAsync($"/{DemoContent.Slug}/council/papers/{paper.Id}");
        Assert.Contains("Beispiel-Aktenzeichen", page.QuerySelector("#example-reference")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("#consultations tbody tr").Select(r => PrintPlans.Normalize(r.TextContent)).ToList();
        Assert.Contains(rows, r => r.Contains("Ausschuss für Soziales und Wohnen", StringComparison.Ordinal) && r.Contains("18.06.2019", StringComparison.Ordinal) && r.Contains("zugestimmt", StringComparison.Ordinal));
        Assert.Contains("05.07.2019", rows[^1], StringComparison.Ordinal);
        Assert.Contains("mit Änderungen zugestimmt", rows[^1], StringComparison.Ordinal);
        // The votes are invented, and said to be.
        Assert.Contains("Stimmenzahlen: Beispielinhalt", rows[^1], StringComparison.Ordinal);
        Assert.True(rows.FindIndex(r => r.Contains("Kultur und Tourismus", StringComparison.Ordinal)) < rows.FindIndex(r => r.Contains("Soziales und Wohnen", StringComparison.Ordinal)));
        // The culture committee postponed the paper, and agreed in its next meeting.
        var culture = rows.Where(r => r.Contains("Kultur und Tourismus", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, culture.Count);
        Assert.Contains("vertagt", culture[0], StringComparison.Ordinal);
        Assert.Contains("zugestimmt", culture[1], StringComparison.Ordinal);
        Assert.Contains("Beispielinhalt", page.QuerySelector("#amendments")!.TextContent, StringComparison.Ordinal);

        // The council's meeting hides its non-public item.
        var meetingLink = page.QuerySelectorAll("#consultations a")[^1].GetAttribute("href")!;
        var meeting = await client.GetDocumentAsync(meetingLink);
        Assert.Contains(DemoCouncil.PaperReference, meeting.QuerySelector("#agenda")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Personalangelegenheit", meeting.Body!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class DemoCouncilSqliteTests(DemoSqliteApp app) : DemoCouncilTests(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoCouncilPostgresTests(DemoPostgresApp app) : DemoCouncilTests(app), IClassFixture<DemoPostgresApp>;
