using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Pathways;
using Planwerk.Features.Services;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Pathways.Feedback;

/// <summary>A pathway made for one test: its code, and two steps with their ids and uids (the second also stands in
/// <see cref="SecondPathwayId"/> when the test asked for a second pathway).</summary>
public sealed record TestPathway(int PathwayId, string Code, int StepId, Guid StepUid, int OtherStepId, Guid OtherStepUid, int? SecondPathwayId, string? SecondCode)
{
    public string FormUrl(TestMunicipality m, Guid? step = null, string? lang = null) =>
        $"/{m.Slug}/pathways/{Code}/steps/{(step ?? StepUid).ToString("D", CultureInfo.InvariantCulture)}/feedback" + (lang is null ? "" : "?lang=" + lang);
}

public static class FeedbackTestSupport
{
    public const string StepTitle = "Beim Bürgeramt anmelden";
    public const string StepTitleArabic = "التسجيل في مكتب المواطنين";

    /// <summary>A published pathway of one stage with two steps (the first translated into Arabic, which the municipality
    /// writes in); with <paramref name="second"/> a second published pathway that shares the second step.</summary>
    public static Task<TestPathway> AddPublishedPathwayAsync(this TestMunicipality m, bool publish = true, bool second = false) =>
        m.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var code = "weg-" + Guid.NewGuid().ToString("N")[..6];
            if (!await db.ContentLanguages.AnyAsync(l => l.Code == "ar"))
                db.ContentLanguages.Add(new ContentLanguage { Code = "ar", Name = "العربية", IsRightToLeft = true, Position = 1 });
            var pathway = new Pathway { Code = code, Title = "Neu angekommen " + code, CreatedAt = now, ModifiedAt = now };
            var step = new PathwayStep { Title = StepTitle, CreatedAt = now, ModifiedAt = now };
            var other = new PathwayStep { Title = "Sprachkurs finden " + HostileText.Script, CreatedAt = now, ModifiedAt = now };
            var stage = new PathwayStage { Title = "Ankommen", Pathway = pathway };
            db.AddRange(pathway, step, other, stage);
            await db.SaveChangesAsync();
            db.PathwayStageSteps.AddRange(new PathwayStageStep { StageId = stage.Id, StepId = step.Id, Position = 1 },
                new PathwayStageStep { StageId = stage.Id, StepId = other.Id, Position = 2 });
            db.ContentTranslations.Add(new ContentTranslation
            {
                Kind = PathwayTexts.StepKind, EntityId = step.Id, Field = nameof(PathwayStep.Title), Language = "ar", Text = StepTitleArabic,
                SourceFingerprint = ServiceTexts.Fingerprint(StepTitle),
            });
            Pathway? secondPathway = null;
            if (second)
            {
                secondPathway = new Pathway { Code = code + "-b", Title = "Arbeit suchen " + code, CreatedAt = now, ModifiedAt = now, Position = 1 };
                var secondStage = new PathwayStage { Title = "Arbeit", Pathway = secondPathway };
                db.AddRange(secondPathway, secondStage);
                await db.SaveChangesAsync();
                db.PathwayStageSteps.Add(new PathwayStageStep { StageId = secondStage.Id, StepId = other.Id, Position = 1 });
            }
            await db.SaveChangesAsync();
            if (publish)
            {
                await PathwayPublishing.PublishAsync(db, pathway, now);
                if (secondPathway is not null) await PathwayPublishing.PublishAsync(db, secondPathway, now);
                await db.SaveChangesAsync();
            }
            return new TestPathway(pathway.Id, code, step.Id, step.Uid, other.Id, other.Uid, secondPathway?.Id, secondPathway?.Code);
        });

    /// <summary>Feedback written straight into the table (for the plan team's pages).</summary>
    public static Task<int> AddFeedbackAsync(this TestMunicipality m, int stepId, int? pathwayId, bool worked, StepProblem problem = StepProblem.None,
        string text = "", FeedbackState state = FeedbackState.Pending, DateTimeOffset? at = null) =>
        m.WithDbAsync(async db =>
        {
            var feedback = new StepFeedback
            {
                StepId = stepId, PathwayId = pathwayId, Worked = worked, Problem = problem, Text = text, State = state,
                CreatedAt = at ?? DateTimeOffset.UtcNow, ModeratedAt = state == FeedbackState.Pending ? null : DateTimeOffset.UtcNow,
                ModeratedByName = state == FeedbackState.Pending ? "" : "Moderatorin",
            };
            db.StepFeedback.Add(feedback);
            await db.SaveChangesAsync();
            return feedback.Id;
        });
}
