using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.RateLimits;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Pathways.Feedback;

/// <summary>Feedback posts count against the participation limit of the sender's address (a host with a limit of two):
/// the one over the limit is refused with 429 and a page that says to wait, and nothing of it is stored.</summary>
public abstract class StepFeedbackRateLimitTests(RateLimitApp app)
{
    [Fact]
    public async Task Feedback_over_the_limit_from_one_address_is_refused_with_a_message_and_not_stored()
    {
        var m = await app.CreateMunicipalityAsync();
        var p = await m.AddPublishedPathwayAsync();
        var client = app.ClientFrom("198.51.100.41");
        var answer = new Dictionary<string, string?> { ["Input.Worked"] = "no", ["Input.Problem"] = "Waiting", ["Input.Text"] = "Lange gewartet." };
        for (var i = 0; i < RateLimitApp.ParticipationWrites; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(p.FormUrl(m), answer, "#feedback-form")).StatusCode);

        var refused = await client.SubmitFormAsync(p.FormUrl(m), answer, "#feedback-form");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        var page = await HtmlForms.ParseAsync(refused);
        Assert.Contains("Bitte warten Sie eine Minute", page.QuerySelector("main")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(RateLimitApp.ParticipationWrites, await m.WithDbAsync(db => db.StepFeedback.CountAsync()));

        // Reading the form is not limited, and another address may still send.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(p.FormUrl(m))).StatusCode);
        var other = app.ClientFrom("198.51.100.42");
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitFormAsync(p.FormUrl(m), answer, "#feedback-form")).StatusCode);
        Assert.Equal(RateLimitApp.ParticipationWrites + 1, await m.WithDbAsync(db => db.StepFeedback.CountAsync()));
    }
}

public sealed class StepFeedbackRateLimitSqliteTests(SqliteRateLimitApp app) : StepFeedbackRateLimitTests(app), IClassFixture<SqliteRateLimitApp>;

public sealed class StepFeedbackRateLimitPostgresTests(PostgresRateLimitApp app) : StepFeedbackRateLimitTests(app), IClassFixture<PostgresRateLimitApp>;
