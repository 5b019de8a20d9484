using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans.Timeline;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Timeline;

public class CoarseDateTests
{
    [Theory]
    [InlineData("05.07.2019", 2019, 7, 5, DatePrecision.Day)]
    [InlineData("5.7.2019", 2019, 7, 5, DatePrecision.Day)]
    [InlineData("2019-07-05", 2019, 7, 5, DatePrecision.Day)]
    [InlineData("März 2019", 2019, 3, 1, DatePrecision.Month)]
    [InlineData("märz 2019", 2019, 3, 1, DatePrecision.Month)]
    [InlineData("03/2019", 2019, 3, 1, DatePrecision.Month)]
    [InlineData("2. Quartal 2019", 2019, 4, 1, DatePrecision.Quarter)]
    [InlineData("Q4 2018", 2018, 10, 1, DatePrecision.Quarter)]
    [InlineData(" 2017 ", 2017, 1, 1, DatePrecision.Year)]
    public void Coarse_dates_are_read_as_the_first_day_of_their_period(string text, int y, int mo, int d, DatePrecision precision)
    {
        Assert.True(CoarseDate.TryParse(text, out var date, out var problem), problem);
        Assert.Equal(new CoarseDate(new DateOnly(y, mo, d), precision), date);
        Assert.True(CoarseDate.TryParse(date.InputText, out var again, out _));
        Assert.Equal(date, again);
    }

    [Theory]
    [InlineData("31.02.2019", "kein Tag des Kalenders")]
    [InlineData("5. Quartal 2019", "nur vier Quartale")]
    [InlineData("Brumaire 2019", "Monat ist nicht zu erkennen")]
    [InlineData("1850", "zwischen 1900 und 2100")]
    [InlineData("13/2019", "kein Monat")]
    [InlineData("", "Bitte geben Sie das Datum")]
    [InlineData("<script>alert(1)</script>", "kein Datum")]
    public void Other_texts_are_refused_with_what_is_wrong(string text, string expected)
    {
        Assert.False(CoarseDate.TryParse(text, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}

/// <summary>The plan team's timeline entries and the public timeline they make with the automatic ones.</summary>
public abstract class TimelineTests(PlanwerkApp app)
{
    [Fact]
    public async Task The_public_timeline_is_chronological_by_year_with_each_automatic_entry_once_and_the_team_s_entry_winning()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.AddTimelinePlanAsync();
        var client = app.CreateBrowserlikeClient();

        var page = await client.GetDocumentAsync($"/{m.Slug}/plans/{plan.PlanId}/timeline");

        Assert.Equal(["2017", "2018", "2019"], page.QuerySelectorAll("section.timeline-year h2").Select(h => h.TextContent));
        var entries = page.QuerySelectorAll("li.timeline-entry").Select(e => e.QuerySelector("h3")!.TextContent.Trim()).ToList();
        Assert.Collection(entries,
            e => Assert.Equal("2017: Auftrag des Stadtrates", Flat(e)),
            e => Assert.Equal("27.11.2017: Workshop „Werkstatt im November“", Flat(e)),
            e => Assert.Equal("2. bis 4. Quartal 2018: Stellungnahmen", Flat(e)),
            e => Assert.Equal("1. Quartal 2019: Konkretisierung des Maßnahmenplans", Flat(e)),
            e => Assert.Equal("18.06.2019: Ausschuss für Soziales: Vorberatung", Flat(e)),
            e => Assert.Equal("05.07.2019: Der Fachplan ist beschlossen.", Flat(e)));
        // The round appears once: through the team's entry that points to it.
        Assert.Single(page.QuerySelectorAll($"a[href='/{m.Slug}/consultations/{plan.RoundId}']"));
        Assert.DoesNotContain("Beteiligungsrunde „Runde zum Entwurf“", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/{m.Slug}/workshops/{plan.WorkshopId}']"));
        Assert.NotNull(page.QuerySelector($"a[href='/{m.Slug}/council/papers/{plan.PaperId}']"));
        Assert.NotNull(page.QuerySelector($"a[href='/{m.Slug}/council/meetings/{plan.MeetingId}']"));
        Assert.Contains("Ergebnis: zugestimmt (9 dafür, 2 dagegen, 1 Enthaltung)", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Kommentare zu allen Maßnahmen", "Maßnahmen angepasst"],
            page.QuerySelectorAll("li.timeline-entry")[3].QuerySelectorAll(".timeline-activities li").Select(l => l.TextContent));
        var times = page.QuerySelectorAll("time[datetime]");
        Assert.Equal("2019-07-05", times[^1].GetAttribute("datetime"));
        Assert.Equal("2018-04", page.QuerySelectorAll("time[datetime]")[2].GetAttribute("datetime"));
        Assert.NotNull((await client.GetDocumentAsync($"/{m.Slug}/plans/{plan.PlanId}")).QuerySelector($"a[href='/{m.Slug}/plans/{plan.PlanId}/timeline']"));

        // A team entry for the adoption day takes the automatic adoption's place, one for the meeting the consultation's.
        await m.WithDbAsync(async db =>
        {
            db.TimelineEntries.Add(new TimelineEntry { PlanId = plan.PlanId, Kind = TimelineEntryKind.Event, StartDate = new DateOnly(2019, 7, 5), StartPrecision = DatePrecision.Day, Title = "Der Stadtrat beschließt" });
            db.TimelineEntries.Add(new TimelineEntry { PlanId = plan.PlanId, Kind = TimelineEntryKind.Event, StartDate = new DateOnly(2019, 6, 18), StartPrecision = DatePrecision.Day, Title = "Der Ausschuss stimmt zu", MeetingId = plan.MeetingId });
            return await db.SaveChangesAsync();
        });
        // As the editors' saves do: the municipality's cached pages are evicted.
        await Planwerk.Infrastructure.PublicPageCache.EvictMunicipalityAsync(app.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>(), m.Slug);
        var merged = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{m.Slug}/plans/{plan.PlanId}/timeline");
        var text = merged.Body!.TextContent;
        Assert.DoesNotContain("Der Fachplan ist beschlossen.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Vorberatung", text, StringComparison.Ordinal);
        Assert.Contains("Der Stadtrat beschließt", text, StringComparison.Ordinal);
        Assert.Single(merged.QuerySelectorAll($"a[href='/{m.Slug}/council/meetings/{plan.MeetingId}']"));
    }

    [Fact]
    public async Task The_public_timeline_speaks_English_when_asked()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.AddTimelinePlanAsync();
        var client = app.CreateBrowserlikeClient();
        var url = $"/{m.Slug}/plans/{plan.PlanId}/timeline";
        await client.GetAsync("/language/en?returnUrl=" + Uri.EscapeDataString(url));

        var page = await client.GetDocumentAsync(url);

        var text = Flat(page.QuerySelector("main")!.TextContent);
        Assert.Contains("How the plan was made", text, StringComparison.Ordinal);
        Assert.Contains("Q2–Q4 2018: Stellungnahmen", text, StringComparison.Ordinal);
        Assert.Contains("Q1 2019: Konkretisierung", text, StringComparison.Ordinal);
        Assert.Contains("27 November 2017: Workshop “Werkstatt im November”", text, StringComparison.Ordinal);
        Assert.Contains("Outcome: agreed (9 for, 2 against, 1 abstention)", text, StringComparison.Ordinal);
    }

    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    [Fact]
    public async Task The_public_timeline_is_only_for_public_plans_of_the_municipality()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var hidden = await m.AddTimelinePlanAsync(isPublic: false, body: "Verborgener Ausschuss");
        var shown = await m.AddTimelinePlanAsync();
        var client = app.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{m.Slug}/plans/{hidden.PlanId}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{other.Slug}/plans/{shown.PlanId}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{m.Slug}/plans/{shown.PlanId}/timeline")).StatusCode);
    }

    [Fact]
    public async Task The_public_timeline_costs_the_same_few_commands_for_3_and_60_entries()
    {
        var m = await app.CreateMunicipalityAsync();
        var small = await m.AddTimelinePlanAsync();
        var large = await m.AddTimelinePlanAsync(extraEntries: 57, body: "Zweiter Ausschuss");
        var counter = new QueryCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();
        async Task<int> Count(int planId)
        {
            counter.Reset();
            var response = await client.GetAsync($"/{m.Slug}/plans/{planId}/timeline");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return counter.Count;
        }
        var (smallCount, largeCount) = (await Count(small.PlanId), await Count(large.PlanId));
        Assert.Equal(smallCount, largeCount);
        Assert.True(largeCount <= 7, $"{largeCount} commands");
    }

    [Fact]
    public async Task An_editor_adds_changes_and_deletes_entries_with_coarse_dates_and_links()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.AddTimelinePlanAsync();
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{plan.PlanId}/timeline";

        var added = await client.SubmitFormAsync($"{url}/new", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Phase", ["Input.Start"] = "2. Quartal 2019", ["Input.End"] = "Juni 2019",
            ["Input.Title"] = "Beratung " + HostileText.Script, ["Input.Activities"] = "Stadtbezirksbeiräte\r\n\r\n  Ortschaftsräte  \r\n" + HostileText.RightToLeft,
            ["Input.PaperId"] = plan.PaperId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "#entry-form");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(url, added.Headers.Location!.OriginalString);
        var entry = await m.WithDbAsync(db => db.TimelineEntries.AsNoTracking().SingleAsync(e => e.PlanId == plan.PlanId && e.Title.StartsWith("Beratung")));
        Assert.Equal((new DateOnly(2019, 4, 1), DatePrecision.Quarter, (DateOnly?)new DateOnly(2019, 6, 1), (DatePrecision?)DatePrecision.Month, plan.PaperId),
            (entry.StartDate, entry.StartPrecision, entry.EndDate, entry.EndPrecision, entry.PaperId));
        Assert.Equal("Stadtbezirksbeiräte\nOrtschaftsräte\n" + HostileText.RightToLeft, entry.Activities);

        var list = await client.GetDocumentAsync(url);
        Assert.Contains("Beratung " + HostileText.Script, list.QuerySelector("#timeline-table")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(list.QuerySelectorAll("main script"));
        var publicPage = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{m.Slug}/plans/{plan.PlanId}/timeline");
        Assert.Contains("2. Quartal 2019 bis Juni 2019", publicPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(publicPage.QuerySelectorAll("main script"));

        var edit = await client.GetDocumentAsync($"{url}/{entry.Id}");
        Assert.Equal("2. Quartal 2019", edit.QuerySelector("#Input_Start")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(edit, $"{url}/{entry.Id}", new Dictionary<string, string?> { ["Input.Title"] = "Beratung in den Gremien" }, "#entry-form")).StatusCode);
        // The form loaded before that change no longer saves over it.
        var conflict = await client.SubmitFormAsync(edit, $"{url}/{entry.Id}", new Dictionary<string, string?> { ["Input.Title"] = "Veraltet" }, "#entry-form");
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Equal("Beratung in den Gremien", await m.WithDbAsync(db => db.TimelineEntries.Where(e => e.Id == entry.Id).Select(e => e.Title).SingleAsync()));
        var stale = await client.SubmitFormAsync(edit, $"{url}/{entry.Id}?handler=Delete", new Dictionary<string, string?>(), "#delete-form");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);

        var fresh = await client.GetDocumentAsync($"{url}/{entry.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(fresh, $"{url}/{entry.Id}?handler=Delete", new Dictionary<string, string?>(), "#delete-form")).StatusCode);
        Assert.False(await m.WithDbAsync(db => db.TimelineEntries.AnyAsync(e => e.Id == entry.Id)));
    }

    [Theory]
    [InlineData("Input.Start", "30.02.2019", "Beginn oder Datum: „30.02.2019“ ist kein Tag des Kalenders.")]
    [InlineData("Input.Start", "5. Quartal 2019", "nur vier Quartale")]
    [InlineData("Input.Start", "", "Bitte geben Sie das Datum als Tag")]
    [InlineData("Input.End", "2018", "Das Ende darf nicht vor dem Beginn liegen.")]
    [InlineData("Input.End", "irgendwann", "Ende: „irgendwann“ ist kein Datum")]
    [InlineData("Input.Kind", "Event", "Ein Ende hat nur eine Phase.")]
    [InlineData("Input.Title", "", "Bitte geben Sie einen Titel für den Eintrag an.")]
    [InlineData("Input.Title", "{long}", "Der Titel des Eintrags darf höchstens 300 Zeichen lang sein.")]
    [InlineData("Input.RoundId", "{foreign}", "Bitte wählen Sie die Beteiligungsrunde aus der Liste.")]
    [InlineData("Input.MeetingId", "{foreign}", "Bitte wählen Sie die Sitzung aus der Liste.")]
    public async Task Bad_entries_are_refused_with_a_message_naming_the_field_and_save_nothing(string name, string value, string expected)
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var plan = await m.AddTimelinePlanAsync();
        var foreign = await other.AddTimelinePlanAsync();
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var token = await client.AntiforgeryTokenAsync();
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Phase", ["Input.Start"] = "2. Quartal 2019", ["Input.End"] = "4. Quartal 2019", ["Input.Title"] = "Beratung", ["Input.Version"] = "0",
        };
        fields[name] = value.Replace("{long}", new string('x', 301), StringComparison.Ordinal)
            .Replace("{foreign}", (name == "Input.RoundId" ? foreign.RoundId : foreign.MeetingId).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var before = await m.WithDbAsync(db => db.TimelineEntries.CountAsync());

        var response = await client.PostWithTokenAsync($"/{m.Slug}/manage/plans/{plan.PlanId}/timeline/new", token, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        var id = name == "Input.Kind" ? "Input_End" : name.Replace('.', '_');
        Assert.Contains(expected, page.QuerySelector($"#{id}-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(before, await m.WithDbAsync(db => db.TimelineEntries.CountAsync()));
    }
}

public sealed class TimelineSqliteTests(SqliteApp app) : TimelineTests(app), IClassFixture<SqliteApp>;

public sealed class TimelinePostgresTests(PostgresApp app) : TimelineTests(app), IClassFixture<PostgresApp>;
