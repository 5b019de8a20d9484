using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Council.CouncilTestSupport;

namespace Planwerk.Tests.Features.Council;

/// <summary>Who may use each council page and handler: council clerks and administrators read and write the
/// clerk's pages, the plan team (plan editors, moderators) only reads them, the public pages are for everyone.</summary>
public abstract class CouncilPermissionTests(PlanwerkApp app)
{
    private static bool IsClerk(Visitor v) => Access.CouncilClerk(v);

    private static bool IsPlanTeam(Visitor v) => v is Visitor.PlanEditor or Visitor.Moderator;

    private sealed record Seeded(int Body, int SpareBody, int Meeting, int SpareMeeting, int Item, int Paper, int SparePaper, int File, int SpareFile, int Consultation,
        int SpareConsultation, int Amendment, int PlanId, int SpareResultKind, int Person, int SparePerson, int Membership);

    private static Task<Seeded> SeedAsync(TestMunicipality m, int planId) => m.WithDbAsync(async db =>
    {
        var body = new CouncilBody { Name = "Stadtrat", Classification = BodyClassification.CityCouncil };
        var spareBody = new CouncilBody { Name = "Ungenutzt", Classification = BodyClassification.Committee };
        var meeting = new Meeting { Body = body, Name = "Sitzung", Start = new DateTimeOffset(2019, 7, 5, 12, 0, 0, TimeSpan.Zero) };
        var spareMeeting = new Meeting { Body = body, Name = "Abgesagt", Start = new DateTimeOffset(2019, 7, 6, 12, 0, 0, TimeSpan.Zero) };
        var paper = new Paper { Reference = "V1/19", Name = "Vorlage", Date = new DateOnly(2019, 4, 9), PlanId = planId };
        var sparePaper = new Paper { Reference = "V2/19", Name = "Zweite", Date = new DateOnly(2019, 4, 9) };
        var item = new AgendaItem { Meeting = meeting, Name = "Punkt", Paper = paper };
        var file = new PaperFile { Paper = paper, Name = "Anlage", FileName = "a.pdf", MimeType = "application/pdf", Content = Pdf, Size = Pdf.Length, Position = 1 };
        var spareFile = new PaperFile
        {
            Paper = paper, Name = "Anlage 2", FileName = "b.pdf", MimeType = "application/pdf", Content = Pdf, Size = Pdf.Length, Position = 2, DocumentDate = new DateOnly(2019, 4, 9),
        };
        var consultation = new PaperConsultation { Paper = paper, Position = 1, Body = body, Meeting = meeting, Role = ConsultationRole.PreliminaryConsultation };
        var spare = new PaperConsultation { Paper = paper, Position = 2, Body = body, Role = ConsultationRole.ForInformation };
        var amendment = new Paper { AmendsPaper = paper, Reference = "V1/19-ÄA1", Name = "ÄA", Date = new DateOnly(2019, 7, 1) };
        var spareKind = new ConsultationResultKind { Name = "ungenutzt", Position = 1 };
        var person = new CouncilPerson { FamilyName = "Schulze" };
        var sparePerson = new CouncilPerson { FamilyName = "Ausgeschieden" };
        var membership = new BodyMembership { Person = person, Body = body, StartDate = new DateOnly(2019, 8, 1), EndDate = new DateOnly(2019, 12, 31) };
        db.AddRange(body, spareBody, meeting, spareMeeting, paper, sparePaper, item, file, spareFile, consultation, spare, amendment, spareKind, person, sparePerson, membership);
        await db.SaveChangesAsync();
        return new Seeded(body.Id, spareBody.Id, meeting.Id, spareMeeting.Id, item.Id, paper.Id, sparePaper.Id, file.Id, spareFile.Id, consultation.Id, spare.Id, amendment.Id, planId, spareKind.Id,
            person.Id, sparePerson.Id, membership.Id);
    });

    public static TheoryData<Visitor> Visitors() => PermissionMatrix.Visitors(
        Visitor.Anonymous, Visitor.Resident, Visitor.StakeholderMember, Visitor.PlanEditor, Visitor.Moderator, Visitor.CouncilClerk, Visitor.Administrator, Visitor.OtherAdministrator);

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Each_council_page_and_handler_admits_exactly_its_roles(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var (plan, _) = await m.PlanInAsync(PlanState.InDeliberation);
        var s = await SeedAsync(m, plan.PlanId);
        var client = await PermissionMatrix.ClientAsync(app, m, visitor);

        // The plan team reads what is recorded, but does not open the forms for new entries.
        foreach (var url in new[] { m.Council(), m.Council("/bodies/" + Id(s.Body)), m.Council("/meetings/" + Id(s.Meeting)), m.Council("/papers/" + Id(s.Paper)),
            m.Council($"/meetings/{Id(s.Meeting)}/items/{Id(s.Item)}"), m.Council("/results"), m.Council("/oparl-import"), m.Council("/people/" + Id(s.Person)) })
        {
            var response = await client.GetAsync(url);
            PermissionMatrix.AssertAnswer(visitor, IsClerk(visitor) || IsPlanTeam(visitor), response, "GET " + url, HttpStatusCode.OK);
            if (response.StatusCode == HttpStatusCode.OK)
                Assert.Equal(!IsClerk(visitor), (await HtmlForms.ParseAsync(response)).QuerySelector("#read-only") is not null);
        }
        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get(m.Council("/bodies/new"), Access.CouncilClerk),
            PermissionCheck.Get(m.Council("/meetings/new"), Access.CouncilClerk),
            PermissionCheck.Get(m.Council("/papers/new"), Access.CouncilClerk),
            PermissionCheck.Get(m.Council("/people/new"), Access.CouncilClerk),
            PermissionCheck.Get(m.PublicPaper(s.Paper), Access.Everyone),
            PermissionCheck.Get(m.PublicMeeting(s.Meeting), Access.Everyone),
            PermissionCheck.Get(m.PublicFile(s.File), Access.Everyone),
            PermissionCheck.Get($"/{m.Slug}/council/papers", Access.Everyone),
            PermissionCheck.Get($"/{m.Slug}/council/meetings", Access.Everyone),
        ]);

        var paper = m.Council("/papers/" + Id(s.Paper));
        var versions = await m.WithDbAsync(async db => (
            Body: await db.CouncilBodies.Where(b => b.Id == s.Body).Select(b => b.Version).SingleAsync(),
            Meeting: await db.Meetings.Where(b => b.Id == s.Meeting).Select(b => b.Version).SingleAsync(),
            Paper: await db.Papers.Where(b => b.Id == s.Paper).Select(b => b.Version).SingleAsync(),
            Consultation: await db.PaperConsultations.Where(b => b.Id == s.Consultation).Select(b => b.Version).SingleAsync(),
            Amendment: await db.Papers.Where(b => b.Id == s.Amendment).Select(b => b.Version).SingleAsync(),
            Person: await db.CouncilPersons.Where(p => p.Id == s.Person).Select(p => p.Version).SingleAsync()));
        var person = m.Council("/people/" + Id(s.Person));
        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Post(m.Council("/bodies/new"), Access.CouncilClerk, new() { ["Input.Name"] = "Neu " + visitor, ["Input.Classification"] = "Committee" }),
            PermissionCheck.Post(m.Council("/bodies/" + Id(s.Body)), Access.CouncilClerk, new() { ["Input.Name"] = "Stadtrat " + visitor, ["Input.Classification"] = "CityCouncil", ["Input.Version"] = Id(versions.Body) }),
            PermissionCheck.Post(m.Council("/meetings/new"), Access.CouncilClerk, new() { ["Input.BodyId"] = Id(s.Body), ["Input.Name"] = "Neu", ["Input.StartDate"] = "2019-07-01", ["Input.StartTime"] = "10:00", ["Input.State"] = "Scheduled" }),
            PermissionCheck.Post(m.Council("/meetings/" + Id(s.Meeting)), Access.CouncilClerk, new() { ["Input.BodyId"] = Id(s.Body), ["Input.Name"] = "Sitzung " + visitor, ["Input.StartDate"] = "2019-07-05", ["Input.StartTime"] = "14:00", ["Input.State"] = "Held", ["Input.Version"] = Id(versions.Meeting) }),
            PermissionCheck.Post(m.Council("/meetings/" + Id(s.Meeting)) + "?handler=AddItem", Access.CouncilClerk, new() { ["Item.Name"] = "Neuer Punkt", ["Item.Order"] = "2", ["Item.IsPublic"] = "true" }),
            PermissionCheck.Post(m.Council($"/meetings/{Id(s.Meeting)}/items/{Id(s.Item)}"), Access.CouncilClerk, new() { ["Item.Name"] = "Punkt " + visitor, ["Item.Order"] = "1", ["Item.IsPublic"] = "true", ["Item.Version"] = "0" }),
            PermissionCheck.Post(m.Council("/meetings/" + Id(s.Meeting)) + "?handler=RemoveItem&itemId=" + Id(s.Item), Access.CouncilClerk, new()),
            PermissionCheck.Post(m.Council("/papers/new"), Access.CouncilClerk, new() { ["Input.Reference"] = "N/" + visitor, ["Input.Name"] = "Neu", ["Input.Date"] = "2019-04-09" }),
            PermissionCheck.Post(paper, Access.CouncilClerk, new() { ["Input.Reference"] = "V1/19", ["Input.Name"] = "Vorlage " + visitor, ["Input.Date"] = "2019-04-09", ["Input.PlanId"] = Id(s.PlanId), ["Input.Version"] = Id(versions.Paper) }),
            PermissionCheck.Post(paper + "?handler=AddConsultation", Access.CouncilClerk, new() { ["NewConsultation.BodyId"] = Id(s.Body), ["NewConsultation.Role"] = "ForInformation" }),
            // The follow-up of a postponed consultation, right after it.
            PermissionCheck.Post(paper + "?handler=AddConsultation", Access.CouncilClerk, new() { ["NewConsultation.BodyId"] = Id(s.Body), ["NewConsultation.Role"] = "Decision", ["NewConsultation.After"] = Id(s.Consultation) }),
            PermissionCheck.Post(paper + "?handler=Result", Access.CouncilClerk, new() { ["Result.ConsultationId"] = Id(s.Consultation), ["Result.Result"] = "Approved", ["Result.VotesFor"] = "3", ["Result.Version"] = Id(versions.Consultation) }),
            PermissionCheck.Post(m.Council("/papers/new"), Access.CouncilClerk, new() { ["Input.Reference"] = "V1/19-ÄA2", ["Input.Name"] = "ÄA neu", ["Input.Date"] = "2019-07-01", ["Input.AmendsPaperId"] = Id(s.Paper) }),
            PermissionCheck.Post(m.Council("/papers/" + Id(s.Amendment)) + "?handler=Changes", Access.CouncilClerk, new() { ["Changes.Version"] = Id(versions.Amendment) }),
            PermissionCheck.Post(paper + "?handler=Move&up=true&consultationId=" + Id(s.SpareConsultation), Access.CouncilClerk, new()),
            PermissionCheck.Post(paper + "?handler=RemoveConsultation&consultationId=" + Id(s.SpareConsultation), Access.CouncilClerk, new()),
            PermissionCheck.Post(m.Council("/papers/" + Id(s.Amendment)) + "?handler=Delete", Access.CouncilClerk, new()),
            // The files: the spare one up (it becomes the main file), the first one back to the top, the spare one's date; then the first removed.
            PermissionCheck.Post(paper + "?handler=MoveFile&up=true&fileId=" + Id(s.SpareFile), Access.CouncilClerk, new()),
            PermissionCheck.Post(paper + "?handler=MainFile&fileId=" + Id(s.File), Access.CouncilClerk, new()),
            PermissionCheck.Post(paper + "?handler=MoveFile&up=false&fileId=" + Id(s.File), Access.CouncilClerk, new()),
            PermissionCheck.Post(paper + "?handler=FileDate&fileId=" + Id(s.SpareFile), Access.CouncilClerk, new() { ["FileDate"] = "2019-05-03" }),
            PermissionCheck.Post(paper + "?handler=DeleteFile&fileId=" + Id(s.File), Access.CouncilClerk, new()),
            PermissionCheck.Post(m.Council("/papers/" + Id(s.SparePaper)) + "?handler=Delete", Access.CouncilClerk, new()),
            PermissionCheck.Post(m.Council("/meetings/" + Id(s.SpareMeeting)) + "?handler=Delete", Access.CouncilClerk, new()),
            PermissionCheck.Post(m.Council("/bodies/" + Id(s.SpareBody)) + "?handler=Delete", Access.CouncilClerk, new()),
            PermissionCheck.Post(m.Council("/results"), Access.CouncilClerk, new() { ["Input.Name"] = "eigenes Ergebnis " + visitor, ["Input.IsDeciding"] = "true" }),
            PermissionCheck.Post(m.Council("/results") + "?handler=Edit", Access.CouncilClerk, new() { ["Edit.KindId"] = Id(s.SpareResultKind), ["Edit.Name"] = "umbenannt " + visitor, ["Edit.Version"] = "0" }),
            PermissionCheck.Post(m.Council("/results") + "?handler=Delete&kindId=" + Id(s.SpareResultKind), Access.CouncilClerk, new()),
            // Following a paper in the council information system: an empty form is answered with its messages, an unknown paper with 404.
            PermissionCheck.Post(m.Council("/oparl-import"), Access.CouncilClerk, new() { ["Input.Endpoint"] = "", ["Input.Paper"] = "" }, HttpStatusCode.OK),
            PermissionCheck.Post(m.Council("/oparl-import") + "?handler=Sync&followedId=999999", Access.CouncilClerk, new(), HttpStatusCode.NotFound),
            PermissionCheck.Post(m.Council("/oparl-import") + "?handler=Plan&followedId=999999", Access.CouncilClerk, new(), HttpStatusCode.NotFound),
            PermissionCheck.Post(m.Council("/people/new"), Access.CouncilClerk, new() { ["Input.FamilyName"] = "Neu " + visitor }),
            PermissionCheck.Post(person, Access.CouncilClerk, new() { ["Input.FamilyName"] = "Schulze " + visitor, ["Input.Version"] = Id(versions.Person) }),
            PermissionCheck.Post(person + "?handler=AddMembership", Access.CouncilClerk, new() { ["Membership.BodyId"] = Id(s.Body), ["Membership.Role"] = "Chair", ["Membership.StartDate"] = "2020-01-01" }),
            PermissionCheck.Post(person + "?handler=RemoveMembership&membershipId=" + Id(s.Membership), Access.CouncilClerk, new()),
            PermissionCheck.Post(m.Council("/people/" + Id(s.SparePerson)) + "?handler=Delete", Access.CouncilClerk, new()),
        ]);
        // The upload is a multipart form: posted with the clerk's form only when the page is theirs.
        if (IsClerk(visitor)) Assert.Equal(HttpStatusCode.Redirect, (await client.UploadPaperFileAsync(m, s.Paper, Pdf, "b.pdf")).StatusCode);

        var stored = await m.WithDbAsync(async db => (
            Body: await db.CouncilBodies.Where(b => b.Id == s.Body).Select(b => b.Name).SingleAsync(),
            Result: await db.PaperConsultations.Where(c => c.Id == s.Consultation).Select(c => c.Result).SingleAsync(),
            Papers: await db.Papers.CountAsync(),
            ResultKinds: await db.ConsultationResultKinds.Select(k => k.Name).ToListAsync(),
            Files: await db.PaperFiles.OrderBy(f => f.Position).Select(f => new { f.Id, f.Position, f.DocumentDate }).ToListAsync(),
            People: await db.CouncilPersons.OrderBy(p => p.Id).Select(p => p.FamilyName).ToListAsync(),
            Memberships: await db.BodyMemberships.Select(x => x.Role).ToListAsync()));
        Assert.Equal(IsClerk(visitor) ? "Stadtrat " + visitor : "Stadtrat", stored.Body);
        Assert.Equal(IsClerk(visitor) ? ConsultationResult.Approved : null, stored.Result);
        // Clerks added one paper and an amendment, and deleted the spare paper and the other amendment; the file was replaced by the upload.
        Assert.Equal(3, stored.Papers);
        Assert.Equal([IsClerk(visitor) ? "ÄA neu" : "ÄA"], await m.WithDbAsync(db => db.Papers.Where(p => p.AmendsPaperId == s.Paper).Select(p => p.Name).ToListAsync()));
        // Clerks added their own result and deleted the unused one.
        Assert.Equal(IsClerk(visitor) ? ["eigenes Ergebnis " + visitor] : ["ungenutzt"], stored.ResultKinds);
        // Clerks moved the files about, dated the spare one anew, removed the first (the spare one closed the gap) and uploaded one after it.
        Assert.Equal(2, stored.Files.Count);
        var spareFile = stored.Files.Single(f => f.Id == s.SpareFile);
        Assert.Equal(IsClerk(visitor) ? (1, new DateOnly(2019, 5, 3)) : (2, new DateOnly(2019, 4, 9)), (spareFile.Position, spareFile.DocumentDate));
        Assert.Equal(IsClerk(visitor), stored.Files.All(f => f.Id != s.File));
        // Clerks renamed the person, added one, deleted the spare one and replaced the membership by a chair's.
        Assert.Equal(IsClerk(visitor) ? ["Schulze " + visitor, "Neu " + visitor] : ["Schulze", "Ausgeschieden"], stored.People);
        Assert.Equal([IsClerk(visitor) ? MembershipRole.Chair : MembershipRole.Member], stored.Memberships);
    }

    [Fact]
    public async Task Another_municipality_never_reaches_the_council_of_this_one()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var (plan, _) = await m.PlanInAsync(PlanState.InDeliberation);
        var s = await SeedAsync(m, plan.PlanId);
        var otherClerk = await other.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var anonymous = app.CreateBrowserlikeClient();
        foreach (var url in new[] { other.Council("/bodies/" + Id(s.Body)), other.Council("/meetings/" + Id(s.Meeting)), other.Council("/papers/" + Id(s.Paper)), other.Council("/people/" + Id(s.Person)) })
            Assert.True((await otherClerk.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        foreach (var url in new[] { other.PublicPaper(s.Paper), other.PublicMeeting(s.Meeting), other.PublicFile(s.File) })
            Assert.True((await anonymous.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        var token = await otherClerk.AntiforgeryTokenAsync();
        var post = await otherClerk.PostWithTokenAsync(other.Council("/papers/" + Id(s.Paper)) + "?handler=Result",
            token, new Dictionary<string, string> { ["Result.ConsultationId"] = Id(s.Consultation), ["Result.Result"] = "Rejected" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null(await m.WithDbAsync(db => db.PaperConsultations.Where(c => c.Id == s.Consultation).Select(c => c.Result).SingleAsync()));
        var deleteKind = await otherClerk.PostWithTokenAsync(other.Council("/results") + "?handler=Delete&kindId=" + Id(s.SpareResultKind), token, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, deleteKind.StatusCode);
        Assert.Equal(1, await m.WithDbAsync(db => db.ConsultationResultKinds.CountAsync()));
        // The paper's files: neither at this municipality's paper address nor with this municipality's file id on a paper of its own.
        var ownPaper = await other.WithDbAsync(async db =>
        {
            var own = new Paper { Reference = "B1/19", Name = "Eigene", Date = new DateOnly(2019, 4, 9) };
            db.Papers.Add(own);
            db.PaperFiles.Add(new PaperFile { Paper = own, Name = "Eigene Anlage", FileName = "e.pdf", MimeType = "application/pdf", Content = Pdf, Size = Pdf.Length, Position = 1 });
            await db.SaveChangesAsync();
            return own.Id;
        });
        async Task<List<(int Id, int Position, DateOnly Date, string Name)>> FilesAsync() =>
            (await m.WithDbAsync(db => db.PaperFiles.OrderBy(f => f.Id).Select(f => new { f.Id, f.Position, f.DocumentDate, f.Name }).ToListAsync()))
            .Select(f => (f.Id, f.Position, f.DocumentDate, f.Name)).ToList();
        var filesBefore = await FilesAsync();
        foreach (var paperId in new[] { s.Paper, ownPaper })
        {
            foreach (var handler in new[] { "MoveFile&up=true&fileId=" + Id(s.SpareFile), "MoveFile&up=false&fileId=" + Id(s.File), "MainFile&fileId=" + Id(s.SpareFile),
                "FileDate&fileId=" + Id(s.SpareFile), "DeleteFile&fileId=" + Id(s.File) })
            {
                var url = other.Council("/papers/" + Id(paperId)) + "?handler=" + handler;
                var answer = await otherClerk.PostWithTokenAsync(url, token, new Dictionary<string, string> { ["FileDate"] = "2020-01-01" });
                Assert.True(answer.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)answer.StatusCode}");
            }
        }
        Assert.Equal(filesBefore, await FilesAsync());
        // The paper's path: this municipality's consultations are neither moved, removed, given a result nor followed up from the other.
        async Task<List<(int Id, int Position, ConsultationResult? Result)>> PathAsync() =>
            (await m.WithDbAsync(db => db.PaperConsultations.OrderBy(c => c.Id).Select(c => new { c.Id, c.Position, c.Result }).ToListAsync()))
            .Select(c => (c.Id, c.Position, c.Result)).ToList();
        var pathBefore = await PathAsync();
        var ownBody = await other.WithDbAsync(async db =>
        {
            var body = new CouncilBody { Name = "Eigener Rat", Classification = BodyClassification.CityCouncil };
            db.Add(body);
            await db.SaveChangesAsync();
            return body.Id;
        });
        foreach (var paperId in new[] { s.Paper, ownPaper })
        {
            var at = other.Council("/papers/" + Id(paperId));
            foreach (var (url, fields) in new (string, Dictionary<string, string>)[]
            {
                (at + "?handler=Move&up=false&consultationId=" + Id(s.Consultation), new()),
                (at + "?handler=RemoveConsultation&consultationId=" + Id(s.SpareConsultation), new()),
                (at + "?handler=Result", new() { ["Result.ConsultationId"] = Id(s.Consultation), ["Result.Result"] = "Approved" }),
                (at + "?handler=AddConsultation", new() { ["NewConsultation.BodyId"] = Id(ownBody), ["NewConsultation.Role"] = "Decision", ["NewConsultation.After"] = Id(s.Consultation) }),
            })
            {
                var answer = await otherClerk.PostWithTokenAsync(url, token, fields);
                Assert.True(answer.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)answer.StatusCode}");
            }
        }
        Assert.Equal(pathBefore, await PathAsync());
        Assert.Equal(0, await other.WithDbAsync(db => db.PaperConsultations.CountAsync()));
        // An agenda item of this municipality: not opened, not removed from a meeting of the other.
        var ownMeeting = await other.WithDbAsync(async db =>
        {
            var own = new Meeting { BodyId = ownBody, Name = "Eigene Sitzung", Start = new DateTimeOffset(2019, 7, 5, 12, 0, 0, TimeSpan.Zero) };
            db.Add(own);
            await db.SaveChangesAsync();
            return own.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await otherClerk.GetAsync(other.Council($"/meetings/{Id(s.Meeting)}/items/{Id(s.Item)}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClerk.GetAsync(other.Council($"/meetings/{Id(ownMeeting)}/items/{Id(s.Item)}"))).StatusCode);
        var removeItem = await otherClerk.PostWithTokenAsync(other.Council("/meetings/" + Id(ownMeeting)) + "?handler=RemoveItem&itemId=" + Id(s.Item), token, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, removeItem.StatusCode);
        var editItem = await otherClerk.PostWithTokenAsync(other.Council($"/meetings/{Id(ownMeeting)}/items/{Id(s.Item)}"), token,
            new Dictionary<string, string> { ["Item.Name"] = "Übernommen", ["Item.Order"] = "1", ["Item.Version"] = "0" });
        Assert.Equal(HttpStatusCode.NotFound, editItem.StatusCode);
        Assert.Equal("Punkt", await m.WithDbAsync(db => db.AgendaItems.Where(i => i.Id == s.Item).Select(i => i.Name).SingleAsync()));
        var removeMembership = await otherClerk.PostWithTokenAsync(other.Council("/people/" + Id(s.Person)) + "?handler=RemoveMembership&membershipId=" + Id(s.Membership), token, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, removeMembership.StatusCode);
        Assert.Equal(1, await m.WithDbAsync(db => db.BodyMemberships.CountAsync()));
    }
}

public sealed class CouncilPermissionSqliteTests(SqliteApp app) : CouncilPermissionTests(app), IClassFixture<SqliteApp>;

public sealed class CouncilPermissionPostgresTests(PostgresApp app) : CouncilPermissionTests(app), IClassFixture<PostgresApp>;
