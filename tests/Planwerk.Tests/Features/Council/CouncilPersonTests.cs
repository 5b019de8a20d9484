using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Infrastructure;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Council.OParl;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Council.CouncilTestSupport;

namespace Planwerk.Tests.Features.Council;

/// <summary>The people of the bodies: the council office records persons and their memberships through its pages,
/// and OParl publishes them as Person and Membership — valid against the schemas, with deletions kept for clients
/// that sync, and nothing of another municipality.</summary>
public abstract class CouncilPersonTests(PlanwerkApp app)
{
    private static Dictionary<string, string?> Person(string family, string given = "", string title = "", string affix = "", string address = "", string? version = null)
    {
        var form = new Dictionary<string, string?>
        {
            ["Input.FamilyName"] = family, ["Input.GivenName"] = given, ["Input.Title"] = title, ["Input.Affix"] = affix, ["Input.FormOfAddress"] = address,
        };
        if (version is not null) form["Input.Version"] = version;
        return form;
    }

    private static Task<HttpResponseMessage> AddMembershipAsync(HttpClient clerk, TestMunicipality m, int personId, string bodyId, string role,
        string start, string end, bool voting = true) =>
        clerk.SubmitFormAsync(m.Council("/people/" + Id(personId)), new Dictionary<string, string?>
        {
            // As a browser sends it: the blank form's box is ticked; unticked, it sends nothing.
            ["Membership.BodyId"] = bodyId, ["Membership.Role"] = role, ["Membership.VotingRight"] = voting ? "true" : null,
            ["Membership.StartDate"] = start, ["Membership.EndDate"] = end,
        }, "#membership-form");

    private async Task<JsonElement> OParlAsync(string url)
    {
        var slug = url.Split("/bodies/")[1].Split('/', '?')[0];
        await PublicPageCache.EvictMunicipalityAsync(app.Services.GetRequiredService<IOutputCacheStore>(), slug);
        return await app.CreateClient().GetJsonAsync(url);
    }

    [Fact]
    public async Task A_person_with_memberships_is_recorded_through_the_pages_and_published_as_valid_OParl()
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var council = await clerk.CreateBodyAsync(m, "Stadtrat", BodyClassification.CityCouncil);
        var committee = await clerk.CreateBodyAsync(m, "Ausschuss für Soziales", BodyClassification.Committee);

        var family = "Al-Hassan " + HostileText.Script + " " + HostileText.RightToLeft;
        var created = await clerk.SubmitFormAsync(m.Council("/people/new"), Person(family, "Amira", "Dr.", "", "Stadträtin"), "#person-form");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var personId = created.RedirectId();

        // Bad input is named and nothing is stored.
        var empty = await clerk.SubmitFormAsync(m.Council("/people/new"), Person("  "), "#person-form");
        Assert.Contains(await empty.ErrorsAsync(), e => e.Contains("Familiennamen", StringComparison.Ordinal));
        var tooLong = await clerk.SubmitFormAsync(m.Council("/people/new"), Person("Meier", title: HostileText.VeryLong), "#person-form");
        Assert.Contains(await tooLong.ErrorsAsync(), e => e.StartsWith("Titel", StringComparison.Ordinal));
        Assert.Equal(1, await m.WithDbAsync(db => db.CouncilPersons.CountAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await AddMembershipAsync(clerk, m, personId, Id(council), "Member", "2019-08-01", "")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddMembershipAsync(clerk, m, personId, Id(committee), "Chair", "2019-09-01", "2024-06-30")).StatusCode);
        var backwards = await AddMembershipAsync(clerk, m, personId, Id(committee), "Member", "2025-01-01", "2024-12-31");
        Assert.Contains(await backwards.ErrorsAsync(), e => e.StartsWith("Ende", StringComparison.Ordinal));
        var overlapping = await AddMembershipAsync(clerk, m, personId, Id(council), "DeputyChair", "2021-01-01", "");
        Assert.Contains(await overlapping.ErrorsAsync(), e => e.Contains("schon Mitglied", StringComparison.Ordinal));
        var badRole = await AddMembershipAsync(clerk, m, personId, Id(council), "Kaiser", "2030-01-01", "");
        Assert.Contains(await badRole.ErrorsAsync(), e => e.Contains("Rolle", StringComparison.Ordinal));
        // Another municipality's body is unknown here.
        var other = await app.CreateMunicipalityAsync();
        var otherBody = await (await other.SignedInClientAsync(MunicipalityRole.CouncilClerk)).CreateBodyAsync(other, "Fremder Rat", BodyClassification.CityCouncil);
        var foreign = await AddMembershipAsync(clerk, m, personId, Id(otherBody), "Member", "2030-01-01", "");
        Assert.Contains(await foreign.ErrorsAsync(), e => e.Contains("Gremium", StringComparison.Ordinal));
        Assert.Equal(2, await m.WithDbAsync(db => db.BodyMemberships.CountAsync()));

        // The clerk's pages show the person, escaped.
        var start = await clerk.GetDocumentAsync(m.Council());
        Assert.Contains("Dr. Amira " + family, start.QuerySelector("#people")!.TextContent, StringComparison.Ordinal);
        Assert.Null(start.QuerySelector("#people script"));
        var page = await clerk.GetDocumentAsync(m.Council("/people/" + Id(personId)));
        Assert.Equal(2, page.QuerySelectorAll("#memberships tbody tr").Length);

        // OParl: the person with both memberships, and the bodies naming them.
        var body = "http://localhost/oparl/v1/bodies/" + m.Slug;
        var list = await OParlAsync(body + "/persons");
        var person = Assert.Single(list.GetProperty("data").EnumerateArray());
        OParlSchemas.AssertValid(person, "Person", "person in list");
        Assert.Equal("Dr. Amira " + family, person.GetProperty("name").GetString());
        Assert.Equal(family, person.GetProperty("familyName").GetString());
        Assert.Equal(["Dr."], person.GetProperty("title").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Stadträtin", person.GetProperty("formOfAddress").GetString());
        foreach (var absent in new[] { "email", "phone", "location", "life", "image", "gender" }) Assert.False(person.TryGetProperty(absent, out _), absent);
        var memberships = person.GetProperty("membership").EnumerateArray().ToList();
        Assert.Equal(2, memberships.Count);
        foreach (var ms in memberships) OParlSchemas.AssertValid(ms, "Membership", "embedded membership");
        Assert.Equal(("Mitglied", $"{body}/organizations/{council}", "2019-08-01", false),
            (memberships[0].GetProperty("role").GetString(), memberships[0].GetProperty("organization").GetString(), memberships[0].GetProperty("startDate").GetString(), memberships[0].TryGetProperty("endDate", out _)));
        Assert.Equal(("Vorsitz", "2024-06-30"), (memberships[1].GetProperty("role").GetString(), memberships[1].GetProperty("endDate").GetString()));
        var single = await OParlAsync(memberships[1].GetProperty("id").GetString()!);
        OParlSchemas.AssertValid(single, "Membership", "membership");
        Assert.Equal(person.GetProperty("id").GetString(), single.GetProperty("person").GetString());
        var organization = await OParlAsync($"{body}/organizations/{council}");
        OParlSchemas.AssertValid(organization, "Organization", "organization");
        Assert.Equal([memberships[0].GetProperty("id").GetString()], organization.GetProperty("membership").EnumerateArray().Select(x => x.GetString()));
        // The other municipality publishes no one.
        Assert.Equal(0, (await OParlAsync("http://localhost/oparl/v1/bodies/" + other.Slug + "/persons")).GetProperty("data").GetArrayLength());
        await app.CreateClient().GetJsonAsync($"http://localhost/oparl/v1/bodies/{other.Slug}/persons/{personId}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Edits_are_checked_against_the_version_and_a_deletion_reaches_clients_that_sync()
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var council = await clerk.CreateBodyAsync(m, "Stadtrat", BodyClassification.CityCouncil);
        var personId = (await clerk.SubmitFormAsync(m.Council("/people/new"), Person("Schulze", "Erik"), "#person-form")).RedirectId();
        Assert.Equal(HttpStatusCode.Redirect, (await AddMembershipAsync(clerk, m, personId, Id(council), "Member", "2019-08-01", "")).StatusCode);

        // Two clerks open the form; the second save is refused and shows the first one's change.
        var url = m.Council("/people/" + Id(personId));
        var version = await m.WithDbAsync(db => db.CouncilPersons.Where(p => p.Id == personId).Select(p => p.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SubmitFormAsync(url, Person("Schulze-Berg", "Erik", version: Id(version)), "#person-form")).StatusCode);
        var stale = await clerk.SubmitFormAsync(url, Person("Schultze", "Erik", version: Id(version)), "#person-form");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(await stale.ErrorsAsync(), e => e.Contains("inzwischen", StringComparison.Ordinal));
        Assert.Equal("Schulze-Berg", await m.WithDbAsync(db => db.CouncilPersons.Where(p => p.Id == personId).Select(p => p.FamilyName).SingleAsync()));

        // A body with a member is not deleted: the page offers no deletion, and a posted one is refused with the reason.
        var bodyPage = await clerk.GetDocumentAsync(m.Council("/bodies/" + Id(council)));
        Assert.Null(bodyPage.QuerySelector("#body-delete-form"));
        var bodyDelete = await clerk.PostWithTokenAsync(m.Council("/bodies/" + Id(council)) + "?handler=Delete", await clerk.AntiforgeryTokenAsync(), new Dictionary<string, string>());
        Assert.Contains(await bodyDelete.ErrorsAsync(), e => e.Contains("Mitglieder", StringComparison.Ordinal));
        Assert.True(await m.WithDbAsync(db => db.CouncilBodies.AnyAsync(b => b.Id == council)));

        // Removing the membership moves the person's modified moment; deleting the person keeps both as deleted for OParl.
        var membershipId = await m.WithDbAsync(db => db.BodyMemberships.Select(x => x.Id).SingleAsync());
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var body = "http://localhost/oparl/v1/bodies/" + m.Slug;
        var deleted = await clerk.SubmitFormAsync(url, new Dictionary<string, string?>(), "#person-delete-form");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await m.WithDbAsync(db => db.CouncilPersons.CountAsync()));
        Assert.Equal(0, await m.WithDbAsync(db => db.BodyMemberships.CountAsync()));
        var moment = Uri.EscapeDataString(since.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        var changed = await OParlAsync($"{body}/persons?modified_since={moment}");
        var gone = Assert.Single(changed.GetProperty("data").EnumerateArray());
        OParlSchemas.AssertValid(gone, "Person", "deleted person");
        Assert.True(gone.GetProperty("deleted").GetBoolean());
        var goneMembership = await OParlAsync($"{body}/memberships/{membershipId}");
        OParlSchemas.AssertValid(goneMembership, "Membership", "deleted membership");
        Assert.True(goneMembership.GetProperty("deleted").GetBoolean());
        // The body no longer names the membership, and has changed for clients that sync.
        var organizations = await OParlAsync($"{body}/organizations?modified_since={moment}");
        var organization = Assert.Single(organizations.GetProperty("data").EnumerateArray());
        Assert.False(organization.TryGetProperty("membership", out _));
    }

    [Fact]
    public async Task Removing_a_membership_changes_the_person_for_clients_that_sync()
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var council = await clerk.CreateBodyAsync(m, "Stadtrat", BodyClassification.CityCouncil);
        var personId = (await clerk.SubmitFormAsync(m.Council("/people/new"), Person("Schulze"), "#person-form")).RedirectId();
        Assert.Equal(HttpStatusCode.Redirect, (await AddMembershipAsync(clerk, m, personId, Id(council), "DeputyMember", "", "", voting: false)).StatusCode);
        var membership = await m.WithDbAsync(db => db.BodyMemberships.SingleAsync());
        Assert.Equal((MembershipRole.DeputyMember, false, null), (membership.Role, membership.VotingRight, membership.StartDate));
        var before = await m.WithDbAsync(db => db.CouncilPersons.Where(p => p.Id == personId).Select(p => p.ModifiedAt).SingleAsync());

        var removed = await clerk.SubmitFormAsync(m.Council("/people/" + Id(personId)), new Dictionary<string, string?>(), $"#membership-{membership.Id} form");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await m.WithDbAsync(db => db.BodyMemberships.CountAsync()));
        Assert.True(await m.WithDbAsync(db => db.CouncilPersons.Where(p => p.Id == personId).Select(p => p.ModifiedAt).SingleAsync()) > before);
        var person = await OParlAsync($"http://localhost/oparl/v1/bodies/{m.Slug}/persons/{personId}");
        OParlSchemas.AssertValid(person, "Person", "person");
        Assert.Equal(0, person.GetProperty("membership").GetArrayLength());
    }
}

public sealed class CouncilPersonSqliteTests(SqliteApp app) : CouncilPersonTests(app), IClassFixture<SqliteApp>;

public sealed class CouncilPersonPostgresTests(PostgresApp app) : CouncilPersonTests(app), IClassFixture<PostgresApp>;
