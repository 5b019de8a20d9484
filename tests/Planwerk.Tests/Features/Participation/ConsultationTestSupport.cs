using System.Globalization;
using System.IO.Compression;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Features.Plans.Versions;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>The application with a settable clock and a real SMTP listener; the background reminder is off,
/// so tests run the reminder themselves at the moment they choose.</summary>
public abstract class ConsultationApp(DatabaseProvider provider) : ClockedApp(provider)
{
    public SmtpTestServer Smtp { get; private set; } = null!;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Mail:SmtpHost", "127.0.0.1"),
        new("Mail:SmtpPort", Smtp.Port.ToString(CultureInfo.InvariantCulture)),
        new("Mail:PickupDirectory", ""),
        new("Consultations:RemindersEnabled", "false"),
    ];

    public override async Task InitializeAsync()
    {
        Smtp = await SmtpTestServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>The clock's now, to the whole second (both databases keep that exactly).</summary>
    public DateTimeOffset Now()
    {
        var now = Clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    /// <summary>Moves the clock forward to a moment (never back).</summary>
    public void MoveTo(DateTimeOffset moment)
    {
        if (moment > Clock.GetUtcNow()) Clock.SetUtcNow(moment);
    }
}

public sealed class ConsultationSqliteApp() : ConsultationApp(DatabaseProvider.Sqlite);

public sealed class ConsultationPostgresApp() : ConsultationApp(DatabaseProvider.Postgres);

/// <summary>A round made for one test, with the plan and version it consults.</summary>
public sealed record TestRound(int Id, int PlanId, int VersionId, TestPlan Plan, DateTimeOffset OpensAt, DateTimeOffset ClosesAt)
{
    public string Url(TestMunicipality m, string path = "") => string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/consultations/{Id}{path}");

    public string NewStatementUrl(TestMunicipality m) => Url(m, "/statements/new");

    public string ManageUrl(TestMunicipality m, string path = "") => string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/manage/consultations/{Id}{path}");
}

public static class ConsultationTestSupport
{
    /// <summary>A plan with a named version (frozen now) and a round on it.</summary>
    public static async Task<TestRound> AddRoundAsync(this TestMunicipality m, DateTimeOffset opensAt, DateTimeOffset closesAt,
        RoundAudience audience = RoundAudience.InvitedOrganisations, IEnumerable<int>? invited = null, string title = "Beteiligung zum Entwurf",
        bool publicPlan = true, string description = "Bitte nehmen Sie **bis Ende Januar** Stellung.")
    {
        var plan = await m.PlanAsync(title: "Integrationsplan " + Guid.NewGuid().ToString("N")[..4]);
        var versionId = await m.AddVersionAsync(plan.Id, "Entwurf zur Beteiligung", publicPlan);
        var list = invited?.ToList() ?? [];
        var id = await m.WithDbAsync(async db =>
        {
            var round = new ConsultationRound
            {
                Title = title, Description = description, PlanId = plan.Id, PlanVersionId = versionId, OpensAt = opensAt, ClosesAt = closesAt,
                Audience = audience, CreatedAt = opensAt,
                InvitedStakeholders = list.Select(s => new RoundInvitedStakeholder { StakeholderId = s }).ToList(),
            };
            db.ConsultationRounds.Add(round);
            await db.SaveChangesAsync();
            return round.Id;
        });
        return new TestRound(id, plan.Id, versionId, plan, opensAt, closesAt);
    }

    public static Task<int> AddVersionAsync(this TestMunicipality m, int planId, string name, bool publicPlan = true) =>
        m.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == planId);
            plan.IsPublic = publicPlan;
            await db.SaveChangesAsync();
            var document = await PlanDocument.LoadAsync(db, planId);
            var version = new PlanVersion { PlanId = planId, Name = name, CreatedAt = DateTimeOffset.UtcNow, Document = Encoding.UTF8.GetString(document!.ToJson()) };
            db.PlanVersions.Add(version);
            await db.SaveChangesAsync();
            return version.Id;
        });

    /// <summary>A signed-in member of the organisation, with the user.</summary>
    public static async Task<(HttpClient Client, PlanwerkUser User)> MemberClientAsync(this TestMunicipality m, int stakeholderId)
    {
        var user = await m.App.CreateUserAsync();
        await m.AddStakeholderMemberAsync(stakeholderId, user.Id);
        return (await m.App.SignInAsync(user.Email!), user);
    }

    public static async Task<(HttpClient Client, PlanwerkUser User)> ResidentClientAsync(this TestMunicipality m)
    {
        var user = await m.App.CreateUserAsync();
        return (await m.App.SignInAsync(user.Email!), user);
    }

    /// <summary>Posts the statement form of a loaded page as a browser would (multipart, with the page's
    /// antiforgery token and fields), setting the given fields and attaching the files.</summary>
    public static async Task<HttpResponseMessage> PostStatementAsync(this HttpClient client, IHtmlDocument page, string url,
        IDictionary<string, string?> values, params (string Name, byte[] Content)[] files)
    {
        var form = page.QuerySelector("#statement-form") as IHtmlFormElement ?? throw new InvalidOperationException("No statement form on " + url);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    var type = input.Type.ToLowerInvariant();
                    if (type is "submit" or "button" or "file") break;
                    if (type is "checkbox" or "radio" && !input.IsChecked) break;
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    foreach (var option in select.Options.Where(o => o.IsSelected)) fields.Add(new(select.Name!, option.Value));
                    break;
            }
        }
        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null) fields.Add(new(name, value));
        }
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value, Encoding.UTF8), name);
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            // The declared type is deliberately always PDF: the server must look at the content.
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            content.Add(file, "attachments", name);
        }
        return await client.PostAsync(url, content);
    }

    public static async Task<HttpResponseMessage> SubmitStatementAsync(this HttpClient client, string url, IDictionary<string, string?> values,
        params (string Name, byte[] Content)[] files) =>
        await client.PostStatementAsync(await client.GetDocumentAsync(url), url, values, files);

    /// <summary>The id of the statement a successful submission redirected to.</summary>
    public static int StatementIdOf(HttpResponseMessage response)
    {
        var target = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"No redirect, answered {(int)response.StatusCode}");
        return int.Parse(target[(target.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
    }

    public static class Files
    {
        public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

        public static byte[] Docx() => Zip(("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"));

        public static byte[] Odt() => Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"));

        public static byte[] PlainZip() => Zip(("readme.txt", "nur ein Archiv"), ("daten/liste.csv", "a;b"));

        public static byte[] Exe() => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.")];

        public static byte[] Text() => Encoding.UTF8.GetBytes("Nur Text, keine Datei der erlaubten Art.\n");

        public static byte[] Zip(params (string Name, string Content)[] entries)
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (name, content) in entries)
                {
                    var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                    // A fixed time, so that the same file built twice is the same bytes.
                    entry.LastWriteTime = new DateTimeOffset(2019, 1, 14, 9, 0, 0, TimeSpan.Zero);
                    using var stream = entry.Open();
                    stream.Write(Encoding.UTF8.GetBytes(content));
                }
            }
            return buffer.ToArray();
        }
    }
}
