using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Consultations;
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
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Stellungnahme schreiben" }).ClickAsync();
        await page.WaitForURLAsync($"**{roundUrl}/statements/new");
        await page.AssertNoSeriousViolationsAsync();
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
        await page.WaitForURLAsync($"**/{m.Slug}/my-statements/*");
        var statementId = int.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
        var receipt = (await page.Locator("#receipt-number").InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(receipt));
        Assert.Contains("Sprachkurse in den Stadtteilen", await page.Locator("#target").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(HostileText.Script, await page.Locator("#statement-text").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Kinderbetreuung", await page.Locator("#statement-text strong").InnerTextAsync());
        Assert.Equal(["stellungnahme.pdf"], await page.Locator("#attachments a").AllInnerTextsAsync());
        Assert.Equal(1, await page.Locator("#weighing-pending").CountAsync());
        await page.AssertNoSeriousViolationsAsync();
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
        await team.WaitForURLAsync(url => !url.EndsWith(measureUrl, StringComparison.Ordinal));

        // From the team's statement list to the weighing page.
        var manageRound = $"/{m.Slug}/manage/consultations/{Id(roundId)}";
        await team.GotoAsync(manageRound + "/statements");
        await team.AssertNoSeriousViolationsAsync();
        await team.Locator($"#statement-row-{Id(statementId)}").GetByRole(AriaRole.Link, new() { Name = "Abwägen" }).ClickAsync();
        await team.WaitForURLAsync($"**/{m.Slug}/manage/statements/{Id(statementId)}/weigh");
        Assert.Contains(HostileText.Script, await team.Locator("#statement-text").InnerTextAsync(), StringComparison.Ordinal);
        await team.AssertNoSeriousViolationsAsync();
        await team.GetByLabel("übernommen", new() { Exact = true }).CheckAsync();
        await team.GetByLabel("Begründung").FillAsync("Die Kinderbetreuung wird in die Maßnahme aufgenommen. " + HostileText.Markup);
        // The list also holds the seeding of the plan (after the round opened); the edit is the one with the reason.
        var change = team.Locator("#Input_ChangeIds .field-checkbox", new() { HasTextString = "Grund: Stellungnahme " + receipt }).Locator("input[type=checkbox]");
        Assert.Equal(1, await change.CountAsync());
        await change.CheckAsync();
        await team.GetByRole(AriaRole.Button, new() { Name = "Abwägung speichern" }).ClickAsync();
        await team.WaitForURLAsync($"**{manageRound}/weighing*");
        Assert.Contains("1 Stellungnahmen, davon 1 abgewogen und 0 offen.", await team.Locator("#weighing-summary").InnerTextAsync(), StringComparison.Ordinal);
        await team.AssertNoSeriousViolationsAsync();

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
        await team.AssertNoSeriousViolationsAsync();

        // The member sees the outcome and the reasons.
        await page.GotoAsync($"/{m.Slug}/my-statements/{Id(statementId)}");
        // The submitter's page words the outcome "berücksichtigt" where the weighing pages say "übernommen".
        Assert.Equal("Ergebnis: berücksichtigt", (await page.Locator("#outcome").InnerTextAsync()).Trim());
        Assert.Contains("Die Kinderbetreuung wird in die Maßnahme aufgenommen. " + HostileText.Markup, await page.Locator("#reasons").InnerTextAsync(), StringComparison.Ordinal);

        // Anyone sees the statement, outcome, reasons and the linked change in the public table.
        var visitor = await app.NewPageAsync();
        visitor.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await visitor.GotoAsync(roundUrl);
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Ergebnis der Abwägung" }).ClickAsync();
        await visitor.WaitForURLAsync($"**{roundUrl}/weighing");
        var table = await visitor.MainTextAsync();
        Assert.Contains(receipt, table, StringComparison.Ordinal);
        Assert.Contains(HostileText.Script, await visitor.Locator(".statement-text").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await visitor.Locator("main script, main img").CountAsync());
        Assert.Contains("übernommen", table, StringComparison.Ordinal);
        Assert.Contains("Die Kinderbetreuung wird in die Maßnahme aufgenommen.", table, StringComparison.Ordinal);
        Assert.Contains("Caritasverband Beispielstadt", table, StringComparison.Ordinal);
        Assert.Matches(MeasureChanged(), table);
        await visitor.AssertNoSeriousViolationsAsync();
        Assert.Equal(0, dialogs);
    }

    [GeneratedRegex("Maßnahme 1\\.1.*geändert")]
    private static partial Regex MeasureChanged();
}
