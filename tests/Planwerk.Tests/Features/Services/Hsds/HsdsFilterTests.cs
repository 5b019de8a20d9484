using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Features.Services;
using Planwerk.Features.Services.Hsds;
using Planwerk.Infrastructure;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Services.Hsds;

/// <summary>The HSDS API on a directory made for each test, with hostile texts: every filter and their AND, the language of
/// the texts with its fallback, bad parameters, another municipality's objects, statuses and unpublished proposals, the
/// output cache, and who may read.</summary>
public abstract class HsdsFilterTests(PlanwerkApp app)
{
    private static readonly DateTimeOffset Spring = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private sealed record Arranged(TestMunicipality M, Guid OrgA, Guid OrgB, Guid Parent, Guid Child, Guid Counselling, Guid Course, Guid Resting,
        Guid CounsellingAtLocation, Guid Location);

    private static string Root(TestMunicipality m) => $"/api/v1/municipalities/{m.Slug}/hsds";

    private async Task<Arranged> ArrangeAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var orgA = await m.AddStakeholderAsync("Hilfsverein " + HostileText.Script);
        var orgB = await m.AddStakeholderAsync("Sprachschule " + HostileText.RightToLeft);
        return await m.WithDbAsync(async db =>
        {
            var parent = new ServiceTopic { Code = "help", Name = "Hilfe im Alltag" };
            var child = new ServiceTopic { Code = "asylum", Name = "Asylverfahren", Parent = parent };
            var inner = new ServiceLocation { OrganisationId = orgA, Name = "Haus " + HostileText.Markup, PostalCode = "01067", City = "Dresden", Street = "Hauptstraße 1" };
            var outer = new ServiceLocation { OrganisationId = orgB, Name = "Schule Prohlis", PostalCode = "01239", City = "Dresden" };
            db.AddRange(parent, child, inner, outer);
            HelpService Service(int org, string name, ServiceStatus status = ServiceStatus.Active) =>
                new() { OrganisationId = org, Name = name, Status = status, LastCheckedOn = new DateOnly(2026, 1, 1), Audience = ResidenceSituations.RecognisedRefugees };
            var counselling = Service(orgA, "Beratung für Geflüchtete");
            counselling.Description = HostileText.Script + " " + HostileText.VeryLong[..(HelpService.MaxTextLength - 40)];
            counselling.Eligibility = HostileText.RightToLeft;
            counselling.Topics.Add(child);
            counselling.Languages.Add(new ServiceLanguage { Code = "ar" });
            counselling.Audience = ResidenceSituations.AsylumSeekers;
            counselling.Locations.Add(new ServiceAtLocation { Location = inner });
            counselling.Contacts.Add(new ServiceContact { Name = HostileText.Markup, Phone = "0351 123", PhoneLanguages = "ar,de" });
            counselling.Schedules.Add(new ServiceSchedule { Weekday = DayOfWeek.Monday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 0), Location = inner, Note = HostileText.Script });
            var course = Service(orgB, "Deutschkurs " + HostileText.RightToLeft);
            course.Topics.Add(parent);
            course.Languages.Add(new ServiceLanguage { Code = "uk" });
            course.Audience = ResidenceSituations.Everybody;
            course.Locations.Add(new ServiceAtLocation { Location = outer });
            var resting = Service(orgA, "Ruhende Beratung", ServiceStatus.Inactive);
            var gone = Service(orgA, "Altes Angebot", ServiceStatus.Defunct);
            db.HelpServices.AddRange(counselling, course, resting, gone);
            await db.SaveChangesAsync();
            db.ContentTranslations.Add(new ContentTranslation
            {
                Kind = ContentKinds.Service, EntityId = counselling.Id, Language = "ar", Field = nameof(HelpService.Name), Text = "استشارة للاجئين",
                SourceFingerprint = ServiceTexts.Fingerprint(counselling.Name), TranslatedAt = Spring,
            });
            // A provider's new service waiting for the plan team is not published.
            db.ServiceProposals.Add(new ServiceProposal { OrganisationId = orgA, Content = "{\"Name\":\"Geheimer Vorschlag Beratung\"}", SubmittedAt = Spring });
            await db.SaveChangesAsync();
            var moments = new[] { (counselling.Id, Spring), (course.Id, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)), (resting.Id, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)), (gone.Id, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)) };
            foreach (var (id, at) in moments) await db.HelpServices.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ModifiedAt, at));
            var organisations = await db.Stakeholders.Where(o => o.Id == orgA || o.Id == orgB).ToDictionaryAsync(o => o.Id, o => o.Uid);
            return new Arranged(m, organisations[orgA], organisations[orgB], parent.Uid, child.Uid, counselling.Uid, course.Uid, resting.Uid,
                counselling.Locations[0].Uid, inner.Uid);
        });
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<List<string>> NamesAsync(HttpClient client, string url)
    {
        var page = await JsonAsync(client, url);
        return HsdsSchemas.AssertPage(page, url).Select(s => s.GetProperty("name").GetString()!).ToList();
    }

    [Fact]
    public async Task Every_filter_works_and_filters_combine_with_and()
    {
        var d = await ArrangeAsync();
        var client = app.CreateClient();
        var services = Root(d.M) + "/services?";
        const string Counselling = "Beratung für Geflüchtete", Resting = "Ruhende Beratung", Gone = "Altes Angebot";
        var course = "Deutschkurs " + HostileText.RightToLeft;
        var asylumSeekers = ResidenceTerms.All.Single(t => t.Flag == ResidenceSituations.AsylumSeekers).Id;

        Assert.Equal([Gone, Counselling, course, Resting], await NamesAsync(client, services));
        // German inflection through the directory's search: "Beratungen" finds "Beratung".
        Assert.Equal([Counselling, Resting], await NamesAsync(client, services + "search=Beratungen"));
        Assert.Equal([Counselling], await NamesAsync(client, services + "search=" + Uri.EscapeDataString("استشارة")));
        Assert.Equal([Counselling, course], await NamesAsync(client, services + "taxonomy_term_id=" + d.Parent));
        Assert.Equal([Counselling], await NamesAsync(client, services + "taxonomy_term_id=" + d.Child));
        Assert.Equal([Counselling, course], await NamesAsync(client, services + "taxonomy_term_id=" + asylumSeekers));
        Assert.Equal([Counselling, course], await NamesAsync(client, services + "taxonomy_id=" + HsdsIds.TopicTaxonomy));
        Assert.Empty(await NamesAsync(client, services + "taxonomy_id=" + Guid.NewGuid()));
        Assert.Equal([Gone, Counselling, Resting], await NamesAsync(client, services + "organization_id=" + d.OrgA));
        Assert.Equal([Counselling], await NamesAsync(client, services + "modified_after=2026-01-01T00:00:00Z"));
        Assert.Equal([Counselling, course], await NamesAsync(client, services + "modified_after=2025-01-01"));
        Assert.Equal([Counselling], await NamesAsync(client, services + "modified_after=" + Uri.EscapeDataString("2026-03-01T13:00:00+01:00")));
        Assert.Equal([Counselling], await NamesAsync(client, services + "postcode=01067"));
        Assert.Equal([Counselling], await NamesAsync(client, services + "language=ar"));
        Assert.Equal([course], await NamesAsync(client, services + "language=uk"));
        // AND.
        Assert.Equal([Counselling], await NamesAsync(client, services + $"search=Beratungen&organization_id={d.OrgA}&language=ar&taxonomy_term_id={d.Parent}&postcode=01067&modified_after=2026-01-01"));
        Assert.Empty(await NamesAsync(client, services + "search=Beratungen&language=uk"));
        Assert.Empty(await NamesAsync(client, services + $"taxonomy_term_id={d.Parent}&organization_id={d.OrgA}&postcode=01239"));
        Assert.Equal([course], await NamesAsync(client, services + $"taxonomy_term_id={d.Parent}&postcode=01239"));
        Assert.Empty(await NamesAsync(client, services + $"search=Beratungen&modified_after=2026-06-01"));

        // The same filters on the services at locations, and the postcode of the place itself.
        var links = Root(d.M) + "/service_at_locations?";
        async Task<List<string>> LinkServices(string query)
        {
            var page = await JsonAsync(client, links + query);
            return HsdsSchemas.AssertPage(page, query).Select(a => a.GetProperty("service_id").GetString()!).ToList();
        }
        Assert.Equal([d.Counselling.ToString(), d.Course.ToString()], await LinkServices(""));
        Assert.Equal([d.Course.ToString()], await LinkServices("postcode=01239"));
        Assert.Equal([d.Counselling.ToString()], await LinkServices("search=Beratungen&language=ar"));
        Assert.Empty(await LinkServices("search=Beratungen&language=uk"));
        Assert.Equal([d.Course.ToString()], await LinkServices($"organization_id={d.OrgB}&taxonomy_id={HsdsIds.TopicTaxonomy}"));

        // Organisations, taxonomies and terms are searched the same way.
        Assert.Equal(["Hilfsverein " + HostileText.Script], await NamesAsync(client, Root(d.M) + "/organizations?search=Hilfsvereine"));
        Assert.Equal(["Asylverfahren"], await NamesAsync(client, Root(d.M) + "/taxonomy_terms?search=Asylverfahrens"));
        Assert.Equal(["Asylverfahren"], await NamesAsync(client, Root(d.M) + $"/taxonomy_terms?parent_id={d.Parent}"));
        Assert.Contains("Hilfe im Alltag", await NamesAsync(client, Root(d.M) + $"/taxonomy_terms?top_only=true&taxonomy_id={HsdsIds.TopicTaxonomy}"));
        Assert.DoesNotContain("Asylverfahren", await NamesAsync(client, Root(d.M) + "/taxonomy_terms?top_only=true"));
        Assert.Equal(6, (await NamesAsync(client, Root(d.M) + $"/taxonomy_terms?taxonomy_id={HsdsIds.ResidenceTaxonomy}")).Count);
        Assert.Equal(["Planwerk residence situations"], await NamesAsync(client, Root(d.M) + "/taxonomies?search=residence"));

        // Paging: the envelope says where the page is.
        var second = await JsonAsync(client, services + "per_page=3&page=2");
        Assert.Equal((4, 2, 2, 1, false, true), (second.GetProperty("total_items").GetInt32(), second.GetProperty("total_pages").GetInt32(),
            second.GetProperty("page_number").GetInt32(), second.GetProperty("size").GetInt32(), second.GetProperty("first_page").GetBoolean(), second.GetProperty("last_page").GetBoolean()));
        var minimal = await JsonAsync(client, services + "minimal=true&modified_after=2026-01-01");
        Assert.Equal($"{{\"id\":\"{d.Counselling}\",\"last_modified\":\"2026-03-01T12:00:00Z\"}}",
            JsonSerializer.Serialize(HsdsSchemas.AssertPage(minimal, "minimal").Single()));
    }

    [Fact]
    public async Task Texts_come_in_the_asked_language_with_german_fallback_and_content_language()
    {
        var d = await ArrangeAsync();
        var client = app.CreateClient();
        var response = await client.GetAsync($"{Root(d.M)}/services/{d.Counselling}?lang=ar");
        var service = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("استشارة للاجئين", service.GetProperty("name").GetString());
        Assert.Equal("ar", service.GetProperty("text_languages").GetProperty("name").GetString());
        Assert.Equal("de", service.GetProperty("text_languages").GetProperty("description").GetString());
        Assert.Equal(["ar", "de"], response.Content.Headers.ContentLanguage);
        HsdsSchemas.AssertValid(HsdsSchemas.Service, service, "Arabic service");

        // No Persian translation: every text in German, and the header says so.
        var persian = await client.GetAsync($"{Root(d.M)}/services?lang=fa&search=Beratungen");
        var page = JsonDocument.Parse(await persian.Content.ReadAsStringAsync()).RootElement;
        Assert.All(HsdsSchemas.AssertPage(page, "fa"), s => Assert.Equal("de", s.GetProperty("text_languages").GetProperty("name").GetString()));
        Assert.Equal(["de"], persian.Content.Headers.ContentLanguage);
        var german = await client.GetAsync($"{Root(d.M)}/services/{d.Counselling}");
        Assert.Equal("Beratung für Geflüchtete", JsonDocument.Parse(await german.Content.ReadAsStringAsync()).RootElement.GetProperty("name").GetString());
        Assert.Equal(["de"], german.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task Hostile_texts_validate_and_come_back_as_json_escaped_text()
    {
        var d = await ArrangeAsync();
        var client = app.CreateClient();
        foreach (var url in new[] { "/services?full=true", $"/services/{d.Counselling}", "/organizations?full=true&full_service=true", $"/organizations/{d.OrgA}",
                     "/service_at_locations?full=true", $"/service_at_locations/{d.CounsellingAtLocation}" })
        {
            var raw = await client.GetStringAsync(Root(d.M) + url);
            Assert.DoesNotContain("<script>", raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", raw, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("\\u003Cscript\\u003E", raw, StringComparison.Ordinal);
            var json = JsonDocument.Parse(raw).RootElement;
            var schema = url.StartsWith("/services", StringComparison.Ordinal) ? HsdsSchemas.Service
                : url.StartsWith("/organizations", StringComparison.Ordinal) ? HsdsSchemas.Organisation : HsdsSchemas.ServiceAtLocation;
            if (json.TryGetProperty("contents", out _)) foreach (var item in HsdsSchemas.AssertPage(json, url)) HsdsSchemas.AssertValid(schema, item, url);
            else HsdsSchemas.AssertValid(schema, json, url);
        }
        var service = await JsonAsync(client, $"{Root(d.M)}/services/{d.Counselling}");
        Assert.Equal(HostileText.Script + " " + HostileText.VeryLong[..(HelpService.MaxTextLength - 40)], service.GetProperty("description").GetString());
        Assert.Equal(HostileText.RightToLeft, service.GetProperty("eligibility_description").GetString());
        Assert.Equal(HostileText.Markup, service.GetProperty("contacts")[0].GetProperty("name").GetString());
        // Right-to-left text is written as itself, not as escapes.
        Assert.Contains(HostileText.RightToLeft, await client.GetStringAsync($"{Root(d.M)}/services?search=Deutschkurs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/services?taxonomy_term_id=kein-uuid", "taxonomy_term_id")]
    [InlineData("/services?taxonomy_id=42", "taxonomy_id")]
    [InlineData("/services?organization_id=%3Cscript%3E", "organization_id")]
    [InlineData("/services?page=0", "page")]
    [InlineData("/services?page=eins", "page")]
    [InlineData("/services?page=1&page=2", "page")]
    [InlineData("/services?per_page=501", "per_page")]
    [InlineData("/services?per_page=0", "per_page")]
    [InlineData("/services?modified_after=0001-01-01", "modified_after")]
    [InlineData("/services?modified_after=gestern", "modified_after")]
    [InlineData("/services?modified_after=01.02.2026", "modified_after")]
    [InlineData("/services?language=klingonisch", "language")]
    [InlineData("/services?lang=%3Cscript%3E", "lang")]
    [InlineData("/services?full=vielleicht", "full")]
    [InlineData("/services?minimal=ja", "minimal")]
    [InlineData("/services?format=xml", "format")]
    [InlineData("/service_at_locations?proximity=500", "proximity")]
    [InlineData("/organizations?full_service=2", "full_service")]
    [InlineData("/taxonomy_terms?parent_id=oben", "parent_id")]
    [InlineData("/taxonomy_terms?top_only=oft", "top_only")]
    [InlineData("/services/kein-uuid", "id")]
    [InlineData("/organizations/123", "id")]
    [InlineData("/service_at_locations/x", "id")]
    [InlineData("/taxonomies/x", "id")]
    [InlineData("/taxonomy_terms/x", "id")]
    public async Task A_bad_parameter_answers_400_naming_it(string url, string parameter)
    {
        var m = await app.CreateMunicipalityAsync();
        var problem = await JsonAsync(app.CreateClient(), Root(m) + url, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), problem.ToString());
        Assert.Contains(parameter, messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_longer_than_allowed_answers_400()
    {
        var m = await app.CreateMunicipalityAsync();
        var problem = await JsonAsync(app.CreateClient(), Root(m) + "/services?search=" + new string('a', HsdsApi.MaxSearchLength + 1), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("search", out _));
    }

    [Fact]
    public async Task Another_municipalitys_objects_answer_404_and_never_appear_in_lists()
    {
        var mine = await ArrangeAsync();
        var other = await ArrangeAsync();
        var client = app.CreateClient();
        var root = Root(mine.M);
        foreach (var url in new[] { $"/services/{other.Counselling}", $"/organizations/{other.OrgA}", $"/service_at_locations/{other.CounsellingAtLocation}", $"/taxonomy_terms/{other.Parent}" })
            await JsonAsync(client, root + url, HttpStatusCode.NotFound);
        foreach (var url in new[] { $"/services/{mine.Counselling}", $"/organizations/{mine.OrgA}", $"/service_at_locations/{mine.CounsellingAtLocation}", $"/taxonomy_terms/{mine.Parent}" })
            await JsonAsync(client, root + url);

        var theirs = new[] { other.OrgA, other.OrgB, other.Parent, other.Child, other.Counselling, other.Course, other.Resting, other.CounsellingAtLocation, other.Location }.Select(g => g.ToString()).ToList();
        foreach (var url in new[] { "/services?full=true&per_page=500", "/organizations?full=true&full_service=true", "/service_at_locations?full=true", "/taxonomy_terms?per_page=500", $"/organizations/{mine.OrgA}" })
        {
            var body = await client.GetStringAsync(root + url);
            Assert.All(theirs, id => Assert.DoesNotContain(id, body, StringComparison.Ordinal));
        }
        Assert.Empty(await NamesAsync(client, root + "/services?organization_id=" + other.OrgA));
        Assert.Empty(await NamesAsync(client, root + "/services?taxonomy_term_id=" + other.Parent));
    }

    [Fact]
    public async Task Every_status_is_listed_with_it_and_a_proposal_waiting_for_review_is_not_published()
    {
        var d = await ArrangeAsync();
        var client = app.CreateClient();
        var page = await JsonAsync(client, Root(d.M) + "/services");
        var statuses = HsdsSchemas.AssertPage(page, "services").ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("status").GetString());
        Assert.Equal("inactive", statuses["Ruhende Beratung"]);
        Assert.Equal("defunct", statuses["Altes Angebot"]);
        Assert.Equal("active", statuses["Beratung für Geflüchtete"]);
        Assert.Equal("inactive", (await JsonAsync(client, $"{Root(d.M)}/services/{d.Resting}")).GetProperty("status").GetString());
        Assert.Empty(await NamesAsync(client, Root(d.M) + "/services?search=Geheimer"));
        Assert.DoesNotContain("Geheimer", await client.GetStringAsync(Root(d.M) + "/organizations?full_service=true"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_are_cached_until_the_municipality_is_evicted()
    {
        var d = await ArrangeAsync();
        var client = app.CreateClient();
        var urls = new[] { "/services", $"/services/{d.Course}", "/organizations?full_service=true", "/service_at_locations?full=true" }.Select(u => Root(d.M) + u).ToList();
        var before = new List<string>();
        foreach (var url in urls) before.Add(await client.GetStringAsync(url));
        await d.M.WithDbAsync(db => db.HelpServices.Where(s => s.Uid == d.Course).ExecuteUpdateAsync(u => u.SetProperty(s => s.Name, "Sprachcafé")));
        for (var i = 0; i < urls.Count; i++) Assert.Equal(before[i], await client.GetStringAsync(urls[i]));
        await PublicPageCache.EvictMunicipalityAsync(app.Services.GetRequiredService<IOutputCacheStore>(), d.M.Slug);
        foreach (var url in urls) Assert.Contains("Sprachcafé", await client.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renaming_a_topic_on_the_plan_teams_page_evicts_the_cached_answers()
    {
        var d = await ArrangeAsync();
        var reader = app.CreateClient();
        var urls = new[] { "/taxonomy_terms", $"/services/{d.Counselling}", "/services?full=true" }.Select(u => Root(d.M) + u).ToList();
        foreach (var url in urls) Assert.DoesNotContain("Asyl und Aufenthalt", await reader.GetStringAsync(url), StringComparison.Ordinal);
        var topic = await d.M.WithDbAsync(db => db.ServiceTopics.Where(t => t.Uid == d.Child).Select(t => new { t.Id, t.ParentId, t.Version }).SingleAsync());
        var editor = await d.M.SignedInClientAsync(Planwerk.Features.Accounts.MunicipalityRole.PlanEditor);
        static string Text(int? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var response = await editor.PostWithTokenAsync(Planwerk.Features.Services.Content.ContentUrls.Topic(d.M.Slug, topic.Id), await editor.AntiforgeryTokenAsync(),
            new Dictionary<string, string> { ["Input.Name"] = "Asyl und Aufenthalt", ["Input.Description"] = "", ["Input.ParentId"] = Text(topic.ParentId), ["Input.Version"] = Text(topic.Version) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        foreach (var url in urls) Assert.Contains("Asyl und Aufenthalt", await reader.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_visitor_may_read_and_nobody_may_post()
    {
        var d = await ArrangeAsync();
        var root = Root(d.M);
        string[] reads =
        [
            root, root + "/services?full=true", $"{root}/services/{d.Counselling}", root + "/organizations", $"{root}/organizations/{d.OrgA}",
            root + "/service_at_locations", $"{root}/service_at_locations/{d.CounsellingAtLocation}", root + "/taxonomies", $"{root}/taxonomies/{HsdsIds.TopicTaxonomy}",
            root + "/taxonomy_terms", $"{root}/taxonomy_terms/{d.Child}",
        ];
        foreach (var visitor in Enum.GetValues<Visitor>())
        {
            var client = await PermissionMatrix.ClientAsync(app, d.M, visitor);
            await PermissionMatrix.AssertAsync(client, visitor, [
                .. reads.Select(url => PermissionCheck.Get(url, Access.Everyone)),
                PermissionCheck.Post(root + "/services", Access.Nobody, refusal: HttpStatusCode.MethodNotAllowed),
                PermissionCheck.Post($"{root}/services/{d.Counselling}", Access.Nobody, refusal: HttpStatusCode.MethodNotAllowed),
                PermissionCheck.Post(root + "/organizations", Access.Nobody, refusal: HttpStatusCode.MethodNotAllowed),
            ]);
        }
    }
}

public sealed class HsdsFilterSqliteTests(SqliteApp app) : HsdsFilterTests(app), IClassFixture<SqliteApp>;

public sealed class HsdsFilterPostgresTests(PostgresApp app) : HsdsFilterTests(app), IClassFixture<PostgresApp>;
