using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Who may use each page and handler of workshops: every role of the matrix against every address,
/// reading (GET) and changing (POST with a valid antiforgery token), and that a refused change changed nothing.</summary>
public abstract class WorkshopPermissionTests(PlanwerkApp app)
{
    public static TheoryData<Visitor> Visitors() => PermissionMatrix.Visitors(
        Visitor.Anonymous, Visitor.Resident, Visitor.StakeholderMember, Visitor.PlanEditor, Visitor.Moderator, Visitor.Administrator, Visitor.OtherAdministrator);

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Each_page_and_handler_of_workshops_admits_exactly_its_roles(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var now = DateTimeOffset.UtcNow;
        var upcoming = await m.AddWorkshopAsync(now, capacity: 5, groups: 3);
        var past = await m.AddWorkshopAsync(now, startsIn: TimeSpan.FromDays(-2), groups: 1);
        var attendee = await app.CreateUserAsync();
        var attendeeRegistration = await m.WithDbAsync(async db =>
        {
            var r = new Planwerk.Features.Participation.Workshops.WorkshopRegistration
            {
                WorkshopId = past, UserId = attendee.Id, State = Planwerk.Features.Participation.Workshops.RegistrationState.Confirmed, RegisteredAt = now.AddDays(-5),
            };
            db.WorkshopRegistrations.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var groups = (await m.WorkshopAsync(upcoming)).WorkingGroups.OrderBy(g => g.Position).Select(g => g.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var client = await PermissionMatrix.ClientAsync(app, m, visitor);

        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get($"/{m.Slug}/workshops", Access.Everyone),
            PermissionCheck.Get(m.Url(upcoming), Access.Everyone),
            PermissionCheck.Get(m.Url(past), Access.Everyone),
            PermissionCheck.Get(m.Url(upcoming, "/calendar.ics"), Access.Everyone),
            PermissionCheck.Get($"/{m.Slug}/manage/workshops", Access.PlanTeam),
            PermissionCheck.Get($"/{m.Slug}/manage/workshops/new", Access.PlanEditor),
            PermissionCheck.Get(m.ManageUrl(upcoming), Access.PlanEditor),
            PermissionCheck.Get(m.ManageUrl(upcoming, "/registrations"), Access.PlanTeam),
            PermissionCheck.Get(m.ManageUrl(past, "/registrations"), Access.PlanTeam),
            PermissionCheck.Get(m.ManageUrl(upcoming, "/results"), Access.PlanEditor),
            PermissionCheck.Get(m.ManageUrl(past, "/results"), Access.PlanEditor),
        ]);

        if (Access.PlanTeam(visitor))
        {
            // Moderators read the list but are not offered what they may not do.
            var list = await client.GetDocumentAsync($"/{m.Slug}/manage/workshops");
            Assert.Equal(Access.PlanEditor(visitor), list.QuerySelector($"a[href='/{m.Slug}/manage/workshops/new']") is not null);
        }

        var start = now.AddDays(3);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, berlin).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        Dictionary<string, string> Workshop(string title) => new()
        {
            ["Input.Title"] = title, ["Input.StartsAt"] = Local(start), ["Input.EndsAt"] = Local(start.AddHours(2)),
            ["Input.Place"] = "Rathaus", ["Input.Capacity"] = "5", ["Input.Version"] = "0",
        };
        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Post(m.Url(upcoming, "?handler=Register"), Access.SignedIn, new() { ["workingGroupId"] = groups[0] }),
            PermissionCheck.Post(m.Url(upcoming, "?handler=Cancel"), Access.SignedIn, new()),
            PermissionCheck.Post($"/{m.Slug}/manage/workshops/new", Access.PlanEditor, Workshop("Neu " + visitor)),
            PermissionCheck.Post(m.ManageUrl(upcoming), Access.PlanEditor, Workshop("Geändert " + visitor)),
            PermissionCheck.Post(m.ManageUrl(upcoming, "?handler=AddGroup"), Access.PlanEditor, new() { ["Group.Title"] = "Neue AG" }),
            PermissionCheck.Post(m.ManageUrl(upcoming, "?handler=SaveGroup"), Access.PlanEditor, new() { ["groupId"] = groups[1], ["Group.Title"] = "Umbenannt" }),
            PermissionCheck.Post(m.ManageUrl(upcoming, "?handler=MoveGroup"), Access.PlanEditor, new() { ["groupId"] = groups[2], ["direction"] = "up" }),
            PermissionCheck.Post(m.ManageUrl(upcoming, "?handler=RemoveGroup"), Access.PlanEditor, new() { ["groupId"] = groups[0] }),
            PermissionCheck.Post(m.ManageUrl(past, "/registrations"), Access.PlanEditor, new() { ["attended-" + attendeeRegistration.ToString(CultureInfo.InvariantCulture)] = "yes" }),
            PermissionCheck.Post(m.ManageUrl(past, "/results"), Access.PlanEditor, new() { ["Input.Results"] = "Ergebnis", ["Input.Version"] = "0" }),
            PermissionCheck.Post(m.ManageUrl(past, "/results?handler=Publish"), Access.PlanEditor, new() { ["publish"] = "true" }),
            PermissionCheck.Post(m.ManageUrl(upcoming, "?handler=Cancel"), Access.PlanEditor, new() { ["message"] = "Abgesagt." }),
        ]);

        var mayEdit = Access.PlanEditor(visitor);
        var state = await m.WithDbAsync(async db => (
            Workshops: await db.Workshops.CountAsync(),
            Registrations: await db.WorkshopRegistrations.CountAsync(r => r.WorkshopId == upcoming),
            Title: await db.Workshops.Where(w => w.Id == upcoming).Select(w => w.Title).SingleAsync(),
            Cancelled: await db.Workshops.AnyAsync(w => w.Id == upcoming && w.CancelledAt != null),
            Groups: await db.WorkingGroups.Where(g => g.WorkshopId == upcoming).OrderBy(g => g.Position).Select(g => g.Title).ToListAsync(),
            Attended: await db.WorkshopRegistrations.Where(r => r.Id == attendeeRegistration).Select(r => r.Attended).SingleAsync(),
            Past: await db.Workshops.Where(w => w.Id == past).Select(w => new { w.Results, w.ResultsPublishedAt }).SingleAsync()));
        Assert.Equal(mayEdit ? 3 : 2, state.Workshops);
        Assert.Equal(visitor == Visitor.Anonymous ? 0 : 1, state.Registrations);
        Assert.Equal(mayEdit ? "Geändert " + visitor : state.Title, state.Title);
        Assert.Equal(mayEdit, state.Title.StartsWith("Geändert", StringComparison.Ordinal));
        Assert.Equal(mayEdit, state.Cancelled);
        Assert.Equal(mayEdit ? ["Arbeitsgruppe 3", "Umbenannt", "Neue AG"] : ["Arbeitsgruppe 1", "Arbeitsgruppe 2", "Arbeitsgruppe 3"], state.Groups);
        Assert.Equal(mayEdit ? true : null, state.Attended);
        Assert.Equal(mayEdit ? "Ergebnis" : "", state.Past.Results);
        Assert.Equal(mayEdit, state.Past.ResultsPublishedAt is not null);
    }

    [Fact]
    public async Task Another_municipality_never_sees_or_changes_the_workshops()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var title = "Werkstatt " + Guid.NewGuid().ToString("N")[..6];
        var id = await m.AddWorkshopAsync(DateTimeOffset.UtcNow, title: title);
        var otherAdmin = await other.SignedInClientAsync(MunicipalityRole.Administrator);

        Assert.DoesNotContain(title, (await otherAdmin.GetDocumentAsync($"/{other.Slug}/manage/workshops")).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(title, (await app.CreateBrowserlikeClient().GetDocumentAsync($"/{other.Slug}/workshops")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(other.Url(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(other.Url(id, "/calendar.ics"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(other.ManageUrl(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(other.ManageUrl(id, "/registrations"))).StatusCode);
        var token = await otherAdmin.AntiforgeryTokenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostWithTokenAsync(other.ManageUrl(id, "?handler=Cancel"), token, new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostWithTokenAsync(other.Url(id, "?handler=Register"), token, new Dictionary<string, string>())).StatusCode);
        Assert.Null((await m.WorkshopAsync(id)).CancelledAt);
        Assert.Empty(await m.RegistrationsAsync(id));
    }
}

public sealed class WorkshopPermissionSqliteTests(SqliteApp app) : WorkshopPermissionTests(app), IClassFixture<SqliteApp>;

public sealed class WorkshopPermissionPostgresTests(PostgresApp app) : WorkshopPermissionTests(app), IClassFixture<PostgresApp>;
