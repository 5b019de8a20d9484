using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Planwerk.Infrastructure.Instances;

namespace Planwerk.Tests.Infrastructure;

/// <summary>The loop every background job shares (reminders, the OParl sync), on the application's clock: rounds at
/// each interval, the first at start-up when the job asks for it, none when it is switched off, and a failing round
/// does not end the job.</summary>
public sealed class RecurringJobTests
{
    private sealed class CountingJob(TimeProvider clock, TimeSpan? interval, bool atStart, int failures)
        : RecurringJob(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
            new JobLocks(new ConfigurationBuilder().Build(), NullLogger<JobLocks>.Instance), clock, NullLogger.Instance)
    {
        private int rounds;
        private int failuresLeft = failures;
        public int Rounds => Volatile.Read(ref rounds);
        public SemaphoreSlim Ran { get; } = new(0);

        protected override string Name => "counting";
        protected override TimeSpan? Interval => interval;
        protected override bool RunsAtStart => atStart;

        protected override Task RunAsync(IServiceProvider services, CancellationToken ct)
        {
            Interlocked.Increment(ref rounds);
            Ran.Release();
            if (failuresLeft-- > 0) throw new InvalidOperationException("<script>alert(1)</script> the round failed");
            return Task.CompletedTask;
        }
    }

    private static async Task WaitForRoundAsync(CountingJob job) =>
        Assert.True(await job.Ran.WaitAsync(TimeSpan.FromSeconds(10)), "the round did not run");

    [Fact]
    public async Task A_job_runs_a_round_each_interval_and_goes_on_after_a_failing_one()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));
        using var job = new CountingJob(clock, TimeSpan.FromMinutes(1), atStart: false, failures: 1);
        await job.StartAsync(CancellationToken.None);

        await Task.Delay(100);
        Assert.Equal(0, job.Rounds);
        clock.Advance(TimeSpan.FromMinutes(1));
        await WaitForRoundAsync(job);   // this one fails
        clock.Advance(TimeSpan.FromMinutes(1));
        await WaitForRoundAsync(job);   // and the job is still there for the next
        Assert.Equal(2, job.Rounds);
        await job.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_job_that_asks_for_it_runs_its_first_round_at_start_up()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));
        using var job = new CountingJob(clock, TimeSpan.FromHours(1), atStart: true, failures: 0);
        await job.StartAsync(CancellationToken.None);

        await WaitForRoundAsync(job);
        clock.Advance(TimeSpan.FromHours(1));
        await WaitForRoundAsync(job);
        Assert.Equal(2, job.Rounds);
        await job.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_switched_off_job_runs_no_round()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));
        using var job = new CountingJob(clock, null, atStart: true, failures: 0);
        await job.StartAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(1));

        Assert.False(await job.Ran.WaitAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Equal(0, job.Rounds);
        await job.StopAsync(CancellationToken.None);
    }
}
