using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Join requests end to end: a person asks to join or proposes an organisation, a plan editor
/// decides, the person is told over a real SMTP conversation.</summary>
public abstract class JoinRequestTests(MailingApp app)
{
    private static string JoinUrl(TestMunicipality m) => $"/{m.Slug}/stakeholders/join";

    private static string ManageUrl(TestMunicipality m) => $"/{m.Slug}/manage/join-requests";

    private static Task<int> RequestIdAsync(TestMunicipality m, string userId) =>
        m.WithDbAsync(db => db.StakeholderJoinRequests.Where(r => r.UserId == userId).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync());

    private static Task<HttpResponseMessage> DecideAsync(HttpClient editor, TestMunicipality m, int requestId, string decision, string note) =>
        editor.SubmitFormAsync(ManageUrl(m), new Dictionary<string, string?> { ["Decision.Note"] = note },
            string.Create(CultureInfo.InvariantCulture, $"#decide-{requestId}"), "decision", decision);

    [Fact]
    public async Task A_person_asks_to_join_a_listed_organisation_and_an_editor_approves_with_a_note()
    {
        var m = await app.CreateMunicipalityAsync();
        var name = "Beispiel-Initiative " + Guid.NewGuid().ToString("N")[..6];
        var stakeholderId = await m.AddStakeholderAsync(name);
        await m.AddStakeholderAsync("Nicht gelistet " + Guid.NewGuid().ToString("N")[..6], listed: false);
        var person = await app.CreateUserAsync();
        var client = await app.SignInAsync(person.Email!);

        var directory = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{m.Slug}/stakeholders");
        Assert.Equal(JoinUrl(m), directory.QuerySelector("#join-link a")!.GetAttribute("href"));
        var page = await client.GetDocumentAsync(JoinUrl(m));
        var options = page.QuerySelectorAll("#join-form select option").Select(o => o.TextContent).ToList();
        Assert.Single(options);
        Assert.StartsWith(name, options[0], StringComparison.Ordinal);

        var asked = await client.SubmitFormAsync(page, JoinUrl(m), new Dictionary<string, string?>
        {
            ["Join.StakeholderId"] = stakeholderId.ToString(CultureInfo.InvariantCulture),
            ["Join.Message"] = "Ich leite die Sprachkurse. " + HostileText.Script,
        }, "#join-form");
        Assert.Equal(JoinUrl(m), asked.RedirectTarget());
        var mine = await client.GetAsync(JoinUrl(m));
        Assert.DoesNotContain(HostileText.Script, await mine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var requestId = await RequestIdAsync(m, person.Id);

        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var list = await editor.GetAsync(ManageUrl(m));
        var listHtml = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, listHtml, StringComparison.Ordinal);
        var listPage = await HtmlForms.ParseAsync(list);
        Assert.Contains("Ich leite die Sprachkurse. " + HostileText.Script, listPage.QuerySelector($"#request-{requestId}")!.TextContent, StringComparison.Ordinal);

        var approved = await DecideAsync(editor, m, requestId, "approve", "Willkommen! " + HostileText.RightToLeft);
        Assert.Equal(ManageUrl(m), approved.RedirectTarget());

        var (member, request) = await m.WithDbAsync(async db => (
            await db.StakeholderMembers.AsNoTracking().SingleAsync(x => x.UserId == person.Id),
            await db.StakeholderJoinRequests.AsNoTracking().SingleAsync(x => x.Id == requestId)));
        Assert.Equal(stakeholderId, member.StakeholderId);
        Assert.False(member.IsContact);
        Assert.Equal(JoinRequestState.Approved, request.State);
        Assert.Equal("Willkommen! " + HostileText.RightToLeft, request.DecisionNote);
        Assert.NotNull(request.DecidedAt);
        Assert.NotNull(request.DecidedByUserId);

        var mail = await app.Smtp.WaitForMessageToAsync(person.Email!);
        Assert.Equal($"Planwerk: Aufnahme in „{name}“", mail.Subject);
        Assert.Contains("Willkommen! " + HostileText.RightToLeft, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/{m.Slug}/my-organisations", mail.TextBody, StringComparison.Ordinal);

        var organisations = await client.GetDocumentAsync($"/{m.Slug}/my-organisations");
        Assert.Contains(name, organisations.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(JoinUrl(m), organisations.QuerySelector("#join-link a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_declined_request_adds_no_member_and_the_person_reads_the_note_by_mail_and_on_the_page()
    {
        var m = await app.CreateMunicipalityAsync();
        var name = "Beispiel-Verein " + Guid.NewGuid().ToString("N")[..6];
        var stakeholderId = await m.AddStakeholderAsync(name);
        var person = await app.CreateUserAsync();
        var client = await app.SignInAsync(person.Email!);
        await client.SubmitFormAsync(JoinUrl(m), new Dictionary<string, string?> { ["Join.StakeholderId"] = stakeholderId.ToString(CultureInfo.InvariantCulture) }, "#join-form");
        var requestId = await RequestIdAsync(m, person.Id);

        var admin = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var declined = await DecideAsync(admin, m, requestId, "decline", "Bitte über die Geschäftsstelle melden.");
        Assert.Equal(ManageUrl(m), declined.RedirectTarget());

        Assert.Equal(0, await m.WithDbAsync(db => db.StakeholderMembers.CountAsync(x => x.UserId == person.Id)));
        var mail = await app.Smtp.WaitForMessageToAsync(person.Email!);
        Assert.Equal($"Planwerk: Ihre Anfrage für „{name}“", mail.Subject);
        Assert.Contains("abgelehnt", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Bitte über die Geschäftsstelle melden.", mail.TextBody, StringComparison.Ordinal);
        var page = await client.GetDocumentAsync(JoinUrl(m));
        var row = page.QuerySelector($"#my-request-{requestId}")!.TextContent;
        Assert.Contains("abgelehnt", row, StringComparison.Ordinal);
        Assert.Contains("Bitte über die Geschäftsstelle melden.", row, StringComparison.Ordinal);

        // Declined, the person may ask again.
        var again = await client.SubmitFormAsync(JoinUrl(m), new Dictionary<string, string?> { ["Join.StakeholderId"] = stakeholderId.ToString(CultureInfo.InvariantCulture) }, "#join-form");
        Assert.Equal(JoinUrl(m), again.RedirectTarget());
    }

    [Fact]
    public async Task An_approved_proposal_creates_an_unlisted_organisation_with_the_person_as_its_contact()
    {
        var m = await app.CreateMunicipalityAsync();
        var person = await app.CreateUserAsync();
        var client = await app.SignInAsync(person.Email!);
        var name = "Beispiel-Elterninitiative " + HostileText.Script;

        var proposed = await client.SubmitFormAsync(JoinUrl(m), new Dictionary<string, string?>
        {
            ["Propose.Name"] = name,
            ["Propose.Kind"] = nameof(StakeholderKind.MigrantOrganisation),
            ["Propose.Description"] = "Eltern helfen Eltern.",
            ["Propose.Message"] = "Wir möchten mitwirken.",
        }, "#propose-form");
        Assert.Equal(JoinUrl(m), proposed.RedirectTarget());
        var duplicate = await client.SubmitFormAsync(JoinUrl(m), new Dictionary<string, string?>
        {
            ["Propose.Name"] = name,
            ["Propose.Kind"] = nameof(StakeholderKind.MigrantOrganisation),
        }, "#propose-form");
        Assert.Contains($"Ihr Vorschlag „{name}“ liegt dem Planungsteam schon vor.", (await HtmlForms.ParseAsync(duplicate)).Errors());
        var requestId = await RequestIdAsync(m, person.Id);

        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        Assert.Equal(ManageUrl(m), (await DecideAsync(editor, m, requestId, "approve", "")).RedirectTarget());

        var stakeholder = await m.WithDbAsync(db => db.Stakeholders.AsNoTracking().Include(s => s.Members).SingleAsync(s => s.Name == name));
        Assert.Equal(StakeholderKind.MigrantOrganisation, stakeholder.Kind);
        Assert.Equal("Eltern helfen Eltern.", stakeholder.Description);
        Assert.False(stakeholder.IsListed);
        var member = Assert.Single(stakeholder.Members);
        Assert.Equal(person.Id, member.UserId);
        Assert.True(member.IsContact);
        Assert.Equal(stakeholder.Id, (await m.WithDbAsync(db => db.StakeholderJoinRequests.AsNoTracking().SingleAsync(r => r.Id == requestId))).StakeholderId);
        var mail = await app.Smtp.WaitForMessageToAsync(person.Email!);
        Assert.Equal($"Planwerk: Aufnahme in „{name}“", mail.Subject);
        // Unlisted until the team lists it.
        var directory = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{m.Slug}/stakeholders");
        Assert.DoesNotContain(name, directory.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_requests_and_requests_of_members_are_refused_with_a_message()
    {
        var m = await app.CreateMunicipalityAsync();
        var name = "Beispiel-Netzwerk " + Guid.NewGuid().ToString("N")[..6];
        var stakeholderId = await m.AddStakeholderAsync(name);
        var id = stakeholderId.ToString(CultureInfo.InvariantCulture);
        var person = await app.CreateUserAsync();
        var client = await app.SignInAsync(person.Email!);

        Assert.Equal(JoinUrl(m), (await client.SubmitFormAsync(JoinUrl(m), new Dictionary<string, string?> { ["Join.StakeholderId"] = id }, "#join-form")).RedirectTarget());
        var second = await client.SubmitFormAsync(JoinUrl(m), new Dictionary<string, string?> { ["Join.StakeholderId"] = id }, "#join-form");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains($"Ihre Anfrage für „{name}“ liegt dem Planungsteam schon vor.", (await HtmlForms.ParseAsync(second)).Errors());

        var member = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(stakeholderId, member.Id);
        var memberClient = await app.SignInAsync(member.Email!);
        var refused = await memberClient.SubmitFormAsync(JoinUrl(m), new Dictionary<string, string?> { ["Join.StakeholderId"] = id }, "#join-form");
        Assert.Contains($"Sie gehören schon zu „{name}“.", (await HtmlForms.ParseAsync(refused)).Errors());

        var listedName = await memberClient.SubmitFormAsync(JoinUrl(m), new Dictionary<string, string?> { ["Propose.Name"] = name, ["Propose.Kind"] = "PoliticalBody" }, "#propose-form");
        Assert.Contains($"„{name}“ steht schon in der Liste. Bitte wählen Sie die Organisation oben aus.", (await HtmlForms.ParseAsync(listedName)).Errors());

        // Organisations of another municipality and unlisted ones cannot be chosen.
        var other = await app.CreateMunicipalityAsync();
        var foreign = await other.AddStakeholderAsync();
        var unlisted = await m.AddStakeholderAsync(listed: false);
        var token = await client.AntiforgeryTokenAsync();
        foreach (var bad in new[] { foreign, unlisted })
        {
            var response = await client.PostWithTokenAsync(JoinUrl(m) + "?handler=Join", token, new Dictionary<string, string> { ["Join.StakeholderId"] = bad.ToString(CultureInfo.InvariantCulture) });
            Assert.Contains("Bitte wählen Sie eine Organisation aus der Liste.", (await HtmlForms.ParseAsync(response)).Errors());
        }
        Assert.Equal(1, await m.WithDbAsync(db => db.StakeholderJoinRequests.CountAsync()));
    }

    [Fact]
    public async Task When_two_editors_decide_the_same_request_the_second_is_told_and_nothing_is_doubled()
    {
        var m = await app.CreateMunicipalityAsync();
        var stakeholderId = await m.AddStakeholderAsync();
        var person = await app.CreateUserAsync();
        var client = await app.SignInAsync(person.Email!);
        await client.SubmitFormAsync(JoinUrl(m), new Dictionary<string, string?> { ["Join.StakeholderId"] = stakeholderId.ToString(CultureInfo.InvariantCulture) }, "#join-form");
        var requestId = await RequestIdAsync(m, person.Id);
        var first = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var second = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        var firstPage = await first.GetDocumentAsync(ManageUrl(m));
        var secondPage = await second.GetDocumentAsync(ManageUrl(m));

        var approved = await first.SubmitFormAsync(firstPage, ManageUrl(m), new Dictionary<string, string?> { ["Decision.Note"] = "" }, $"#decide-{requestId}", "decision", "approve");
        Assert.Equal(ManageUrl(m), approved.RedirectTarget());
        var late = await second.SubmitFormAsync(secondPage, ManageUrl(m), new Dictionary<string, string?> { ["Decision.Note"] = "Leider nein." }, $"#decide-{requestId}", "decision", "decline");
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var latePage = await HtmlForms.ParseAsync(late);
        Assert.Contains("Diese Anfrage wurde inzwischen schon entschieden (angenommen). Ihre Entscheidung wurde nicht gespeichert.", latePage.Errors());

        var request = await m.WithDbAsync(db => db.StakeholderJoinRequests.AsNoTracking().SingleAsync(r => r.Id == requestId));
        Assert.Equal(JoinRequestState.Approved, request.State);
        Assert.Equal("", request.DecisionNote);
        Assert.Equal(1, await m.WithDbAsync(db => db.StakeholderMembers.CountAsync(x => x.UserId == person.Id)));
        await app.Smtp.WaitForMessageToAsync(person.Email!);
        await Task.Delay(300);
        Assert.Single(app.Smtp.MessagesTo(person.Email!));
    }

    [Fact]
    public async Task Two_editors_approving_at_the_same_moment_add_the_member_once()
    {
        var m = await app.CreateMunicipalityAsync();
        var person = await app.CreateUserAsync();
        var client = await app.SignInAsync(person.Email!);
        await client.SubmitFormAsync(JoinUrl(m), new Dictionary<string, string?> { ["Propose.Name"] = "Gleichzeitig " + Guid.NewGuid().ToString("N")[..6], ["Propose.Kind"] = "PoliticalBody" }, "#propose-form");
        var requestId = await RequestIdAsync(m, person.Id);
        var editors = new[] { await m.SignedInClientAsync(MunicipalityRole.PlanEditor), await m.SignedInClientAsync(MunicipalityRole.PlanEditor) };
        var pages = new[] { await editors[0].GetDocumentAsync(ManageUrl(m)), await editors[1].GetDocumentAsync(ManageUrl(m)) };

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            editors[i].SubmitFormAsync(pages[i], ManageUrl(m), new Dictionary<string, string?> { ["Decision.Note"] = "" }, $"#decide-{requestId}", "decision", "approve")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(1, await m.WithDbAsync(db => db.StakeholderMembers.CountAsync(x => x.UserId == person.Id)));
        Assert.Equal(1, await m.WithDbAsync(db => db.Stakeholders.CountAsync()));
    }
}

public sealed class JoinRequestSqliteTests(MailingSqliteApp app) : JoinRequestTests(app), IClassFixture<MailingSqliteApp>;

public sealed class JoinRequestPostgresTests(MailingPostgresApp app) : JoinRequestTests(app), IClassFixture<MailingPostgresApp>;
