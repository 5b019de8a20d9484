using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Accounts;
using Planwerk.Features.Implementation;
using Planwerk.Features.Implementation.Reports;
using Planwerk.Features.Plans;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>A report's whole way in Chromium, with axe-core on every page and the main steps by keyboard: the reporter
/// writes it with an evidence file and submits it, the plan team returns it, the reporter corrects it, the team accepts
/// and publishes it, and a visitor sees the new progress on the measure page and on the dashboard.</summary>
public sealed class ReportFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task A_report_goes_from_the_reporter_through_return_and_correction_to_publication_and_moves_the_public_progress()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await Seed.PlanAsync(m);
        var reporterUser = await app.CreateUserAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var periodId = await m.WithDbAsync(async db =>
        {
            db.ImplementationStatuses.Add(new ImplementationStatus { Name = "In Umsetzung", Kind = MeasureStatus.InProgress, DefaultProgress = 50, Position = 1 });
            var period = new ReportingPeriod { PlanId = plan.PlanId, Name = "Erstes Halbjahr", StartsOn = today.AddDays(-60), EndsOn = today.AddDays(10), DueOn = today.AddDays(40) };
            db.ReportingPeriods.Add(period);
            var office = await db.Stakeholders.SingleAsync(s => s.Name == "Sozialamt");
            db.StakeholderMembers.Add(new Planwerk.Features.Participation.Stakeholders.StakeholderMember
            {
                StakeholderId = office.Id, UserId = reporterUser.Id, IsReporter = true, JoinedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return period.Id;
        });
        var reportPath = ReportUrls.Report(m.Slug, plan.MeasureId, periodId);
        var editorUser = await m.AddMemberAsync(MunicipalityRole.PlanEditor);

        // The reporter reaches "Meine Berichte" from the header and the report from there, by keyboard.
        var reporter = await app.NewPageAsync();
        await reporter.SignInAsync(reporterUser.Email!);
        await reporter.GotoAsync($"/{m.Slug}");
        await reporter.TabToAndPressAsync(reporter.Locator("#my-reports-link"));
        await reporter.ArriveAtAsync(ReportUrls.Mine(m.Slug), "Meine Berichte");
        await reporter.AssertNoAccessibilityViolationsAsync();
        await reporter.TabToAndPressAsync(reporter.Locator($"main a[href='{reportPath}']"));
        await Assertions.Expect(reporter).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(reportPath) + "$"));
        await reporter.AssertNoAccessibilityViolationsAsync();

        // Written with a file and submitted; a progress of 120 is refused first.
        await reporter.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "In Umsetzung (50 %)" });
        await reporter.GetByLabel("Fortschritt in Prozent").FillAsync("120");
        await reporter.GetByLabel("Was wurde getan?").FillAsync("Zwölf Kurse in vier Stadtteilen " + HostileText.Script);
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Einreichen" }).ClickAsync();
        await Assertions.Expect(reporter.Locator(".error-summary")).ToContainTextAsync("0 bis 100");
        await reporter.AssertNoAccessibilityViolationsAsync();
        await reporter.GetByLabel("Fortschritt in Prozent").FillAsync("60");
        await reporter.Locator("#evidence-files").SetInputFilesAsync(new FilePayload { Name = "Teilnahmeliste.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await reporter.TabToAndPressAsync(reporter.GetByRole(AriaRole.Button, new() { Name = "Einreichen" }));
        await Assertions.Expect(reporter.Locator(".notice")).ToContainTextAsync("eingereicht");
        await Assertions.Expect(reporter.Locator("#evidence")).ToContainTextAsync("Teilnahmeliste.pdf");
        await reporter.AssertNoAccessibilityViolationsAsync();

        // The plan team returns it with a comment.
        var team = await app.NewPageAsync();
        await team.SignInAsync(editorUser.Email!);
        await team.GotoAsync(ReportUrls.Overview(m.Slug, plan.PlanId));
        await team.AssertNoAccessibilityViolationsAsync();
        await team.TabToAndPressAsync(team.Locator($"#measures a[href='{reportPath}']"));
        await Assertions.Expect(team.Locator("#report-state")).ToHaveTextAsync("eingereicht");
        await team.AssertNoAccessibilityViolationsAsync();
        await team.GetByLabel("Kommentar zum Zurückgeben").FillAsync("Bitte die Zahl der Teilnehmenden nennen.");
        await team.TabToAndPressAsync(team.GetByRole(AriaRole.Button, new() { Name = "Zurückgeben" }));
        await Assertions.Expect(team.Locator("#report-state")).ToHaveTextAsync("zurückgegeben");

        // The reporter reads the comment and corrects the report.
        await reporter.ReloadAsync();
        await Assertions.Expect(reporter.Locator("#return-comment")).ToContainTextAsync("Zahl der Teilnehmenden");
        await reporter.AssertNoAccessibilityViolationsAsync();
        await reporter.GetByLabel("Fortschritt in Prozent").FillAsync("75");
        await reporter.GetByLabel("Was wurde getan?").FillAsync("Zwölf Kurse in vier Stadtteilen, 180 Teilnehmende.");
        await reporter.TabToAndPressAsync(reporter.GetByRole(AriaRole.Button, new() { Name = "Einreichen" }));
        await Assertions.Expect(reporter.Locator("#report-state")).ToHaveTextAsync("eingereicht");

        // The team accepts and publishes.
        await team.ReloadAsync();
        await team.TabToAndPressAsync(team.GetByRole(AriaRole.Button, new() { Name = "Annehmen" }));
        await Assertions.Expect(team.Locator("#report-state")).ToHaveTextAsync("angenommen");
        await team.TabToAndPressAsync(team.GetByRole(AriaRole.Button, new() { Name = "Veröffentlichen" }));
        await Assertions.Expect(team.Locator("#report-state")).ToHaveTextAsync("veröffentlicht");
        await team.AssertNoAccessibilityViolationsAsync();

        // A visitor sees the new progress on the measure and the dashboard.
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync(PublicPlanLinks.Measure(m.Slug, plan.PlanId, plan.MeasureId));
        await Assertions.Expect(visitor.Locator("#reports")).ToContainTextAsync("180 Teilnehmende.");
        await Assertions.Expect(visitor.Locator("#reports")).ToContainTextAsync("75 %");
        await Assertions.Expect(visitor.Locator("#reports a", new() { HasText = "Teilnahmeliste.pdf" })).ToBeVisibleAsync();
        await visitor.AssertNoAccessibilityViolationsAsync();
        await visitor.GotoAsync($"/{m.Slug}/plans/{plan.PlanId}/dashboard");
        await Assertions.Expect(visitor.Locator($"#field-{plan.FieldId}")).ToContainTextAsync("75");
        await visitor.AssertNoAccessibilityViolationsAsync();
    }
}
