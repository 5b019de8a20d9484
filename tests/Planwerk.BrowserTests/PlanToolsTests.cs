using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Infrastructure.Time;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans.History;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>The plan team's tools around the editor in Chromium: importing a measure table, the
/// history with its filters, copying a plan through its JSON document, narrative sections and named
/// versions. axe-core runs on every page reached, including the page that lists an import's problems.</summary>
public sealed class PlanToolsTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Header = "Teilbereich-Nummer;Nummer;Titel;Status;Fortschritt\r\n";
    private const string NewTitle = "Mentoring für Neuankommende " + HostileText.Script;

    private static FilePayload Csv(string name, string content) =>
        new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(content) };

    private static async Task UploadAsync(IPage page, FilePayload file)
    {
        await page.GetByLabel("CSV- oder XLSX-Datei").SetInputFilesAsync(file);
        await page.LoadsNextAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Prüfen und importieren" }).ClickAsync());
    }

    [Fact]
    public async Task Editor_fixes_the_row_an_import_names_finds_it_in_the_filtered_history_and_copies_the_plan_as_JSON()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await Seed.PlanAsync(m);
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var transferUrl = $"/{m.Slug}/manage/plans/{plan.PlanId}/transfer";
        var page = await app.NewPageAsync();
        await page.SignInAsync(editor.Email!);

        await page.GotoAsync(transferUrl);
        Assert.Equal("Import und Export", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Der Plan hat 2 Maßnahmen.", await page.MainTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAccessibilityViolationsAsync();

        // One bad cell in the third row: nothing is imported and the problem names row and column.
        await UploadAsync(page, Csv("massnahmen.csv", Header
            + $"1;1.2;{NewTitle};In Umsetzung;20\r\n"
            + "2;2.2;Beratung im Stadtteil;Verzögert;140\r\n"));
        await Assertions.Expect(page.Locator("#import-problems")).ToContainTextAsync("Die Datei wurde nicht importiert");
        var problems = page.Locator("table.import-problems tbody tr");
        Assert.Equal(1, await problems.CountAsync());
        Assert.Equal("3", await problems.Locator("td").Nth(0).InnerTextAsync());
        Assert.Equal("Fortschritt", await problems.Locator("td").Nth(1).InnerTextAsync());
        Assert.Contains("„140“ ist kein gültiger Fortschritt", await problems.Locator("td").Nth(2).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Der Plan hat 2 Maßnahmen.", await page.MainTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAccessibilityViolationsAsync();

        // The corrected file is applied as a whole.
        await UploadAsync(page, Csv("massnahmen.csv", Header
            + $"1;1.2;{NewTitle};In Umsetzung;20\r\n"
            + "2;2.2;Beratung im Stadtteil;Verzögert;40\r\n"));
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Import abgeschlossen (Maßnahmen): 2 neu angelegt, 0 geändert");
        Assert.Equal(0, await page.Locator("#import-problems").CountAsync());
        Assert.Contains("Der Plan hat 4 Maßnahmen.", await page.MainTextAsync(), StringComparison.Ordinal);

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync($"/{m.Slug}/plans/{plan.PlanId}");
        Assert.Contains(NewTitle, await visitor.MainTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Beratung im Stadtteil", await visitor.MainTextAsync(), StringComparison.Ordinal);

        // The plan's history, filtered to the editor and to today, shows the two imported measures.
        var historyUrl = $"/{m.Slug}/manage/plans/{plan.PlanId}/history";
        await page.GotoAsync(historyUrl);
        await page.AssertNoAccessibilityViolationsAsync();
        var today = BerlinTime.ExportDate(BerlinTime.Today(TimeProvider.System));
        await page.Locator("#person").SelectOptionAsync(new SelectOptionValue { Label = editor.DisplayName });
        await page.Locator("#from").FillAsync(today);
        await page.Locator("#to").FillAsync(today);
        await page.Locator("#history-filter").GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await page.ReachAsync($"**{historyUrl}?**person=**");
        Assert.Contains($"from={today}", page.Url, StringComparison.Ordinal);
        Assert.Equal(editor.Id, await page.Locator("#person").InputValueAsync());
        var entries = page.Locator("ol.history > li");
        Assert.Equal(2, await entries.CountAsync());
        foreach (var entry in await entries.AllAsync())
            Assert.Contains(editor.DisplayName, await entry.Locator(".change-head").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("2 Änderungen", await page.Locator("#history-filter + p[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAccessibilityViolationsAsync();

        // A day before the changes: nothing.
        await page.Locator("#from").FillAsync("2020-01-01");
        await page.Locator("#to").FillAsync("2020-01-31");
        await page.Locator("#history-filter").GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await page.ReachAsync("**to=2020-01-31**");
        Assert.Contains("Keine Änderungen gefunden.", await page.MainTextAsync(), StringComparison.Ordinal);

        // From the plan's history to the imported measure's own history, by keyboard.
        await page.GotoAsync($"{historyUrl}?person={Uri.EscapeDataString(editor.Id)}");
        await page.Locator("ol.history").GetByRole(AriaRole.Link, new() { Name = "Mentoring für Neuankommende" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.ReachAsync("**/measures/*/history");
        Assert.Contains("Änderungsverlauf: Maßnahme", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("ol.history > li").CountAsync());
        Assert.Contains(NewTitle, await page.Locator("ol.history").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAccessibilityViolationsAsync();

        // The whole plan downloaded as JSON becomes a new plan with the same four measures.
        await page.GotoAsync(transferUrl);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ganzer Plan als JSON-Dokument" }).ClickAsync());
        Assert.EndsWith(".json", download.SuggestedFilename, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Einen ganzen Plan aus einem JSON-Dokument als neuen Plan anlegen" }).ClickAsync();
        await page.ReachAsync($"**/{m.Slug}/manage/plans/import");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.GetByLabel("JSON-Dokument").SetInputFilesAsync(await download.PathAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfen und als neuen Plan anlegen" }).ClickAsync();
        await page.ReachAsync($"**/{m.Slug}/manage/plans/*/transfer");
        Assert.NotEqual(transferUrl, new Uri(page.Url).AbsolutePath);
        Assert.Contains("Der Plan hat 4 Maßnahmen.", await page.MainTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Aktionsplan Integration", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_freezes_a_version_adds_a_Markdown_section_and_the_comparison_and_public_plan_show_it()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await Seed.PlanAsync(m);
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var manageUrl = $"/{m.Slug}/manage/plans/{plan.PlanId}";
        var page = await app.NewPageAsync();
        await page.SignInAsync(editor.Email!);

        // Freeze the plan as it is, then look at the frozen version.
        await page.GotoAsync(manageUrl + "/versions");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.Locator("#Input_Name").FillAsync("Erster Entwurf " + HostileText.Script);
        await page.Locator("#Input_Note").FillAsync("Vor dem Vorwort.");
        await page.Locator("#freeze-form button[type=submit]").ClickAsync();
        await page.ReachAsync($"**{manageUrl}/versions/*");
        var versionId = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        Assert.Contains("Erster Entwurf " + HostileText.Script, await page.Locator("#version-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Sprachkurse in den Stadtteilen", await page.MainTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAccessibilityViolationsAsync();

        // Sections: the empty list, the new-section form (with an error first), the list with two sections.
        await page.GotoAsync(manageUrl + "/sections");
        Assert.Contains("Dieser Plan hat noch keine Abschnitte.", await page.MainTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Abschnitt hinzufügen" }).ClickAsync();
        await page.ReachAsync($"**{manageUrl}/sections/new");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.Locator("#Input_Body").FillAsync("Ohne Titel.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Abschnitt anlegen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        Assert.Equal("Ohne Titel.", await page.Locator("#Input_Body").InputValueAsync());
        await page.Locator("#Input_Title").FillAsync("Rückblick");
        await page.Locator("#Input_Body").FillAsync("Was seit 2018 geschah.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Abschnitt anlegen" }).ClickAsync();
        await page.ReachAsync($"**{manageUrl}/sections");

        await page.GetByRole(AriaRole.Link, new() { Name = "Abschnitt hinzufügen" }).ClickAsync();
        await page.ReachAsync($"**{manageUrl}/sections/new");
        await page.Locator("#Input_Title").FillAsync("Vorwort " + HostileText.Script);
        await page.Locator("#Input_Body").FillAsync("Ein **starker** Satz.\n\n- Sprache\n- Arbeit\n\n" + HostileText.Markup);
        await page.Locator("#Input_Reason").FillAsync("Beschluss der Steuerungsgruppe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Abschnitt anlegen" }).ClickAsync();
        await page.ReachAsync($"**{manageUrl}/sections");
        Assert.Contains("wurde angelegt", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAccessibilityViolationsAsync();

        // Move the preface before the retrospective with the keyboard.
        var items = page.Locator("ol.sections > li");
        Assert.Equal(["Rückblick", "Vorwort " + HostileText.Script], await items.Locator(":scope > a").AllInnerTextsAsync());
        await items.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Nach oben" }).FocusAsync();
        await page.LoadsNextAsync(() => page.Keyboard.PressAsync("Enter"));
        await Assertions.Expect(items.First.Locator(":scope > a")).ToHaveTextAsync("Vorwort " + HostileText.Script);

        // The public plan shows the sections in that order, the Markdown rendered and the markup inert.
        var visitor = await app.NewPageAsync();
        var dialogs = 0;
        visitor.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await visitor.GotoAsync($"/{m.Slug}/plans/{plan.PlanId}");
        var sections = visitor.Locator("section.plan-section");
        Assert.Equal(["Vorwort " + HostileText.Script, "Rückblick"], await sections.Locator("h2").AllInnerTextsAsync());
        Assert.Equal("starker", await sections.First.Locator(".markdown strong").InnerTextAsync());
        Assert.Equal(["Sprache", "Arbeit"], await sections.First.Locator(".markdown li").AllInnerTextsAsync());
        Assert.Equal(0, await sections.Locator("img").CountAsync());
        await visitor.AssertNoAccessibilityViolationsAsync();
        Assert.Equal(0, dialogs);

        // The comparison of the frozen version with the current plan counts the two new sections.
        await page.GotoAsync(manageUrl + "/versions");
        await page.Locator("#compare-from").SelectOptionAsync(versionId);
        await page.Locator("#compare-to").SelectOptionAsync("current");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vergleichen" }).ClickAsync();
        await page.ReachAsync($"**{manageUrl}/versions/compare?from={versionId}&to=current");
        Assert.Contains("Änderungen an Abschnitten: 2", await page.MainTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Vorwort " + HostileText.Script, await page.Locator("#section-changes-list").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAccessibilityViolationsAsync();

        // The public list of versions names the frozen one.
        await visitor.GotoAsync($"/{m.Slug}/plans/{plan.PlanId}/versions");
        Assert.Contains("Erster Entwurf " + HostileText.Script, await visitor.MainTextAsync(), StringComparison.Ordinal);
        await visitor.AssertNoAccessibilityViolationsAsync();
        Assert.Equal(0, dialogs);
    }
}
