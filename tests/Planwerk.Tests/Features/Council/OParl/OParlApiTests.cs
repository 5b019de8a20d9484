using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Infrastructure;
using Planwerk.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Planwerk.Tests.Features.Council.OParl;

public abstract class OParlApiTests(PlanwerkApp app, ITestOutputHelper output)
{
    private const string Schema = "https://schema.oparl.org/1.1/";

    private static readonly string[] BodyLists = ["organization", "person", "meeting", "paper", "agendaItem", "consultation", "file", "legislativeTermList"];

    /// <summary>Every page of an external list, each page checked for the spec's shape, its objects returned.</summary>
    private static async Task<List<JsonElement>> AllPagesAsync(HttpClient client, string url)
    {
        var objects = new List<JsonElement>();
        string? next = url;
        var pages = 0;
        while (next is not null)
        {
            var page = await client.GetJsonAsync(next);
            Assert.True(++pages < 100, "The list does not end.");
            Assert.Equal(JsonValueKind.Array, page.GetProperty("data").ValueKind);
            var pagination = page.GetProperty("pagination");
            Assert.True(page.GetProperty("data").GetArrayLength() <= pagination.GetProperty("elementsPerPage").GetInt32());
            var links = page.GetProperty("links");
            foreach (var link in links.EnumerateObject())
                Assert.True(Uri.TryCreate(link.Value.GetString(), UriKind.Absolute, out _), $"{link.Name} of {next} is not an absolute URL");
            objects.AddRange(page.GetProperty("data").EnumerateArray());
            next = links.TryGetProperty("next", out var n) ? n.GetString() : null;
        }
        return objects;
    }

    /// <summary>Every OParl object inside <paramref name="value"/> (itself included), by path.</summary>
    private static IEnumerable<(string Path, JsonElement Object)> ObjectsIn(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (value.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString()!.StartsWith(Schema, StringComparison.Ordinal)
                && value.TryGetProperty("id", out _))
                yield return (path, value);
            foreach (var property in value.EnumerateObject())
                foreach (var inner in ObjectsIn(property.Value, path + "." + property.Name)) yield return inner;
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var element in value.EnumerateArray())
                foreach (var inner in ObjectsIn(element, $"{path}[{i++}]")) yield return inner;
        }
    }

    /// <summary>Everything published for one body: the system, the body list, the body, every page of every list
    /// the body names, and every object reached by its id. Each object (embedded ones too) validates against
    /// the official schema, and each id answers with exactly the object that was embedded or listed.</summary>
    private async Task<Dictionary<string, JsonElement>> CrawlAsync(HttpClient client, SeededCouncil council)
    {
        var system = await client.GetJsonAsync("/oparl/v1/system");
        OParlSchemas.AssertValid(system, "System", "/oparl/v1/system");
        Assert.Equal("http://localhost/oparl/v1/system", system.GetProperty("id").GetString());
        Assert.Equal(Schema, system.GetProperty("oparlVersion").GetString());

        var found = new Dictionary<string, List<(string Where, JsonElement Object)>>();
        void Collect(string where, JsonElement value)
        {
            foreach (var (path, obj) in ObjectsIn(value, where))
            {
                var id = obj.GetProperty("id").GetString()!;
                if (!found.TryGetValue(id, out var list)) found[id] = list = [];
                list.Add((path, obj));
            }
        }

        var bodies = await AllPagesAsync(client, system.GetProperty("body").GetString()!);
        foreach (var b in bodies) Collect("bodies", b);
        var body = bodies.Single(b => b.GetProperty("id").GetString() == council.BodyUrl);
        foreach (var list in BodyLists)
        {
            var url = body.GetProperty(list).GetString()!;
            Assert.StartsWith(council.BodyUrl + "/", url);
            foreach (var item in await AllPagesAsync(client, url))
            {
                Collect(url, item);
                // An organization's own meeting list holds the same meeting objects.
                if (list == "organization")
                    foreach (var meeting in await AllPagesAsync(client, item.GetProperty("meeting").GetString()!)) Collect(item.GetProperty("meeting").GetString()!, meeting);
            }
        }
        var objects = new Dictionary<string, JsonElement>();
        foreach (var (id, seen) in found)
        {
            if (!id.StartsWith(council.BodyUrl, StringComparison.Ordinal)) continue; // other tests' municipalities
            var fetched = await client.GetJsonAsync(id);
            OParlSchemas.AssertValid(fetched, OParlSchemas.TypeName(fetched), id);
            Assert.Equal(id, fetched.GetProperty("id").GetString());
            foreach (var (where, obj) in seen)
            {
                OParlSchemas.AssertValid(obj, OParlSchemas.TypeName(obj), where);
                Assert.True(JsonNode.DeepEquals(OParlSchemas.Node(obj), OParlSchemas.Node(fetched)), $"{where} differs from GET {id}:\n{obj}\n{fetched}");
            }
            objects[id] = fetched;
        }
        output.WriteLine($"{app.Provider}: {objects.Count} objects crawled and validated");
        return objects;
    }

    [Fact]
    public async Task Every_object_validates_against_the_official_schemas_and_every_id_answers_with_the_same_object()
    {
        var m = await app.CreateMunicipalityAsync();
        var council = await m.AddCouncilAsync();
        var objects = await CrawlAsync(app.CreateClient(), council);

        int Count(string type) => objects.Values.Count(o => o.GetProperty("type").GetString() == Schema + type);
        Assert.Equal(1, Count("Body"));
        Assert.Equal(3, Count("Organization"));
        Assert.Equal(3, Count("Meeting"));
        Assert.Equal(2, Count("Location"));
        Assert.Equal(3, Count("AgendaItem"));
        Assert.Equal(1, Count("Paper"));
        Assert.Equal(3, Count("Consultation"));
        Assert.Equal(2, Count("File"));
    }

    [Fact]
    public async Task Our_terms_are_mapped_to_OParls_words()
    {
        var m = await app.CreateMunicipalityAsync("Mappingstadt");
        var council = await m.AddCouncilAsync();
        var client = app.CreateClient();

        var body = await client.GetJsonAsync(council.BodyUrl);
        Assert.Equal("Mappingstadt", body.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("legislativeTerm").ValueKind);
        Assert.Equal("2019-03-01T10:00:00+01:00", (await client.GetJsonAsync($"{council.BodyUrl}/papers/{council.Papers[0].Id}")).GetProperty("created").GetString());

        var organizations = (await client.GetJsonAsync(body.GetProperty("organization").GetString()!)).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["Stadtrat", "Ausschuss", "Stadtbezirksbeirat"], organizations.Select(o => o.GetProperty("classification").GetString()));
        Assert.All(organizations, o => Assert.Equal("Gremium", o.GetProperty("organizationType").GetString()));
        Assert.Equal(council.BodyUrl, organizations[0].GetProperty("body").GetString());
        Assert.Equal("2014-06-01", organizations[0].GetProperty("startDate").GetString());
        var committeeMeetings = (await client.GetJsonAsync(organizations[1].GetProperty("meeting").GetString()!)).GetProperty("data").EnumerateArray();
        Assert.Equal([$"{council.BodyUrl}/meetings/{council.Meetings[1].Id}"], committeeMeetings.Select(x => x.GetProperty("id").GetString()));

        var cancelled = await client.GetJsonAsync($"{council.BodyUrl}/meetings/{council.Meetings[1].Id}");
        Assert.True(cancelled.GetProperty("cancelled").GetBoolean());
        Assert.Equal("abgesagt", cancelled.GetProperty("meetingState").GetString());
        var held = await client.GetJsonAsync($"{council.BodyUrl}/meetings/{council.Meetings[0].Id}");
        Assert.False(held.GetProperty("cancelled").GetBoolean());
        Assert.Equal("durchgeführt", held.GetProperty("meetingState").GetString());
        Assert.Equal([$"{council.BodyUrl}/organizations/{council.Bodies[0].Id}"], held.GetProperty("organization").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("2019-05-02T16:00:00+02:00", held.GetProperty("start").GetString());
        Assert.Equal($"http://localhost/{m.Slug}/council/meetings/{council.Meetings[0].Id}", held.GetProperty("web").GetString());

        var paper = await client.GetJsonAsync($"{council.BodyUrl}/papers/{council.Papers[0].Id}");
        Assert.Equal("A0282/17", paper.GetProperty("reference").GetString());
        Assert.Equal("2019-04-10", paper.GetProperty("date").GetString());
        Assert.Equal("Beschlussvorlage", paper.GetProperty("paperType").GetString());
        Assert.Equal(["Beispielnummer"], paper.GetProperty("keyword").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("Vorlage Integrationsplan", paper.GetProperty("mainFile").GetProperty("name").GetString());
        Assert.Equal(["Anlage 1 Integrationsplan"], paper.GetProperty("auxiliaryFile").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        var consultations = paper.GetProperty("consultation").EnumerateArray().ToList();
        Assert.Equal(["Vorberatung", "Kenntnisnahme", "Entscheidung"], consultations.Select(c => c.GetProperty("role").GetString()));
        Assert.Equal([false, false, true], consultations.Select(c => c.GetProperty("authoritative").GetBoolean()));
        var decision = consultations[2];
        Assert.Equal($"{council.BodyUrl}/organizations/{council.Bodies[0].Id}", decision.GetProperty("organization")[0].GetString());
        Assert.Equal($"{council.BodyUrl}/meetings/{council.Meetings[0].Id}", decision.GetProperty("meeting").GetString());

        var item = await client.GetJsonAsync(decision.GetProperty("agendaItem").GetString()!);
        Assert.Equal(decision.GetProperty("id").GetString(), item.GetProperty("consultation").GetString());
        Assert.Equal("Ö 1", item.GetProperty("number").GetString());
        Assert.Equal("zugestimmt Integrationsplan", item.GetProperty("result").GetString());
        Assert.True(item.GetProperty("public").GetBoolean());
    }

    [Fact]
    public async Task Hostile_text_comes_back_intact_and_escaped()
    {
        var m = await app.CreateMunicipalityAsync(HostileText.Markup);
        var council = await m.AddCouncilAsync(HostileText.Script + HostileText.RightToLeft + HostileText.Markup);
        var client = app.CreateClient();
        await CrawlAsync(client, council);

        var response = await client.GetAsync($"{council.BodyUrl}/organizations");
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
        Assert.Contains(HostileText.RightToLeft, raw, StringComparison.Ordinal);
        var names = JsonDocument.Parse(raw).RootElement.GetProperty("data").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ToList();
        Assert.Contains("Stadtrat " + HostileText.Script + HostileText.RightToLeft + HostileText.Markup, names);
        Assert.Equal(HostileText.Markup, (await client.GetJsonAsync(council.BodyUrl)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Non_public_agenda_items_are_never_published()
    {
        var m = await app.CreateMunicipalityAsync();
        var council = await m.AddCouncilAsync();
        var hidden = council.AgendaItems.Where(a => !a.IsPublic).ToList();
        Assert.NotEmpty(hidden);
        var client = app.CreateClient();
        var objects = await CrawlAsync(client, council);

        foreach (var item in hidden)
        {
            Assert.DoesNotContain($"{council.BodyUrl}/agendaitems/{item.Id}", objects.Keys);
            var answer = await client.GetJsonAsync($"{council.BodyUrl}/agendaitems/{item.Id}", HttpStatusCode.NotFound);
            Assert.False(string.IsNullOrEmpty(answer.GetProperty("error").GetString()));
        }
        foreach (var url in new[] { $"{council.BodyUrl}/meetings", $"{council.BodyUrl}/agendaitems", $"{council.BodyUrl}/papers", $"{council.BodyUrl}/consultations" })
            Assert.DoesNotContain("Personalangelegenheit", await (await client.GetAsync(url)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A consultation treated in a non-public item names its meeting, not the item. (The edit evicts the
        // municipality's cached public answers, as the council pages do after every change.)
        await m.WithDbAsync(async db =>
        {
            var consultation = await db.PaperConsultations.FindAsync(council.Consultations[0].Id);
            consultation!.AgendaItemId = hidden[0].Id;
            await db.SaveChangesAsync();
            return 0;
        });
        await PublicPageCache.EvictMunicipalityAsync(app.Services.GetRequiredService<IOutputCacheStore>(), m.Slug);
        var changed = await client.GetJsonAsync($"{council.BodyUrl}/consultations/{council.Consultations[0].Id}");
        Assert.False(changed.TryGetProperty("agendaItem", out _));
        Assert.True(changed.TryGetProperty("meeting", out _));
    }

    [Fact]
    public async Task Lists_are_paged_by_id_with_links_that_keep_the_filters()
    {
        var m = await app.CreateMunicipalityAsync();
        var council = await m.AddCouncilAsync(extraMeetings: 2);
        await using var paged = app.WithWebHostBuilder(b => b.UseSetting("OParl:PageSize", "2"));
        var client = paged.CreateClient();
        var list = $"{council.BodyUrl}/meetings";
        var ids = council.Meetings.Select(x => x.Id).ToList();

        var first = await client.GetJsonAsync(list + "?created_since=2019-01-01T00%3A00%3A00%2B01%3A00");
        Assert.Equal(2, first.GetProperty("pagination").GetProperty("elementsPerPage").GetInt32());
        Assert.Equal(ids.Take(2).Select(i => $"{list}/{i}"), first.GetProperty("data").EnumerateArray().Select(x => x.GetProperty("id").GetString()));
        var links = first.GetProperty("links");
        Assert.Equal(list + $"?created_since=2019-01-01T00%3A00%3A00%2B01%3A00&after={ids[1]}", links.GetProperty("next").GetString());
        Assert.Equal(list + "?created_since=2019-01-01T00%3A00%3A00%2B01%3A00", links.GetProperty("first").GetString());

        var second = await client.GetJsonAsync(links.GetProperty("next").GetString()!);
        Assert.Equal(links.GetProperty("next").GetString(), second.GetProperty("links").GetProperty("self").GetString());
        var third = await client.GetJsonAsync(second.GetProperty("links").GetProperty("next").GetString()!);
        Assert.False(third.GetProperty("links").TryGetProperty("next", out _));
        Assert.Single(third.GetProperty("data").EnumerateArray());

        var all = await AllPagesAsync(client, list);
        Assert.Equal(council.Meetings.Select(x => $"{list}/{x.Id}"), all.Select(x => x.GetProperty("id").GetString()));
        foreach (var meeting in all) OParlSchemas.AssertValid(meeting, "Meeting", list);

        Assert.Empty((await client.GetJsonAsync(list + "?after=999999999")).GetProperty("data").EnumerateArray());
        foreach (var bad in new[] { "-1", "zwei", "1.5" })
        {
            var error = await client.GetJsonAsync(list + "?after=" + bad, HttpStatusCode.BadRequest);
            Assert.Contains("after", error.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task A_crawl_misses_no_object_when_one_is_deleted_between_its_pages()
    {
        var m = await app.CreateMunicipalityAsync();
        var council = await m.AddCouncilAsync(extraMeetings: 3);
        await using var paged = app.WithWebHostBuilder(b => b.UseSetting("OParl:PageSize", "2"));
        var client = paged.CreateClient();
        var list = $"{council.BodyUrl}/meetings";

        var first = await client.GetJsonAsync(list + "?omit_internal=true");
        var seen = first.GetProperty("data").EnumerateArray().Select(x => x.GetProperty("id").GetString()!).ToList();
        // A meeting of the first page goes (the cache is evicted, as after any council edit).
        await m.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.SingleAsync(x => x.Id == council.Meetings[0].Id);
            await db.PaperConsultations.Where(c => c.MeetingId == meeting.Id).ExecuteDeleteAsync();
            await db.AgendaItems.Where(a => a.MeetingId == meeting.Id).LoadAsync();
            db.Meetings.Remove(meeting);
            return await db.SaveChangesAsync();
        });
        await PublicPageCache.EvictMunicipalityAsync(paged.Services.GetRequiredService<IOutputCacheStore>(), m.Slug);
        string? next = first.GetProperty("links").GetProperty("next").GetString();
        while (next is not null)
        {
            var page = await client.GetJsonAsync(next);
            seen.AddRange(page.GetProperty("data").EnumerateArray().Select(x => x.GetProperty("id").GetString()!));
            next = page.GetProperty("links").TryGetProperty("next", out var n) ? n.GetString() : null;
        }
        Assert.Equal(council.Meetings.Select(x => $"{list}/{x.Id}"), seen);
    }

    private async Task<List<string>> ChangedSinceAsync(HttpClient client, SeededCouncil council, string list, DateTimeOffset since)
    {
        await PublicPageCache.EvictMunicipalityAsync(app.Services.GetRequiredService<IOutputCacheStore>(), council.Municipality.Slug);
        var moment = Uri.EscapeDataString(since.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        var objects = await AllPagesAsync(client, $"{council.BodyUrl}/{list}?modified_since={moment}");
        foreach (var o in objects) OParlSchemas.AssertValid(o, OParlSchemas.TypeName(o), list);
        return objects.Select(o => o.GetProperty("id").GetString()!).ToList();
    }

    [Fact]
    public async Task A_change_of_a_consultation_file_or_agenda_item_moves_the_modified_moment_of_the_paper_or_meeting_that_embeds_it()
    {
        var m = await app.CreateMunicipalityAsync();
        var council = await m.AddCouncilAsync();
        var client = app.CreateClient();
        var paperUrl = $"{council.BodyUrl}/papers/{council.Papers[0].Id}";
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        Assert.Empty(await ChangedSinceAsync(client, council, "papers", since));
        Assert.Empty(await ChangedSinceAsync(client, council, "meetings", since));

        // A result recorded on the paper's path.
        await m.WithDbAsync(async db =>
        {
            (await db.PaperConsultations.SingleAsync(c => c.Id == council.Consultations[0].Id)).Result = Planwerk.Features.Council.ConsultationResult.Postponed;
            return await db.SaveChangesAsync();
        });
        Assert.Equal([paperUrl], await ChangedSinceAsync(client, council, "papers", since));
        Assert.Empty(await ChangedSinceAsync(client, council, "meetings", since));
        var paper = await client.GetJsonAsync(paperUrl);
        Assert.True(DateTimeOffset.Parse(paper.GetProperty("modified").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= since);
        // Nobody edited the paper itself: an open form of it is still good.
        Assert.Equal(council.Papers[0].Version, await m.WithDbAsync(db => db.Papers.Where(p => p.Id == council.Papers[0].Id).Select(p => p.Version).SingleAsync()));

        // An agenda item renamed: its meeting changes.
        var item = council.AgendaItems.First(a => a.IsPublic);
        await m.WithDbAsync(async db =>
        {
            (await db.AgendaItems.SingleAsync(a => a.Id == item.Id)).Name = "Umbenannt";
            return await db.SaveChangesAsync();
        });
        Assert.Equal([$"{council.BodyUrl}/meetings/{item.MeetingId}"], await ChangedSinceAsync(client, council, "meetings", since));

        // A new file, in a fresh window.
        var later = DateTimeOffset.UtcNow.AddSeconds(-1);
        Assert.Empty(await ChangedSinceAsync(client, council, "papers", later.AddSeconds(5)));
        await m.WithDbAsync(async db =>
        {
            db.PaperFiles.Add(OParlTestSupport.File(council.Papers[0].Id, "Anlage 2", "anlage-2.pdf", "application/pdf", "%PDF-1.4 Neu"u8.ToArray(), DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        Assert.Equal([paperUrl], await ChangedSinceAsync(client, council, "papers", later));

        // A consultation moved to another agenda item: both items and their meetings change.
        var other = council.AgendaItems.First(a => a.IsPublic && a.MeetingId != council.Consultations[1].MeetingId && a.Id != council.Consultations[1].AgendaItemId);
        var moved = DateTimeOffset.UtcNow.AddSeconds(-1);
        await m.WithDbAsync(async db =>
        {
            (await db.PaperConsultations.SingleAsync(c => c.Id == council.Consultations[1].Id)).AgendaItemId = other.Id;
            return await db.SaveChangesAsync();
        });
        var items = await ChangedSinceAsync(client, council, "agendaitems", moved);
        Assert.Contains($"{council.BodyUrl}/agendaitems/{other.Id}", items);
        Assert.Contains($"{council.BodyUrl}/agendaitems/{council.Consultations[1].AgendaItemId}", items);
        Assert.Contains($"{council.BodyUrl}/meetings/{other.MeetingId}", await ChangedSinceAsync(client, council, "meetings", moved));
    }

    [Fact]
    public async Task Deleted_objects_stay_as_deleted_objects_in_the_lists_of_changes_and_at_their_address()
    {
        var m = await app.CreateMunicipalityAsync();
        var council = await m.AddCouncilAsync();
        var client = app.CreateClient();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var file = council.Files[1];
        var consultation = council.Consultations[0];
        await m.WithDbAsync(async db =>
        {
            db.PaperFiles.Remove(await db.PaperFiles.SingleAsync(f => f.Id == file.Id));
            db.PaperConsultations.Remove(await db.PaperConsultations.SingleAsync(c => c.Id == consultation.Id));
            return await db.SaveChangesAsync();
        });
        // A paper without results, with a file, deleted by the clerk: the file goes with it.
        var spare = await m.WithDbAsync(async db =>
        {
            var paper = new Planwerk.Features.Council.Paper { Reference = "V9/19", Name = "Zurückgezogen", Date = new DateOnly(2019, 5, 1) };
            db.Papers.Add(paper);
            await db.SaveChangesAsync();
            var attached = OParlTestSupport.File(paper.Id, "Anlage", "a.pdf", "application/pdf", "%PDF-1.4 A"u8.ToArray(), DateTimeOffset.UtcNow);
            db.PaperFiles.Add(attached);
            await db.SaveChangesAsync();
            return (Paper: paper.Id, File: attached.Id);
        });
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SubmitFormAsync($"/{m.Slug}/manage/council/papers/{spare.Paper}", new Dictionary<string, string?>(), "#paper-delete-form")).StatusCode);

        var expected = new Dictionary<string, (string List, string Type)>
        {
            [$"{council.BodyUrl}/files/{file.Id}"] = ("files", "File"),
            [$"{council.BodyUrl}/files/{spare.File}"] = ("files", "File"),
            [$"{council.BodyUrl}/consultations/{consultation.Id}"] = ("consultations", "Consultation"),
            [$"{council.BodyUrl}/papers/{spare.Paper}"] = ("papers", "Paper"),
        };
        foreach (var (url, (list, type)) in expected)
        {
            var gone = await client.GetJsonAsync(url);
            Assert.True(gone.GetProperty("deleted").GetBoolean(), url);
            Assert.Equal("https://schema.oparl.org/1.1/" + type, gone.GetProperty("type").GetString());
            OParlSchemas.AssertValid(gone, type, url);
            Assert.Contains(url, await ChangedSinceAsync(client, council, list, since));
            // Without a moment to sync from, the lists hold the objects that are there.
            Assert.DoesNotContain(url, (await AllPagesAsync(client, $"{council.BodyUrl}/{list}")).Select(o => o.GetProperty("id").GetString()));
        }
        // Before the deletion, a sync learns nothing of it.
        Assert.DoesNotContain($"{council.BodyUrl}/files/{file.Id}", await ChangedSinceAsync(client, council, "files", DateTimeOffset.UtcNow.AddMinutes(1)));
        // The paper the deleted file and consultation belonged to changed too.
        Assert.Contains($"{council.BodyUrl}/papers/{council.Papers[0].Id}", await ChangedSinceAsync(client, council, "papers", since));
    }

    [Fact]
    public async Task Created_and_modified_filters_select_by_the_moments_and_refuse_what_they_cannot_read()
    {
        var m = await app.CreateMunicipalityAsync();
        var council = await m.AddCouncilAsync();
        var late = await m.WithDbAsync(async db =>
        {
            var meeting = new Planwerk.Features.Council.Meeting
            {
                BodyId = council.Bodies[0].Id, Name = "Späte Sitzung", Start = new DateTimeOffset(2020, 2, 1, 9, 0, 0, TimeSpan.Zero),
                CreatedAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), ModifiedAt = new DateTimeOffset(2020, 6, 1, 0, 0, 0, TimeSpan.Zero),
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        var client = app.CreateClient();
        var list = $"{council.BodyUrl}/meetings";
        async Task<List<string>> Ids(string query) =>
            (await client.GetJsonAsync(list + query)).GetProperty("data").EnumerateArray().Select(x => x.GetProperty("id").GetString()!).ToList();
        var early = council.Meetings.Select(x => $"{list}/{x.Id}").ToList();

        Assert.Equal([$"{list}/{late}"], await Ids("?created_since=2019-12-31T23%3A59%3A59Z"));
        Assert.Equal(early, await Ids("?created_until=2019-12-31T23%3A59%3A59Z"));
        Assert.Equal([$"{list}/{late}"], await Ids("?modified_since=2020-05-01T00%3A00%3A00%2B02%3A00"));
        Assert.Equal(early, await Ids("?modified_until=2020-05-01T00%3A00%3A00%2B02%3A00"));
        Assert.Empty(await Ids("?created_since=2020-01-01T00%3A00%3A01Z&created_until=2020-12-31T00%3A00%3A00Z&modified_until=2020-05-01T00%3A00%3A00Z"));
        // The "+" of an offset written unencoded arrives as a space and is still understood.
        Assert.Equal([$"{list}/{late}"], await Ids("?created_since=2020-01-01T00:30:00+01:00"));
        // The same filters work on every list.
        Assert.Empty((await client.GetJsonAsync($"{council.BodyUrl}/papers?created_since=2019-12-31T23%3A59%3A59Z")).GetProperty("data").EnumerateArray());
        Assert.Equal(3, (await client.GetJsonAsync($"{council.BodyUrl}/organizations?modified_until=2019-12-31T23%3A59%3A59Z")).GetProperty("data").GetArrayLength());

        foreach (var (parameter, value) in new[]
        {
            ("created_since", "2019-12-31"), ("created_until", "gestern"), ("modified_since", "2019-12-31T10%3A00%3A00"),
            ("modified_until", "31.12.2019%2010%3A00"), ("omit_internal", "vielleicht"),
        })
        {
            var error = await client.GetJsonAsync($"{list}?{parameter}={value}", HttpStatusCode.BadRequest);
            Assert.Contains(parameter, error.GetProperty("error").GetString());
            Assert.Equal(400, error.GetProperty("status").GetInt32());
        }
        await client.GetJsonAsync($"{council.BodyUrl}/persons?created_since=morgen", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Every_list_including_the_bodies_answers_every_time_filter()
    {
        var m = await app.CreateMunicipalityAsync();
        var council = await m.AddCouncilAsync();
        var client = app.CreateClient();
        var lists = new[] { "/oparl/v1/bodies" }.Concat(new[] { "organizations", "meetings", "agendaitems", "papers", "consultations", "files", "persons", "legislativeterms" }
            .Select(l => $"{council.BodyUrl}/{l}")).Append($"{council.BodyUrl}/organizations/{council.Bodies[0].Id}/meetings");
        var past = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddYears(-30).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var list in lists)
        {
            foreach (var filter in OParlListQueryFilters)
            {
                var (wide, narrow) = filter.EndsWith("since", StringComparison.Ordinal) ? (past, future) : (future, past);
                var all = (await client.GetJsonAsync($"{list}?{filter}={wide}")).GetProperty("data").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToList();
                var none = (await client.GetJsonAsync($"{list}?{filter}={narrow}")).GetProperty("data").EnumerateArray()
                    .Where(o => !o.TryGetProperty("deleted", out var d) || !d.GetBoolean()).ToList();
                Assert.Empty(none);
                if (list.EndsWith("/bodies", StringComparison.Ordinal)) Assert.Contains(council.BodyUrl, all);
            }
        }
        // The body's own moments: created when the municipality was.
        var body = await client.GetJsonAsync(council.BodyUrl);
        var created = DateTimeOffset.Parse(body.GetProperty("created").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var justAfter = Uri.EscapeDataString(created.AddSeconds(1).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        var justBefore = Uri.EscapeDataString(created.AddSeconds(-1).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(council.BodyUrl, (await AllPagesAsync(client, $"/oparl/v1/bodies?modified_since={justAfter}")).Select(o => o.GetProperty("id").GetString()));
        Assert.Contains(council.BodyUrl, (await AllPagesAsync(client, $"/oparl/v1/bodies?modified_since={justBefore}")).Select(o => o.GetProperty("id").GetString()));
        Assert.Contains(council.BodyUrl, (await AllPagesAsync(client, $"/oparl/v1/bodies?created_until={justAfter}")).Select(o => o.GetProperty("id").GetString()));
    }

    private static readonly string[] OParlListQueryFilters = Planwerk.Features.Council.OParl.OParlListQuery.FilterNames;

    [Fact]
    public async Task Omit_internal_leaves_embedded_objects_out_of_lists()
    {
        var m = await app.CreateMunicipalityAsync();
        var council = await m.AddCouncilAsync();
        var client = app.CreateClient();

        var meetings = (await client.GetJsonAsync($"{council.BodyUrl}/meetings?omit_internal=true")).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(3, meetings.Count);
        Assert.All(meetings, x => Assert.False(x.TryGetProperty("agendaItem", out _)));
        Assert.All(meetings, x => OParlSchemas.AssertValid(x, "Meeting", "meetings?omit_internal=true"));
        var paper = (await client.GetJsonAsync($"{council.BodyUrl}/papers?omit_internal=true")).GetProperty("data")[0];
        Assert.False(paper.TryGetProperty("consultation", out _));
        Assert.False(paper.TryGetProperty("mainFile", out _));
        OParlSchemas.AssertValid(paper, "Paper", "papers?omit_internal=true");

        var full = (await client.GetJsonAsync($"{council.BodyUrl}/meetings")).GetProperty("data")[0];
        Assert.Single(full.GetProperty("agendaItem").EnumerateArray());
    }

    [Fact]
    public async Task One_municipalitys_objects_never_appear_under_anothers_body()
    {
        var mine = await (await app.CreateMunicipalityAsync()).AddCouncilAsync("Meins");
        var theirs = await (await app.CreateMunicipalityAsync()).AddCouncilAsync("Fremd");
        var client = app.CreateClient();

        var objects = await CrawlAsync(client, mine);
        Assert.All(objects.Keys, id => Assert.StartsWith(mine.BodyUrl, id));
        foreach (var list in new[] { "organizations", "meetings", "agendaitems", "papers", "consultations", "files" })
        {
            var raw = await (await client.GetAsync($"{mine.BodyUrl}/{list}")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("Fremd", raw, StringComparison.Ordinal);
            Assert.DoesNotContain(theirs.BodyUrl, raw, StringComparison.Ordinal);
        }
        var foreign = new List<string>
        {
            $"organizations/{theirs.Bodies[0].Id}", $"meetings/{theirs.Meetings[0].Id}", $"meetings/{theirs.Meetings[0].Id}/location",
            $"organizations/{theirs.Bodies[0].Id}/meetings", $"agendaitems/{theirs.AgendaItems[0].Id}", $"papers/{theirs.Papers[0].Id}", $"consultations/{theirs.Consultations[0].Id}",
            $"files/{theirs.Files[0].Id}", $"files/{theirs.Files[0].Id}/download",
        };
        foreach (var path in foreign)
        {
            await client.GetJsonAsync($"{mine.BodyUrl}/{path}", HttpStatusCode.NotFound);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{theirs.BodyUrl}/{path}")).StatusCode);
        }
    }

    [Fact]
    public async Task Unknown_bodies_objects_and_addresses_answer_404_in_json()
    {
        var m = await app.CreateMunicipalityAsync();
        var council = await m.AddCouncilAsync();
        var client = app.CreateClient();

        foreach (var url in new[]
        {
            "/oparl/v1/bodies/gibt-es-nicht", "/oparl/v1/bodies/gibt-es-nicht/meetings", $"/oparl/v1/bodies/gibt-es-nicht/meetings/{council.Meetings[0].Id}",
            $"{council.BodyUrl}/meetings/999999999", $"{council.BodyUrl}/papers/999999999", $"{council.BodyUrl}/files/999999999/download",
            $"{council.BodyUrl}/nichts", "/oparl/v2/system", "/oparl",
        })
        {
            var error = await client.GetJsonAsync(url, HttpStatusCode.NotFound);
            Assert.Equal(404, error.GetProperty("status").GetInt32());
        }
        // The address is case-insensitive in the municipality, but ids always name it in lower case.
        var upper = await client.GetJsonAsync(council.BodyUrl.Replace(m.Slug, m.Slug.ToUpperInvariant(), StringComparison.Ordinal));
        Assert.Equal(council.BodyUrl, upper.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Ids_follow_the_address_the_client_used_also_from_the_cache()
    {
        var m = await app.CreateMunicipalityAsync();
        var council = await m.AddCouncilAsync();
        var local = app.CreateClient();
        var other = app.CreateClient();
        other.BaseAddress = new Uri("https://rat.example.org/");

        foreach (var path in new[] { $"/oparl/v1/bodies/{m.Slug}", $"/oparl/v1/bodies/{m.Slug}/meetings" })
        {
            var first = (await local.GetAsync(path)).Content.ReadAsStringAsync();
            var raw = await (await other.GetAsync(path)).Content.ReadAsStringAsync();
            Assert.Contains("http://localhost/oparl/v1/bodies/", await first, StringComparison.Ordinal);
            Assert.Contains("https://rat.example.org/oparl/v1/bodies/" + m.Slug, raw, StringComparison.Ordinal);
            Assert.DoesNotContain("localhost", raw, StringComparison.Ordinal);
        }
        var system = await other.GetJsonAsync("/oparl/v1/system");
        Assert.Equal("https://rat.example.org/oparl/v1/bodies", system.GetProperty("body").GetString());
        Assert.Equal("https://rat.example.org/", system.GetProperty("website").GetString());
    }

    [Fact]
    public void No_municipality_can_take_the_APIs_first_segment() =>
        Assert.NotNull(Planwerk.Features.Municipalities.Municipality.ValidateSlug("oparl"));

    [Fact]
    public async Task A_file_downloads_with_its_bytes_type_and_name()
    {
        var m = await app.CreateMunicipalityAsync();
        var council = await m.AddCouncilAsync();
        var client = app.CreateClient();
        var file = await client.GetJsonAsync($"{council.BodyUrl}/files/{council.Files[1].Id}");
        Assert.Equal(council.Files[1].Size, file.GetProperty("size").GetInt64());
        Assert.Equal("application/pdf", file.GetProperty("mimeType").GetString());
        Assert.Equal("anlage-1.pdf", file.GetProperty("fileName").GetString());
        Assert.Equal([$"{council.BodyUrl}/papers/{council.Papers[0].Id}"], file.GetProperty("paper").EnumerateArray().Select(p => p.GetString()));

        foreach (var link in new[] { "accessUrl", "downloadUrl" })
        {
            var response = await client.GetAsync(file.GetProperty(link).GetString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(council.Files[1].Content, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("anlage-1.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.Equal($"\"{council.Files[1].Sha256}\"", response.Headers.ETag?.Tag);
        }
    }

    [Fact]
    public async Task A_file_stored_under_an_html_name_and_type_downloads_as_the_pdf_its_bytes_are()
    {
        var m = await app.CreateMunicipalityAsync();
        var council = await m.AddCouncilAsync();
        var polyglot = "%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF"u8.ToArray();
        var id = await m.WithDbAsync(async db =>
        {
            var file = OParlTestSupport.File(council.Papers[0].Id, "<script>alert(1)</script>", "Stellungnahme.html", "text/html", polyglot, DateTimeOffset.UtcNow);
            db.PaperFiles.Add(file);
            await db.SaveChangesAsync();
            return file.Id;
        });

        var response = await app.CreateClient().GetAsync($"{council.BodyUrl}/files/{id}/download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Stellungnahme.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Every_endpoint_costs_the_same_few_queries_for_a_small_and_a_large_council()
    {
        var small = await (await app.CreateMunicipalityAsync()).AddCouncilAsync("Klein");
        var large = await (await app.CreateMunicipalityAsync()).AddCouncilAsync("Groß", extraMeetings: 60, agendaItemsPerMeeting: 10);

        var counter = new QueryCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();

        string[] Urls(SeededCouncil c) =>
        [
            c.BodyUrl, $"{c.BodyUrl}/organizations", $"{c.BodyUrl}/organizations/{c.Bodies[0].Id}/meetings", $"{c.BodyUrl}/meetings", $"{c.BodyUrl}/agendaitems", $"{c.BodyUrl}/papers",
            $"{c.BodyUrl}/consultations", $"{c.BodyUrl}/files", $"{c.BodyUrl}/persons",
            $"{c.BodyUrl}/meetings/{c.Meetings[0].Id}", $"{c.BodyUrl}/papers/{c.Papers[0].Id}", $"{c.BodyUrl}/agendaitems/{c.AgendaItems[0].Id}",
            $"{c.BodyUrl}/consultations/{c.Consultations[0].Id}", $"{c.BodyUrl}/files/{c.Files[0].Id}",
        ];
        var smallUrls = Urls(small);
        var largeUrls = Urls(large);
        for (var i = 0; i < smallUrls.Length; i++)
        {
            counter.Reset();
            await client.GetJsonAsync(smallUrls[i]);
            var smallCount = counter.Count;
            counter.Reset();
            await client.GetJsonAsync(largeUrls[i]);
            var largeCount = counter.Count;
            output.WriteLine($"{app.Provider}: {smallUrls[i].Replace(small.BodyUrl, "{body}", StringComparison.Ordinal)}: {smallCount} / {largeCount} commands");
            Assert.True(smallCount == largeCount, $"{largeUrls[i]}: {smallCount} commands for the small council, {largeCount} for the large");
            // At most: the municipality, the organization's existence, the count, the page, its agenda items and their consultations.
            Assert.True(largeCount <= 6, $"{largeUrls[i]}: {largeCount} commands");
        }
    }
}

public sealed class OParlApiSqliteTests(SqliteApp app, ITestOutputHelper output) : OParlApiTests(app, output), IClassFixture<SqliteApp>;

public sealed class OParlApiPostgresTests(PostgresApp app, ITestOutputHelper output) : OParlApiTests(app, output), IClassFixture<PostgresApp>;
