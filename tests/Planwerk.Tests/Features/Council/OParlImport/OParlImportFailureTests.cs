using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Council.OParlImport;

/// <summary>The official OParl examples, served by a small server of their own: they import as far as they go, and a
/// source that fails half-way (a status 500, invalid JSON, an object of the wrong type, no answer within the
/// timeout) leaves nothing imported and a message naming the address and the reason.</summary>
public sealed class OParlImportFailureTests(ImpatientApp app, ExampleOParlServer server) : IClassFixture<ImpatientApp>, IClassFixture<ExampleOParlServer>
{
    private async Task<(TestMunicipality M, HttpResponseMessage Response)> FollowExampleAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var response = await clerk.SubmitFormAsync(m.Council("/oparl-import"), new Dictionary<string, string?>
        {
            ["Input.Endpoint"] = server.BaseUrl + "/", ["Input.Paper"] = server.BaseUrl + "/paper/749",
        }, "#follow-form");
        return (m, response);
    }

    [Fact]
    public async Task The_official_examples_import_as_far_as_they_go()
    {
        server.Faults.Clear();
        var (m, response) = await FollowExampleAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var paper = await m.WithDbAsync(db => db.Papers.Include(p => p.Files).Include(p => p.Consultations).ThenInclude(c => c.Meeting).ThenInclude(x => x!.Body).SingleAsync());
        Assert.Equal("1234/2014", paper.Reference);
        Assert.Equal("Antwort auf Anfrage 1200/2014", paper.Name);
        Assert.Equal("Beantwortung einer Anfrage", paper.PaperType);
        Assert.Equal(new DateOnly(2014, 4, 4), paper.Date);
        Assert.Equal(["anlage.pdf", "anlage_1_zur_anfrage.pdf"], paper.Files.Select(f => f.FileName).Order(StringComparer.Ordinal));
        var consultation = Assert.Single(paper.Consultations);
        // "Beschlussfassung" is the role decision; the agenda item the example names does not exist there, so none is linked.
        Assert.Equal(ConsultationRole.Decision, consultation.Role);
        Assert.Null(consultation.AgendaItemId);
        Assert.Equal("4. Sitzung des Finanzausschusses", consultation.Meeting!.Name);
        Assert.Equal("Ausschuss für Haushalt und Finanzen", consultation.Meeting.Body!.Name);
        Assert.Equal(BodyClassification.Committee, consultation.Meeting.Body.Classification);
        Assert.Equal("Rathaus der Beispielstadt, Ratshausplatz 1, 12345 Beispielstadt", consultation.Meeting.Location);
    }

    [Theory]
    [InlineData("/organization/96", "500", "Status 500")]
    [InlineData("/meeting/243", "invalid", "kein gültiges JSON")]
    [InlineData("/paper/749", "wrongtype", "Erwartet war ein Objekt vom Typ Paper")]
    [InlineData("/files/download/57739.pdf", "hang", "Keine Antwort innerhalb von 2 Sekunden")]
    public async Task A_source_failing_half_way_leaves_nothing_imported_and_names_what_failed(string path, string fault, string reason)
    {
        server.Faults.Clear();
        server.Faults[path] = fault;
        try
        {
            var (m, response) = await FollowExampleAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("nichts wurde gespeichert", page, StringComparison.Ordinal);
            Assert.Contains(server.BaseUrl + path, page, StringComparison.Ordinal);
            Assert.Contains(reason, page, StringComparison.Ordinal);
            var left = await m.WithDbAsync(async db => await db.Papers.CountAsync() + await db.CouncilBodies.CountAsync() + await db.Meetings.CountAsync()
                + await db.PaperFiles.CountAsync() + await db.FollowedPapers.CountAsync() + await db.ImportedCouncilObjects.CountAsync());
            Assert.Equal(0, left);
        }
        finally
        {
            server.Faults.Clear();
        }
    }

    [Fact]
    public async Task A_sync_that_fails_keeps_the_paper_as_it_was_and_shows_the_reason()
    {
        server.Faults.Clear();
        var (m, response) = await FollowExampleAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var followedId = await m.WithDbAsync(db => db.FollowedPapers.Select(f => f.Id).SingleAsync());
        server.Faults["/meeting/243"] = "500";
        try
        {
            var sync = await clerk.SubmitFormAsync(m.Council("/oparl-import"), new Dictionary<string, string?>(), $"#followed-{followedId} .sync-form");
            var page = WebUtility.HtmlDecode(await sync.Content.ReadAsStringAsync());
            Assert.Contains("Der Abgleich ist fehlgeschlagen", page, StringComparison.Ordinal);
            Assert.Contains(server.BaseUrl + "/meeting/243", page, StringComparison.Ordinal);
            Assert.Equal(1, await m.WithDbAsync(db => db.Meetings.CountAsync()));
            Assert.Contains("Status 500", await m.WithDbAsync(db => db.FollowedPapers.Select(f => f.LastError).SingleAsync()), StringComparison.Ordinal);
        }
        finally
        {
            server.Faults.Clear();
        }
    }
}
