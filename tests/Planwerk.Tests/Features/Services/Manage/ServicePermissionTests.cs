using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Services.Manage;

/// <summary>Who may keep which service, for every kind of visitor: the plan team (plan editors and administrators) every
/// service of its municipality, a member of organisation A only A's services (a member of B only B's), nobody of another
/// municipality, no moderator, clerk or resident; anonymous visitors are sent to sign in. The review queue and the review
/// settings are the plan team's alone.</summary>
public abstract class ServicePermissionTests(PlanwerkApp app)
{
    public static TheoryData<Visitor> Visitors => PermissionMatrix.Visitors();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static readonly Func<Visitor, bool> OrganisationA = v => v is Visitor.PlanEditor or Visitor.Administrator or Visitor.StakeholderMember;
    private static readonly Func<Visitor, bool> OrganisationB = v => v is Visitor.PlanEditor or Visitor.Administrator or Visitor.NotInvitedMember;
    private static readonly Func<Visitor, bool> AnyProvider = v => v is Visitor.PlanEditor or Visitor.Administrator or Visitor.StakeholderMember or Visitor.NotInvitedMember;

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Each_visitor_may_open_and_change_only_the_services_they_keep(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var a = await m.AddStakeholderAsync("Organisation A " + HostileText.Script);
        var b = await m.AddStakeholderAsync("Organisation B");
        var (serviceA, _) = await m.AddServiceAsync(a, "Angebot A", withLocation: false);
        var (serviceB, _) = await m.AddServiceAsync(b, "Angebot B", withLocation: false);
        // "StakeholderMember" is a member of A, "NotInvitedMember" a member of B.
        var client = await PermissionMatrix.ClientAsync(app, m, visitor, a, b);
        var services = $"/{m.Slug}/manage/services";
        var versions = await m.WithDbAsync(db => db.HelpServices.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Version));
        Dictionary<string, string> Edit(int service, int organisation, string name) =>
            new() { ["Input.OrganisationId"] = Id(organisation), ["Input.Name"] = name, ["Version"] = Id(versions[service]) };

        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get(services, AnyProvider),
            PermissionCheck.Get($"{services}/new", AnyProvider),
            PermissionCheck.Get($"{services}/{Id(serviceA)}", OrganisationA),
            PermissionCheck.Get($"{services}/{Id(serviceB)}", OrganisationB),
            PermissionCheck.Get($"{services}/{Id(serviceA)}/history", OrganisationA),
            PermissionCheck.Get($"{services}/{Id(serviceB)}/history", OrganisationB),
            PermissionCheck.Get($"{services}/review", Access.PlanEditor),
            PermissionCheck.Get($"{services}/review-settings", Access.PlanEditor),
            PermissionCheck.Post($"{services}/{Id(serviceA)}", OrganisationA, Edit(serviceA, a, "A geändert von " + visitor)),
            PermissionCheck.Post($"{services}/{Id(serviceB)}", OrganisationB, Edit(serviceB, b, "B geändert von " + visitor)),
            PermissionCheck.Post($"{services}/review-settings", Access.PlanEditor, new() { ["Reviewed"] = Id(a) }),
        ]);

        var names = await m.WithDbAsync(db => db.HelpServices.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Name).ToListAsync());
        Assert.Equal([OrganisationA(visitor) ? "A geändert von " + visitor : "Angebot A", OrganisationB(visitor) ? "B geändert von " + visitor : "Angebot B"], names);
        Assert.Equal(Access.PlanEditor(visitor), await m.WithDbAsync(db => db.Stakeholders.AnyAsync(s => s.Id == a && s.ServiceChangesReviewed)));
    }

    [Fact]
    public async Task A_member_cannot_give_a_new_service_to_another_organisation()
    {
        var m = await app.CreateMunicipalityAsync();
        var a = await m.AddStakeholderAsync("Organisation A");
        var b = await m.AddStakeholderAsync("Organisation B");
        var member = await m.MemberClientAsync(a);
        var token = await member.AntiforgeryTokenAsync();
        var response = await member.PostWithTokenAsync($"/{m.Slug}/manage/services/new", token,
            new Dictionary<string, string> { ["Input.OrganisationId"] = Id(b), ["Input.Name"] = "Untergeschoben" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bitte wählen Sie die Organisation aus der Liste.", (await HtmlForms.ParseAsync(response)).Errors());
        Assert.False(await m.WithDbAsync(db => db.HelpServices.AnyAsync()));
    }
}

public sealed class ServicePermissionSqliteTests(SqliteApp app) : ServicePermissionTests(app), IClassFixture<SqliteApp>;

public sealed class ServicePermissionPostgresTests(PostgresApp app) : ServicePermissionTests(app), IClassFixture<PostgresApp>;
