using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Planwerk.Data;
using Planwerk.Features.Demo;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Versions;
using Planwerk.Tests.Features.Demo;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>The demo's consultation on the draft measure plan (Q1 2019): a named version, a closed round
/// with example statements of every kind of organisation, weighed with every outcome, one of them linked to
/// a recorded change of a measure, and the weighing published.</summary>
public abstract class DemoConsultationTests(DemoApp app)
{
    private async Task<T> InDemoAsync<T>(Func<PlanwerkDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanwerkDbContext>();
        db.CurrentMunicipalityId = await db.Municipalities.Where(m => m.Slug == DemoContent.Slug).Select(m => m.Id).SingleAsync();
        return await work(db);
    }

    [Fact]
    public async Task Demo_has_a_closed_round_on_the_named_draft_with_a_published_weighing_of_all_outcomes()
    {
        var round = await InDemoAsync(db => db.ConsultationRounds.AsNoTracking()
            .Include(r => r.PlanVersion).Include(r => r.InvitedStakeholders).Include(r => r.Statements).ThenInclude(s => s.ChangeLinks)
            .SingleAsync(r => r.Title == DemoConsultation.RoundTitle));

        Assert.Equal(DemoConsultation.VersionName, round.PlanVersion!.Name);
        Assert.Equal(RoundState.Closed, round.StateAt(DateTimeOffset.UtcNow));
        Assert.Equal(new DateTimeOffset(2019, 1, 13, 23, 0, 0, TimeSpan.Zero), round.OpensAt);
        Assert.Equal(new DateTimeOffset(2019, 2, 28, 23, 0, 0, TimeSpan.Zero), round.ClosesAt);
        Assert.NotNull(round.WeighingPublishedAt);
        Assert.Contains("Beispielinhalt", round.Description, StringComparison.Ordinal);
        Assert.Equal(DemoStakeholders.All.Length, round.InvitedStakeholders.Count);

        Assert.InRange(round.Statements.Count, 8, 12);
        Assert.All(round.Statements, s =>
        {
            Assert.NotNull(s.Outcome);
            Assert.Contains("Beispielinhalt", s.Text, StringComparison.Ordinal);
            Assert.True(s.SubmittedAt >= round.OpensAt && s.SubmittedAt < round.ClosesAt, s.ReceiptNumber + " submitted within the round");
            Assert.True(s.Outcome == WeighingOutcome.Noted || s.Reasons.Length > 0, s.ReceiptNumber + " has reasons");
        });
        Assert.Equal(Enum.GetValues<WeighingOutcome>().Order(), round.Statements.Select(s => s.Outcome!.Value).Distinct().Order());
        Assert.Equal(Enum.GetValues<StatementTarget>().Where(t => t != StatementTarget.Section).Order(), round.Statements.Select(s => s.Target).Distinct().Order());
        Assert.Contains(round.Statements, s => s.ConsentToPublish);
        Assert.Contains(round.Statements, s => !s.ConsentToPublish);
        Assert.Contains(round.Statements, s => s.StakeholderId is null);

        var kinds = await InDemoAsync(db => db.Stakeholders.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Kind));
        // Every kind of the registry but "other", which only organisations created by an import have.
        Assert.Equal(Enum.GetValues<StakeholderKind>().Where(k => k != StakeholderKind.Other).Order(), round.Statements.Where(s => s.StakeholderId is int).Select(s => kinds[s.StakeholderId!.Value]).Distinct().Order());
    }

    [Fact]
    public async Task An_accepted_demo_statement_is_linked_to_a_recorded_change_of_its_measure_made_after_the_draft()
    {
        var (statement, record, version, measure) = await InDemoAsync(async db =>
        {
            var statement = await db.Statements.AsNoTracking().Include(s => s.ChangeLinks).Include(s => s.Round)
                .SingleAsync(s => s.ChangeLinks.Count > 0);
            var recordId = statement.ChangeLinks.Single().ChangeRecordId;
            var record = await db.ChangeRecords.AsNoTracking().Include(r => r.Fields).SingleAsync(r => r.Id == recordId);
            var version = await db.PlanVersions.AsNoTracking().SingleAsync(v => v.Id == statement.Round!.PlanVersionId);
            var measure = await db.Measures.AsNoTracking().Include(m => m.Organisations).ThenInclude(o => o.Organisation).SingleAsync(m => m.Id == record.EntityId);
            return (statement, record, version, measure);
        });

        Assert.Equal(WeighingOutcome.Accepted, statement.Outcome);
        Assert.Equal(StatementTarget.Measure, statement.Target);
        Assert.Equal(ChangeEntityTypes.Measure, record.EntityType);
        Assert.Equal(ChangeAction.Updated, record.Action);
        Assert.Equal(measure.Key, statement.TargetRef);
        Assert.Equal(statement.Round!.PlanId, record.PlanId);
        Assert.True(record.At >= statement.Round.ClosesAt && record.At < statement.Round.WeighingPublishedAt, "changed between the close and the publication");
        Assert.Contains(record.Fields, f => f.Field == "Partners" && f.NewValue!.Contains("Sprachpatenschaften", StringComparison.Ordinal));
        Assert.Equal("Demo-Redaktion Sozialamt", record.UserName);

        // The consulted version still holds the draft: the change came after it.
        var draft = VersionDocument.Read(version.Document).Plan.AllMeasures().Single(x => x.Measure.Key == measure.Key).Measure;
        Assert.DoesNotContain("Sprachpatenschaften", draft.Partners, StringComparison.Ordinal);
        Assert.Contains(measure.Organisations, o => o.Organisation!.Name == "Beispiel-Netzwerk Sprachpatenschaften");
    }

    [Fact]
    public async Task Demo_weighing_table_is_public_with_the_consented_statements_only()
    {
        var (roundId, consented, withheld) = await InDemoAsync(async db =>
        {
            var round = await db.ConsultationRounds.AsNoTracking().Include(r => r.Statements).SingleAsync(r => r.Title == DemoConsultation.RoundTitle);
            return (round.Id, round.Statements.Where(s => s.ConsentToPublish).ToList(), round.Statements.Where(s => !s.ConsentToPublish).ToList());
        });
        var client = app.CreateBrowserlikeClient();
        var page = await client.GetDocumentAsync($"/{DemoContent.Slug}/consultations/{roundId}/weighing");

        Assert.Equal(consented.Select(s => "statement-" + s.Id).Order(), page.QuerySelectorAll("tr.weighing-statement").Select(r => r.Id!).Order());
        foreach (var s in withheld) Assert.DoesNotContain(s.Text[..40], page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Beispielperson", page.Body!.TextContent, StringComparison.Ordinal);
        // The personal statement is published without its author's name.
        Assert.Contains(page.QuerySelectorAll("td.submitter"), c => c.TextContent.Trim() == "Privatperson");
        var changes = string.Concat(page.QuerySelectorAll("td.changes").Select(c => c.TextContent));
        Assert.Contains("12.03.2019, 10:30 Uhr, Demo-Redaktion Sozialamt: Maßnahme 1.1", changes, StringComparison.Ordinal);
        Assert.Contains("Partner", changes, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{DemoContent.Slug}/consultations/{roundId}/weighing.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{DemoContent.Slug}/consultations/{roundId}/weighing.xlsx")).StatusCode);
    }
}

public sealed class DemoConsultationSqliteTests(DemoSqliteApp app) : DemoConsultationTests(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoConsultationPostgresTests(DemoPostgresApp app) : DemoConsultationTests(app), IClassFixture<DemoPostgresApp>;
