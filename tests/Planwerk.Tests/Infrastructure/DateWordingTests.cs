using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Time;
using Planwerk.Tests.Features.Council;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Plans.Manage;

namespace Planwerk.Tests.Infrastructure;

/// <summary>Pages read in German and in English (the language cookie): dates in one format per language, the
/// history's kind of part in the reader's language, ends at midnight and past workshops said plainly; and the
/// context's timestamps follow the application's clock.</summary>
public abstract class DateWordingTests(ClockedApp app)
{
    private static string S(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task InEnglishAsync(HttpClient client) => await client.GetAsync("/language/en?returnUrl=/");

    private static string English(Func<string> format)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Planwerk.Infrastructure.Localization.Languages.English;
        try
        {
            return format();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task A_meeting_s_time_reads_in_each_language_s_one_format()
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var body = await clerk.CreateBodyAsync(m, "Stadtrat " + HostileText.Script, BodyClassification.CityCouncil);
        var meeting = await clerk.CreateMeetingAsync(m, body, "Sitzung des Stadtrates", "05.07.2019 18:00");
        var visitor = app.CreateBrowserlikeClient();

        Assert.Equal("05.07.2019, 18:00 Uhr", (await visitor.GetDocumentAsync(m.PublicMeeting(meeting))).QuerySelector("#time")!.TextContent.Trim());
        await InEnglishAsync(visitor);
        Assert.Equal("5 July 2019, 18:00", (await visitor.GetDocumentAsync(m.PublicMeeting(meeting))).QuerySelector("#time")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_history_names_the_kind_of_part_in_the_reader_s_language_and_its_time_in_one_format()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        var id = plan.Field(1).MeasureIds[0];
        var user = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var editor = await app.SignInAsync(user.Email!);
        var saved = await editor.SubmitFormAsync($"/{m.Slug}/manage/plans/{S(plan.Id)}/measures/{S(id)}",
            new Dictionary<string, string?> { ["Input.Title"] = "Lerncafé " + HostileText.Script }, "#measure-form");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        var at = app.Clock.GetUtcNow();
        // Only this editor's change: one.
        var url = $"/{m.Slug}/manage/plans/{S(plan.Id)}/history?person={Uri.EscapeDataString(user.Id)}";

        var german = (await editor.GetDocumentAsync(url)).QuerySelector("li.change .change-head")!.TextContent;
        Assert.EndsWith("Uhr", GermanText.Of(() => BerlinTime.DateAndTime(at)), StringComparison.Ordinal);
        Assert.Contains("Maßnahme 1.1 Lerncafé " + HostileText.Script, german, StringComparison.Ordinal);
        Assert.Contains(GermanText.Of(() => BerlinTime.DateAndTime(at)), german, StringComparison.Ordinal);
        Assert.Contains("1 Änderung", (await editor.GetDocumentAsync(url)).QuerySelector("#history-filter + p")!.TextContent, StringComparison.Ordinal);

        await InEnglishAsync(editor);
        var english = await editor.GetDocumentAsync(url);
        var head = english.QuerySelector("li.change .change-head")!.TextContent;
        Assert.Contains("Measure 1.1 Lerncafé " + HostileText.Script, head, StringComparison.Ordinal);
        Assert.Contains(English(() => BerlinTime.DateAndTime(at)), head, StringComparison.Ordinal);
        Assert.DoesNotContain("Maßnahme 1.1 Lerncafé", head, StringComparison.Ordinal);
        Assert.Equal("1 change", english.QuerySelector("#history-filter + p")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_context_stamps_records_and_council_objects_with_the_application_s_clock()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        // Far from the real time, so a stamp taken from the system clock would show.
        app.Clock.Advance(TimeSpan.FromDays(400));
        // A whole second: PostgreSQL keeps microseconds, not ticks.
        app.Clock.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - app.Clock.GetUtcNow().Ticks % TimeSpan.TicksPerSecond));
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var moment = app.Clock.GetUtcNow();
        var body = await clerk.CreateBodyAsync(m, "Ausschuss", BodyClassification.Committee);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await editor.SubmitFormAsync($"/{m.Slug}/manage/plans/{S(plan.Id)}/measures/{S(plan.Field(1).MeasureIds[0])}",
            new Dictionary<string, string?> { ["Input.Title"] = "Neu" }, "#measure-form");

        var stamped = await m.WithDbAsync(db => db.CouncilBodies.Where(b => b.Id == body).Select(b => new { b.CreatedAt, b.ModifiedAt }).SingleAsync());
        Assert.Equal((moment, moment), (stamped.CreatedAt, stamped.ModifiedAt));
        var recorded = await m.WithDbAsync(db => db.ChangeRecords.Where(r => r.PlanId == plan.Id && r.EntityType == ChangeEntityTypes.Measure).OrderByDescending(r => r.Id).Select(r => r.At).FirstAsync());
        Assert.Equal(moment.AddMinutes(5), recorded);
    }

    [Fact]
    public async Task A_round_ending_at_midnight_reads_as_the_day_before_and_a_past_workshop_offers_no_places()
    {
        var m = await app.CreateMunicipalityAsync();
        var lastDay = BerlinTime.Today(app.Clock).AddDays(30);
        // Closes at the midnight that ends the last day.
        var round = await m.AddRoundAsync(app.Clock.GetUtcNow().AddHours(-1), BerlinTime.StartOfDay(lastDay.AddDays(1)));
        var past = await m.AddWorkshopAsync(app.Clock.GetUtcNow(), capacity: 60, startsIn: TimeSpan.FromDays(-10));
        var visitor = app.CreateBrowserlikeClient();

        var closes = (await visitor.GetDocumentAsync(round.Url(m))).QuerySelector("#closes-at")!.TextContent;
        Assert.StartsWith(GermanText.Of(() => BerlinTime.Date(lastDay)) + " (deutsche Zeit)", closes.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("00:00", closes, StringComparison.Ordinal);
        var places = (await visitor.GetDocumentAsync(m.Url(past))).QuerySelector("#places")!.TextContent;
        Assert.DoesNotContain("frei", places, StringComparison.Ordinal);
        Assert.Contains("vorbei", places, StringComparison.Ordinal);

        await InEnglishAsync(visitor);
        Assert.StartsWith(English(() => BerlinTime.Date(lastDay)) + " (German time)", (await visitor.GetDocumentAsync(round.Url(m))).QuerySelector("#closes-at")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("The event is over", (await visitor.GetDocumentAsync(m.Url(past))).QuerySelector("#places")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class DateWordingSqliteTests(SqliteClockedApp app) : DateWordingTests(app), IClassFixture<SqliteClockedApp>;

public sealed class DateWordingPostgresTests(PostgresClockedApp app) : DateWordingTests(app), IClassFixture<PostgresClockedApp>;
