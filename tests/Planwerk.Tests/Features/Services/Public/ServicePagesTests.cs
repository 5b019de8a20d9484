using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Plans;
using Planwerk.Features.Services;
using Planwerk.Infrastructure.Tenancy;
using Planwerk.Infrastructure.Time;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Plans.PublicSite;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Services.PublicPages;

/// <summary>The public directory, service and organisation pages: filters combined with AND and counted, search with German
/// inflections, the content language with right-to-left layout and the German fallback said, hostile text escaped, only
/// listed services and only the municipality's own, the measures behind a service and the services of a measure, and
/// a saved change seen at once despite the output cache.</summary>
public abstract class ServicePagesTests(ClockedApp app)
{
    private const string ArabicName = "استشارة للعائلات";

    /// <summary>Monday 7 June 2027, 10:00 in Berlin (the clock only moves forward).</summary>
    private static readonly DateTimeOffset Monday = BerlinTime.FromLocal(new DateTime(2027, 6, 7, 10, 0, 0))!.Value;

    private sealed record Seeded(TestMunicipality M, int Organisation, int Family, int Child, int Cafe, int Defunct, int Prohlis, int Gorbitz, SeededPlan Plan);

    private async Task<Seeded> ArrangeAsync()
    {
        if (app.Clock.GetUtcNow() < Monday) app.Clock.SetUtcNow(Monday);
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Familienzentrum " + HostileText.Script);
        var other = await m.AddStakeholderAsync("Kinderhaus e. V.");
        var plan = await m.AddPlanAsync(fields: 1, measuresPerField: 2);
        return await m.WithDbAsync(async db =>
        {
            await ContentLanguages.EnsureDefaultsAsync(db);
            var topic = new ServiceTopic { Code = "family", Name = "Familie" };
            var prohlis = new District { Name = "Prohlis" };
            var gorbitz = new District { Name = "Gorbitz" };
            var house = new ServiceLocation { OrganisationId = organisation, Name = "Haus am Park", Street = "Parkweg 1", PostalCode = "01239", City = "Dresden",
                District = prohlis, IsWheelchairAccessible = true, TransportNotes = "Bus 88, Haltestelle Prohliser Park" };
            var school = new ServiceLocation { OrganisationId = other, Name = "Schulhaus", District = gorbitz };
            db.AddRange(topic, prohlis, gorbitz, house, school);
            HelpService Service(int org, string name, ServiceLocation? at, params string[] languages)
            {
                var s = new HelpService { OrganisationId = org, Name = name, LastCheckedOn = new DateOnly(2027, 3, 1), Description = "Erster Absatz.\n\nZweiter Absatz." };
                if (at is not null) s.Locations.Add(new ServiceAtLocation { Location = at });
                s.Languages.AddRange(languages.Select(c => new ServiceLanguage { Code = c }));
                return s;
            }
            var family = Service(organisation, "Beratung für Familien", house, "ar", "de");
            family.Topics.Add(topic);
            family.IsFree = true;
            family.DocumentsToBring = "Ausweis\nBescheid";
            family.Schedules.Add(new ServiceSchedule { Weekday = DayOfWeek.Monday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 0), Location = house });
            family.SpecialHours.Add(new SpecialHours { From = new DateOnly(2027, 12, 24), To = new DateOnly(2027, 12, 26), Note = "Weihnachten" });
            family.Contacts.Add(new ServiceContact { Name = "Frau Beispiel", Phone = "0351 123456", PhoneLanguages = "ar, fa" });
            var child = Service(other, "Hilfe für jedes Kind", school, "uk");
            child.LastCheckedOn = new DateOnly(2025, 1, 10);
            var cafe = Service(organisation, "Sprachcafé " + HostileText.Markup, house, "fa");
            cafe.Eligibility = HostileText.Script;
            var defunct = Service(organisation, "Altes Angebot", house, "ar");
            defunct.Status = ServiceStatus.Defunct;
            db.HelpServices.AddRange(family, child, cafe, defunct);
            await db.SaveChangesAsync();
            db.ContentTranslations.Add(new ContentTranslation { Kind = ContentKinds.Service, EntityId = family.Id, Language = "ar", Field = nameof(HelpService.Name),
                Text = ArabicName, SourceFingerprint = ServiceTexts.Fingerprint(family.Name) });
            db.MeasureServices.Add(new MeasureService { MeasureId = plan.Measures[0].Id, ServiceId = family.Id });
            await db.SaveChangesAsync();
            return new Seeded(m, organisation, family.Id, child.Id, cafe.Id, defunct.Id, prohlis.Id, gorbitz.Id, plan);
        });
    }

    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("li.service-result h3 a span[lang]").Select(e => e.TextContent).ToList();

    [Fact]
    public async Task The_directory_combines_filters_with_and_and_counts_the_results()
    {
        var s = await ArrangeAsync();
        var client = app.CreateBrowserlikeClient();
        var all = await client.GetDocumentAsync($"/{s.M.Slug}/services");
        Assert.Equal(["Beratung für Familien", "Hilfe für jedes Kind", "Sprachcafé " + HostileText.Markup], Names(all));
        Assert.Equal("3 Angebote", all.QuerySelector("#result-count")!.TextContent.Trim());

        var prohlis = await client.GetDocumentAsync($"/{s.M.Slug}/services?district={s.Prohlis}");
        Assert.Equal(["Beratung für Familien", "Sprachcafé " + HostileText.Markup], Names(prohlis));
        Assert.Equal("2 Angebote", prohlis.QuerySelector("#result-count")!.TextContent.Trim());

        // District AND language: the defunct Arabic service in Prohlis is not listed.
        var arabic = await client.GetDocumentAsync($"/{s.M.Slug}/services?district={s.Prohlis}&language=ar");
        Assert.Equal(["Beratung für Familien"], Names(arabic));
        Assert.Equal("1 Angebot", arabic.QuerySelector("#result-count")!.TextContent.Trim());
        // The form shows the chosen filters again.
        Assert.Equal(s.Prohlis.ToString(System.Globalization.CultureInfo.InvariantCulture), arabic.QuerySelector("#district option[selected]")!.GetAttribute("value"));
        Assert.Equal("ar", arabic.QuerySelector("#language option[selected]")!.GetAttribute("value"));

        var none = await client.GetDocumentAsync($"/{s.M.Slug}/services?district={s.Gorbitz}&language=ar");
        Assert.Empty(Names(none));
        Assert.Equal("0 Angebote", none.QuerySelector("#result-count")!.TextContent.Trim());

        // Free, accessible, open now (Monday 10:00, the family service's hours).
        Assert.Equal(["Beratung für Familien"], Names(await client.GetDocumentAsync($"/{s.M.Slug}/services?free=true&accessible=true&open=true")));
        Assert.Equal(["Beratung für Familien", "Sprachcafé " + HostileText.Markup], Names(await client.GetDocumentAsync($"/{s.M.Slug}/services?accessible=true")));
        var result = all.QuerySelector($"li[data-service='{s.Family}']")!;
        Assert.NotNull(result.QuerySelector("p.state.open"));
        Assert.Contains("Familie", result.TextContent, StringComparison.Ordinal);
        Assert.Contains("Prohlis", result.TextContent, StringComparison.Ordinal);
        // Checked more than twelve months ago: flagged.
        Assert.Contains("zuletzt geprüft am 10.01.2025", all.QuerySelector($"li[data-service='{s.Child}'] p.overdue")!.TextContent, StringComparison.Ordinal);
        Assert.Null(result.QuerySelector("p.overdue"));
    }

    [Fact]
    public async Task The_directory_search_finds_German_inflections()
    {
        var s = await ArrangeAsync();
        var client = app.CreateBrowserlikeClient();
        Assert.Equal(["Beratung für Familien"], Names(await client.GetDocumentAsync($"/{s.M.Slug}/services?q=Beratungen")));
        Assert.Equal(["Hilfe für jedes Kind"], Names(await client.GetDocumentAsync($"/{s.M.Slug}/services?q=Kinder")));
        Assert.Equal(["Beratung für Familien"], Names(await client.GetDocumentAsync($"/{s.M.Slug}/services?q=Beratungen&district={s.Prohlis}")));
        Assert.Empty(Names(await client.GetDocumentAsync($"/{s.M.Slug}/services?q=Beratungen&district={s.Gorbitz}")));
    }

    [Fact]
    public async Task Arabic_lays_the_page_out_right_to_left_and_says_where_German_stands_in()
    {
        var s = await ArrangeAsync();
        var client = app.CreateBrowserlikeClient();
        var page = await client.GetDocumentAsync($"/{s.M.Slug}/services?lang=ar");
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        var name = page.QuerySelector($"li[data-service='{s.Family}'] h3 a span")!;
        Assert.Equal((ArabicName, "ar", "rtl"), (name.TextContent, name.GetAttribute("lang"), name.GetAttribute("dir")));
        var fallback = page.QuerySelector($"li[data-service='{s.Child}'] h3")!;
        Assert.Equal("de", fallback.QuerySelector("span")!.GetAttribute("lang"));
        Assert.NotNull(fallback.QuerySelector("small.fallback"));
        Assert.NotNull(page.QuerySelector("#fallback-notice"));
        // Links keep the language; the form sends it along.
        Assert.EndsWith("?lang=ar", name.ParentElement!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("ar", page.QuerySelector("form.service-filters input[name=lang]")!.GetAttribute("value"));

        var german = await client.GetDocumentAsync($"/{s.M.Slug}/services");
        Assert.Equal("ltr", german.DocumentElement.GetAttribute("dir"));
        Assert.Null(german.QuerySelector("#fallback-notice"));

        var service = await client.GetDocumentAsync($"/{s.M.Slug}/services/{s.Family}?lang=ar");
        Assert.Equal("rtl", service.DocumentElement.GetAttribute("dir"));
        Assert.Equal(("ar", ArabicName), (service.QuerySelector("h1 span")!.GetAttribute("lang"), service.QuerySelector("h1 span")!.TextContent));
        // The description is not translated: German, said so.
        Assert.Equal("de", service.QuerySelector(".service-description")!.GetAttribute("lang"));
        Assert.NotNull(service.QuerySelector("#fallback-notice"));

        // A language the municipality does not write in: German, said so.
        var unknown = await client.GetDocumentAsync($"/{s.M.Slug}/services?lang=xx");
        Assert.NotNull(unknown.QuerySelector("#unknown-language"));
        Assert.Equal("ltr", unknown.DocumentElement.GetAttribute("dir"));
    }

    [Fact]
    public async Task Hostile_text_is_shown_as_text()
    {
        var s = await ArrangeAsync();
        var client = app.CreateBrowserlikeClient();
        foreach (var url in new[] { $"/{s.M.Slug}/services", $"/{s.M.Slug}/services/{s.Cafe}", $"/{s.M.Slug}/organisations/{s.Organisation}/services",
            $"/{s.M.Slug}/services?q={Uri.EscapeDataString(HostileText.Script)}&language={Uri.EscapeDataString(HostileText.Markup)}" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
            Assert.DoesNotContain(HostileText.Markup, html, StringComparison.Ordinal);
            var page = await client.GetDocumentAsync(url);
            Assert.Empty(page.QuerySelectorAll("script"));
            Assert.Empty(page.QuerySelectorAll("img"));
        }
        var cafe = await client.GetDocumentAsync($"/{s.M.Slug}/services/{s.Cafe}");
        Assert.Contains("Sprachcafé " + HostileText.Markup, cafe.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(HostileText.Script, cafe.QuerySelector(".service-facts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_page_shows_everything_a_reader_needs_and_the_measures_behind_it()
    {
        var s = await ArrangeAsync();
        var client = app.CreateBrowserlikeClient();
        var page = await client.GetDocumentAsync($"/{s.M.Slug}/services/{s.Family}");
        var text = page.QuerySelector("article.service-page")!.TextContent;
        foreach (var expected in new[] { "Beratung für Familien", "Erster Absatz.", "Familie", "Arabisch", "Parkweg 1, 01239 Dresden", "Prohlis", "Bus 88, Haltestelle Prohliser Park",
            "ohne Stufen erreichbar", "Montag", "09:00–12:00", "24.12.2027 – 26.12.2027", "Weihnachten", "Frau Beispiel", "0351 123456", "Persisch (Farsi)", "Ausweis", "kostenlos" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        Assert.Equal(2, page.QuerySelectorAll(".service-description p").Length);
        Assert.NotNull(page.QuerySelector("#service-status.open"));
        Assert.Null(page.QuerySelector("#overdue"));
        Assert.Equal($"/{s.M.Slug}/organisations/{s.Organisation}/services", page.QuerySelector("#organisation-link")!.GetAttribute("href"));
        var measure = s.Plan.Measures[0];
        Assert.Equal(PublicPlanLinks.Measure(s.M.Slug, s.Plan.Id, measure.Id), page.QuerySelector("#service-measures a")!.GetAttribute("href"));

        // The measure page names the service back.
        var measurePage = await client.GetDocumentAsync(PublicPlanLinks.Measure(s.M.Slug, s.Plan.Id, measure.Id));
        Assert.Equal($"/{s.M.Slug}/services/{s.Family}", measurePage.QuerySelector("#services a")!.GetAttribute("href"));
        Assert.Null((await client.GetDocumentAsync(PublicPlanLinks.Measure(s.M.Slug, s.Plan.Id, s.Plan.Measures[1].Id))).QuerySelector("#services"));

        var overdue = await client.GetDocumentAsync($"/{s.M.Slug}/services/{s.Child}");
        Assert.Contains("zuletzt geprüft am 10.01.2025", overdue.QuerySelector("#overdue")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organisation_page_lists_its_listed_services()
    {
        var s = await ArrangeAsync();
        var page = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{s.M.Slug}/organisations/{s.Organisation}/services");
        var links = page.QuerySelectorAll("#organisation-services a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/{s.M.Slug}/services/{s.Family}", $"/{s.M.Slug}/services/{s.Cafe}"], links);
        Assert.Contains("Familienzentrum " + HostileText.Script, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unlisted_and_other_municipalities_services_are_not_found()
    {
        var s = await ArrangeAsync();
        var other = await app.CreateMunicipalityAsync();
        var client = app.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{other.Slug}/services/{s.Family}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{other.Slug}/organisations/{s.Organisation}/services")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{s.M.Slug}/services/{s.Defunct}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{s.M.Slug}/services/{s.Family}")).StatusCode);
        Assert.Empty(Names(await client.GetDocumentAsync($"/{other.Slug}/services")));
    }

    [Fact]
    public async Task A_saved_change_to_a_service_is_public_at_once_despite_the_cache()
    {
        var s = await ArrangeAsync();
        var client = app.CreateBrowserlikeClient();
        Assert.Contains("Hilfe für jedes Kind", Names(await client.GetDocumentAsync($"/{s.M.Slug}/services")));
        Assert.Contains("Hilfe für jedes Kind", (await client.GetDocumentAsync($"/{s.M.Slug}/services/{s.Child}")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        // A save in a request of the municipality, by no page that evicts on its own.
        var accessor = app.Services.GetRequiredService<IHttpContextAccessor>();
        var request = new DefaultHttpContext();
        request.Features.Set(new CurrentMunicipality(s.M.Id, s.M.Slug, s.M.Name, false));
        accessor.HttpContext = request;
        try
        {
            await s.M.WithDbAsync(async db =>
            {
                (await db.HelpServices.SingleAsync(x => x.Id == s.Child)).Name = "Hilfe für alle Kinder";
                return 0;
            });
        }
        finally
        {
            accessor.HttpContext = null;
        }
        Assert.Contains("Hilfe für alle Kinder", Names(await client.GetDocumentAsync($"/{s.M.Slug}/services")));
        Assert.Contains("Hilfe für alle Kinder", (await client.GetDocumentAsync($"/{s.M.Slug}/services/{s.Child}")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class ServicePagesSqliteTests(SqliteClockedApp app) : ServicePagesTests(app), IClassFixture<SqliteClockedApp>;

public sealed class ServicePagesPostgresTests(PostgresClockedApp app) : ServicePagesTests(app), IClassFixture<PostgresClockedApp>;
