using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>Participation through the real pages in Chromium: an organisation's statement from the round page
/// to the published weighing table, and axe-core with keyboard-reachable main actions on the other
/// participation pages.</summary>
public sealed partial class ParticipationTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A round on a named version of the seeded plan, open since an hour (the browser app has the real clock).</summary>
    private static async Task<int> AddOpenRoundAsync(TestMunicipality m, int planId, RoundAudience audience, params int[] invited)
    {
        var versionId = await m.AddVersionAsync(planId, "Entwurf zur Beteiligung");
        return await m.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var round = new ConsultationRound
            {
                Title = "Beteiligung zum Entwurf", Description = "Bitte nehmen Sie **bis Ende Januar** Stellung.", PlanId = planId, PlanVersionId = versionId,
                OpensAt = now.AddHours(-1), ClosesAt = now.AddDays(14), Audience = audience, CreatedAt = now.AddHours(-1),
                InvitedStakeholders = invited.Select(s => new RoundInvitedStakeholder { StakeholderId = s }).ToList(),
            };
            db.ConsultationRounds.Add(round);
            await db.SaveChangesAsync();
            return round.Id;
        });
    }

    [Fact]
    public async Task An_organisation_submits_a_statement_and_the_plan_team_weighs_it_and_links_a_measure_change()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await Seed.PlanAsync(m);
        var organisation = await m.AddStakeholderAsync("Caritasverband Beispielstadt");
        var member = await app.CreateUserAsync();
        await m.AddStakeholderMemberAsync(organisation, member.Id);
        var roundId = await AddOpenRoundAsync(m, plan.PlanId, RoundAudience.InvitedOrganisations, organisation);
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var roundUrl = $"/{m.Slug}/consultations/{Id(roundId)}";
        var statementText = "Wir schlagen **Kinderbetreuung** während der Kurse vor.\n\n- mehr Kurse am Abend\n\n" + HostileText.Script;

        // The member writes the statement from the public round page.
        var page = await app.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await page.SignInAsync(member.Email!);
        await page.GotoAsync(roundUrl);
        await page.AssertNoAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Stellungnahme schreiben" }).ClickAsync();
        await page.ReachAsync($"**{roundUrl}/statements/new");
        await page.AssertNoAccessibilityViolationsAsync();
        var measureOption = page.Locator("#Input_Target option", new() { HasTextString = "Sprachkurse in den Stadtteilen" });
        await page.Locator("#Input_Target").SelectOptionAsync(await measureOption.GetAttributeAsync("value") ?? "");
        await page.GetByLabel("Zitierte Stelle (freiwillig)").FillAsync("Alle Neuankommenden lernen Deutsch.");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Ihre Stellungnahme" }).FillAsync(statementText);
        await page.GetByLabel("für „Caritasverband Beispielstadt“").CheckAsync();
        await page.GetByLabel("Anhänge (freiwillig)").SetInputFilesAsync(new FilePayload
        {
            Name = "stellungnahme.pdf", MimeType = "application/pdf", Buffer = ConsultationTestSupport.Files.Pdf(),
        });
        await page.GetByLabel("Ich bin einverstanden, dass meine Stellungnahme veröffentlicht wird.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Stellungnahme abgeben" }).ClickAsync();
        await page.ReachAsync($"**/{m.Slug}/my-statements/*");
        var statementId = int.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
        var receipt = (await page.Locator("#receipt-number").InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(receipt));
        Assert.Contains("Sprachkurse in den Stadtteilen", await page.Locator("#target").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(HostileText.Script, await page.Locator("#statement-text").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Kinderbetreuung", await page.Locator("#statement-text strong").InnerTextAsync());
        Assert.Equal(["stellungnahme.pdf"], await page.Locator("#attachments a").AllInnerTextsAsync());
        Assert.Equal(1, await page.Locator("#weighing-pending").CountAsync());
        await page.AssertNoAccessibilityViolationsAsync();
        var mail = await app.MailToAsync(member.Email!);
        Assert.Contains(receipt, mail.Subject, StringComparison.Ordinal);
        Assert.Contains(receipt, mail.TextBody, StringComparison.Ordinal);

        // The editor changes the measure with a reason: that makes the history record to link.
        var team = await app.NewPageAsync();
        team.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await team.SignInAsync(editor.Email!);
        var measureUrl = $"/{m.Slug}/manage/plans/{Id(plan.PlanId)}/measures/{Id(plan.MeasureId)}";
        await team.GotoAsync(measureUrl);
        await team.Locator("#Input_Goal").FillAsync("Alle Neuankommenden lernen Deutsch, mit Kinderbetreuung.");
        await team.Locator("#Input_Reason").FillAsync("Stellungnahme " + receipt);
        await team.Locator("#measure-form button[type=submit]").First.ClickAsync();
        await team.ReachAsync(url => !url.EndsWith(measureUrl, StringComparison.Ordinal));

        // From the team's statement list to the weighing page.
        var manageRound = $"/{m.Slug}/manage/consultations/{Id(roundId)}";
        await team.GotoAsync(manageRound + "/statements");
        await team.AssertNoAccessibilityViolationsAsync();
        await team.Locator($"#statement-row-{Id(statementId)}").GetByRole(AriaRole.Link, new() { Name = "Abwägen" }).ClickAsync();
        await team.ReachAsync($"**/{m.Slug}/manage/statements/{Id(statementId)}/weigh");
        Assert.Contains(HostileText.Script, await team.Locator("#statement-text").InnerTextAsync(), StringComparison.Ordinal);
        await team.AssertNoAccessibilityViolationsAsync();
        await team.GetByLabel("übernommen", new() { Exact = true }).CheckAsync();
        await team.GetByLabel("Begründung").FillAsync("Die Kinderbetreuung wird in die Maßnahme aufgenommen. " + HostileText.Markup);
        // The list also holds the seeding of the plan (after the round opened); the edit is the one with the reason.
        var change = team.Locator("#Input_ChangeIds .field-checkbox", new() { HasTextString = "Grund: Stellungnahme " + receipt }).Locator("input[type=checkbox]");
        Assert.Equal(1, await change.CountAsync());
        await change.CheckAsync();
        await team.GetByRole(AriaRole.Button, new() { Name = "Abwägung speichern" }).ClickAsync();
        await team.ReachAsync($"**{manageRound}/weighing*");
        Assert.Contains("1 Stellungnahmen, davon 1 abgewogen und 0 offen.", await team.Locator("#weighing-summary").InnerTextAsync(), StringComparison.Ordinal);
        await team.AssertNoAccessibilityViolationsAsync();

        // The round ends; the editor publishes the weighing.
        await m.WithDbAsync(async db =>
        {
            var round = await db.ConsultationRounds.SingleAsync(r => r.Id == roundId);
            round.ClosesAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            return await db.SaveChangesAsync();
        });
        await team.GotoAsync(manageRound + "/weighing");
        await team.GetByRole(AriaRole.Button, new() { Name = "Abwägung veröffentlichen" }).ClickAsync();
        await Assertions.Expect(team.Locator("#published")).ToBeVisibleAsync();
        await team.AssertNoAccessibilityViolationsAsync();

        // The member sees the outcome and the reasons.
        await page.GotoAsync($"/{m.Slug}/my-statements/{Id(statementId)}");
        Assert.Equal("Ergebnis: übernommen", (await page.Locator("#outcome").InnerTextAsync()).Trim());
        Assert.Contains("Die Kinderbetreuung wird in die Maßnahme aufgenommen. " + HostileText.Markup, await page.Locator("#reasons").InnerTextAsync(), StringComparison.Ordinal);

        // Anyone sees the statement, outcome, reasons and the linked change in the public table.
        var visitor = await app.NewPageAsync();
        visitor.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await visitor.GotoAsync(roundUrl);
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Ergebnis der Abwägung" }).ClickAsync();
        await visitor.ReachAsync($"**{roundUrl}/weighing");
        var table = await visitor.MainTextAsync();
        Assert.Contains(receipt, table, StringComparison.Ordinal);
        Assert.Contains(HostileText.Script, await visitor.Locator(".statement-text").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await visitor.Locator("main script, main img").CountAsync());
        Assert.Contains("übernommen", table, StringComparison.Ordinal);
        Assert.Contains("Die Kinderbetreuung wird in die Maßnahme aufgenommen.", table, StringComparison.Ordinal);
        Assert.Contains("Caritasverband Beispielstadt", table, StringComparison.Ordinal);
        Assert.Matches(MeasureChanged(), table);
        await visitor.AssertNoAccessibilityViolationsAsync();
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task Registration_join_request_and_its_approval_work_by_keyboard_and_pass_axe()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Ausländerrat Beispielstadt", kind: StakeholderKind.MigrantOrganisation);
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);

        // Registration with mismatched passwords and no consent: the errors are named, the page stays accessible.
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/register");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Leyla " + HostileText.Script);
        await page.GetByLabel("E-Mail-Adresse").FillAsync("leyla@example.org");
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync("Geheim123456!");
        await page.GetByLabel("Passwort wiederholen").FillAsync("Anders123456!");
        await page.TabToAndPressAsync(page.Locator("#register-form").GetByRole(AriaRole.Button, new() { Name = "Konto anlegen" }));
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        Assert.Equal("Leyla " + HostileText.Script, await page.GetByLabel("Name", new() { Exact = true }).InputValueAsync());
        await page.AssertNoAccessibilityViolationsAsync();

        // A resident asks to join the organisation.
        var resident = await app.CreateUserAsync();
        var person = await app.NewPageAsync();
        await person.SignInAsync(resident.Email!);
        await person.GotoAsync($"/{m.Slug}/stakeholders/join");
        await person.AssertNoAccessibilityViolationsAsync();
        await person.Locator("#Join_StakeholderId").SelectOptionAsync(Id(organisation));
        await person.Locator("#Join_Message").FillAsync("Ich bin Schriftführerin. " + HostileText.Markup);
        await person.TabToAndPressAsync(person.GetByRole(AriaRole.Button, new() { Name = "Beitritt beantragen" }));
        await Assertions.Expect(person.Locator("#my-requests")).ToContainTextAsync("Ausländerrat Beispielstadt");
        await person.AssertNoAccessibilityViolationsAsync();

        // The plan team approves it.
        var team = await app.NewPageAsync();
        await team.SignInAsync(editor.Email!);
        await team.GotoAsync($"/{m.Slug}/manage/join-requests");
        Assert.Contains("Ich bin Schriftführerin. " + HostileText.Markup, await team.MainTextAsync(), StringComparison.Ordinal);
        await team.AssertNoAccessibilityViolationsAsync();
        await team.TabToAndPressAsync(team.GetByRole(AriaRole.Button, new() { Name = "Annehmen" }));
        await team.AssertNoAccessibilityViolationsAsync();
        Assert.True(await m.WithDbAsync(db => db.StakeholderMembers.AnyAsync(x => x.StakeholderId == organisation && x.UserId == resident.Id)));
    }

    [Fact]
    public async Task Workshop_registration_and_the_team_forms_for_workshops_and_rounds_work_by_keyboard_and_pass_axe()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await Seed.PlanAsync(m);
        var roundId = await AddOpenRoundAsync(m, plan.PlanId, RoundAudience.OrganisationsAndResidents);
        var workshopId = await m.AddWorkshopAsync(DateTimeOffset.UtcNow, capacity: 5, groups: 2, title: "Werkstatt Sprache " + HostileText.Script);
        var editor = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        var resident = await app.CreateUserAsync();

        // The public list of rounds leads to the round by keyboard.
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/{m.Slug}/consultations");
        await page.AssertNoAccessibilityViolationsAsync();
        await page.TabToAndPressAsync(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Beteiligung zum Entwurf" }));
        await page.ReachAsync($"**/{m.Slug}/consultations/{Id(roundId)}");

        // A resident registers for the workshop in a working group.
        await page.SignInAsync(resident.Email!);
        await page.GotoAsync(m.Url(workshopId));
        Assert.Contains("Werkstatt Sprache " + HostileText.Script, await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAccessibilityViolationsAsync();
        await page.GetByLabel("Arbeitsgruppe 2").CheckAsync();
        await page.TabToAndPressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Verbindlich anmelden" }));
        await Assertions.Expect(page.Locator("#my-registration")).ToContainTextAsync("Ihr Platz ist bestätigt.");
        Assert.Contains("Arbeitsgruppe 2", await page.Locator("#my-registration").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAccessibilityViolationsAsync();

        // The team's workshop edit page saves by keyboard.
        var team = await app.NewPageAsync();
        await team.SignInAsync(editor.Email!);
        await team.GotoAsync(m.ManageUrl(workshopId));
        await team.AssertNoAccessibilityViolationsAsync();
        await team.Locator("#Input_Place").FillAsync("Stadtteilhaus Prohlis");
        await team.TabToAndPressAsync(team.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }));
        Assert.Equal("Stadtteilhaus Prohlis", (await m.WorkshopAsync(workshopId)).Place);
        await team.AssertNoAccessibilityViolationsAsync();

        // The new-round form, sent empty by keyboard, names its errors.
        await team.GotoAsync($"/{m.Slug}/manage/consultations/new");
        await team.AssertNoAccessibilityViolationsAsync();
        await team.TabToAndPressAsync(team.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }));
        await Assertions.Expect(team.Locator(".error-summary")).ToBeVisibleAsync();
        await team.AssertNoAccessibilityViolationsAsync();
    }

    [Fact]
    public async Task A_resident_comments_another_reports_it_and_a_moderator_hides_it_by_keyboard_with_axe()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await Seed.PlanAsync(m);
        var roundId = await AddOpenRoundAsync(m, plan.PlanId, RoundAudience.OrganisationsAndResidents);
        var moderator = await m.AddMemberAsync(MunicipalityRole.Moderator);
        var author = await app.CreateUserAsync();
        var reporter = await app.CreateUserAsync();
        var commentsUrl = $"/{m.Slug}/consultations/{Id(roundId)}/comments";
        var text = "Mehr Kurse am Abend! " + HostileText.Script;

        var page = await app.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await page.SignInAsync(author.Email!);
        await page.GotoAsync(commentsUrl);
        await page.AssertNoAccessibilityViolationsAsync();
        await page.GetByLabel("Ihr Kommentar").FillAsync(text);
        await page.TabToAndPressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Kommentar veröffentlichen" }));
        await Assertions.Expect(page.Locator("#comments .comment-text")).ToHaveTextAsync(text);
        await page.AssertNoAccessibilityViolationsAsync();

        // Another resident reports it: the report form opens and sends by keyboard.
        var other = await app.NewPageAsync();
        await other.SignInAsync(reporter.Email!);
        await other.GotoAsync(commentsUrl);
        await other.TabToAndPressAsync(other.Locator("#comments summary"), navigates: false);
        await other.Locator("#comments textarea").FillAsync("Werbung " + HostileText.Markup);
        await other.TabToAndPressAsync(other.GetByRole(AriaRole.Button, new() { Name = "Melden", Exact = true }));
        await Assertions.Expect(other.Locator("#comments p.meta[id^=reported-]")).ToBeVisibleAsync();
        await other.AssertNoAccessibilityViolationsAsync();

        // The moderator hides it with a reason.
        var team = await app.NewPageAsync();
        await team.SignInAsync(moderator.Email!);
        await team.GotoAsync($"/{m.Slug}/manage/moderation");
        Assert.Contains("Werbung " + HostileText.Markup, await team.Locator("#reported-comments").InnerTextAsync(), StringComparison.Ordinal);
        await team.AssertNoAccessibilityViolationsAsync();
        await team.GetByLabel("Begründung (zum Ausblenden nötig)").FillAsync("Werbung ohne Bezug zum Plan.");
        await team.TabToAndPressAsync(team.GetByRole(AriaRole.Button, new() { Name = "Ausblenden" }));
        await Assertions.Expect(team.Locator("#no-hidden")).ToHaveCountAsync(0);
        await team.AssertNoAccessibilityViolationsAsync();

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync(commentsUrl);
        Assert.DoesNotContain("Mehr Kurse am Abend!", await visitor.MainTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, dialogs);
    }

    [GeneratedRegex("Maßnahme 1\\.1.*geändert")]
    private static partial Regex MeasureChanged();
}
