using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>The clerk's changed forms in a real browser: the meeting form (special session, a date with its time
/// unknown, a time, the field named for a time the clocks skip or an end without a start time) and the paper page's
/// files (upload with a document date, up and down, the main file, a file's date) and resolution text. Reached and
/// sent with the keyboard, a refused input named beside its field, axe-core on every state.</summary>
public sealed class CouncilClerkFormsTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Clerk_records_a_special_session_with_only_its_day_known_on_an_accessible_form()
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.AddMemberAsync(MunicipalityRole.CouncilClerk);
        await m.WithDbAsync(async db =>
        {
            db.Add(new CouncilBody { Name = "Stadtrat " + HostileText.Script, Classification = BodyClassification.CityCouncil });
            return await db.SaveChangesAsync();
        });
        var page = await app.NewPageAsync();
        await page.SignInAsync(clerk.Email!);

        await page.GotoAsync($"/{m.Slug}/manage/council");
        await page.TabToAndPressAsync(page.Locator("#new-meeting"));
        await page.AssertNoAccessibilityViolationsAsync();
        var name = "Sondersitzung " + HostileText.RightToLeft;
        await page.Locator("#Input_Name").FillAsync(name);
        await page.TabToAndPressAsync(page.Locator("#Input_IsSpecialSession"), "Space", navigates: false);
        await Assertions.Expect(page.Locator("#Input_IsSpecialSession")).ToBeCheckedAsync();
        // 31.03.2019, 02:30 does not exist in German time: the clocks went from 02:00 to 03:00.
        await page.Locator("#Input_StartDate").FillAsync("2019-03-31");
        await page.Locator("#Input_StartTime").FillAsync("02:30");
        await page.Locator("#Input_StartTime").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#Input_StartTime-error")).ToContainTextAsync("Sommerzeit");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Uhrzeit");
        await page.AssertNoAccessibilityViolationsAsync();
        Assert.Equal(0, await m.WithDbAsync(db => db.Meetings.CountAsync()));

        // The time left empty (only the day known), but an end time given: the end is refused, named beside its field.
        await Assertions.Expect(page.Locator("#Input_IsSpecialSession")).ToBeCheckedAsync();
        await page.Locator("#Input_StartTime").FillAsync("");
        await page.Locator("#Input_EndTime").FillAsync("18:00");
        await page.Locator("#Input_EndTime").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#Input_EndTime-error")).ToContainTextAsync("Uhrzeit des Beginns");
        await page.AssertNoAccessibilityViolationsAsync();

        await page.Locator("#Input_EndTime").FillAsync("");
        await page.TabToAndPressAsync(page.Locator("#meeting-form button[type=submit]"));
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("gespeichert");
        await Assertions.Expect(page.Locator("#Input_StartDate")).ToHaveValueAsync("2019-03-31");
        await Assertions.Expect(page.Locator("#Input_StartTime")).ToHaveValueAsync("");
        await page.AssertNoAccessibilityViolationsAsync();
        var stored = await m.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync());
        Assert.Equal((name, true, true, null), (stored.Name, stored.IsSpecialSession, stored.StartTimeUnknown, stored.End));
        Assert.Equal(new DateTimeOffset(2019, 3, 30, 23, 0, 0, TimeSpan.Zero), stored.Start);

        // The time found out later; no longer a special session.
        await page.Locator("#Input_StartTime").FillAsync("16:00");
        await page.TabToAndPressAsync(page.Locator("#Input_IsSpecialSession"), "Space", navigates: false);
        await page.TabToAndPressAsync(page.Locator("#meeting-form button[type=submit]"));
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("gespeichert");
        await Assertions.Expect(page.Locator("#Input_StartTime")).ToHaveValueAsync("16:00");
        await Assertions.Expect(page.Locator("#Input_IsSpecialSession")).Not.ToBeCheckedAsync();
        await page.AssertNoAccessibilityViolationsAsync();
        stored = await m.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync());
        Assert.Equal((false, false), (stored.IsSpecialSession, stored.StartTimeUnknown));
        Assert.Equal(new DateTimeOffset(2019, 3, 31, 14, 0, 0, TimeSpan.Zero), stored.Start);

        // An agenda item: public on the blank form; unticked on its own page, it is no longer public.
        await Assertions.Expect(page.Locator("#Item_IsPublic")).ToBeCheckedAsync();
        await page.Locator("#Item_Name").FillAsync("Personalangelegenheit");
        await page.TabToAndPressAsync(page.Locator("#item-form button[type=submit]"));
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("hinzugefügt");
        var itemId = await m.WithDbAsync(db => db.AgendaItems.Select(i => i.Id).SingleAsync());
        Assert.True(await m.WithDbAsync(db => db.AgendaItems.Select(i => i.IsPublic).SingleAsync()));
        await page.TabToAndPressAsync(page.Locator($"#item-{itemId} a.edit-item"));
        await page.AssertNoAccessibilityViolationsAsync();
        await page.TabToAndPressAsync(page.Locator("#Item_IsPublic"), "Space", navigates: false);
        await Assertions.Expect(page.Locator("#Item_IsPublic")).Not.ToBeCheckedAsync();
        await page.TabToAndPressAsync(page.Locator("#item-edit-form button[type=submit]"));
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("gespeichert");
        await Assertions.Expect(page.Locator($"#item-{itemId}")).ToContainTextAsync("nein");
        Assert.False(await m.WithDbAsync(db => db.AgendaItems.Select(i => i.IsPublic).SingleAsync()));
    }

    [Fact]
    public async Task Clerk_orders_the_files_of_a_paper_dates_them_and_stores_its_resolution_text_on_accessible_pages()
    {
        var m = await app.CreateMunicipalityAsync();
        var clerk = await m.AddMemberAsync(MunicipalityRole.CouncilClerk);
        var page = await app.NewPageAsync();
        await page.SignInAsync(clerk.Email!);

        await page.GotoAsync($"/{m.Slug}/manage/council");
        await page.TabToAndPressAsync(page.Locator("#new-paper"));
        await page.AssertNoAccessibilityViolationsAsync();
        await page.Locator("#Input_Reference").FillAsync("V0815/19");
        await page.Locator("#Input_Name").FillAsync("Fachplan " + HostileText.Script);
        await page.Locator("#Input_Date").FillAsync("2019-05-02");
        // Too long a resolution text is refused, named beside its field; nothing is saved.
        await page.Locator("#Input_ResolutionText").FillAsync(new string('x', Paper.MaxResolutionTextLength + 1));
        await page.TabToAndPressAsync(page.Locator("#paper-form button[type=submit]"));
        await Assertions.Expect(page.Locator("#Input_ResolutionText-error")).ToContainTextAsync("Beschlusstext");
        await page.AssertNoAccessibilityViolationsAsync();
        Assert.Equal(0, await m.WithDbAsync(db => db.Papers.CountAsync()));
        var resolution = "Der Stadtrat **beschließt** den Fachplan. " + HostileText.Script + " " + HostileText.RightToLeft;
        await page.Locator("#Input_ResolutionText").FillAsync(resolution);
        await page.TabToAndPressAsync(page.Locator("#paper-form button[type=submit]"));
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("gespeichert");
        await Assertions.Expect(page.Locator("#Input_ResolutionText")).ToHaveValueAsync(resolution);
        await page.AssertNoAccessibilityViolationsAsync();
        var paperId = await m.WithDbAsync(db => db.Papers.Select(p => p.Id).SingleAsync());
        Assert.Equal(resolution, await m.WithDbAsync(db => db.Papers.Select(p => p.ResolutionText).SingleAsync()));

        // The upload form suggests the paper's date; without a file it is refused, named beside the field.
        await Assertions.Expect(page.Locator("#NewFile_DocumentDate")).ToHaveValueAsync("2019-05-02");
        await page.TabToAndPressAsync(page.Locator("#file-form button[type=submit]"));
        await Assertions.Expect(page.Locator("#NewFile_Upload-error")).ToContainTextAsync("Datei");
        await page.AssertNoAccessibilityViolationsAsync();

        await UploadAsync(page, "Vorlage", "vorlage.pdf", "2019-05-02");
        await UploadAsync(page, "Anlage " + HostileText.RightToLeft, "anlage.pdf", "2019-04-30");
        await Assertions.Expect(page.Locator("#file-list > li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#file-list > li").Nth(1)).ToContainTextAsync("30.04.2019");
        await page.AssertNoAccessibilityViolationsAsync();
        var files = await m.WithDbAsync(db => db.PaperFiles.OrderBy(f => f.Id).Select(f => f.Id).ToListAsync());
        var (first, second) = (files[0], files[1]);
        await Assertions.Expect(page.Locator("#file-list > li").First.Locator("#main-file")).ToBeVisibleAsync();

        // The attachment up: it becomes the main file.
        await page.TabToAndPressAsync(page.Locator($"#file-{second} form[action*='MoveFile'][action*='up=true'] button"));
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Reihenfolge");
        await Assertions.Expect(page.Locator("#file-list > li").First).ToHaveIdAsync($"file-{second}");
        await Assertions.Expect(page.Locator($"#file-{second} #main-file")).ToBeVisibleAsync();
        await page.AssertNoAccessibilityViolationsAsync();
        // And down again.
        await page.TabToAndPressAsync(page.Locator($"#file-{second} form[action*='MoveFile'][action*='up=false'] button"));
        await Assertions.Expect(page.Locator("#file-list > li").First).ToHaveIdAsync($"file-{first}");
        // "Zur Hauptdatei machen" puts it on top.
        await page.TabToAndPressAsync(page.Locator($"#file-{second} form[action*='MainFile'] button"));
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Hauptdatei");
        await Assertions.Expect(page.Locator("#file-list > li").First).ToHaveIdAsync($"file-{second}");
        await page.AssertNoAccessibilityViolationsAsync();
        Assert.Equal([second, first], await m.WithDbAsync(db => db.PaperFiles.OrderBy(f => f.Position).Select(f => f.Id).ToListAsync()));

        // A file's date: emptied, it is refused naming the file; then changed.
        var date = page.Locator($"#FileDate{first}");
        await date.FillAsync("");
        await date.PressAsync("Enter");
        await Assertions.Expect(page.Locator($"#FileDate{first}-error")).ToContainTextAsync("Datum des Dokuments „Vorlage“");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.Locator($"#FileDate{first}").FillAsync("2019-05-07");
        await page.TabToAndPressAsync(page.Locator($"#file-{first} form.file-date button"));
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Datum");
        await Assertions.Expect(page.Locator($"#file-{first}")).ToContainTextAsync("07.05.2019");
        await page.AssertNoAccessibilityViolationsAsync();
        Assert.Equal(new DateOnly(2019, 5, 7), await m.WithDbAsync(db => db.PaperFiles.Where(f => f.Id == first).Select(f => f.DocumentDate).SingleAsync()));

        // The public paper shows the files in the clerk's order with their dates, and the resolution text rendered and escaped.
        await page.GotoAsync($"/{m.Slug}/council/papers/{paperId}");
        await Assertions.Expect(page.Locator("#resolution strong")).ToHaveTextAsync("beschließt");
        await Assertions.Expect(page.Locator("#resolution")).ToContainTextAsync(HostileText.Script);
        await page.AssertNoAccessibilityViolationsAsync();
    }

    /// <summary>Uploads a small PDF with the keyboard, with its title and document date.</summary>
    private static async Task UploadAsync(IPage page, string title, string fileName, string documentDate)
    {
        await page.Locator("#NewFile_Name").FillAsync(title);
        await page.Locator("#NewFile_DocumentDate").FillAsync(documentDate);
        await page.Locator("#NewFile_Upload").SetInputFilesAsync(new FilePayload
        {
            Name = fileName, MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray(),
        });
        await page.TabToAndPressAsync(page.Locator("#file-form button[type=submit]"));
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("hinzugefügt");
    }
}
