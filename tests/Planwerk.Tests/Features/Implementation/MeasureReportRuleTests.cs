using Planwerk.Features.Implementation;

namespace Planwerk.Tests.Features.Implementation;

/// <summary>The rules of a measure's report: its workflow, who may move it, links, progress and overdue.</summary>
public sealed class MeasureReportRuleTests
{
    [Fact]
    public void A_reporter_writes_and_submits_but_cannot_return_accept_or_publish()
    {
        Assert.True(MeasureReport.Allows(ReportState.Draft, ReportMove.Save, planTeam: false));
        Assert.True(MeasureReport.Allows(ReportState.Draft, ReportMove.Submit, planTeam: false));
        Assert.True(MeasureReport.Allows(ReportState.Returned, ReportMove.Save, planTeam: false));
        Assert.True(MeasureReport.Allows(ReportState.Returned, ReportMove.Submit, planTeam: false));
        Assert.False(MeasureReport.Allows(ReportState.Submitted, ReportMove.Save, planTeam: false));
        Assert.False(MeasureReport.Allows(ReportState.Submitted, ReportMove.Return, planTeam: false));
        Assert.False(MeasureReport.Allows(ReportState.Submitted, ReportMove.Accept, planTeam: false));
        Assert.False(MeasureReport.Allows(ReportState.Accepted, ReportMove.Publish, planTeam: false));
        Assert.False(MeasureReport.Allows(ReportState.Published, ReportMove.Save, planTeam: false));
    }

    [Fact]
    public void The_plan_team_returns_accepts_and_publishes_in_order()
    {
        Assert.True(MeasureReport.Allows(ReportState.Submitted, ReportMove.Return, planTeam: true));
        Assert.True(MeasureReport.Allows(ReportState.Submitted, ReportMove.Accept, planTeam: true));
        Assert.True(MeasureReport.Allows(ReportState.Accepted, ReportMove.Publish, planTeam: true));
        Assert.True(MeasureReport.Allows(ReportState.Draft, ReportMove.Save, planTeam: true));
        Assert.False(MeasureReport.Allows(ReportState.Draft, ReportMove.Accept, planTeam: true));
        Assert.False(MeasureReport.Allows(ReportState.Submitted, ReportMove.Publish, planTeam: true));
        Assert.False(MeasureReport.Allows(ReportState.Published, ReportMove.Return, planTeam: true));

        var state = ReportState.Draft;
        foreach (var move in new[] { ReportMove.Submit, ReportMove.Return, ReportMove.Submit, ReportMove.Accept, ReportMove.Publish })
        {
            Assert.True(MeasureReport.Allows(state, move, planTeam: true), $"{move} from {state}");
            state = MeasureReport.After(state, move);
        }
        Assert.Equal(ReportState.Published, state);
    }

    [Theory]
    [InlineData("https://example.org/bericht.pdf", true)]
    [InlineData("http://example.org", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://example.org/x", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("example.org", false)]
    public void Links_are_http_or_https_only(string link, bool fine) =>
        Assert.Equal(fine, MeasureReport.CheckLink(link) is null);

    [Fact]
    public void A_very_long_link_is_refused() =>
        Assert.NotNull(MeasureReport.CheckLink("https://example.org/" + new string('a', MeasureReport.MaxLinkLength)));

    [Fact]
    public void Links_are_read_one_a_line_without_blanks() =>
        Assert.Equal(["https://a.example", "https://b.example"], MeasureReport.SplitLinks(" https://a.example \r\n\n https://b.example\n"));

    [Fact]
    public void A_report_without_its_own_progress_takes_its_status_proposal()
    {
        Assert.Equal(50, MeasureReport.EffectiveProgress(null, 50));
        Assert.Equal(30, MeasureReport.EffectiveProgress(30, 50));
        Assert.Null(MeasureReport.EffectiveProgress(null, null));
    }

    [Fact]
    public void A_report_is_overdue_when_the_due_date_passed_and_it_is_not_submitted()
    {
        var due = new DateOnly(2022, 2, 15);
        var after = new DateOnly(2022, 2, 16);
        Assert.True(MeasureReport.IsOverdue(null, due, after));
        Assert.True(MeasureReport.IsOverdue(ReportState.Draft, due, after));
        Assert.True(MeasureReport.IsOverdue(ReportState.Returned, due, after));
        Assert.False(MeasureReport.IsOverdue(ReportState.Submitted, due, after));
        Assert.False(MeasureReport.IsOverdue(ReportState.Published, due, after));
        Assert.False(MeasureReport.IsOverdue(null, due, due));
    }
}
