using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Sections;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Sections;

/// <summary>Tiny but valid images of each allowed format, and files that only pretend to be images.</summary>
public static class TestImages
{
    /// <summary>1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>1×1 GIF.</summary>
    public static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    /// <summary>1×1 lossless WebP.</summary>
    public static readonly byte[] WebP = Convert.FromBase64String("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    /// <summary>1×1 JPEG (baseline header, arithmetic coded).</summary>
    public static readonly byte[] Jpeg = Convert.FromHexString(
        "FFD8FFE000104A46494600010101004800480000FFDB004300030202020202030202020303030304060404040404080606050609080A0A090809090A" +
        "0C0F0C0A0B0E0B09090D110D0E0F101011100A0C12131210130F101010FFC9000B080001000101011100FFCC000600101005FFDA0008010100003F00D2CF20FFD9");
}

public abstract class SectionImageTests(PlanwerkApp app)
{
    private static string ImagesPage(TestMunicipality m, int planId) => $"/{m.Slug}/manage/plans/{planId}/images";

    private static string ImageUrl(TestMunicipality m, int planId, int number) => $"/{m.Slug}/plans/{planId}/images/{number}";

    /// <summary>Submits the page's real upload form as a browser does: multipart, with the antiforgery
    /// token, the file under the name the browser reports, and the text fields.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string pageUrl, byte[]? content, string fileName,
        string? altText, string? reason = null, string claimedType = "application/octet-stream")
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = (IHtmlFormElement)page.QuerySelector("#upload-form[enctype='multipart/form-data']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.NotNull(form.QuerySelector("input[type=file][name='Input.File']"));
        Assert.NotNull(form.QuerySelector("input[name='Input.AltText']"));
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(token), "__RequestVerificationToken");
        if (content is not null)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
            body.Add(file, "Input.File", fileName);
        }
        body.Add(new StringContent(altText ?? ""), "Input.AltText");
        body.Add(new StringContent(reason ?? ""), "Input.Reason");
        return await client.PostAsync(form.GetAttribute("action"), body);
    }

    private static async Task<TestPlan> PlanAsync(TestMunicipality m, bool isPublic)
    {
        var plan = await m.PlanAsync(principles: 0, fields: 0);
        if (isPublic) await m.WithDbAsync(async db => { (await db.Plans.SingleAsync(p => p.Id == plan.Id)).IsPublic = true; return 0; });
        return plan;
    }

    private static Task<List<ChangeRecord>> ImageRecordsAsync(TestMunicipality m, int planId) =>
        m.WithDbAsync(db => db.ChangeRecords.AsNoTracking().Include(r => r.Fields)
            .Where(r => r.PlanId == planId && r.EntityType == ChangeRecorder.ImageEntityType).OrderBy(r => r.Id).ToListAsync());

    [Fact]
    public async Task Editor_uploads_PNG_JPEG_GIF_and_WebP_recognised_by_content_and_the_history_keeps_no_bytes()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PlanAsync(m, isPublic: false);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var page = ImagesPage(m, plan.Id);

        // A PNG named .jpg (and claimed as JPEG by the browser) is a PNG, and is kept under a name that says so;
        // folder parts of the name are dropped.
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, page, TestImages.Png, "foto.jpg", "Karte der Stadtteile", "Für das Vorwort", "image/jpeg")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, page, TestImages.Jpeg, "bild.jpeg", "Ein Foto")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, page, TestImages.Gif, @"C:\Users\anna\Desktop\anim.gif", "Eine Animation")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, page, TestImages.WebP, "../../etc/" + HostileText.RightToLeft + ".webp", HostileText.Markup + HostileText.Script)).StatusCode);

        var images = await m.WithDbAsync(db => db.PlanImages.AsNoTracking().Where(i => i.PlanId == plan.Id).OrderBy(i => i.Number).ToListAsync());
        Assert.Equal([1, 2, 3, 4], images.Select(i => i.Number));
        Assert.Equal(["image/png", "image/jpeg", "image/gif", "image/webp"], images.Select(i => i.ContentType));
        Assert.Equal(["foto.png", "bild.jpg", "anim.gif", HostileText.RightToLeft + ".webp"], images.Select(i => i.FileName));
        Assert.Equal(TestImages.Png, images[0].Bytes);
        Assert.Equal(TestImages.WebP, images[3].Bytes);
        Assert.Equal(HostileText.Markup + HostileText.Script, images[3].AltText);

        // The list shows each image with its snippet; hostile alt text stays text.
        var list = await client.GetDocumentAsync(page);
        Assert.Equal(4, list.QuerySelectorAll("ol.plan-images > li").Length);
        Assert.Equal("![Karte der Stadtteile](image:1)", list.QuerySelector("#image-1 code")!.TextContent);
        Assert.Equal(ImageUrl(m, plan.Id, 1), list.QuerySelector("#image-1 img")!.GetAttribute("src"));
        Assert.Equal(HostileText.Markup + HostileText.Script, list.QuerySelector("#image-4 img")!.GetAttribute("alt"));
        Assert.Empty(list.QuerySelectorAll("main script, main img[onerror], main img[src=x]"));

        // The alternative text can be changed, with a reason; an empty one is refused and the input kept.
        var refused = await client.SubmitFormAsync(list, page, new Dictionary<string, string?> { ["altText"] = "  " }, "#alt-form-2");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await HtmlForms.ParseAsync(refused);
        refusedPage.AssertFieldError("alt-2", "Bild 2");
        Assert.Equal("Ein Foto", await m.WithDbAsync(db => db.PlanImages.Where(i => i.PlanId == plan.Id && i.Number == 2).Select(i => i.AltText).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(list, page,
            new Dictionary<string, string?> { ["altText"] = "Ein Foto vom Stadtfest", ["reason"] = "Genauer" }, "#alt-form-2")).StatusCode);

        var records = await ImageRecordsAsync(m, plan.Id);
        Assert.Equal([ChangeAction.Created, ChangeAction.Created, ChangeAction.Created, ChangeAction.Created, ChangeAction.Updated], records.Select(r => r.Action));
        Assert.Equal("Für das Vorwort", records[0].Reason);
        Assert.Equal(images[0].Id, records[0].EntityId);
        Assert.Equal("1 foto.png", records[0].EntityLabel);
        Assert.Equal("foto.png", records[0].Fields.Single(f => f.Field == "FileName").NewValue);
        Assert.Equal("Karte der Stadtteile", records[0].Fields.Single(f => f.Field == "AltText").NewValue);
        Assert.Equal("1", records[0].Fields.Single(f => f.Field == "Number").NewValue);
        Assert.All(records.SelectMany(r => r.Fields), f => Assert.NotEqual("Bytes", f.Field));
        Assert.All(records.SelectMany(r => r.Fields), f => Assert.True((f.NewValue?.Length ?? 0) < 600, f.Field));
        Assert.Equal(("Genauer", "Ein Foto", "Ein Foto vom Stadtfest"),
            (records[4].Reason, records[4].Fields.Single().OldValue, records[4].Fields.Single().NewValue));
    }

    [Fact]
    public async Task Files_that_are_no_allowed_image_or_too_large_or_without_alt_text_are_refused_and_nothing_is_stored()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PlanAsync(m, isPublic: false);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var page = ImagesPage(m, plan.Id);

        var disguised = new (string Name, byte[] Content)[]
        {
            ("notiz.png", "Nur ein Text."u8.ToArray()),
            ("seite.png", "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray()),
            ("logo.png", """<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>"""u8.ToArray()),
            ("bericht.png", "%PDF-1.4\n%âãÏÓ\n1 0 obj"u8.ToArray()),
        };
        foreach (var (name, content) in disguised)
        {
            var response = await UploadAsync(client, page, content, name, "Mein Alternativtext", claimedType: "image/png");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = await HtmlForms.ParseAsync(response);
            document.AssertFieldError("Input_File", $"Die Datei „{name}“ ist kein Bild im Format PNG, JPEG, GIF oder WebP.");
            Assert.Equal("Mein Alternativtext", document.QuerySelector("#Input_AltText")!.GetAttribute("value"));
            Assert.Equal("true", document.QuerySelector("#Input_File")!.GetAttribute("aria-invalid"));
        }

        var tooLarge = new byte[ImageFiles.MaxBytes + 200 * 1024];
        TestImages.Png.CopyTo(tooLarge, 0);
        var large = await HtmlForms.ParseAsync(await UploadAsync(client, page, tooLarge, "riesig.png", "Sehr groß"));
        large.AssertFieldError("Input_File", "Die Datei „riesig.png“ ist mit 5,2 MB zu groß; erlaubt sind höchstens 5 MB.");
        Assert.Equal("Sehr groß", large.QuerySelector("#Input_AltText")!.GetAttribute("value"));

        var noAlt = await HtmlForms.ParseAsync(await UploadAsync(client, page, TestImages.Png, "karte.png", ""));
        noAlt.AssertFieldError("Input_AltText", "Bitte beschreiben Sie im Alternativtext, was das Bild zeigt.");

        var longAlt = new string('x', 501);
        var tooLong = await HtmlForms.ParseAsync(await UploadAsync(client, page, TestImages.Png, "karte.png", longAlt));
        Assert.Contains(tooLong.Errors(), e => e.Contains("500", StringComparison.Ordinal));
        Assert.Equal(longAlt, tooLong.QuerySelector("#Input_AltText")!.GetAttribute("value"));

        var noFile = await HtmlForms.ParseAsync(await UploadAsync(client, page, null, "", "Ohne Datei"));
        noFile.AssertFieldError("Input_File", "Bitte wählen Sie eine Bilddatei aus.");

        Assert.Equal(0, await m.WithDbAsync(db => db.PlanImages.CountAsync(i => i.PlanId == plan.Id)));
        Assert.Empty(await ImageRecordsAsync(m, plan.Id));
    }

    [Fact]
    public async Task Images_are_served_with_type_and_cache_headers_only_to_those_who_may_see_the_plan()
    {
        var m = await app.CreateMunicipalityAsync();
        var other = await app.CreateMunicipalityAsync();
        var plan = await PlanAsync(m, isPublic: false);
        await m.WithDbAsync(async db =>
        {
            db.PlanImages.Add(new PlanImage { PlanId = plan.Id, FileName = "karte \"neu\".jpg", ContentType = "image/png", Bytes = TestImages.Png, AltText = "Karte" });
            await db.SaveChangesAsync();
            return 0;
        });
        var url = ImageUrl(m, plan.Id, 1);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var anonymous = app.CreateBrowserlikeClient();
        var stranger = await app.SignInAsync((await app.CreateUserAsync()).Email!);
        var editorElsewhere = await other.SignedInClientAsync(MunicipalityRole.PlanEditor);

        // Not public: the municipality's editors only.
        var response = await editor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestImages.Png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal("karte neu.png", disposition.FileNameStar ?? disposition.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetWithETagAsync(editor, url, response.Headers.ETag!)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(ImageUrl(m, plan.Id, 2))).StatusCode);
        foreach (var client in new[] { anonymous, stranger, editorElsewhere })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await GetWithETagAsync(client, url, response.Headers.ETag!)).StatusCode);
        }

        // Public: everybody, cacheable by anyone; still not under another municipality's address.
        await m.WithDbAsync(async db => { (await db.Plans.SingleAsync(p => p.Id == plan.Id)).IsPublic = true; return 0; });
        var open = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(TestImages.Png, await open.Content.ReadAsByteArrayAsync());
        Assert.True(open.Headers.CacheControl!.Public);
        Assert.True(open.Headers.CacheControl.MaxAge > TimeSpan.Zero);
        Assert.Equal(response.Headers.ETag, open.Headers.ETag);
        var notModified = await GetWithETagAsync(anonymous, url, open.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await GetWithETagAsync(anonymous, url, new EntityTagHeaderValue("\"anders\""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editorElsewhere.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(ImageUrl(other, plan.Id, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editorElsewhere.GetAsync(ImageUrl(other, plan.Id, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(ImageUrl(m, plan.Id, 2))).StatusCode);
    }

    [Fact]
    public async Task People_who_are_no_editors_of_the_municipality_cannot_upload_change_or_delete_images()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PlanAsync(m, isPublic: true);
        await m.WithDbAsync(db =>
        {
            db.PlanImages.Add(new PlanImage { PlanId = plan.Id, FileName = "karte.png", ContentType = "image/png", Bytes = TestImages.Png, AltText = "Karte" });
            return Task.FromResult(0);
        });
        var page = ImagesPage(m, plan.Id);
        var anonymous = app.CreateBrowserlikeClient();
        var editorElsewhere = await (await app.CreateMunicipalityAsync()).SignedInClientAsync(MunicipalityRole.PlanEditor);
        foreach (var (client, target) in new[] { (anonymous, "/account/login"), (editorElsewhere, "/account/access-denied") })
        {
            using var upload = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Gif), "Input.File", "a.gif" }, { new StringContent("Eingeschmuggelt"), "Input.AltText" } };
            foreach (var response in new[]
            {
                await client.PostAsync(page + "?handler=Upload", upload),
                await client.PostAsync(page + "?handler=AltText", new FormUrlEncodedContent(new Dictionary<string, string> { ["number"] = "1", ["altText"] = "Geändert" })),
                await client.PostAsync(page + "?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["number"] = "1" })),
            })
            {
                Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"POST answered {(int)response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.Redirect) Assert.StartsWith(target, response.RedirectTarget(), StringComparison.Ordinal);
            }
        }
        var images = await m.WithDbAsync(db => db.PlanImages.AsNoTracking().Where(i => i.PlanId == plan.Id).Select(i => i.AltText).ToListAsync());
        Assert.Equal(["Karte"], images);
    }

    private static async Task<HttpResponseMessage> GetWithETagAsync(HttpClient client, string url, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Sections_show_their_images_on_the_public_page_and_an_image_in_use_cannot_be_deleted()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await PlanAsync(m, isPublic: true);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var manage = $"/{m.Slug}/manage/plans/{plan.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, ImagesPage(m, plan.Id), TestImages.Png, "karte.png", "Karte der Stadtteile")).StatusCode);

        // The section form refuses a reference to an image the plan does not have, naming its number, and keeps the text.
        var body = "Unsere Stadtteile:\n\n![Karte der Stadtteile](image:1)\n\nUnd ![ein fehlendes Bild](image:9).";
        var refused = await client.SubmitFormAsync($"{manage}/sections/new", new Dictionary<string, string?> { ["Input.Title"] = "Bestandsaufnahme", ["Input.Body"] = body });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await HtmlForms.ParseAsync(refused);
        refusedPage.AssertFieldError("Input_Body", "image:9");
        Assert.DoesNotContain(refusedPage.Errors(), e => e.Contains("image:1", StringComparison.Ordinal));
        Assert.Equal(body, refusedPage.QuerySelector("#Input_Body")!.TextContent.ReplaceLineEndings("\n").TrimStart('\n'));
        Assert.Equal(0, await m.WithDbAsync(db => db.PlanSections.CountAsync(s => s.PlanId == plan.Id)));

        body = "Unsere Stadtteile:\n\n![Karte der Stadtteile](image:1)";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"{manage}/sections/new",
            new Dictionary<string, string?> { ["Input.Title"] = "Bestandsaufnahme", ["Input.Body"] = body })).StatusCode);
        // A reference that lost its image (e.g. written before) shows the alternative text.
        await m.WithDbAsync(db =>
        {
            db.PlanSections.Add(new PlanSection { PlanId = plan.Id, Position = 2, Title = "Rückblick", Body = "Siehe ![das alte Foto](image:7)." });
            return Task.FromResult(0);
        });

        var publicPage = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{m.Slug}/plans/{plan.Id}");
        var img = publicPage.QuerySelectorAll("main section.plan-section img").Single();
        Assert.Equal(ImageUrl(m, plan.Id, 1), img.GetAttribute("src"));
        Assert.Equal("Karte der Stadtteile", img.GetAttribute("alt"));
        Assert.Contains("Siehe das alte Foto.", publicPage.QuerySelectorAll("main section.plan-section")[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserlikeClient().GetAsync(img.GetAttribute("src"))).StatusCode);

        // The image list says where the image is shown; deleting it is refused while a section shows it.
        var list = await client.GetDocumentAsync(ImagesPage(m, plan.Id));
        Assert.Equal(["Bestandsaufnahme"], list.QuerySelectorAll("#image-1 .used-by li").Select(li => li.TextContent));
        var delete = await client.SubmitFormAsync(list, ImagesPage(m, plan.Id), new Dictionary<string, string?> { ["reason"] = "Weg damit" }, "#delete-image-1");
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(delete)).Errors(), e => e.Contains("„Bestandsaufnahme“", StringComparison.Ordinal) && e.Contains("image:1", StringComparison.Ordinal));
        Assert.Equal(1, await m.WithDbAsync(db => db.PlanImages.CountAsync(i => i.PlanId == plan.Id)));

        // Once no section refers to it, it can be deleted; the history says so.
        await m.WithDbAsync(async db => { (await db.PlanSections.SingleAsync(s => s.PlanId == plan.Id && s.Title == "Bestandsaufnahme")).Body = "Ohne Bild."; return 0; });
        list = await client.GetDocumentAsync(ImagesPage(m, plan.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(list, ImagesPage(m, plan.Id), new Dictionary<string, string?> { ["reason"] = "Veraltet" }, "#delete-image-1")).StatusCode);
        Assert.Equal(0, await m.WithDbAsync(db => db.PlanImages.CountAsync(i => i.PlanId == plan.Id)));
        var deleted = (await ImageRecordsAsync(m, plan.Id))[^1];
        Assert.Equal((ChangeAction.Deleted, "Veraltet"), (deleted.Action, deleted.Reason));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ImageUrl(m, plan.Id, 1))).StatusCode);
    }
}

public sealed class SectionImageSqliteTests(SqliteApp app) : SectionImageTests(app), IClassFixture<SqliteApp>;

public sealed class SectionImagePostgresTests(PostgresApp app) : SectionImageTests(app), IClassFixture<PostgresApp>;
