using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Infrastructure;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Council.CouncilTestSupport;

namespace Planwerk.Tests.Features.Council.OParl;

/// <summary>An OParl client syncing by <c>modified_since</c> sees every change to a paper's children: each change is
/// made through the clerk's pages, after a moment from which the paper had not changed, and the paper (and the child's
/// own list, the child or its deleted entry) is listed as changed since, every object valid against the schemas.</summary>
public abstract class OParlPaperSyncTests(PlanwerkApp app)
{
    /// <summary>Long before any change of a test: the council's rows are set back to it before each step.</summary>
    private static readonly DateTimeOffset Before = new(2019, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private sealed record Council(TestMunicipality M, HttpClient Clerk, int Body, int Meeting, int Item, int SpareItem, int Paper)
    {
        public string Oparl => "http://localhost/oparl/v1/bodies/" + M.Slug;

        public string Page => M.Council("/papers/" + Id(Paper));

        public string PaperUrl => Oparl + "/papers/" + Id(Paper);
    }

    private async Task<Council> SetupAsync(string name)
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
        var body = await clerk.CreateBodyAsync(m, "Stadtrat " + name, BodyClassification.CityCouncil);
        var meeting = await clerk.CreateMeetingAsync(m, body, "Sitzung " + name, "05.07.2019 16:00");
        var paper = (await clerk.SubmitFormAsync(m.Council("/papers/new"), new Dictionary<string, string?>
        {
            ["Input.Reference"] = "V0815/19", ["Input.Name"] = "Fachplan " + name, ["Input.Date"] = "2019-05-02",
        }, "#paper-form")).RedirectId();
        var council = new Council(m, clerk, body, meeting, 0, 0, paper);
        return council with { Item = await AddItemAsync(council, "Ö 5 " + name), SpareItem = await AddItemAsync(council, "Ö 6 " + name) };
    }

    private static async Task<int> AddItemAsync(Council c, string name)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await c.Clerk.SubmitFormAsync(c.M.Council("/meetings/" + Id(c.Meeting)), new Dictionary<string, string?>
        {
            ["Item.Name"] = name, ["Item.Order"] = "1", ["Item.IsPublic"] = "true", ["Item.PaperId"] = Id(c.Paper),
        }, "#item-form")).StatusCode);
        return await c.M.WithDbAsync(db => db.AgendaItems.Where(i => i.MeetingId == c.Meeting).MaxAsync(i => i.Id));
    }

    private static async Task<int> AddConsultationAsync(Council c, int? itemId)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await c.Clerk.SubmitFormAsync(c.Page, new Dictionary<string, string?>
        {
            ["NewConsultation.BodyId"] = Id(c.Body), ["NewConsultation.MeetingId"] = Id(c.Meeting),
            ["NewConsultation.AgendaItemId"] = itemId is int i ? Id(i) : "", ["NewConsultation.Role"] = nameof(ConsultationRole.Decision),
        }, "#consultation-form")).StatusCode);
        return await c.M.WithDbAsync(db => db.PaperConsultations.Where(x => x.PaperId == c.Paper).MaxAsync(x => x.Id));
    }

    private static async Task<int> UploadAsync(Council c, string fileName, string title)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await c.Clerk.UploadPaperFileAsync(c.M, c.Paper, Pdf, fileName, title)).StatusCode);
        return await c.M.WithDbAsync(db => db.PaperFiles.Where(f => f.PaperId == c.Paper).MaxAsync(f => f.Id));
    }

    /// <summary>Posts one of the small forms of a file or consultation on the paper page (move, main file, date, remove).</summary>
    private static async Task PostAsync(Council c, string selector, Dictionary<string, string?>? values = null)
    {
        var response = await c.Clerk.SubmitFormAsync(c.Page, values ?? new(), selector);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{selector} answered {(int)response.StatusCode}");
    }

    /// <summary>Sets every council row of the municipality back to <see cref="Before"/>, so the next change is the only one.</summary>
    private static Task<int> RewindAsync(Council c) => c.M.WithDbAsync(async db =>
    {
        await db.Papers.ExecuteUpdateAsync(s => s.SetProperty(x => x.ModifiedAt, Before));
        await db.PaperFiles.ExecuteUpdateAsync(s => s.SetProperty(x => x.ModifiedAt, Before));
        await db.PaperConsultations.ExecuteUpdateAsync(s => s.SetProperty(x => x.ModifiedAt, Before));
        await db.AgendaItems.ExecuteUpdateAsync(s => s.SetProperty(x => x.ModifiedAt, Before));
        await db.Meetings.ExecuteUpdateAsync(s => s.SetProperty(x => x.ModifiedAt, Before));
        return await db.DeletedCouncilObjects.ExecuteUpdateAsync(s => s.SetProperty(x => x.ModifiedAt, Before));
    });

    /// <summary>The ids of a list's objects changed since <paramref name="since"/>, every page read and every object
    /// (deleted ones too) checked against its schema.</summary>
    private async Task<List<string>> ChangedSinceAsync(Council c, string list, DateTimeOffset since)
    {
        await PublicPageCache.EvictMunicipalityAsync(app.Services.GetRequiredService<IOutputCacheStore>(), c.M.Slug);
        var client = app.CreateClient();
        var ids = new List<string>();
        string? next = $"{c.Oparl}/{list}?modified_since={Uri.EscapeDataString(since.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))}";
        while (next is not null)
        {
            var page = await client.GetJsonAsync(next);
            foreach (var o in page.GetProperty("data").EnumerateArray())
            {
                OParlSchemas.AssertValid(o, OParlSchemas.TypeName(o), next);
                ids.Add(o.GetProperty("id").GetString()!);
            }
            next = page.GetProperty("links").TryGetProperty("next", out var n) ? n.GetString() : null;
        }
        return ids;
    }

    /// <summary>One step: from a moment after which nothing had changed, <paramref name="change"/> through the pages
    /// makes the paper, and the child in its own list, appear as changed since.</summary>
    private async Task StepAsync(Council c, string what, Func<Task<string?>> change, string? list = null)
    {
        await RewindAsync(c);
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        Assert.True((await ChangedSinceAsync(c, "papers", since)).Count == 0, $"{what}: the paper was listed as changed before the change");
        var child = await change();
        Assert.True((await ChangedSinceAsync(c, "papers", since)).Contains(c.PaperUrl), $"{what}: the paper is not listed as changed since {since:O}");
        var paper = await app.CreateClient().GetJsonAsync(c.PaperUrl);
        OParlSchemas.AssertValid(paper, "Paper", c.PaperUrl);
        Assert.True(DateTimeOffset.Parse(paper.GetProperty("modified").GetString()!, CultureInfo.InvariantCulture) >= since, $"{what}: the paper's modified did not move");
        if (list is not null && child is not null)
            Assert.True((await ChangedSinceAsync(c, list, since)).Contains($"{c.Oparl}/{list}/{child}"), $"{what}: {list}/{child} is not listed as changed");
    }

    private static async Task<JsonElement> ObjectAsync(HttpClient client, string url) => await client.GetJsonAsync(url);

    [Fact]
    public async Task Every_change_to_a_papers_children_made_on_the_clerks_pages_lists_the_paper_as_changed()
    {
        var c = await SetupAsync(HostileText.Script + " " + HostileText.RightToLeft);
        var consultation = 0;
        var second = 0;
        var first = 0;
        var other = 0;

        await StepAsync(c, "consultation added", async () => Id(consultation = await AddConsultationAsync(c, c.Item)), "consultations");
        await StepAsync(c, "result and votes recorded", async () =>
        {
            Assert.Equal(HttpStatusCode.Redirect, (await c.Clerk.RecordResultAsync(c.M, c.Paper, consultation, nameof(ConsultationResult.Approved), "30", "12", "3")).StatusCode);
            return Id(consultation);
        }, "consultations");
        await StepAsync(c, "votes changed", async () =>
        {
            Assert.Equal(HttpStatusCode.Redirect, (await c.Clerk.RecordResultAsync(c.M, c.Paper, consultation, nameof(ConsultationResult.Approved), "31", "11", "3")).StatusCode);
            return Id(consultation);
        }, "consultations");
        await StepAsync(c, "group vote recorded", async () =>
        {
            Assert.Equal(HttpStatusCode.Redirect, (await c.Clerk.SubmitFormAsync(c.Page, new Dictionary<string, string?>
            {
                ["Result.Result"] = nameof(ConsultationResult.Approved), ["Result.VotesFor"] = "", ["Result.VotesAgainst"] = "", ["Result.VotesAbstaining"] = "",
                ["Result.Groups[0].Name"] = "Fraktion " + HostileText.Script, ["Result.Groups[0].VotesFor"] = "31", ["Result.Groups[0].VotesAgainst"] = "11", ["Result.Groups[0].VotesAbstaining"] = "3",
            }, $"#consultation-{consultation} form.result-form")).StatusCode);
            return Id(consultation);
        }, "consultations");
        await StepAsync(c, "group vote changed, totals the same", async () =>
        {
            Assert.Equal(HttpStatusCode.Redirect, (await c.Clerk.SubmitFormAsync(c.Page, new Dictionary<string, string?>
            {
                ["Result.Groups[0].Name"] = "Fraktion A", ["Result.Groups[0].VotesFor"] = "30",
                ["Result.Groups[1].Name"] = "Fraktion B", ["Result.Groups[1].VotesFor"] = "1", ["Result.Groups[1].VotesAgainst"] = "", ["Result.Groups[1].VotesAbstaining"] = "",
            }, $"#consultation-{consultation} form.result-form")).StatusCode);
            Assert.Equal(2, await c.M.WithDbAsync(db => db.ConsultationGroupVotes.CountAsync(g => g.ConsultationId == consultation)));
            return Id(consultation);
        }, "consultations");

        await StepAsync(c, "file added", async () => Id(first = await UploadAsync(c, "vorlage.pdf", "Vorlage")), "files");
        await StepAsync(c, "second file added", async () => Id(second = await UploadAsync(c, "anlage.pdf", "Anlage " + HostileText.RightToLeft)), "files");
        await StepAsync(c, "file moved up", async () =>
        {
            await PostAsync(c, $"#file-{second} form[action*='handler=MoveFile'][action*='up=true']");
            return Id(second);
        }, "files");
        await StepAsync(c, "file moved down", async () =>
        {
            await PostAsync(c, $"#file-{second} form[action*='handler=MoveFile'][action*='up=false']");
            return Id(second);
        }, "files");
        await StepAsync(c, "file made the main file", async () =>
        {
            await PostAsync(c, $"#file-{second} form[action*='handler=MainFile']");
            return Id(second);
        }, "files");
        Assert.Equal($"{c.Oparl}/files/{second}", (await ObjectAsync(app.CreateClient(), c.PaperUrl)).GetProperty("mainFile").GetProperty("id").GetString());
        await StepAsync(c, "file date changed", async () =>
        {
            await PostAsync(c, $"#file-{first} form.file-date", new() { ["FileDate"] = "2019-05-03" });
            return Id(first);
        }, "files");
        await StepAsync(c, "file renamed", async () =>
        {
            // No clerk's page renames a file; the import from a council information system does, through the same save.
            await c.M.WithDbAsync(async db =>
            {
                (await db.PaperFiles.SingleAsync(f => f.Id == first)).Name = "Vorlage (neu)";
                return await db.SaveChangesAsync();
            });
            return Id(first);
        }, "files");
        await StepAsync(c, "file deleted", async () =>
        {
            await PostAsync(c, $"#file-{first} form[action*='handler=DeleteFile']");
            return Id(first);
        }, "files");
        var gone = await app.CreateClient().GetJsonAsync($"{c.Oparl}/files/{first}");
        Assert.True(gone.GetProperty("deleted").GetBoolean());

        await StepAsync(c, "the consultation's agenda item made non-public", async () =>
        {
            Assert.Equal(HttpStatusCode.Redirect, (await c.Clerk.SubmitFormAsync(c.M.Council($"/meetings/{Id(c.Meeting)}/items/{Id(c.Item)}"),
                new Dictionary<string, string?> { ["Item.IsPublic"] = null }, "#item-edit-form")).StatusCode);
            return Id(consultation);
        }, "consultations");
        var embedded = (await ObjectAsync(app.CreateClient(), c.PaperUrl)).GetProperty("consultation").EnumerateArray().Single();
        Assert.False(embedded.TryGetProperty("agendaItem", out _));
        await StepAsync(c, "the consultation's agenda item made public again", async () =>
        {
            Assert.Equal(HttpStatusCode.Redirect, (await c.Clerk.SubmitFormAsync(c.M.Council($"/meetings/{Id(c.Meeting)}/items/{Id(c.Item)}"),
                new Dictionary<string, string?> { ["Item.IsPublic"] = "true" }, "#item-edit-form")).StatusCode);
            return Id(consultation);
        }, "consultations");
        Assert.Equal($"{c.Oparl}/agendaitems/{c.Item}",
            (await ObjectAsync(app.CreateClient(), c.PaperUrl)).GetProperty("consultation").EnumerateArray().Single().GetProperty("agendaItem").GetString());

        await StepAsync(c, "consultation on another agenda item added", async () => Id(other = await AddConsultationAsync(c, c.SpareItem)), "consultations");
        await StepAsync(c, "consultation moved up", async () =>
        {
            await PostAsync(c, $"#consultations form[action*='handler=Move'][action*='consultationId={other}'][action*='up=true']");
            return Id(other);
        }, "consultations");
        await StepAsync(c, "consultation removed", async () =>
        {
            await PostAsync(c, $"form[action*='handler=RemoveConsultation'][action*='consultationId={other}']");
            return Id(other);
        }, "consultations");
        Assert.True((await app.CreateClient().GetJsonAsync($"{c.Oparl}/consultations/{other}")).GetProperty("deleted").GetBoolean());

        var revision = 0;
        await StepAsync(c, "revision added", async () =>
        {
            revision = (await c.Clerk.SubmitFormAsync(c.M.Council("/papers/new"), new Dictionary<string, string?>
            {
                ["Input.Reference"] = "V0815/19-NF1", ["Input.Name"] = "Neufassung " + HostileText.Script, ["Input.Date"] = "2019-06-02", ["Input.ReplacesPaperId"] = Id(c.Paper),
            }, "#paper-form")).RedirectId();
            return Id(revision);
        }, "papers");
        Assert.Equal([$"{c.Oparl}/papers/{revision}"], (await ObjectAsync(app.CreateClient(), c.PaperUrl)).GetProperty("relatedPaper").EnumerateArray().Select(p => p.GetString()!).ToArray());
        await StepAsync(c, "revision deleted", async () =>
        {
            Assert.Equal(HttpStatusCode.Redirect, (await c.Clerk.SubmitFormAsync(c.M.Council("/papers/" + Id(revision)), new Dictionary<string, string?>(), "#paper-delete-form")).StatusCode);
            return Id(revision);
        }, "papers");
        Assert.False((await ObjectAsync(app.CreateClient(), c.PaperUrl)).TryGetProperty("relatedPaper", out _));

        var amendment = 0;
        await StepAsync(c, "amendment added", async () =>
        {
            amendment = (await c.Clerk.SubmitFormAsync(c.M.Council("/papers/new"), new Dictionary<string, string?>
            {
                ["Input.Reference"] = "V0815/19-ÄA1", ["Input.Name"] = "Änderungsantrag " + HostileText.Script, ["Input.Date"] = "2019-06-03", ["Input.AmendsPaperId"] = Id(c.Paper),
            }, "#paper-form")).RedirectId();
            return Id(amendment);
        }, "papers");
        await StepAsync(c, "amendment deleted", async () =>
        {
            Assert.Equal(HttpStatusCode.Redirect, (await c.Clerk.SubmitFormAsync(c.M.Council("/papers/" + Id(amendment)), new Dictionary<string, string?>(), "#paper-delete-form")).StatusCode);
            return Id(amendment);
        }, "papers");
    }

    [Fact]
    public async Task Deleting_the_paper_a_revision_replaces_lists_the_revision_as_changed_without_its_relation()
    {
        var c = await SetupAsync("Ursprung");
        var revision = (await c.Clerk.SubmitFormAsync(c.M.Council("/papers/new"), new Dictionary<string, string?>
        {
            ["Input.Reference"] = "V0815/19-NF1", ["Input.Name"] = "Neufassung", ["Input.Date"] = "2019-06-02", ["Input.ReplacesPaperId"] = Id(c.Paper),
        }, "#paper-form")).RedirectId();
        var revisionUrl = $"{c.Oparl}/papers/{revision}";
        await RewindAsync(c);
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        Assert.DoesNotContain(revisionUrl, await ChangedSinceAsync(c, "papers", since));

        Assert.Equal(HttpStatusCode.Redirect, (await c.Clerk.SubmitFormAsync(c.Page, new Dictionary<string, string?>(), "#paper-delete-form")).StatusCode);

        var changed = await ChangedSinceAsync(c, "papers", since);
        Assert.Contains(c.PaperUrl, changed);
        Assert.Contains(revisionUrl, changed);
        var stored = await ObjectAsync(app.CreateClient(), revisionUrl);
        Assert.False(stored.TryGetProperty("relatedPaper", out _));
        Assert.True(DateTimeOffset.Parse(stored.GetProperty("modified").GetString()!, CultureInfo.InvariantCulture) >= since);
        Assert.Null(await c.M.WithDbAsync(db => db.Papers.Where(p => p.Id == revision).Select(p => p.ReplacesPaperId).SingleAsync()));
    }
}

public sealed class OParlPaperSyncSqliteTests(SqliteApp app) : OParlPaperSyncTests(app), IClassFixture<SqliteApp>;

public sealed class OParlPaperSyncPostgresTests(PostgresApp app) : OParlPaperSyncTests(app), IClassFixture<PostgresApp>;
