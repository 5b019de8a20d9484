using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Participation.Moderation;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Versions;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

public static class ModerationTestSupport
{
    /// <summary>A round on a new plan's named version, open from <paramref name="opensAt"/> until <paramref name="closesAt"/>.</summary>
    public static Task<int> AddCommentableRoundAsync(this TestMunicipality m, DateTimeOffset opensAt, DateTimeOffset closesAt,
        RoundAudience audience = RoundAudience.OrganisationsAndResidents, string? title = null) =>
        m.WithDbAsync(async db =>
        {
            var plan = new Plan { Title = "Integrationsplan " + Guid.NewGuid().ToString("N")[..6] };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            var version = new PlanVersion { PlanId = plan.Id, Name = "Beteiligungsfassung", Document = "{}", CreatedAt = opensAt };
            db.PlanVersions.Add(version);
            await db.SaveChangesAsync();
            var round = new ConsultationRound
            {
                PlanId = plan.Id, PlanVersionId = version.Id, Title = title ?? "Beteiligung zum Entwurf", OpensAt = opensAt, ClosesAt = closesAt,
                Audience = audience, CreatedAt = opensAt,
            };
            db.ConsultationRounds.Add(round);
            await db.SaveChangesAsync();
            return round.Id;
        });

    public static Task<int> AddCommentAsync(this TestMunicipality m, int roundId, string authorUserId, string text, DateTimeOffset at) =>
        m.WithDbAsync(async db =>
        {
            var comment = new RoundComment { RoundId = roundId, AuthorUserId = authorUserId, AuthorName = "Autorin", Text = text, CreatedAt = at };
            db.RoundComments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });

    public static Task AddReportAsync(this TestMunicipality m, int commentId, string? reporterUserId, string reason, DateTimeOffset at) =>
        m.WithDbAsync(db =>
        {
            db.CommentReports.Add(new CommentReport { CommentId = commentId, ReporterUserId = reporterUserId, Reason = reason, CreatedAt = at });
            return Task.FromResult(0);
        });
}
