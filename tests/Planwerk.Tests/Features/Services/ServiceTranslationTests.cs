using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Services;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Services;

/// <summary>Translating a service side by side: every text of the service and its locations beside the German source
/// (lang="de"), the field in the target language's lang and dir; saved all at once or not at all; an outdated translation
/// marked with the current German text; concurrent saves shown as a conflict; the state per language for one service and
/// for all; the plan team and the service's organisation may, nobody else.</summary>
public abstract class ServiceTranslationTests(PlanwerkApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record Setup(TestMunicipality M, int OrganisationId, int ServiceId, int LocationId)
    {
        public string Page(string language) => $"/{M.Slug}/manage/services/{Id(ServiceId)}/translations/{language}";
        public string States => $"/{M.Slug}/manage/services/{Id(ServiceId)}/translations";
        public string Overview => $"/{M.Slug}/manage/services/translations";
        public string Field(string field) => $"Texts[Service-{Id(ServiceId)}-{field}]";
        public string LocationField(string field) => $"Texts[Location-{Id(LocationId)}-{field}]";
        public string FieldId(string field) => $"#Texts_Service-{Id(ServiceId)}-{field}_";
    }

    private async Task<Setup> SetUpAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Flüchtlingsrat " + HostileText.Script);
        var (service, location) = await m.AddServiceAsync(organisation);
        return new Setup(m, organisation, service, location);
    }

    private static Task<Dictionary<string, string>> StoredAsync(Setup s, string language) =>
        s.M.WithDbAsync(db => db.ContentTranslations.AsNoTracking().Where(t => t.Language == language)
            .ToDictionaryAsync(t => t.Kind + "." + t.Field, t => t.Text));

    [Fact]
    public async Task Every_text_of_the_service_and_its_location_stands_beside_its_German_source_in_the_target_languages_lang_and_dir()
    {
        var s = await SetUpAsync();
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var page = await editor.GetDocumentAsync(s.Page("ar"));
        var pairs = page.QuerySelectorAll("#translation-form fieldset.translation-pair").Select(f => f.Id).ToList();
        // Costs and the location's accessibility are empty in German: nothing to translate.
        Assert.Equal(
            new[] { "Name", "Description", "Eligibility", "HowToApply", "DocumentsToBring", "Accessibility" }.Select(f => $"pair-Service-{Id(s.ServiceId)}-{f}")
                .Concat(new[] { "Name", "TransportNotes" }.Select(f => $"pair-Location-{Id(s.LocationId)}-{f}")),
            pairs);
        var source = page.QuerySelector($"#Texts_Service-{Id(s.ServiceId)}-Description_-source")!;
        Assert.Equal(("de", "ltr"), (source.GetAttribute("lang"), source.GetAttribute("dir")));
        Assert.Equal("Wir beraten zum Asylverfahren.\n\nOhne Termin.", source.TextContent);
        foreach (var field in page.QuerySelectorAll("#translation-form textarea, #translation-form input[type=text]"))
            Assert.Equal(("ar", "rtl"), (field.GetAttribute("lang"), field.GetAttribute("dir")));
        Assert.Equal("input", page.QuerySelector(s.FieldId("Name"))!.LocalName);
        Assert.Equal("textarea", page.QuerySelector(s.FieldId("Description"))!.LocalName);
        Assert.Contains("Fehlend: 8. Veraltet: 0.", page.QuerySelector("#translation-state")!.TextContent, StringComparison.Ordinal);
        // The other languages are offered, each in its own language; Ukrainian is left to right.
        Assert.Equal(["en", "fa", "uk", "ru", "tr"], page.QuerySelectorAll("#translation-languages a").Select(a => a.GetAttribute("hreflang")!).ToList());
        var ukrainian = await editor.GetDocumentAsync(s.Page("uk"));
        Assert.Equal(("uk", "ltr"), (ukrainian.QuerySelector(s.FieldId("Name"))!.GetAttribute("lang"), ukrainian.QuerySelector(s.FieldId("Name"))!.GetAttribute("dir")));
        Assert.Equal("rtl", (await editor.GetDocumentAsync(s.Page("FA"))).QuerySelector(s.FieldId("Name"))!.GetAttribute("dir"));
        // German is the source, not a target; a language the municipality does not offer is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(s.Page("de"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(s.Page("vi"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(s.Page("xx"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/{s.M.Slug}/manage/services/999999/translations/ar")).StatusCode);
    }

    [Fact]
    public async Task Saving_stores_every_field_at_once_hostile_text_stays_text_and_an_emptied_field_removes_its_translation()
    {
        var s = await SetUpAsync();
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var longText = HostileText.VeryLong[..3990];
        var response = await editor.SubmitFormAsync(s.Page("ar"), new Dictionary<string, string?>
        {
            [s.Field("Name")] = "استشارة اللجوء " + HostileText.Script,
            [s.Field("Description")] = HostileText.RightToLeft + "\r\n\r\n" + HostileText.Markup,
            [s.Field("DocumentsToBring")] = longText,
            [s.LocationField("Name")] = "  مركز الاستشارة  ",
        }, "#translation-form");
        Assert.Equal(s.Page("ar"), response.RedirectTarget());
        var stored = await StoredAsync(s, "ar");
        Assert.Equal(4, stored.Count);
        Assert.Equal("استشارة اللجوء " + HostileText.Script, stored["Service.Name"]);
        Assert.Equal(HostileText.RightToLeft + "\n\n" + HostileText.Markup, stored["Service.Description"]);
        Assert.Equal(longText.Trim(), stored["Service.DocumentsToBring"]);
        Assert.Equal("مركز الاستشارة", stored["Location.Name"]);
        var fingerprint = await s.M.WithDbAsync(db => db.ContentTranslations.Where(t => t.Field == "Description" && t.Kind == ContentKinds.Service).Select(t => t.SourceFingerprint).SingleAsync());
        Assert.Equal(ServiceTexts.Fingerprint("Wir beraten zum Asylverfahren.\n\nOhne Termin."), fingerprint);

        var page = await editor.GetDocumentAsync(s.Page("ar"));
        Assert.Contains("gespeichert", page.QuerySelector(".notice")?.TextContent ?? "", StringComparison.Ordinal);
        // Served as text: parsed back, no script or image element came from it.
        Assert.DoesNotContain("<script>alert(1)</script>", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("img[src=x]"));
        Assert.Equal("استشارة اللجوء " + HostileText.Script, page.QuerySelector(s.FieldId("Name"))!.GetAttribute("value"));
        Assert.Contains("Fehlend: 4. Veraltet: 0.", page.QuerySelector("#translation-state")!.TextContent, StringComparison.Ordinal);

        // Emptying a field removes its translation; the others stay.
        response = await editor.SubmitFormAsync(s.Page("ar"), new Dictionary<string, string?> { [s.Field("Name")] = "  " }, "#translation-form");
        Assert.Equal(s.Page("ar"), response.RedirectTarget());
        stored = await StoredAsync(s, "ar");
        Assert.False(stored.ContainsKey("Service.Name"));
        Assert.Equal(3, stored.Count);
    }

    [Fact]
    public async Task A_text_too_long_is_refused_at_its_field_and_nothing_of_the_page_is_saved()
    {
        var s = await SetUpAsync();
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var response = await editor.SubmitFormAsync(s.Page("en"), new Dictionary<string, string?>
        {
            [s.Field("Name")] = string.Concat(Enumerable.Repeat("Asylum counselling ", 20)),
            [s.Field("Description")] = "We advise on the asylum procedure.",
            [s.Field("HowToApply")] = HostileText.VeryLong + HostileText.VeryLong,
        }, "#translation-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("300", page.QuerySelector(s.FieldId("Name") + "-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("4000", page.QuerySelector(s.FieldId("HowToApply") + "-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector(s.FieldId("Name"))!.GetAttribute("aria-invalid"));
        Assert.Equal(2, page.QuerySelectorAll(".error-summary li").Length);
        // The input is kept in the form, and nothing is stored.
        Assert.Equal("We advise on the asylum procedure.", page.QuerySelector(s.FieldId("Description"))!.TextContent);
        Assert.Empty(await StoredAsync(s, "en"));
    }

    [Fact]
    public async Task A_translation_older_than_its_German_source_is_marked_outdated_until_changed_or_confirmed()
    {
        var s = await SetUpAsync();
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        await editor.SubmitFormAsync(s.Page("uk"), new Dictionary<string, string?>
        {
            [s.Field("Description")] = "Консультуємо щодо процедури надання притулку.",
            [s.Field("HowToApply")] = "Приходьте.",
        }, "#translation-form");
        await s.M.WithDbAsync(async db =>
        {
            var service = await db.HelpServices.SingleAsync();
            service.Description = "Wir beraten zum Asylverfahren. Nur mit Termin.";
            service.HowToApply = "Rufen Sie an.";
            return await db.SaveChangesAsync();
        });
        var page = await editor.GetDocumentAsync(s.Page("uk"));
        var outdated = page.QuerySelectorAll(".outdated").Select(o => o.Id).ToList();
        Assert.Equal([$"Texts_Service-{Id(s.ServiceId)}-Description_-outdated", $"Texts_Service-{Id(s.ServiceId)}-HowToApply_-outdated"], outdated);
        Assert.Contains("veraltet", page.QuerySelector(".outdated")!.TextContent, StringComparison.Ordinal);
        // The current German text stands beside it, and the field points to both.
        Assert.Equal("Wir beraten zum Asylverfahren. Nur mit Termin.", page.QuerySelector(s.FieldId("Description") + "-source")!.TextContent);
        Assert.Contains("-outdated", page.QuerySelector(s.FieldId("Description"))!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Contains("Veraltet: 2.", page.QuerySelector("#translation-state")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("veraltet: 2", (await editor.GetDocumentAsync(s.States)).QuerySelector("#state-uk")!.TextContent, StringComparison.Ordinal);

        // Saving without touching them keeps them outdated; a changed text and a confirmed one are current again.
        await editor.SubmitFormAsync(s.Page("uk"), new Dictionary<string, string?>(), "#translation-form");
        Assert.Equal(2, (await editor.GetDocumentAsync(s.Page("uk"))).QuerySelectorAll(".outdated").Length);
        var response = await editor.SubmitFormAsync(s.Page("uk"), new Dictionary<string, string?>
        {
            [s.Field("Description")] = "Консультуємо лише за записом.",
            ["Confirmed"] = $"Service-{Id(s.ServiceId)}-HowToApply",
        }, "#translation-form");
        Assert.Equal(s.Page("uk"), response.RedirectTarget());
        page = await editor.GetDocumentAsync(s.Page("uk"));
        Assert.Empty(page.QuerySelectorAll(".outdated"));
        Assert.Equal("Приходьте.", (await StoredAsync(s, "uk"))["Service.HowToApply"]);
        Assert.Equal(ServiceTexts.Fingerprint("Rufen Sie an."),
            await s.M.WithDbAsync(db => db.ContentTranslations.Where(t => t.Field == "HowToApply").Select(t => t.SourceFingerprint).SingleAsync()));
    }

    [Fact]
    public async Task Two_people_saving_the_same_page_do_not_overwrite_each_other_silently()
    {
        var s = await SetUpAsync();
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var member = await app.CreateUserAsync();
        await s.M.AddStakeholderMemberAsync(s.OrganisationId, member.Id);
        var provider = await app.SignInAsync(member.Email!);
        var first = await editor.GetDocumentAsync(s.Page("tr"));
        var second = await provider.GetDocumentAsync(s.Page("tr"));

        var response = await editor.SubmitFormAsync(first, s.Page("tr"), new Dictionary<string, string?> { [s.Field("Name")] = "İltica danışmanlığı" }, "#translation-form");
        Assert.Equal(s.Page("tr"), response.RedirectTarget());
        response = await provider.SubmitFormAsync(second, s.Page("tr"), new Dictionary<string, string?>
        {
            [s.Field("Name")] = "Sığınma danışmanlığı", [s.Field("Eligibility")] = "Sığınmacılar",
        }, "#translation-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("inzwischen geändert", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var conflict = page.QuerySelectorAll(".conflict-table tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent).ToList()).ToList();
        Assert.Contains(["Name", "Sığınma danışmanlığı", "İltica danışmanlığı"], conflict);
        Assert.Equal("Sığınma danışmanlığı", page.QuerySelector(s.FieldId("Name"))!.GetAttribute("value"));
        Assert.Equal(new Dictionary<string, string> { ["Service.Name"] = "İltica danışmanlığı" }, await StoredAsync(s, "tr"));

        // Saved again from the conflict page, the second person's texts replace the stored ones.
        response = await provider.SubmitFormAsync(page, s.Page("tr"), new Dictionary<string, string?>(), "#translation-form");
        Assert.Equal(s.Page("tr"), response.RedirectTarget());
        Assert.Equal("Sığınma danışmanlığı", (await StoredAsync(s, "tr"))["Service.Name"]);
        Assert.Equal("Sığınmacılar", (await StoredAsync(s, "tr"))["Service.Eligibility"]);
    }

    [Fact]
    public async Task A_German_text_changed_while_translating_is_shown_as_a_conflict_and_nothing_is_saved()
    {
        var s = await SetUpAsync();
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var form = await editor.GetDocumentAsync(s.Page("ru"));
        await s.M.WithDbAsync(async db =>
        {
            (await db.ServiceLocations.SingleAsync()).TransportNotes = "Bus 62, Haltestelle Rathaus";
            return await db.SaveChangesAsync();
        });
        var response = await editor.SubmitFormAsync(form, s.Page("ru"), new Dictionary<string, string?> { [s.LocationField("TransportNotes")] = "Трамвай 3" }, "#translation-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.NotNull(page.QuerySelector(".conflict"));
        Assert.Equal("Bus 62, Haltestelle Rathaus", page.QuerySelector($"#Texts_Location-{Id(s.LocationId)}-TransportNotes_-source")!.TextContent);
        Assert.Empty(await StoredAsync(s, "ru"));
    }

    [Fact]
    public async Task The_state_per_language_and_the_overview_of_all_services_name_what_is_missing_and_outdated()
    {
        var s = await SetUpAsync();
        var other = await s.M.AddServiceAsync(s.OrganisationId, "Sprachcafé " + HostileText.RightToLeft, withLocation: false);
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        // The service without location is completely translated into English: its six texts.
        var page = $"/{s.M.Slug}/manage/services/{Id(other.ServiceId)}/translations/en";
        await editor.SubmitFormAsync(page, new Dictionary<string, string?>
        {
            [$"Texts[Service-{Id(other.ServiceId)}-Name]"] = "Language café", [$"Texts[Service-{Id(other.ServiceId)}-Description]"] = "We advise.",
            [$"Texts[Service-{Id(other.ServiceId)}-Eligibility]"] = "Asylum seekers", [$"Texts[Service-{Id(other.ServiceId)}-HowToApply]"] = "Drop in.",
            [$"Texts[Service-{Id(other.ServiceId)}-DocumentsToBring]"] = "ID", [$"Texts[Service-{Id(other.ServiceId)}-Accessibility]"] = "Sign language",
        }, "#translation-form");
        await editor.SubmitFormAsync(s.Page("en"), new Dictionary<string, string?> { [s.Field("Name")] = "Asylum counselling" }, "#translation-form");

        var states = await editor.GetDocumentAsync(s.States);
        Assert.Equal(["en", "ar", "fa", "uk", "ru", "tr"], states.QuerySelectorAll("#translation-states tbody tr").Select(r => r.Id!["state-".Length..]).ToList());
        Assert.Equal("fehlt: 7", states.QuerySelector("#state-en td")!.TextContent.Trim());
        Assert.Equal("fehlt: 8", states.QuerySelector("#state-ar td")!.TextContent.Trim());
        Assert.Equal("vollständig", (await editor.GetDocumentAsync($"/{s.M.Slug}/manage/services/{Id(other.ServiceId)}/translations")).QuerySelector("#state-en td")!.TextContent.Trim());

        var overview = await editor.GetDocumentAsync(s.Overview);
        string Cell(int service, string language) => overview.QuerySelector($"#service-{Id(service)} td[data-language={language}]")!.TextContent.Trim();
        Assert.StartsWith("vollständig", Cell(other.ServiceId, "en"), StringComparison.Ordinal);
        Assert.StartsWith("fehlt: 6", Cell(other.ServiceId, "ar"), StringComparison.Ordinal);
        Assert.StartsWith("fehlt: 7", Cell(s.ServiceId, "en"), StringComparison.Ordinal);
        Assert.Equal(s.Page("en"), overview.QuerySelector($"#service-{Id(s.ServiceId)} td[data-language=en] a")!.GetAttribute("href"));
        Assert.Contains("1 von 2 nicht vollständig", overview.QuerySelector("#incomplete-counts")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", await (await editor.GetAsync(s.Overview)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_team_and_the_services_organisation_translate_nobody_else_and_no_other_municipality()
    {
        var s = await SetUpAsync();
        var stale = new Dictionary<string, string> { ["Token"] = "stale", [s.Field("Name")] = "Changed by someone" };
        bool Translators(Visitor v) => Access.PlanEditor(v) || v == Visitor.StakeholderMember;
        foreach (var visitor in Enum.GetValues<Visitor>())
        {
            var client = await PermissionMatrix.ClientAsync(app, s.M, visitor, stakeholderId: s.OrganisationId);
            // A stale form is refused for everyone admitted (a conflict), so nothing changes.
            await PermissionMatrix.AssertAsync(client, visitor, [
                PermissionCheck.Get(s.Page("ar"), Translators),
                PermissionCheck.Post(s.Page("ar"), Translators, stale, HttpStatusCode.OK),
                PermissionCheck.Get(s.States, Translators),
                PermissionCheck.Get(s.Overview, Access.PlanEditor),
                PermissionCheck.Get(s.Page("xx"), Translators, HttpStatusCode.NotFound),
            ]);
        }
        Assert.Empty(await StoredAsync(s, "ar"));

        // The other municipality's plan team does not find the service under its own address.
        var other = await app.CreateMunicipalityAsync();
        var otherEditor = await other.SignedInClientAsync(MunicipalityRole.PlanEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEditor.GetAsync($"/{other.Slug}/manage/services/{Id(s.ServiceId)}/translations/ar")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEditor.GetAsync($"/{other.Slug}/manage/services/{Id(s.ServiceId)}/translations")).StatusCode);
        var token = await otherEditor.AntiforgeryTokenAsync();
        var response = await otherEditor.PostWithTokenAsync($"/{other.Slug}/manage/services/{Id(s.ServiceId)}/translations/ar", token, stale);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await StoredAsync(s, "ar"));
    }
}

public sealed class ServiceTranslationSqliteTests(SqliteApp app) : ServiceTranslationTests(app), IClassFixture<SqliteApp>;

public sealed class ServiceTranslationPostgresTests(PostgresApp app) : ServiceTranslationTests(app), IClassFixture<PostgresApp>;
