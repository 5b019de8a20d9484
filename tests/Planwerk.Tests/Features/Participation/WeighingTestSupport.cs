using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Features.Plans.Versions;
using Planwerk.Tests.Features.Plans.Print;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>The states a round is tested in: its times around the present, and whether its weighing is published.</summary>
public enum RoundStage { Planned, Open, Closed, Published }

/// <summary>A round made for one test, on a plan with two fields of two measures each (numbered 1.1, 2.1,
/// 1.2, 2.2 as <see cref="PrintPlans"/> spreads them) and a frozen version of it.</summary>
public sealed record SeededRound(int RoundId, SeededPlan Plan, IReadOnlyDictionary<string, int> MeasureKeys, DateTimeOffset OpensAt, DateTimeOffset ClosesAt)
{
    public int PlanId => Plan.PlanId;
}

public static class WeighingTestSupport
{
    /// <summary>A round in the given stage, its times relative to <paramref name="now"/> (the application's clock).</summary>
    public static async Task<SeededRound> AddRoundAsync(this TestMunicipality m, RoundStage stage, DateTimeOffset? now = null, string title = "Beteiligung zum Entwurf")
    {
        var at = now ?? DateTimeOffset.UtcNow;
        var (opens, closes) = stage switch
        {
            RoundStage.Planned => (at.AddDays(10), at.AddDays(20)),
            RoundStage.Open => (at.AddDays(-10), at.AddDays(10)),
            _ => (at.AddDays(-20), at.AddDays(-1)),
        };
        var plan = await PrintPlans.SeedAsync(m, fieldCount: 2, measureCount: 4, title: "Fachplan " + Guid.NewGuid().ToString("N")[..6]);
        return await m.WithDbAsync(async db =>
        {
            var document = await PlanDocument.LoadAsync(db, plan.PlanId);
            var version = new PlanVersion { PlanId = plan.PlanId, Name = "Entwurf", CreatedAt = opens.AddDays(-1), Document = Encoding.UTF8.GetString(document!.ToJson()) };
            var round = new ConsultationRound
            {
                PlanId = plan.PlanId, PlanVersion = version, Title = title, OpensAt = opens, ClosesAt = closes, CreatedAt = opens.AddDays(-1),
                WeighingPublishedAt = stage == RoundStage.Published ? at.AddHours(-1) : null,
            };
            db.PlanVersions.Add(version);
            db.ConsultationRounds.Add(round);
            await db.SaveChangesAsync();
            var keys = await db.Measures.Where(x => x.PlanId == plan.PlanId).ToDictionaryAsync(x => x.Number, x => x.Key);
            return new SeededRound(round.Id, plan, keys, opens, closes);
        });
    }

    /// <summary>A statement on a measure ("1.1"), a field ("F1"), or the whole plan (null); weighed when an outcome is given.</summary>
    public static Task<int> AddStatementAsync(this TestMunicipality m, SeededRound round, string authorUserId, string? target = null,
        string text = "Eine Stellungnahme.", string authorName = "Erika Beispielfrau", int? stakeholderId = null, bool consent = true,
        WeighingOutcome? outcome = null, string reasons = "", string quote = "", DateTimeOffset? submittedAt = null) =>
        m.WithDbAsync(async db =>
        {
            var (kind, reference, label) = target switch
            {
                null => (StatementTarget.WholePlan, (int?)null, "Gesamter Plan"),
                ['F', .. var n] => (StatementTarget.FieldOfAction, int.Parse(n, CultureInfo.InvariantCulture), "Handlungsfeld " + n),
                _ => (StatementTarget.Measure, round.MeasureKeys[target], "Maßnahme " + target),
            };
            var statement = new Statement
            {
                RoundId = round.RoundId, ReceiptNumber = "T-" + Guid.NewGuid().ToString("N")[..8], Target = kind, TargetRef = reference, TargetLabel = label,
                Quote = quote, Text = text, AuthorUserId = authorUserId, AuthorName = authorName, StakeholderId = stakeholderId, ConsentToPublish = consent,
                SubmittedAt = submittedAt ?? round.OpensAt.AddHours(1), Outcome = outcome, Reasons = reasons,
                WeighedAt = outcome is null ? null : round.OpensAt.AddHours(2), WeighedByName = outcome is null ? "" : "Redaktion",
            };
            db.Statements.Add(statement);
            await db.SaveChangesAsync();
            return statement.Id;
        });

    /// <summary>Changes a measure's title as an editor would, so the history records it; returns the record's id.</summary>
    public static Task<long> ChangeMeasureAsync(this TestMunicipality m, int measureId, string newTitle) =>
        m.WithDbAsync(async db =>
        {
            var measure = await db.Measures.SingleAsync(x => x.Id == measureId);
            measure.Title = newTitle;
            await db.SaveChangesAsync();
            return await db.ChangeRecords.Where(r => r.EntityType == ChangeEntityTypes.Measure && r.EntityId == measureId && r.Action == ChangeAction.Updated)
                .OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync();
        });

    public static string WeighingUrl(this TestMunicipality m, SeededRound round, string suffix = "") =>
        string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/manage/consultations/{round.RoundId}/weighing{suffix}");

    public static string PublicWeighingUrl(this TestMunicipality m, SeededRound round, string suffix = "") =>
        string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/consultations/{round.RoundId}/weighing{suffix}");

    public static string WeighUrl(this TestMunicipality m, int statementId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{m.Slug}/manage/statements/{statementId}/weigh");
}
