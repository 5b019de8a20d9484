using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Who marks an organisation's members as reporters: its contacts on "my organisations" and the plan team on
/// the registry; a plain member, and the contact of another organisation, cannot.</summary>
public abstract class ReporterMarkTests(PlanwerkApp app)
{
    private static Task<bool> IsReporterAsync(TestMunicipality m, int memberId) =>
        m.WithDbAsync(db => db.StakeholderMembers.Where(x => x.Id == memberId).Select(x => x.IsReporter).SingleAsync());

    [Fact]
    public async Task A_contact_marks_a_member_of_the_organisation_and_takes_the_mark_away()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddStakeholderAsync("Beispiel-Sozialamt");
        var contact = await app.CreateUserAsync();
        var plain = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(id, contact.Id, contact: true);
        await m.AddStakeholderMemberAsync(id, plain.Id);
        var memberId = await m.WithDbAsync(db => db.StakeholderMembers.Where(x => x.UserId == plain.Id).Select(x => x.Id).SingleAsync());
        var url = $"/{m.Slug}/my-organisations";

        var plainClient = await app.SignInAsync(plain.Email!);
        Assert.Null((await plainClient.GetDocumentAsync(url)).QuerySelector($"#reporter-{memberId}"));
        var token = await plainClient.AntiforgeryTokenAsync();
        var refused = await plainClient.PostWithTokenAsync(url + "?handler=Reporter", token, new Dictionary<string, string>
        {
            ["organisationId"] = id.ToString(CultureInfo.InvariantCulture), ["memberId"] = memberId.ToString(CultureInfo.InvariantCulture), ["reporter"] = "true",
        });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.False(await IsReporterAsync(m, memberId));

        var contactClient = await app.SignInAsync(contact.Email!);
        Assert.Equal(url, (await contactClient.SubmitFormAsync(url, new Dictionary<string, string?>(), $"#reporter-{memberId}")).RedirectTarget());
        Assert.True(await IsReporterAsync(m, memberId));
        var page = await contactClient.GetDocumentAsync(url);
        Assert.Contains("berichtet jetzt über die Umsetzung der Maßnahmen dieser Organisation.", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nicht mehr berichten lassen", page.QuerySelector($"#reporter-{memberId}")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(url, (await contactClient.SubmitFormAsync(url, new Dictionary<string, string?>(), $"#reporter-{memberId}")).RedirectTarget());
        Assert.False(await IsReporterAsync(m, memberId));
    }

    [Fact]
    public async Task The_contact_of_another_organisation_cannot_mark_members_of_this_one()
    {
        var m = await app.CreateMunicipalityAsync();
        var mine = await m.AddStakeholderAsync("Beispiel-Verein A");
        var theirs = await m.AddStakeholderAsync("Beispiel-Verein B");
        var contact = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(mine, contact.Id, contact: true);
        await m.AddStakeholderMemberAsync(theirs, stranger.Id);
        var strangerId = await m.WithDbAsync(db => db.StakeholderMembers.Where(x => x.UserId == stranger.Id).Select(x => x.Id).SingleAsync());
        var client = await app.SignInAsync(contact.Email!);
        var token = await client.AntiforgeryTokenAsync();
        foreach (var organisation in new[] { mine, theirs })
        {
            var response = await client.PostWithTokenAsync($"/{m.Slug}/my-organisations?handler=Reporter", token, new Dictionary<string, string>
            {
                ["organisationId"] = organisation.ToString(CultureInfo.InvariantCulture), ["memberId"] = strangerId.ToString(CultureInfo.InvariantCulture), ["reporter"] = "true",
            });
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.False(await IsReporterAsync(m, strangerId));
    }

    [Fact]
    public async Task The_plan_team_marks_a_member_on_the_registry()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddStakeholderAsync("Beispiel-Jobcenter");
        var member = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(id, member.Id);
        var memberId = await m.WithDbAsync(db => db.StakeholderMembers.Where(x => x.UserId == member.Id).Select(x => x.Id).SingleAsync());
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/manage/stakeholders/{id}");
        Assert.Equal(url, (await editor.SubmitFormAsync(url, new Dictionary<string, string?>(), $"#reporter-{memberId}")).RedirectTarget());
        Assert.True(await IsReporterAsync(m, memberId));
        var row = (await editor.GetDocumentAsync(url)).QuerySelector($"#member-{memberId}")!.TextContent;
        Assert.Contains("Nicht mehr berichten lassen", row, StringComparison.Ordinal);
    }
}

public sealed class ReporterMarkSqliteTests(SqliteApp app) : ReporterMarkTests(app), IClassFixture<SqliteApp>;

public sealed class ReporterMarkPostgresTests(PostgresApp app) : ReporterMarkTests(app), IClassFixture<PostgresApp>;
