using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Council;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Council.OParl;

/// <summary>A municipality's council as seeded for one OParl test.</summary>
public sealed record SeededCouncil(
    TestMunicipality Municipality, List<CouncilBody> Bodies, List<Meeting> Meetings, List<AgendaItem> AgendaItems,
    List<Paper> Papers, List<PaperFile> Files, List<PaperConsultation> Consultations)
{
    public string BodyUrl => "http://localhost/oparl/v1/bodies/" + Municipality.Slug;
}

public static class OParlTestSupport
{
    public static readonly DateTimeOffset Created = new(2019, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A council path like the model plan's: the city council, a committee and a district advisory
    /// council; a meeting of each (one cancelled) with a public and a non-public agenda item; one paper with
    /// two files, consulted by all three, the city council deciding. <paramref name="name"/> goes into every
    /// text, so hostile text can be checked everywhere. Every row gets <paramref name="created"/>.</summary>
    public static async Task<SeededCouncil> AddCouncilAsync(this TestMunicipality m, string name = "Integrationsplan",
        DateTimeOffset? created = null, int extraMeetings = 0, int agendaItemsPerMeeting = 1)
    {
        var at = created ?? Created;
        return await m.WithDbAsync(async db =>
        {
            CouncilBody Body(string bodyName, BodyClassification classification) =>
                new() { Name = bodyName, ShortName = classification.ToString()[..3], Classification = classification, StartDate = new DateOnly(2014, 6, 1), Website = "https://rat.example.org/" + classification, CreatedAt = at };
            var bodies = new List<CouncilBody>
            {
                Body("Stadtrat " + name, BodyClassification.CityCouncil),
                Body("Ausschuss für Soziales " + name, BodyClassification.Committee),
                Body("Stadtbezirksbeirat Altstadt " + name, BodyClassification.DistrictAdvisoryCouncil),
            };
            db.CouncilBodies.AddRange(bodies);
            await db.SaveChangesAsync();

            var meetings = new List<Meeting>();
            for (var i = 0; i < bodies.Count + extraMeetings; i++)
            {
                meetings.Add(new Meeting
                {
                    BodyId = bodies[i % bodies.Count].Id, Name = $"{i + 1}. Sitzung {name}",
                    Start = new DateTimeOffset(2019, 5, 2 + i % 25, 14, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2019, 5, 2 + i % 25, 18, 0, 0, TimeSpan.Zero),
                    Location = i % 2 == 0 ? "Neues Rathaus, Plenarsaal " + name : "",
                    State = i == 1 ? MeetingState.Cancelled : MeetingState.Held, CreatedAt = at,
                });
            }
            db.Meetings.AddRange(meetings);
            var paper = new Paper
            {
                Reference = "A0282/17", Name = "Gesamtkonzept " + name, PaperType = "Beschlussvorlage", Date = new DateOnly(2019, 4, 10),
                ReferenceIsExample = true, CreatedAt = at,
            };
            db.Papers.Add(paper);
            await db.SaveChangesAsync();

            var files = new List<PaperFile>
            {
                File(paper.Id, "Vorlage " + name, "vorlage.pdf", "application/pdf", "%PDF-1.4 Vorlage"u8.ToArray(), at),
                File(paper.Id, "Anlage 1 " + name, "anlage-1.pdf", "application/pdf", "%PDF-1.4 Anlage"u8.ToArray(), at),
            };
            db.PaperFiles.AddRange(files);

            var items = new List<AgendaItem>();
            foreach (var meeting in meetings)
            {
                for (var j = 0; j < agendaItemsPerMeeting; j++)
                {
                    items.Add(new AgendaItem
                    {
                        MeetingId = meeting.Id, Number = $"Ö {j + 1}", Order = j + 1, Name = "Gesamtkonzept " + name, IsPublic = true,
                        PaperId = paper.Id, Result = j == 0 ? "zugestimmt " + name : "", CreatedAt = at,
                    });
                }
                items.Add(new AgendaItem { MeetingId = meeting.Id, Number = "N 1", Order = 99, Name = "Personalangelegenheit (nicht öffentlich)", IsPublic = false, CreatedAt = at });
            }
            db.AgendaItems.AddRange(items);
            await db.SaveChangesAsync();

            ConsultationRole[] roles = [ConsultationRole.PreliminaryConsultation, ConsultationRole.ForInformation, ConsultationRole.Decision];
            var consultations = new List<PaperConsultation>();
            for (var i = 0; i < bodies.Count; i++)
            {
                // The city council (first body) decides, last in the path; the others consult first.
                var bodyIndex = (i + 1) % bodies.Count;
                var meeting = meetings[bodyIndex];
                consultations.Add(new PaperConsultation
                {
                    PaperId = paper.Id, Position = i + 1, BodyId = bodies[bodyIndex].Id, MeetingId = meeting.Id,
                    AgendaItemId = items.First(a => a.MeetingId == meeting.Id && a.IsPublic).Id, Role = roles[i],
                    Result = ConsultationResult.Approved, VotesFor = 40, VotesAgainst = 12, VotesAbstaining = 3, CreatedAt = at,
                });
            }
            db.PaperConsultations.AddRange(consultations);
            await db.SaveChangesAsync();
            // Adding the consultations moved the modified moment of the paper, items and meetings that embed them
            // to now; the seeded council is as of its moment.
            await db.Papers.ExecuteUpdateAsync(s => s.SetProperty(p => p.ModifiedAt, at));
            await db.AgendaItems.ExecuteUpdateAsync(s => s.SetProperty(a => a.ModifiedAt, at));
            await db.Meetings.ExecuteUpdateAsync(s => s.SetProperty(x => x.ModifiedAt, at));
            return new SeededCouncil(m, bodies, meetings, items, [paper], files, consultations);
        });
    }

    public static PaperFile File(int paperId, string name, string fileName, string mimeType, byte[] content, DateTimeOffset at) => new()
    {
        PaperId = paperId, Name = name, FileName = fileName, MimeType = mimeType, Content = content, Size = content.Length,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), CreatedAt = at,
    };

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url} answered {(int)response.StatusCode}, not {(int)expected}: {text}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"GET {url} answered {response.Content.Headers.ContentType}");
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
