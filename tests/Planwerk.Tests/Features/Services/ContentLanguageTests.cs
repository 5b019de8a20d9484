using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Services;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Services;

/// <summary>The content languages page: a new municipality starts with English, Arabic, Persian, Ukrainian, Russian and
/// Turkish after German (the fixed source); the plan team adds a language from the ISO 639 list (its own name and
/// direction from the list; unknown codes, German and repeats refused with a message), reorders and removes languages
/// (translations kept and offered again when the language comes back; the last one stays); nobody else may.</summary>
public abstract class ContentLanguageTests(PlanwerkApp app)
{
    private static string Url(TestMunicipality m) => $"/{m.Slug}/manage/services/languages";

    private static async Task<List<string>> ListedAsync(HttpClient client, TestMunicipality m) =>
        (await client.GetDocumentAsync(Url(m))).QuerySelectorAll("#languages > li").Select(li => li.Id!["language-".Length..]).ToList();

    private static Task<List<string>> StoredAsync(TestMunicipality m) =>
        m.WithDbAsync(db => db.ContentLanguages.AsNoTracking().OrderBy(l => l.Position).Select(l => l.Code).ToListAsync());

    [Fact]
    public async Task A_new_municipality_offers_the_six_default_languages_after_German_the_fixed_source()
    {
        var m = await app.CreateMunicipalityAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var page = await editor.GetDocumentAsync(Url(m));
        Assert.Equal(["de", "en", "ar", "fa", "uk", "ru", "tr"], await ListedAsync(editor, m));
        Assert.Equal(["en", "ar", "fa", "uk", "ru", "tr"], await StoredAsync(m));
        // German has no buttons; Arabic and Persian names are marked right to left in their own language.
        Assert.Empty(page.QuerySelectorAll("#language-de form"));
        var arabic = page.QuerySelector("#language-ar .structure-title")!;
        Assert.Equal(("ar", "rtl", "العربية"), (arabic.GetAttribute("lang"), arabic.GetAttribute("dir"), arabic.TextContent));
        Assert.Equal("rtl", page.QuerySelector("#language-fa .structure-title")!.GetAttribute("dir"));
        Assert.Equal("ltr", page.QuerySelector("#language-uk .structure-title")!.GetAttribute("dir"));
        // Visiting again adds nothing twice.
        await editor.GetDocumentAsync(Url(m));
        Assert.Equal(6, (await StoredAsync(m)).Count);
    }

    [Fact]
    public async Task The_plan_team_adds_a_language_from_the_list_with_its_own_name_and_direction()
    {
        var m = await app.CreateMunicipalityAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var response = await editor.SubmitFormAsync(Url(m), new Dictionary<string, string?> { ["Code"] = "ckb" }, "#language-form");
        Assert.Equal(Url(m), response.RedirectTarget());
        var stored = await m.WithDbAsync(db => db.ContentLanguages.AsNoTracking().SingleAsync(l => l.Code == "ckb"));
        Assert.Equal(("کوردیی ناوەندی", true, 6), (stored.Name, stored.IsRightToLeft, stored.Position));
        var page = await editor.GetDocumentAsync(Url(m));
        Assert.Contains("hinzugefügt", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("rtl", page.QuerySelector("#language-ckb .structure-title")!.GetAttribute("dir"));
        // It is no longer offered for adding.
        Assert.Null(page.QuerySelector("#Code option[value=ckb]"));
        Assert.NotNull(page.QuerySelector("#Code option[value=vi]"));
        Assert.Null(page.QuerySelector("#Code option[value=de]"));
    }

    [Theory]
    [InlineData("xx", "„xx“ ist kein bekannter Sprachcode")]
    [InlineData("<script>alert(1)</script>", "ist kein bekannter Sprachcode")]
    [InlineData("", "Bitte wählen Sie eine Sprache aus")]
    [InlineData("de", "Deutsch ist die Ausgangssprache")]
    [InlineData("AR", "ist schon dabei")]
    public async Task A_code_not_in_the_list_German_or_one_already_there_is_refused_at_the_field_and_nothing_changes(string code, string message)
    {
        var m = await app.CreateMunicipalityAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var before = await ListedAsync(editor, m);
        var token = await editor.AntiforgeryTokenAsync();
        var response = await editor.PostWithTokenAsync(Url(m), token, new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("#Code-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Code")!.GetAttribute("aria-invalid"));
        Assert.DoesNotContain("<script>", page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(before.Skip(1), await StoredAsync(m));
    }

    [Fact]
    public async Task Languages_move_up_and_down_and_the_ends_stay_put()
    {
        var m = await app.CreateMunicipalityAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        await editor.GetDocumentAsync(Url(m));
        var response = await editor.SubmitFormAsync(Url(m), new Dictionary<string, string?>(), "#move-ar", "direction", "Up");
        Assert.Equal(Url(m), response.RedirectTarget());
        Assert.Equal(["ar", "en", "fa", "uk", "ru", "tr"], await StoredAsync(m));
        await editor.SubmitFormAsync(Url(m), new Dictionary<string, string?>(), "#move-uk", "direction", "Down");
        Assert.Equal(["ar", "en", "fa", "ru", "uk", "tr"], await StoredAsync(m));
        var page = await editor.GetDocumentAsync(Url(m));
        Assert.Null(page.QuerySelector("#move-ar button[value=Up]"));
        Assert.Null(page.QuerySelector("#move-tr button[value=Down]"));
        // A move past the end changes nothing.
        var id = await m.WithDbAsync(db => db.ContentLanguages.Where(l => l.Code == "tr").Select(l => l.Id).SingleAsync());
        var token = await editor.AntiforgeryTokenAsync();
        await editor.PostWithTokenAsync(Url(m) + "?handler=Move", token, new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["direction"] = "Down" });
        Assert.Equal(["ar", "en", "fa", "ru", "uk", "tr"], await StoredAsync(m));
    }

    [Fact]
    public async Task A_removed_language_keeps_its_translations_offers_them_no_longer_and_brings_them_back_when_added_again()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Caritas");
        var (serviceId, _) = await m.AddServiceAsync(organisation);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var translation = $"/{m.Slug}/manage/services/{serviceId}/translations/fa";
        var response = await editor.SubmitFormAsync(translation, new Dictionary<string, string?> { [$"Texts[Service-{serviceId}-Name]"] = "مشاوره پناهندگی" }, "#translation-form");
        Assert.Equal(translation, response.RedirectTarget());

        response = await editor.SubmitFormAsync(Url(m), new Dictionary<string, string?>(), "#remove-fa");
        Assert.Equal(Url(m), response.RedirectTarget());
        Assert.DoesNotContain("fa", await StoredAsync(m));
        Assert.Equal(1, await m.WithDbAsync(db => db.ContentTranslations.CountAsync(t => t.Language == "fa")));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(translation)).StatusCode);
        Assert.Null((await editor.GetDocumentAsync($"/{m.Slug}/manage/services/{serviceId}/translations")).QuerySelector("#state-fa"));

        await editor.SubmitFormAsync(Url(m), new Dictionary<string, string?> { ["Code"] = "fa" }, "#language-form");
        var page = await editor.GetDocumentAsync(translation);
        Assert.Equal("مشاوره پناهندگی", page.QuerySelector($"#Texts_Service-{serviceId}-Name_")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_last_language_besides_German_cannot_be_removed()
    {
        var m = await app.CreateMunicipalityAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        foreach (var code in new[] { "en", "ar", "fa", "uk", "ru" })
            Assert.Equal(Url(m), (await editor.SubmitFormAsync(Url(m), new Dictionary<string, string?>(), "#remove-" + code)).RedirectTarget());
        var response = await editor.SubmitFormAsync(Url(m), new Dictionary<string, string?>(), "#remove-tr");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(response)).Errors(), e => e.Contains("letzte Sprache", StringComparison.Ordinal));
        Assert.Equal(["tr"], await StoredAsync(m));
        // Visiting again does not bring the defaults back.
        Assert.Equal(["de", "tr"], await ListedAsync(editor, m));
    }

    [Fact]
    public async Task Only_plan_editors_and_administrators_of_the_municipality_see_and_change_the_languages()
    {
        var m = await app.CreateMunicipalityAsync();
        var admin = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        await admin.GetDocumentAsync(Url(m));
        var before = await StoredAsync(m);
        var id = await m.WithDbAsync(db => db.ContentLanguages.Where(l => l.Code == "ar").Select(l => l.Id).SingleAsync());
        var unknownId = "999999";
        foreach (var visitor in Enum.GetValues<Visitor>())
        {
            var client = await PermissionMatrix.ClientAsync(app, m, visitor);
            // The posts are refused for everyone admitted (a code already there, an unknown language), so nothing changes.
            await PermissionMatrix.AssertAsync(client, visitor, [
                PermissionCheck.Get(Url(m), Access.PlanEditor),
                PermissionCheck.Post(Url(m), Access.PlanEditor, new() { ["Code"] = "ar" }, HttpStatusCode.OK),
                PermissionCheck.Post(Url(m) + "?handler=Move", Access.PlanEditor, new() { ["id"] = unknownId, ["direction"] = "Up" }, HttpStatusCode.NotFound),
                PermissionCheck.Post(Url(m) + "?handler=Remove", Access.PlanEditor, new() { ["id"] = unknownId }, HttpStatusCode.NotFound),
            ]);
            // A refused visitor cannot move or remove a real one either.
            if (!Access.PlanEditor(visitor))
            {
                var token = await client.AntiforgeryTokenAsync();
                await client.PostWithTokenAsync(Url(m) + "?handler=Remove", token, new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }
        }
        Assert.Equal(before, await StoredAsync(m));
        // The other municipality's administrator removes nothing of it through its own address.
        var other = await app.CreateMunicipalityAsync();
        var otherAdmin = await other.SignedInClientAsync(MunicipalityRole.Administrator);
        await otherAdmin.GetDocumentAsync(Url(other));
        var token2 = await otherAdmin.AntiforgeryTokenAsync();
        var response = await otherAdmin.PostWithTokenAsync(Url(other) + "?handler=Remove", token2, new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await StoredAsync(m));
    }
}

public sealed class ContentLanguageSqliteTests(SqliteApp app) : ContentLanguageTests(app), IClassFixture<SqliteApp>;

public sealed class ContentLanguagePostgresTests(PostgresApp app) : ContentLanguageTests(app), IClassFixture<PostgresApp>;
