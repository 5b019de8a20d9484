using System.Net;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Features.Council.OParlImport;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Council.CouncilTestSupport;

namespace Planwerk.Tests.Features.Council.OParlImport;

/// <summary>Following a paper of another municipality's council, published by a second Planwerk on a real port: the
/// import through the clerk's page, the adoption of the linked plan by the source's deciding result, and a later sync
/// that brings a changed result and a deleted agenda item and file; imported objects are not editable here.</summary>
public abstract class OParlImportTests(PlanwerkApp app, SourcePlanwerk source)
{
    private sealed record SourcePaper(TestMunicipality M, int PaperId, int CouncilConsultation, int CommitteeItem, int File, string Reference, string Name);

    /// <summary>In the source: a committee postpones the paper (agenda item Ö 3), the city council has not decided yet.</summary>
    private async Task<SourcePaper> SeedSourceAsync()
    {
        var m = await source.CreateMunicipalityAsync();
        var reference = "V" + Guid.NewGuid().ToString("N")[..6] + "/26";
        var name = HostileText.Script + " " + HostileText.RightToLeft;
        return await m.WithDbAsync(async db =>
        {
            var council = new CouncilBody { Name = "Stadtrat", Classification = BodyClassification.CityCouncil };
            var committee = new CouncilBody { Name = "Ausschuss für Soziales " + HostileText.Script, Classification = BodyClassification.Committee };
            var committeeMeeting = new Meeting { Body = committee, Name = "12. Sitzung", Start = new DateTimeOffset(2026, 3, 4, 15, 0, 0, TimeSpan.Zero), State = MeetingState.Held };
            var councilMeeting = new Meeting { Body = council, Name = "30. Sitzung des Stadtrates", Start = new DateTimeOffset(2026, 3, 19, 15, 0, 0, TimeSpan.Zero), State = MeetingState.Held };
            var paper = new Paper { Reference = reference, Name = name, PaperType = "Beschlussvorlage", Date = new DateOnly(2026, 2, 1) };
            var committeeItem = new AgendaItem { Meeting = committeeMeeting, Number = "Ö 3", Order = 3, Name = "Fachplan", Paper = paper };
            var councilItem = new AgendaItem { Meeting = councilMeeting, Number = "Ö 7", Order = 7, Name = "Fachplan", Paper = paper };
            var file = new PaperFile { Paper = paper, Name = "Anlage 1", FileName = "anlage.pdf", MimeType = "application/pdf", Content = Pdf, Size = Pdf.Length };
            var first = new PaperConsultation { Paper = paper, Position = 1, Body = committee, Meeting = committeeMeeting, AgendaItem = committeeItem, Role = ConsultationRole.PreliminaryConsultation, Result = ConsultationResult.Postponed };
            var decision = new PaperConsultation { Paper = paper, Position = 2, Body = council, Meeting = councilMeeting, AgendaItem = councilItem, Role = ConsultationRole.Decision };
            db.AddRange(council, committee, committeeMeeting, councilMeeting, paper, committeeItem, councilItem, file, first, decision);
            await db.SaveChangesAsync();
            return new SourcePaper(m, paper.Id, decision.Id, committeeItem.Id, file.Id, reference, name);
        });
    }

    /// <summary>Edits made here straight in the source's database bypass its request pipeline: its OParl answers are
    /// dropped from the cache as an edit through its pages would drop them.</summary>
    private async Task EvictSourceAsync(SourcePaper s) =>
        await PublicPageCache.EvictMunicipalityAsync(source.Services.GetRequiredService<IOutputCacheStore>(), s.M.Slug, CancellationToken.None);

    private string BodyUrl(SourcePaper s) => source.BaseUrl + "/oparl/v1/bodies/" + s.M.Slug;

    private static string ImportPage(TestMunicipality m) => m.Council("/oparl-import");

    [Fact]
    public async Task A_paper_followed_by_its_reference_arrives_whole_and_a_later_sync_brings_the_decision_and_the_deletions()
    {
        var s = await SeedSourceAsync();
        var m = await app.CreateMunicipalityAsync();
        var (plan, versionId) = await m.PlanInAsync(PlanState.InDeliberation);
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);

        var follow = await clerk.SubmitFormAsync(ImportPage(m), new Dictionary<string, string?>
        {
            ["Input.Endpoint"] = BodyUrl(s), ["Input.Paper"] = s.Reference, ["Input.PlanVersionId"] = Id(versionId),
        }, "#follow-form");
        Assert.True(follow.StatusCode == HttpStatusCode.Redirect, await follow.Content.ReadAsStringAsync());

        var imported = await m.WithDbAsync(async db => new
        {
            Paper = await db.Papers.Include(p => p.Files).Include(p => p.Consultations).ThenInclude(c => c.AgendaItem).SingleAsync(),
            Bodies = await db.CouncilBodies.OrderBy(b => b.Name).Select(b => b.Name).ToListAsync(),
            Meetings = await db.Meetings.CountAsync(),
            Links = string.Join(",", (await db.ImportedCouncilObjects.Select(o => new { o.Kind, o.OParlId }).ToListAsync()).OrderBy(o => o.Kind).Select(o => o.Kind + "=" + o.OParlId)),
            Plan = await db.Plans.SingleAsync(p => p.Id == plan.PlanId),
        });
        Assert.Equal(s.Reference, imported.Paper.Reference);
        Assert.Equal(s.Name, imported.Paper.Name);
        Assert.Equal(versionId, imported.Paper.PlanVersionId);
        Assert.Equal(Pdf, Assert.Single(imported.Paper.Files).Content);
        var path = imported.Paper.Consultations.OrderBy(c => c.Position).ToList();
        Assert.Equal([ConsultationRole.PreliminaryConsultation, ConsultationRole.Decision], path.Select(c => c.Role));
        Assert.Equal([ConsultationResult.Postponed, (ConsultationResult?)null], path.Select(c => c.Result));
        Assert.Equal(["Ö 3", "Ö 7"], path.Select(c => c.AgendaItem!.Number));
        Assert.Equal(["Ausschuss für Soziales " + HostileText.Script, "Stadtrat"], imported.Bodies);
        Assert.Equal(2, imported.Meetings);
        // Two bodies, two meetings, two agenda items, the paper, its file and its two consultations.
        Assert.Equal("Organization,Organization,Meeting,Meeting,AgendaItem,AgendaItem,Paper,Consultation,Consultation,File",
            string.Join(",", imported.Links.Split(',').Select(l => l.Split('=')[0])));
        Assert.Equal(PlanState.InDeliberation, imported.Plan.State);

        // The page lists it, escaped; the imported paper cannot be changed on the clerk's paper page.
        var page = await clerk.GetStringAsync(ImportPage(m));
        Assert.DoesNotContain(HostileText.Script, page, StringComparison.Ordinal);
        Assert.Contains(s.Reference, page, StringComparison.Ordinal);
        var edit = await clerk.SubmitFormAsync(m.Council("/papers/" + Id(imported.Paper.Id)), new Dictionary<string, string?> { ["Input.Name"] = "Hier geändert" }, "#paper-form");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Contains("Aus dem Ratsinformationssystem übernommen", await clerk.GetStringAsync(edit.RedirectTarget()), StringComparison.Ordinal);
        Assert.Equal(s.Name, await m.WithDbAsync(db => db.Papers.Select(p => p.Name).SingleAsync()));
        var token = await clerk.AntiforgeryTokenAsync();
        var meetingId = path[1].MeetingId!.Value;
        var addItem = await clerk.PostWithTokenAsync(m.Council("/meetings/" + Id(meetingId)) + "?handler=AddItem", token,
            new Dictionary<string, string> { ["Item.Name"] = "Neu", ["Item.Order"] = "9", ["Item.IsPublic"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, addItem.StatusCode);
        var itemEdit = await clerk.PostWithTokenAsync(m.Council($"/meetings/{Id(meetingId)}/items/{Id(path[1].AgendaItemId!.Value)}"), token,
            new Dictionary<string, string> { ["Item.Name"] = "Hier geändert", ["Item.Order"] = "1", ["Item.IsPublic"] = "true", ["Item.Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, itemEdit.StatusCode);
        Assert.Equal(["Fachplan", "Fachplan"], await m.WithDbAsync(db => db.AgendaItems.Select(a => a.Name).ToListAsync()));

        // At the source: the city council approves, the committee's agenda item, its meeting and the file are deleted.
        await s.M.WithDbAsync(async db =>
        {
            (await db.PaperConsultations.SingleAsync(c => c.Id == s.CouncilConsultation)).Result = ConsultationResult.Approved;
            var item = await db.AgendaItems.SingleAsync(a => a.Id == s.CommitteeItem);
            var postponed = await db.PaperConsultations.SingleAsync(c => c.AgendaItemId == item.Id);
            postponed.AgendaItemId = null;
            var meeting = await db.Meetings.SingleAsync(x => x.Id == item.MeetingId);
            postponed.MeetingId = null;
            db.AgendaItems.Remove(item);
            db.Meetings.Remove(meeting);
            db.PaperFiles.Remove(await db.PaperFiles.SingleAsync(f => f.Id == s.File));
            return await db.SaveChangesAsync();
        });
        await EvictSourceAsync(s);
        var followedId = await m.WithDbAsync(db => db.FollowedPapers.Select(f => f.Id).SingleAsync());
        var sync = await clerk.SubmitFormAsync(ImportPage(m), new Dictionary<string, string?>(), $"#followed-{Id(followedId)} .sync-form");
        Assert.True(sync.StatusCode == HttpStatusCode.Redirect, await sync.Content.ReadAsStringAsync());

        var synced = await m.WithDbAsync(async db => new
        {
            Consultations = await db.PaperConsultations.OrderBy(c => c.Position).Select(c => new { c.Result, c.AgendaItemId, c.ResultRecordedByUserId }).ToListAsync(),
            Items = await db.AgendaItems.Select(a => a.Number).ToListAsync(),
            Files = await db.PaperFiles.CountAsync(),
            Meetings = await db.Meetings.Select(x => x.Name).ToListAsync(),
            Bodies = await db.CouncilBodies.CountAsync(),
            MeetingLinks = await db.ImportedCouncilObjects.CountAsync(o => o.Kind == ImportedKind.Meeting),
            Plan = await db.Plans.Include(p => p.AdoptedVersion).SingleAsync(p => p.Id == plan.PlanId),
            Followed = await db.FollowedPapers.SingleAsync(),
        });
        // The meeting deleted there is gone here too; the committee stays, as the postponed consultation still names it.
        Assert.Equal(["30. Sitzung des Stadtrates"], synced.Meetings);
        Assert.Equal(1, synced.MeetingLinks);
        Assert.Equal(2, synced.Bodies);
        Assert.Equal([ConsultationResult.Postponed, ConsultationResult.Approved], synced.Consultations.Select(c => c.Result));
        Assert.Null(synced.Consultations[0].AgendaItemId);
        Assert.Equal(["Ö 7"], synced.Items);
        Assert.Equal(0, synced.Files);
        // Adopted exactly as the clerk's recording adopts: state, date of the meeting, the frozen version's name.
        Assert.Equal(PlanState.Adopted, synced.Plan.State);
        Assert.Equal(new DateOnly(2026, 3, 19), synced.Plan.AdoptedOn);
        Assert.Equal(CouncilResolution.VersionName(new DateOnly(2026, 3, 19)), synced.Plan.AdoptedVersion!.Name);
        Assert.Equal("", synced.Followed.LastError);
        Assert.NotNull(synced.Followed.LastSyncedAt);
    }

    [Fact]
    public async Task A_paper_deleted_at_the_source_stays_here_marked_and_is_no_longer_synced()
    {
        var s = await SeedSourceAsync();
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var paperUrl = BodyUrl(s) + "/papers/" + Id(s.PaperId);
        var follow = await clerk.SubmitFormAsync(ImportPage(m), new Dictionary<string, string?> { ["Input.Endpoint"] = "", ["Input.Paper"] = paperUrl }, "#follow-form");
        Assert.True(follow.StatusCode == HttpStatusCode.Redirect, await follow.Content.ReadAsStringAsync());

        await s.M.WithDbAsync(async db =>
        {
            db.Papers.Remove(await db.Papers.SingleAsync(p => p.Id == s.PaperId));
            return 0;
        });
        await EvictSourceAsync(s);
        // The periodic job's work, run once.
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OParlSync>().SyncAllAsync(CancellationToken.None);

        var followed = await m.WithDbAsync(db => db.FollowedPapers.Include(f => f.Paper).SingleAsync());
        Assert.True(followed.DeletedAtSource);
        Assert.Equal(s.Reference, followed.Paper!.Reference);
        Assert.Contains("Dort gelöscht", await clerk.GetStringAsync(ImportPage(m)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_system_with_several_bodies_asks_for_the_body_and_an_unknown_reference_is_named()
    {
        var s = await SeedSourceAsync();
        await source.CreateMunicipalityAsync();
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var system = await clerk.SubmitFormAsync(ImportPage(m), new Dictionary<string, string?> { ["Input.Endpoint"] = source.BaseUrl + "/oparl/v1/system", ["Input.Paper"] = s.Reference }, "#follow-form");
        Assert.Equal(HttpStatusCode.OK, system.StatusCode);
        Assert.Contains("mehrere Körperschaften", await system.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await clerk.SubmitFormAsync(ImportPage(m), new Dictionary<string, string?> { ["Input.Endpoint"] = BodyUrl(s), ["Input.Paper"] = "X9/99" }, "#follow-form");
        Assert.Contains("keine Vorlage mit dem Aktenzeichen „X9/99“", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var invalid = await clerk.SubmitFormAsync(ImportPage(m), new Dictionary<string, string?> { ["Input.Endpoint"] = "file:///etc/passwd", ["Input.Paper"] = "" }, "#follow-form");
        var text = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Bitte geben Sie eine http- oder https-Adresse an", text, StringComparison.Ordinal);
        Assert.Contains("Vorlage: Bitte geben Sie die OParl-Adresse oder das Aktenzeichen", text, StringComparison.Ordinal);
        Assert.Equal(0, await m.WithDbAsync(db => db.Papers.CountAsync()));
    }
}

public sealed class OParlImportSqliteTests(SqliteApp app, SourcePlanwerk source)
    : OParlImportTests(app, source), IClassFixture<SqliteApp>, IClassFixture<SourcePlanwerk>;

public sealed class OParlImportPostgresTests(PostgresApp app, SourcePlanwerk source)
    : OParlImportTests(app, source), IClassFixture<PostgresApp>, IClassFixture<SourcePlanwerk>;
