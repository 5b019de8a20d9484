using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Council;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Council.OParl;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Council;

/// <summary>The council's public index: the filters of the lists of papers and meetings (and what they do with input
/// that cannot be read), their cost, the way to the council from the site's navigation, and the way into OParl.</summary>
public abstract class PublicCouncilIndexTests(PlanwerkApp app)
{
    private sealed record Seeded(SeededCouncil Council, int PublicPlanId, int SecretPlanId, int LaterPaperId, int SecretPaperId);

    /// <summary>The seeded council (paper A0282/17 of 10.04.2019 before all three bodies; meetings on 2, 3 and 4 May 2019,
    /// 16:00 German time), a later paper (15.01.2020) about a public plan consulted only by the committee in the third
    /// meeting, and a paper about a plan that is not public.</summary>
    private async Task<Seeded> SeedAsync(string name = "Index")
    {
        var m = await app.CreateMunicipalityAsync();
        var council = await m.AddCouncilAsync(name);
        return await m.WithDbAsync(async db =>
        {
            var open = new Plan { Title = "Offener Plan " + name, IsPublic = true, UpdatedAt = DateTimeOffset.UtcNow };
            var secret = new Plan { Title = "Geheimer Plan " + name, IsPublic = false, UpdatedAt = DateTimeOffset.UtcNow };
            db.Plans.AddRange(open, secret);
            await db.SaveChangesAsync();
            var later = new Paper { Reference = "V0100/20", Name = "Spätere Vorlage " + name, PaperType = "Beschlussvorlage", Date = new DateOnly(2020, 1, 15), PlanId = open.Id };
            var hidden = new Paper { Reference = "V0200/20", Name = "Vorlage zum geheimen Plan " + name, PaperType = "Beschlussvorlage", Date = new DateOnly(2020, 2, 1), PlanId = secret.Id };
            db.Papers.AddRange(later, hidden);
            await db.SaveChangesAsync();
            db.PaperConsultations.Add(new PaperConsultation { PaperId = later.Id, Position = 1, BodyId = council.Bodies[1].Id, MeetingId = council.Meetings[2].Id, Role = ConsultationRole.PreliminaryConsultation });
            await db.SaveChangesAsync();
            return new Seeded(council, open.Id, secret.Id, later.Id, hidden.Id);
        });
    }

    private static List<string> Papers(IHtmlDocument page) =>
        page.QuerySelectorAll("#papers tbody th a").Select(a => a.TextContent).ToList();

    private static List<string> Meetings(IHtmlDocument page) =>
        page.QuerySelectorAll("#meetings tbody th a").Select(a => a.TextContent).ToList();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_papers_are_filtered_by_body_period_and_plan()
    {
        var s = await SeedAsync();
        var c = s.Council;
        var list = $"/{c.Municipality.Slug}/council/papers";
        var client = app.CreateBrowserlikeClient();

        Assert.Equal(["Vorlage zum geheimen Plan Index", "Spätere Vorlage Index", "Gesamtkonzept Index"], Papers(await client.GetDocumentAsync(list)));
        // A body's papers are those it consults.
        Assert.Equal(["Gesamtkonzept Index"], Papers(await client.GetDocumentAsync(list + "?body=" + Id(c.Bodies[2].Id))));
        Assert.Equal(["Spätere Vorlage Index", "Gesamtkonzept Index"], Papers(await client.GetDocumentAsync(list + "?body=" + Id(c.Bodies[1].Id))));
        // The period takes the paper's date, both ends included, in either date format.
        Assert.Equal(["Spätere Vorlage Index"], Papers(await client.GetDocumentAsync(list + "?from=2020-01-15&to=2020-01-31")));
        Assert.Equal(["Gesamtkonzept Index"], Papers(await client.GetDocumentAsync(list + "?to=10.04.2019")));
        Assert.Equal(["Spätere Vorlage Index"], Papers(await client.GetDocumentAsync(list + "?plan=" + Id(s.PublicPlanId))));
        // Filters combine.
        var none = await client.GetDocumentAsync(list + "?body=" + Id(c.Bodies[2].Id) + "&from=2020-01-01");
        Assert.Empty(Papers(none));
        Assert.Contains("Keine Vorlagen zu dieser Auswahl.", none.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("0 Vorlagen", none.QuerySelector("#papers-count")!.TextContent.Trim());

        // The form shows the filter as applied, and offers the public plan only.
        var filtered = await client.GetDocumentAsync(list + "?body=" + Id(c.Bodies[1].Id) + "&from=2019-01-01&plan=" + Id(s.PublicPlanId));
        Assert.Equal(Id(c.Bodies[1].Id), ((IHtmlSelectElement)filtered.QuerySelector("#filter-body")!).Value);
        Assert.Equal("2019-01-01", ((IHtmlInputElement)filtered.QuerySelector("#filter-from")!).Value);
        var plans = filtered.QuerySelectorAll("#filter-plan option").Select(o => o.TextContent).ToList();
        Assert.Equal(["alle", "Offener Plan Index"], plans);
        Assert.Equal("get", filtered.QuerySelector("#council-filter")!.GetAttribute("method"));
        Assert.Null(filtered.QuerySelector("#filter-problems"));
    }

    [Fact]
    public async Task The_meetings_are_filtered_by_body_German_day_and_plan()
    {
        var s = await SeedAsync();
        var c = s.Council;
        var list = $"/{c.Municipality.Slug}/council/meetings";
        var client = app.CreateBrowserlikeClient();

        Assert.Equal(3, Meetings(await client.GetDocumentAsync(list)).Count);
        Assert.Equal([c.Meetings[1].Name], Meetings(await client.GetDocumentAsync(list + "?body=" + Id(c.Bodies[1].Id))));
        // 03.05.2019, 16:00 German time: the German day counts, from its first to its last moment.
        Assert.Equal([c.Meetings[1].Name], Meetings(await client.GetDocumentAsync(list + "?from=2019-05-03&to=2019-05-03")));
        Assert.Equal([c.Meetings[2].Name, c.Meetings[1].Name], Meetings(await client.GetDocumentAsync(list + "?from=2019-05-03")));
        // The meetings where a paper about the plan is consulted.
        Assert.Equal([c.Meetings[2].Name], Meetings(await client.GetDocumentAsync(list + "?plan=" + Id(s.PublicPlanId))));
    }

    [Fact]
    public async Task Input_that_cannot_be_used_is_named_on_the_page_and_never_fails()
    {
        var s = await SeedAsync(HostileText.Script);
        var other = await SeedAsync("Anderswo");
        var slug = s.Council.Municipality.Slug;
        var client = app.CreateBrowserlikeClient();
        var hostile = Uri.EscapeDataString(HostileText.Script + HostileText.RightToLeft);

        (string Query, string Field, string Says)[] cases =
        [
            ("body=abc", "Gremium", "steht nicht zur Auswahl"),
            ("body=999999999", "Gremium", "steht nicht zur Auswahl"),
            ("body=99999999999999999999", "Gremium", "steht nicht zur Auswahl"),
            ("body=-1", "Gremium", "steht nicht zur Auswahl"),
            ("body=" + Id(other.Council.Bodies[0].Id), "Gremium", "steht nicht zur Auswahl"),
            ("body=" + Id(s.Council.Bodies[0].Id) + "&body=" + Id(s.Council.Bodies[1].Id), "Gremium", "nur einen Wert"),
            ("from=2019-13-45", "Von (Datum)", "wie 05.07.2019"),
            ("from=" + hostile, "Von (Datum)", "wie 05.07.2019"),
            ("from=0001-01-01", "Von (Datum)", "zwischen 1900 und 2100"),
            ("to=9999-12-31", "Bis (Datum)", "zwischen 1900 und 2100"),
            ("from=2020-01-01&to=2019-01-01", "Bis (Datum)", "vor dem Von-Datum (01.01.2020)"),
            ("plan=" + hostile, "Plan", "steht nicht zur Auswahl"),
            ("plan=" + Id(s.SecretPlanId), "Plan", "steht nicht zur Auswahl"),
            ("plan=" + Id(other.PublicPlanId), "Plan", "steht nicht zur Auswahl"),
        ];
        foreach (var list in new[] { "papers", "meetings" })
        {
            foreach (var (query, field, says) in cases)
            {
                var url = $"/{slug}/council/{list}?{query}";
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
                var raw = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal);
                Assert.DoesNotContain("Geheimer Plan", raw, StringComparison.Ordinal);
                var page = await client.GetDocumentAsync(url);
                var problems = page.QuerySelector("#filter-problems");
                Assert.True(problems is not null, $"{url}: no message");
                var text = problems!.TextContent;
                Assert.Contains(field + ":", text, StringComparison.Ordinal);
                Assert.Contains(says, text, StringComparison.Ordinal);
                // The message leads to its field, and the field names its message.
                var link = problems.QuerySelector("a")!.GetAttribute("href")!;
                var input = page.QuerySelector(link)!;
                Assert.Contains(says, page.GetElementById(input.GetAttribute("aria-describedby")!)!.TextContent, StringComparison.Ordinal);
                // A value that is not applied filters nothing: every row of the list is shown.
                Assert.Equal(3, page.QuerySelectorAll($"#{list} tbody tr").Length);
            }
        }

        // What was typed comes back in the field, escaped.
        var typed = await client.GetDocumentAsync($"/{slug}/council/papers?from={hostile}");
        Assert.Equal(HostileText.Script + HostileText.RightToLeft, ((IHtmlInputElement)typed.QuerySelector("#filter-from")!).GetAttribute("value"));
        // A page that is no number shows the first page.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{slug}/council/papers?page={hostile}")).StatusCode);
    }

    [Fact]
    public async Task The_pages_of_a_filtered_list_keep_the_filter()
    {
        var m = await app.CreateMunicipalityAsync();
        var council = await m.AddCouncilAsync("Blättern", extraMeetings: PublicListPage.Size + 10);
        var client = app.CreateBrowserlikeClient();
        var list = $"/{m.Slug}/council/meetings";
        var total = council.Meetings.Count(x => x.Start >= new DateTimeOffset(2019, 5, 3, 0, 0, 0, TimeSpan.Zero));
        Assert.True(total > PublicListPage.Size && total < council.Meetings.Count);

        // From 3 May: more than a page; the plan that cannot be read is left out of the links.
        var first = await client.GetDocumentAsync(list + "?from=2019-05-03&plan=x");
        Assert.Equal(PublicListPage.Size, first.QuerySelectorAll("#meetings tbody tr").Length);
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal(list + "?from=2019-05-03&page=2", next);
        var second = await client.GetDocumentAsync(next);
        Assert.Equal(total - PublicListPage.Size, second.QuerySelectorAll("#meetings tbody tr").Length);
        Assert.Equal(list + "?from=2019-05-03", second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Contains(total.ToString(CultureInfo.InvariantCulture) + " Sitzungen", second.QuerySelector("#meetings-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_index_and_paper_cost_the_same_few_queries_for_a_small_and_a_large_council_filtered_or_not()
    {
        var small = await (await app.CreateMunicipalityAsync()).AddCouncilAsync("Klein");
        var large = await (await app.CreateMunicipalityAsync()).AddCouncilAsync("Groß", extraMeetings: PublicListPage.Size + 7, agendaItemsPerMeeting: 3);
        // The large paper goes before every body in many meetings.
        await large.Municipality.WithDbAsync(async db =>
        {
            for (var i = 0; i < 30; i++)
            {
                db.PaperConsultations.Add(new PaperConsultation
                {
                    PaperId = large.Papers[0].Id, Position = 10 + i, BodyId = large.Meetings[3 + i].BodyId, MeetingId = large.Meetings[3 + i].Id,
                    Role = ConsultationRole.PreliminaryConsultation, Result = i % 2 == 0 ? ConsultationResult.Postponed : ConsultationResult.Approved, VotesFor = i % 2 == 0 ? null : 3,
                });
                var amendment = new Paper { AmendsPaperId = large.Papers[0].Id, Reference = "ÄA " + Id(i), Name = "Antrag " + Id(i), Date = new DateOnly(2019, 5, 1) };
                db.Papers.Add(amendment);
                db.PaperConsultations.Add(new PaperConsultation
                {
                    Paper = amendment, Position = 1, BodyId = large.Meetings[3 + i].BodyId, MeetingId = large.Meetings[3 + i].Id, Role = ConsultationRole.Decision,
                    Result = i % 3 == 0 ? ConsultationResult.TakenOver : ConsultationResult.Rejected, VotesFor = i % 3 == 0 ? null : 2,
                });
            }
            return await db.SaveChangesAsync();
        });
        var counter = new QueryCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();

        async Task<int> CostAsync(string url)
        {
            counter.Reset();
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return counter.Count;
        }

        foreach (var (path, most) in new[] { ("council", 4), ("council/meetings", 5), ("council/papers", 5), ("council/meetings?from=2019-05-01&to=2019-06-30", 5), ("council/papers?body=", 5) })
        {
            string Url(SeededCouncil c) => $"/{c.Municipality.Slug}/{path}" + (path.EndsWith('=') ? Id(c.Bodies[1].Id) : "");
            var smallCost = await CostAsync(Url(small));
            var largeCost = await CostAsync(Url(large));
            Assert.Equal(smallCost, largeCost);
            Assert.True(largeCost <= most, $"{path}: {largeCost} queries");
            Assert.True(await CostAsync(Url(large)) < largeCost, $"{path}: the second request is answered from the output cache");
        }
        var smallPaper = await CostAsync($"/{small.Municipality.Slug}/council/papers/{small.Papers[0].Id}");
        var largePaper = await CostAsync($"/{large.Municipality.Slug}/council/papers/{large.Papers[0].Id}");
        Assert.Equal(smallPaper, largePaper);
    }

    [Fact]
    public async Task The_navigation_leads_to_the_council_index_which_leads_to_the_lists_and_to_OParl()
    {
        var s = await SeedAsync();
        var c = s.Council;
        var slug = c.Municipality.Slug;
        var client = app.CreateBrowserlikeClient();

        var start = await client.GetDocumentAsync($"/{slug}");
        var nav = start.QuerySelector("#council-nav")!;
        Assert.Equal($"/{slug}/council", nav.GetAttribute("href"));
        Assert.Equal("Rat", nav.TextContent);

        var index = await client.GetDocumentAsync($"/{slug}/council");
        Assert.Equal("page", index.QuerySelector("#council-nav")!.GetAttribute("aria-current"));
        var oparl = index.QuerySelector("#oparl-link")!;
        Assert.Equal("OParl-Schnittstelle", oparl.TextContent);
        Assert.Equal($"/oparl/v1/bodies/{slug}", oparl.GetAttribute("href"));
        Assert.Equal(c.BodyUrl, (await app.CreateClient().GetJsonAsync(oparl.GetAttribute("href")!)).GetProperty("id").GetString());
        // Each body leads to its filtered lists, with its numbers.
        var committee = index.QuerySelectorAll("#bodies tbody tr").Single(r => r.QuerySelector("th")!.TextContent == c.Bodies[1].Name);
        var links = committee.QuerySelectorAll("a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Equal([($"/{slug}/council/meetings?body={c.Bodies[1].Id}", "1"), ($"/{slug}/council/papers?body={c.Bodies[1].Id}", "2")], links);
        Assert.Equal(["V0200/20", "V0100/20", "A0282/17"], index.QuerySelectorAll("#newest li span").Select(x => x.TextContent));

        // Every council page names its OParl twin, and the twin answers.
        var pages = new[]
        {
            ($"/{slug}/council", $"/oparl/v1/bodies/{slug}"),
            ($"/{slug}/council/papers", $"/oparl/v1/bodies/{slug}/papers"),
            ($"/{slug}/council/meetings", $"/oparl/v1/bodies/{slug}/meetings"),
            ($"/{slug}/council/papers/{c.Papers[0].Id}", $"/oparl/v1/bodies/{slug}/papers/{c.Papers[0].Id}"),
            ($"/{slug}/council/meetings/{c.Meetings[0].Id}", $"/oparl/v1/bodies/{slug}/meetings/{c.Meetings[0].Id}"),
        };
        foreach (var (page, twin) in pages)
        {
            var document = await client.GetDocumentAsync(page);
            var alternate = document.Head!.QuerySelector("link[rel=alternate][type='application/json']")!;
            Assert.Equal(twin, alternate.GetAttribute("href"));
            Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(twin)).StatusCode);
            Assert.Equal($"/oparl/v1/bodies/{slug}", document.QuerySelector(".council-links a.oparl-link")!.GetAttribute("href"));
            Assert.Equal("page", document.QuerySelector("#council-nav")!.GetAttribute("aria-current"));
        }
    }

    [Fact]
    public async Task The_timeline_tells_the_path_in_order_with_hostile_and_right_to_left_names_escaped()
    {
        var name = HostileText.Script + HostileText.RightToLeft + HostileText.Markup;
        var m = await app.CreateMunicipalityAsync();
        var c = await m.AddCouncilAsync(name);
        await m.WithDbAsync(async db =>
        {
            var amendment = new Paper { AmendsPaperId = c.Papers[0].Id, Reference = "ÄA 1", Name = name, Date = new DateOnly(2019, 4, 30) };
            db.Papers.Add(amendment);
            db.PaperConsultations.Add(new PaperConsultation
            {
                Paper = amendment, Position = 1, BodyId = c.Consultations[2].BodyId, MeetingId = c.Consultations[2].MeetingId, Role = ConsultationRole.Decision,
                Result = ConsultationResult.TakenOver,
            });
            return await db.SaveChangesAsync();
        });
        var client = app.CreateBrowserlikeClient();
        var response = await client.GetAsync(m.PublicPaper(c.Papers[0].Id));
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", raw, StringComparison.Ordinal);

        var page = await client.GetDocumentAsync(m.PublicPaper(c.Papers[0].Id));
        var entries = page.QuerySelectorAll("#timeline > li").ToList();
        Assert.Equal(["timeline-submitted", "timeline-consultation", "timeline-consultation", "timeline-amendment", "timeline-consultation deciding", "timeline-resolution"],
            entries.Select(e => e.ClassName));
        Assert.Equal(["2019-04-10", "2019-05-03", "2019-05-04", "2019-05-02", "2019-05-02", "2019-05-02"], entries.Select(e => e.QuerySelector("time")!.GetAttribute("datetime")));
        Assert.Contains(HostileText.RightToLeft, entries[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("auto", entries[1].QuerySelector("strong")!.GetAttribute("dir"));
        Assert.Contains("ÄA 1 " + name, entries[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("von der Verwaltung übernommen", entries[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("40 dafür, 12 dagegen, 3 Enthaltungen", entries[4].TextContent, StringComparison.Ordinal);
        Assert.Contains("entscheidende Beratung", entries[4].TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("#timeline .deciding-mark"));
    }
}

public sealed class PublicCouncilIndexSqliteTests(SqliteApp app) : PublicCouncilIndexTests(app), IClassFixture<SqliteApp>;

public sealed class PublicCouncilIndexPostgresTests(PostgresApp app) : PublicCouncilIndexTests(app), IClassFixture<PostgresApp>;
