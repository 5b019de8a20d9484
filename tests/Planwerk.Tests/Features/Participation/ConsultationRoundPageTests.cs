using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Files;
using Planwerk.Infrastructure.Time;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>The public list and page of a round: what is consulted, the times in German time, how to take
/// part; and the output cache, which must never show a round as open after its close.</summary>
public abstract class ConsultationRoundPageTests(ConsultationApp app)
{
    [Fact]
    public async Task The_round_page_says_what_is_consulted_until_when_and_how_to_take_part()
    {
        var m = await app.CreateMunicipalityAsync();
        var org = await m.AddStakeholderAsync("Beispiel-Diakonie");
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddHours(-1), t0.AddDays(10), RoundAudience.InvitedOrganisations, [org], title: "Entwurf 2018");
        var page = await app.CreateBrowserlikeClient().GetDocumentAsync(round.Url(m));

        Assert.Equal("Entwurf 2018", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("offen", page.QuerySelector("#round-state")!.TextContent.Trim());
        var consulted = page.QuerySelector("#consulted")!;
        Assert.Contains("Entwurf zur Beteiligung", consulted.TextContent, StringComparison.Ordinal);
        var links = consulted.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/plans/{round.PlanId}/versions/{round.VersionId}"), links);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/plans/{round.PlanId}"), links);
        Assert.Equal("bis Ende Januar", page.QuerySelector("#description strong")!.TextContent);
        Assert.Contains(GermanText.Of(() => BerlinTime.DateAndTime(round.OpensAt)), page.QuerySelector("#opens-at")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(GermanText.Of(() => BerlinTime.Until(round.ClosesAt)), page.QuerySelector("#closes-at")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Nur eingeladene Organisationen", page.QuerySelector("#audience")!.TextContent.Trim());
        Assert.Contains("Beispiel-Diakonie", page.QuerySelector("#invited-organisations")!.TextContent, StringComparison.Ordinal);
        var join = page.QuerySelector("#how-to-join")!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/account/register", join);
        Assert.Contains($"/{m.Slug}/stakeholders/join", join);
        Assert.Null(page.QuerySelector("#write-statement"));
        Assert.Null(page.QuerySelector("#comments-link"));
        Assert.Null(page.QuerySelector("#weighing-link"));

        var (member, _) = await m.MemberClientAsync(org);
        var memberPage = await member.GetDocumentAsync(round.Url(m));
        Assert.Equal(round.NewStatementUrl(m), memberPage.QuerySelector("#write-statement")!.GetAttribute("href"));

        await m.WithDbAsync(async db => await db.ConsultationRounds.Where(r => r.Id == round.Id).ExecuteUpdateAsync(x => x.SetProperty(r => r.WeighingPublishedAt, t0)));
        var published = await member.GetDocumentAsync(round.Url(m));
        Assert.Equal(round.Url(m, "/weighing"), published.QuerySelector("#weighing-link")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserlikeClient().GetAsync($"/{m.Slug}/consultations/999999")).StatusCode);
    }

    [Fact]
    public async Task A_cached_round_page_and_list_never_show_a_round_as_open_after_its_close()
    {
        var m = await app.CreateMunicipalityAsync();
        var t0 = app.Now();
        var round = await m.AddRoundAsync(t0.AddMinutes(30), t0.AddHours(3), title: "Runde im Cache");
        var anonymous = app.CreateBrowserlikeClient();
        async Task<string> StateAsync() => (await anonymous.GetDocumentAsync(round.Url(m))).QuerySelector("#round-state")!.TextContent.Trim();
        async Task<string> SectionAsync() => (await anonymous.GetDocumentAsync($"/{m.Slug}/consultations")).QuerySelector($"#round-{round.Id.ToString(CultureInfo.InvariantCulture)}")!.Closest("section")!.Id!;

        Assert.Equal("geplant", await StateAsync());
        Assert.Equal("upcoming", await SectionAsync());
        // The page is cached: a change made behind the application's back (no eviction) does not show yet.
        await m.WithDbAsync(async db => await db.ConsultationRounds.Where(r => r.Id == round.Id).ExecuteUpdateAsync(x => x.SetProperty(r => r.Title, "Geänderter Titel")));
        Assert.Equal("Runde im Cache", (await anonymous.GetDocumentAsync(round.Url(m))).QuerySelector("h1")!.TextContent.Trim());

        app.MoveTo(round.OpensAt);
        Assert.Equal("offen", await StateAsync());
        Assert.Equal("open", await SectionAsync());
        app.MoveTo(round.ClosesAt.AddSeconds(-1));
        Assert.Equal("offen", await StateAsync());
        app.MoveTo(round.ClosesAt);
        Assert.Equal("beendet", await StateAsync());
        Assert.Equal("closed", await SectionAsync());
        var closed = await anonymous.GetDocumentAsync(round.Url(m));
        Assert.NotNull(closed.QuerySelector("#closed-notice"));
        Assert.Null(closed.QuerySelector("#how-to-join"));
    }

    [Fact]
    public void German_time_is_read_and_shown_across_the_change_of_the_clocks()
    {
        Assert.Equal(new DateTimeOffset(2018, 1, 8, 8, 0, 0, TimeSpan.Zero), BerlinTime.Parse("2018-01-08T09:00"));
        Assert.Equal(new DateTimeOffset(2018, 7, 1, 7, 0, 0, TimeSpan.Zero), BerlinTime.Parse("2018-07-01T09:00"));
        Assert.Null(BerlinTime.Parse("2018-03-25T02:30"));
        Assert.Null(BerlinTime.Parse("morgen früh"));
        Assert.Equal("08.01.2018, 09:00 Uhr", GermanText.Of(() => BerlinTime.DateAndTime(new DateTimeOffset(2018, 1, 8, 8, 0, 0, TimeSpan.Zero))));
        Assert.Equal("2018-07-01T09:00", BerlinTime.ToInput(new DateTimeOffset(2018, 7, 1, 7, 0, 0, TimeSpan.Zero)));
    }
}

public sealed class ConsultationRoundPageSqliteTests(ConsultationSqliteApp app) : ConsultationRoundPageTests(app), IClassFixture<ConsultationSqliteApp>;

public sealed class ConsultationRoundPagePostgresTests(ConsultationPostgresApp app) : ConsultationRoundPageTests(app), IClassFixture<ConsultationPostgresApp>;
