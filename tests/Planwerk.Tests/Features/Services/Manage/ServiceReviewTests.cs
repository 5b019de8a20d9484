using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Services;
using Planwerk.Features.Services.Manage;
using Planwerk.Infrastructure.Time;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Services.Manage;

/// <summary>Review mode: when an organisation's changes are reviewed, a member's save becomes a proposal and the service
/// stays as it is; the plan team sees the changes against the current entry, accepts (published, in the history with who
/// proposed it) or returns it with a comment the provider sees; a proposal made on an older version cannot be accepted;
/// the plan team's own edits apply at once.</summary>
public abstract class ServiceReviewTests(PlanwerkApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record Setup(TestMunicipality M, int OrganisationId, int ServiceId, HttpClient Member, HttpClient Editor)
    {
        public string Edit => $"/{M.Slug}/manage/services/{Id(ServiceId)}";
        public string List => $"/{M.Slug}/manage/services";
        public string Review => $"/{M.Slug}/manage/services/review";
    }

    private async Task<Setup> SetUpAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Migrationsberatung " + HostileText.Script);
        var (service, _) = await m.AddServiceAsync(organisation, lastCheckedOn: new DateOnly(2025, 3, 1));
        await m.SetReviewedAsync(organisation);
        return new Setup(m, organisation, service, await m.MemberClientAsync(organisation), await m.SignedInClientAsync(MunicipalityRole.PlanEditor));
    }

    private static Task<ServiceProposal> ProposalAsync(Setup s) => s.M.WithDbAsync(db => db.ServiceProposals.AsNoTracking().SingleAsync());

    [Fact]
    public async Task A_members_change_waits_as_a_proposal_and_is_published_when_the_plan_team_accepts_it()
    {
        var s = await SetUpAsync();
        var before = await s.M.ServiceAsync(s.ServiceId);
        var form = await s.Member.GetDocumentAsync(s.Edit);
        Assert.NotNull(form.QuerySelector("#review-note"));
        var response = await s.Member.SubmitFormAsync(form, s.Edit, new Dictionary<string, string?> { ["Input.Name"] = "Beratung " + HostileText.Markup, ["Input.Costs"] = "5 Euro" }, "#service-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var waiting = await s.M.ServiceAsync(s.ServiceId);
        Assert.Equal((before.Name, before.Version, before.LastCheckedOn, ""), (waiting.Name, waiting.Version, waiting.LastCheckedOn, waiting.Costs));
        Assert.Equal(0, await s.M.HistoryCountAsync(s.ServiceId));
        var proposal = await ProposalAsync(s);
        Assert.Equal((ServiceProposalState.Pending, (int?)s.ServiceId, (int?)before.Version), (proposal.State, proposal.ServiceId, proposal.BaseVersion));
        Assert.Contains("wartet auf Prüfung", (await s.Member.GetDocumentAsync(s.List)).QuerySelector($"#proposal-{Id(proposal.Id)}")!.TextContent, StringComparison.Ordinal);

        var queue = await s.Editor.GetDocumentAsync(s.Review);
        var rows = queue.QuerySelectorAll($"#proposal-{Id(proposal.Id)} .proposal-changes tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => (r.QuerySelector(".proposal-current")!.TextContent, r.QuerySelector(".proposal-proposed")!.TextContent));
        Assert.Equal(["Name", "Kosten"], rows.Keys);
        Assert.Equal(("Asylverfahrensberatung", "Beratung " + HostileText.Markup), rows["Name"]);
        Assert.DoesNotContain("<img src=x", await (await s.Editor.GetAsync(s.Review)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var accepted = await s.Editor.SubmitFormAsync(queue, s.Review, new Dictionary<string, string?>(), $"#accept-{Id(proposal.Id)}");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var after = await s.M.ServiceAsync(s.ServiceId);
        Assert.Equal(("Beratung " + HostileText.Markup, "5 Euro", BerlinTime.Today(TimeProvider.System)), (after.Name, after.Costs, after.LastCheckedOn));
        Assert.Equal(ServiceProposalState.Accepted, (await ProposalAsync(s)).State);
        var record = await s.M.WithDbAsync(db => db.ChangeRecords.AsNoTracking().Include(r => r.Fields).SingleAsync(r => r.EntityType == ServiceHistory.EntityType && r.EntityId == s.ServiceId));
        Assert.Equal(proposal.SubmittedByName, record.Fields.Single(f => f.Field == ServiceHistory.ProposalField).NewValue);
        Assert.NotEqual("", proposal.SubmittedByName);
        Assert.NotNull((await s.Editor.GetDocumentAsync(s.Review)).QuerySelector("#no-proposals"));

        // The history page shows the accepted change with who made it.
        var history = await s.Member.GetDocumentAsync($"{s.Edit}/history");
        var change = history.QuerySelector($"#change-{record.Id.ToString(CultureInfo.InvariantCulture)}")!;
        Assert.Contains(record.UserName, change.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Übernommener Änderungsvorschlag von", change.TextContent, StringComparison.Ordinal);
        Assert.Contains("Beratung " + HostileText.Markup, change.QuerySelector(".history-new")!.TextContent + string.Concat(change.QuerySelectorAll(".history-new").Select(e => e.TextContent)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_returned_proposal_keeps_the_service_and_tells_the_provider_why()
    {
        var s = await SetUpAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await s.Member.SubmitFormAsync(s.Edit, new Dictionary<string, string?> { ["Input.Name"] = "Falscher Name" }, "#service-form")).StatusCode);
        var proposal = await ProposalAsync(s);
        // A return without a reason is refused.
        var refused = await s.Editor.SubmitFormAsync(s.Review, new Dictionary<string, string?>(), $"#return-{Id(proposal.Id)}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Bitte schreiben Sie dazu, warum Sie den Vorschlag zurückgeben.", (await HtmlForms.ParseAsync(refused)).Errors());
        Assert.Equal(ServiceProposalState.Pending, (await ProposalAsync(s)).State);

        var comment = "Der Name stimmt nicht. " + HostileText.Script;
        Assert.Equal(HttpStatusCode.Redirect, (await s.Editor.SubmitFormAsync(s.Review, new Dictionary<string, string?> { ["Comment"] = comment }, $"#return-{Id(proposal.Id)}")).StatusCode);
        var returned = await ProposalAsync(s);
        Assert.Equal((ServiceProposalState.Returned, comment), (returned.State, returned.Comment));
        Assert.Equal("Asylverfahrensberatung", (await s.M.ServiceAsync(s.ServiceId)).Name);
        var list = await s.Member.GetDocumentAsync(s.List);
        Assert.Contains(comment, list.QuerySelector($"#proposal-{Id(proposal.Id)}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("zurückgegeben", list.QuerySelector($"#proposal-{Id(proposal.Id)}")!.TextContent, StringComparison.Ordinal);
        // A returned proposal cannot be accepted afterwards.
        var token = await s.Editor.AntiforgeryTokenAsync();
        var late = await s.Editor.PostWithTokenAsync(s.Review + "?handler=Accept", token, new Dictionary<string, string> { ["ProposalId"] = Id(proposal.Id), ["ProposalVersion"] = Id(returned.Version) });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal("Asylverfahrensberatung", (await s.M.ServiceAsync(s.ServiceId)).Name);
    }

    [Fact]
    public async Task A_proposal_made_on_an_older_version_is_not_accepted_and_the_plan_teams_edit_applies_at_once()
    {
        var s = await SetUpAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await s.Member.SubmitFormAsync(s.Edit, new Dictionary<string, string?> { ["Input.Name"] = "Vorschlag des Anbieters" }, "#service-form")).StatusCode);
        // The plan team edits the same service meanwhile: applied at once, no proposal.
        Assert.Equal(HttpStatusCode.Redirect, (await s.Editor.SubmitFormAsync(s.Edit, new Dictionary<string, string?> { ["Input.Costs"] = "kostenlos" }, "#service-form")).StatusCode);
        Assert.Equal("kostenlos", (await s.M.ServiceAsync(s.ServiceId)).Costs);
        Assert.Equal(1, await s.M.WithDbAsync(db => db.ServiceProposals.CountAsync()));

        var proposal = await ProposalAsync(s);
        var queue = await s.Editor.GetDocumentAsync(s.Review);
        Assert.NotNull(queue.QuerySelector($"#proposal-{Id(proposal.Id)}-stale"));
        var response = await s.Editor.SubmitFormAsync(queue, s.Review, new Dictionary<string, string?>(), $"#accept-{Id(proposal.Id)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nachdem der Vorschlag eingereicht wurde", string.Join(" ", (await HtmlForms.ParseAsync(response)).Errors()), StringComparison.Ordinal);
        var service = await s.M.ServiceAsync(s.ServiceId);
        Assert.Equal(("Asylverfahrensberatung", "kostenlos"), (service.Name, service.Costs));
        Assert.Equal(ServiceProposalState.Pending, (await ProposalAsync(s)).State);
    }

    [Fact]
    public async Task A_new_service_proposed_by_a_member_exists_only_once_accepted()
    {
        var s = await SetUpAsync();
        var response = await s.Member.SubmitFormAsync($"/{s.M.Slug}/manage/services/new", new Dictionary<string, string?>
        {
            ["Input.Name"] = "Neues Sprachcafé", ["Input.Languages"] = "de, uk",
        }, "#service-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await s.M.WithDbAsync(db => db.HelpServices.AnyAsync(x => x.Name == "Neues Sprachcafé")));
        var proposal = await ProposalAsync(s);
        Assert.Null(proposal.ServiceId);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Editor.SubmitFormAsync(s.Review, new Dictionary<string, string?>(), $"#accept-{Id(proposal.Id)}")).StatusCode);
        var created = await s.M.WithDbAsync(db => db.HelpServices.AsNoTracking().Include(x => x.Languages).SingleAsync(x => x.Name == "Neues Sprachcafé"));
        Assert.Equal((s.OrganisationId, created.Id), (created.OrganisationId, (await ProposalAsync(s)).ServiceId));
        Assert.Equal(["de", "uk"], created.Languages.Select(l => l.Code).Order(StringComparer.Ordinal));
    }
}

public sealed class ServiceReviewSqliteTests(SqliteApp app) : ServiceReviewTests(app), IClassFixture<SqliteApp>;

public sealed class ServiceReviewPostgresTests(PostgresApp app) : ServiceReviewTests(app), IClassFixture<PostgresApp>;
