using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Plans;
using Planwerk.Features.Services;
using Planwerk.Tests.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

using Planwerk.Tests.Features.Participation;

namespace Planwerk.Tests.Features.Services.Print;

/// <summary>The printable directory: in the chosen content language with lang and dir, the Arabic and Persian PDFs read
/// back as written (logical order, joined letters drawn from right to left, numbers left to right), grouped by topic or
/// district, hostile text escaped and harmless, an unknown language refused in words, open to everyone, cached, and
/// another municipality's services absent.</summary>
public abstract class DirectoryPrintTests(PlanwerkApp app)
{
    private const string ArabicName = "الاستشارة في إجراءات اللجوء";
    // With a zero-width non-joiner (مشاوره‌ی) and Persian letters (پ, ی) that Arabic does not have.
    private const string PersianName = "مشاوره‌ی حقوقی برای پناهجویان";
    private const string Phone = "+49 351 1234";

    private async Task<(TestMunicipality M, int ServiceId)> SetUpAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Flüchtlingsrat " + HostileText.Script);
        var (service, _) = await m.AddServiceAsync(organisation, "Asylverfahrensberatung");
        await m.WithDbAsync(async db =>
        {
            await ContentLanguages.EnsureDefaultsAsync(db);
            foreach (var (language, text) in new[] { ("ar", ArabicName), ("fa", PersianName) })
                db.ContentTranslations.Add(new ContentTranslation { Kind = ContentKinds.Service, EntityId = service, Language = language, Field = "Name",
                    Text = text, SourceFingerprint = ServiceTexts.Fingerprint("Asylverfahrensberatung") });
            db.ServiceContacts.Add(new ServiceContact { ServiceId = service, Phone = Phone, PhoneLanguages = "de,ar,fa" });
            db.ServiceSchedules.Add(new ServiceSchedule { ServiceId = service, Weekday = DayOfWeek.Monday, Opens = new(9, 0), Closes = new(12, 0) });
            db.ServiceSchedules.Add(new ServiceSchedule { ServiceId = service, Weekday = DayOfWeek.Monday, Opens = new(14, 0), Closes = new(16, 0) });
            await db.SaveChangesAsync();
            return 0;
        });
        return (m, service);
    }

    /// <summary>The lines of a PDF as a reader extracts them: the letters in the order the page writes them, each joined
    /// form or ligature replaced by the characters its <c>/ActualText</c> names.</summary>
    internal static List<(string Text, List<Letter> Letters)> Lines(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        var lines = new List<(string Text, List<Letter> Letters)>();
        foreach (var page in pdf.GetPages())
        {
            var actual = new Dictionary<Letter, string>(ReferenceEqualityComparer.Instance);
            foreach (var content in page.GetMarkedContents().Where(c => c.ActualText is not null))
                for (var i = 0; i < content.Letters.Count; i++) actual[content.Letters[i]] = i == 0 ? content.ActualText! : "";
            List<Letter>? current = null;
            foreach (var letter in page.Letters)
            {
                if (current is null || Math.Abs(current[^1].StartBaseLine.Y - letter.StartBaseLine.Y) > 0.5)
                {
                    current = [];
                    lines.Add(("", current));
                }
                current.Add(letter);
            }
            for (var i = lines.Count - 1; i >= 0 && lines[i].Text.Length == 0; i--)
                lines[i] = (string.Concat(lines[i].Letters.Select(l => actual.TryGetValue(l, out var text) ? text : l.Value)), lines[i].Letters);
        }
        return lines;
    }

    private static bool IsJoinedForm(Letter letter) => letter.Value.Length > 0 && letter.Value[0] is >= '\uFB50' and <= '\uFEFF';

    private async Task<List<(string Text, List<Letter> Letters)>> PdfLinesAsync(string url)
    {
        var response = await app.CreateBrowserlikeClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return Lines(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_Arabic_print_view_is_right_to_left_with_the_Arabic_name()
    {
        var (m, _) = await SetUpAsync();
        var page = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{m.Slug}/services/print?by=topic&lang=ar");
        Assert.Equal(("ar", "rtl"), (page.DocumentElement.GetAttribute("lang"), page.DocumentElement.GetAttribute("dir")));
        Assert.Equal("دليل خدمات المساعدة", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(ArabicName, page.QuerySelector("article.directory-service h3")!.TextContent, StringComparison.Ordinal);
        var phone = page.QuerySelector("dd.phone a")!;
        Assert.Equal((Phone, "ltr"), (phone.TextContent, phone.GetAttribute("dir")));
        Assert.Null(page.QuerySelector("script"));
    }

    [Fact]
    public async Task The_Persian_print_view_is_right_to_left_and_marks_a_German_fallback()
    {
        var (m, _) = await SetUpAsync();
        await m.AddServiceAsync(await m.AddStakeholderAsync("Caritas e.V."), "Sprachcafé", withLocation: false);
        var page = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{m.Slug}/services/print?by=topic&lang=fa");
        Assert.Equal(("fa", "rtl"), (page.DocumentElement.GetAttribute("lang"), page.DocumentElement.GetAttribute("dir")));
        Assert.Equal("فهرست خدمات کمکی", page.QuerySelector("h1")!.TextContent);
        var names = page.QuerySelectorAll("article.directory-service h3").ToList();
        Assert.Contains(names, h => h.QuerySelector("span[lang=fa][dir=rtl]")?.TextContent == PersianName);
        // The untranslated service shows its German name as German, left to right, and says so in Persian.
        var fallback = names.Single(h => h.TextContent.Contains("Sprachcafé", StringComparison.Ordinal));
        Assert.Equal(("de", "ltr"), (fallback.QuerySelector("span")!.GetAttribute("lang"), fallback.QuerySelector("span")!.GetAttribute("dir")));
        Assert.Equal("fa", fallback.QuerySelector("small.fallback")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_Arabic_PDF_reads_back_with_the_name_in_order()
    {
        var (m, _) = await SetUpAsync();
        var lines = await PdfLinesAsync($"/{m.Slug}/services/print.pdf?by=topic&lang=ar");

        // Extracted in reading order, letter for letter as written, although the page draws joined forms.
        var name = Assert.Single(lines, l => l.Text == ArabicName);
        Assert.Contains(name.Letters, IsJoinedForm);
        // Drawn from right to left: each letter in reading order stands left of the one before.
        Assert.All(name.Letters.Zip(name.Letters.Skip(1)), p => Assert.True(p.Second.StartBaseLine.X < p.First.StartBaseLine.X));
        Assert.Contains(lines, l => l.Text == "دليل خدمات المساعدة");
    }

    [Fact]
    public async Task The_Persian_PDF_reads_back_in_order_with_numbers_and_names_left_to_right()
    {
        var (m, _) = await SetUpAsync();
        var lines = await PdfLinesAsync($"/{m.Slug}/services/print.pdf?by=topic&lang=fa");

        var name = Assert.Single(lines, l => l.Text == PersianName);
        Assert.Contains(name.Letters, IsJoinedForm);
        Assert.Contains(lines, l => l.Text == "فهرست خدمات کمکی");

        // The phone number stays one number read from left to right, left of the Persian label before it.
        var phone = Assert.Single(lines, l => l.Text.StartsWith("تلفن: ", StringComparison.Ordinal));
        Assert.StartsWith("تلفن: " + Phone + " (", phone.Text, StringComparison.Ordinal);
        var digits = Phone.Replace(" ", "", StringComparison.Ordinal);
        var number = phone.Letters.SkipWhile(l => l.Value != "+").Where(l => l.Value != " ").Take(digits.Length).ToList();
        Assert.Equal(digits, string.Concat(number.Select(l => l.Value)));
        Assert.All(number.Zip(number.Skip(1)), p => Assert.True(p.Second.StartBaseLine.X > p.First.StartBaseLine.X));
        Assert.True(number[^1].StartBaseLine.X < phone.Letters[0].StartBaseLine.X);

        // Both times of Monday in their order, each left to right.
        Assert.Contains(lines, l => l.Text.EndsWith(": 09:00–12:00, 14:00–16:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task By_district_groups_services_under_their_districts_and_the_rest_city_wide()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Diakonie");
        var (inAltstadt, altstadtPlace) = await m.AddServiceAsync(organisation, "Wohnberatung");
        var (inPieschen, pieschenPlace) = await m.AddServiceAsync(organisation, "Kinderbetreuung");
        var (online, _) = await m.AddServiceAsync(organisation, "Telefonseelsorge", withLocation: false);
        var (altstadt, pieschen) = await m.WithDbAsync(async db =>
        {
            var a = new District { Name = "Altstadt" };
            var p = new District { Name = "Pieschen" };
            db.Districts.AddRange(p, a);
            await db.SaveChangesAsync();
            await db.ServiceLocations.Where(l => l.Id == altstadtPlace).ExecuteUpdateAsync(u => u.SetProperty(l => l.DistrictId, a.Id));
            await db.ServiceLocations.Where(l => l.Id == pieschenPlace).ExecuteUpdateAsync(u => u.SetProperty(l => l.DistrictId, p.Id));
            return (a.Id, p.Id);
        });
        var page = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{m.Slug}/services/print?by=district");

        var groups = page.QuerySelectorAll("section.directory-group")
            .Select(g => g.Id + ": " + string.Join(", ", g.QuerySelectorAll("article").Select(a => a.GetAttribute("data-service"))));
        Assert.Equal([$"district-{altstadt}: {inAltstadt}", $"district-{pieschen}: {inPieschen}", $"city-wide: {online}"], groups);
        Assert.Equal("Altstadt", page.QuerySelector($"#district-{altstadt}-title")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("header a[href$='by=district&lang=de']"), a => a.GetAttribute("aria-current") == "page");
        Assert.DoesNotContain(page.QuerySelectorAll("header a[href$='by=topic&lang=de']"), a => a.GetAttribute("aria-current") == "page");

        var lines = await PdfLinesAsync($"/{m.Slug}/services/print.pdf?by=district");
        var headings = lines.Select(l => l.Text).Where(t => t is "Altstadt" or "Pieschen" or "Stadtweit, telefonisch und online").ToList();
        Assert.Equal(["Altstadt", "Pieschen", "Stadtweit, telefonisch und online"], headings);
    }

    [Fact]
    public async Task Hostile_text_is_escaped_in_the_view_and_printed_harmlessly_in_the_PDF()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync(HostileText.Markup);
        // A right-to-left override would turn the rest of the line around; a stray isolate mark would close ours.
        var (service, _) = await m.AddServiceAsync(organisation, "\u202EBeratung\u2069 " + HostileText.Script);
        // Names are at most 300 characters; a word wider than a line is broken where the line is full.
        await m.AddServiceAsync(organisation, HostileText.VeryLong[..300], withLocation: false);
        await m.AddServiceAsync(organisation, new string('W', 250), withLocation: false);
        await m.AddServiceAsync(organisation, HostileText.RightToLeft + "\u0001\t", withLocation: false);
        await m.WithDbAsync(async db =>
        {
            db.ServiceContacts.Add(new ServiceContact { ServiceId = service, Phone = "<b>0351</b>\u202E 12", Name = HostileText.Script });
            await db.SaveChangesAsync();
            return 0;
        });

        var page = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{m.Slug}/services/print");
        Assert.Null(page.QuerySelector("script"));
        Assert.Null(page.QuerySelector("img"));
        Assert.Null(page.QuerySelector("dd.phone b"));
        Assert.Contains(page.QuerySelectorAll("article h3"), h => h.TextContent.Contains(HostileText.Script, StringComparison.Ordinal));

        var lines = await PdfLinesAsync($"/{m.Slug}/services/print.pdf");
        var text = string.Join("\n", lines.Select(l => l.Text));
        Assert.Contains("Beratung " + HostileText.Script, text, StringComparison.Ordinal);
        Assert.Contains(HostileText.Markup, text, StringComparison.Ordinal);
        Assert.Contains("Telefon: <b>0351</b> 12, " + HostileText.Script, text, StringComparison.Ordinal);
        Assert.Contains(HostileText.RightToLeft, text, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Text.StartsWith("Sehr langer Text ohne Ende.", StringComparison.Ordinal));
        Assert.Equal(250, lines.Where(l => l.Text.All(c => c == 'W')).Sum(l => l.Text.Length));
        Assert.DoesNotContain(lines, l => l.Letters.Any(x => x.StartBaseLine.X < 0 || x.EndBaseLine.X > 596));
    }

    [Fact]
    public async Task An_unknown_language_is_refused_in_words()
    {
        var (m, _) = await SetUpAsync();
        var response = await app.CreateBrowserlikeClient().GetAsync($"/{m.Slug}/services/print.pdf?lang=xx");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("„xx“", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var view = await app.CreateBrowserlikeClient().GetAsync($"/{m.Slug}/services/print?lang=xx");
        Assert.Equal(HttpStatusCode.BadRequest, view.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await view.Content.ReadAsStringAsync());
        Assert.Contains("„xx“", page.QuerySelector("#problem")!.TextContent, StringComparison.Ordinal);
        // The languages there are, to choose from.
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/{m.Slug}/services/print?by=topic&lang=ar");

        var grouping = await app.CreateBrowserlikeClient().GetAsync($"/{m.Slug}/services/print?by=street");
        Assert.Equal(HttpStatusCode.BadRequest, grouping.StatusCode);
        Assert.Contains("„street“", await grouping.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Everyone_may_read_the_directory_in_print_and_as_PDF()
    {
        var (m, _) = await SetUpAsync();
        foreach (var visitor in Enum.GetValues<Visitor>())
        {
            var client = await PermissionMatrix.ClientAsync(app, m, visitor);
            await PermissionMatrix.AssertAsync(client, visitor, [
                PermissionCheck.Get($"/{m.Slug}/services/print", Access.Everyone),
                PermissionCheck.Get($"/{m.Slug}/services/print?by=district&lang=ar", Access.Everyone),
                PermissionCheck.Get($"/{m.Slug}/services/print.pdf?lang=fa", Access.Everyone),
                PermissionCheck.Get($"/{m.Slug}/services/print.pdf?lang=xx", Access.Everyone, HttpStatusCode.BadRequest),
            ]);
        }
    }

    [Fact]
    public async Task Another_municipalitys_services_never_appear()
    {
        var (m, _) = await SetUpAsync();
        var other = await app.CreateMunicipalityAsync();
        await other.WithDbAsync(async db =>
        {
            await ContentLanguages.EnsureDefaultsAsync(db);
            return 0;
        });
        var client = app.CreateBrowserlikeClient();
        var page = await client.GetDocumentAsync($"/{other.Slug}/services/print?lang=ar");
        Assert.Empty(page.QuerySelectorAll("article.directory-service"));
        var lines = await PdfLinesAsync($"/{other.Slug}/services/print.pdf?lang=ar");
        Assert.DoesNotContain(lines, l => l.Text.Contains(ArabicName, StringComparison.Ordinal));
        // The municipality's own directory has it, so the absence above is not an accident of the setup.
        Assert.Single((await client.GetDocumentAsync($"/{m.Slug}/services/print?lang=ar")).QuerySelectorAll("article.directory-service"));
    }

    [Fact]
    public async Task The_directory_costs_the_same_number_of_queries_for_3_and_30_services_and_is_cached()
    {
        var small = (await SetUpAsync()).M;
        var large = (await SetUpAsync()).M;
        var organisation = await large.AddStakeholderAsync("Caritas");
        for (var i = 0; i < 29; i++) await large.AddServiceAsync(organisation, "Angebot " + i, withLocation: i % 2 == 0);
        await small.AddServiceAsync(organisation, "Zweites Angebot");
        var counter = new QueryCounter();
        using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = counted.CreateClient();

        async Task<int> CostAsync(string url)
        {
            counter.Reset();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            return counter.Count;
        }

        var few = await CostAsync($"/{small.Slug}/services/print?lang=ar");
        var many = await CostAsync($"/{large.Slug}/services/print?lang=ar");
        Assert.Equal(few, many);
        Assert.True(await CostAsync($"/{large.Slug}/services/print?lang=ar") < many, "The second request is answered from the output cache.");
        Assert.Equal(few, await CostAsync($"/{large.Slug}/services/print?lang=fa"));
        Assert.Equal(await CostAsync($"/{small.Slug}/services/print.pdf?lang=ar"), await CostAsync($"/{large.Slug}/services/print.pdf?lang=ar"));
    }
}

public sealed class DirectoryPrintSqliteTests(SqliteApp app) : DirectoryPrintTests(app), IClassFixture<SqliteApp>;

public sealed class DirectoryPrintPostgresTests(PostgresApp app) : DirectoryPrintTests(app), IClassFixture<PostgresApp>;
