namespace Planwerk.Infrastructure.Instances;

/// <summary>Background work repeated on the application's clock (reminders, the OParl sync): every
/// <see cref="Interval"/> one round, in a scope of its own, under the job's lock (<see cref="JobLocks.RunOnceAsync"/>),
/// so with several instances on one PostgreSQL only one runs it and the next round finds the work done. A failing
/// round is logged and the next one tries again; the host keeps running.</summary>
public abstract class RecurringJob(IServiceScopeFactory scopes, JobLocks locks, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The job's name: its lock, and its name in the log.</summary>
    protected abstract string Name { get; }

    /// <summary>How often a round runs; null when the job is switched off.</summary>
    protected abstract TimeSpan? Interval { get; }

    /// <summary>Whether the first round runs at start-up (else one interval after it).</summary>
    protected virtual bool RunsAtStart => false;

    /// <summary>The round's work, with the services of the round's own scope.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>One round, unless another instance is running it (then this one is skipped; the next finds the work done).
    /// What the round marks as done is committed before the lock is let go. Returns whether the round ran.</summary>
    public Task<bool> RunRoundAsync(CancellationToken ct) => locks.RunOnceAsync(Name, async ct =>
    {
        await using var scope = scopes.CreateAsyncScope();
        await RunAsync(scope.ServiceProvider, ct);
    }, ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval is not { } interval) return;
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            if (!RunsAtStart && !await timer.WaitForNextTickAsync(stoppingToken)) return;
            do
            {
                try
                {
                    await RunRoundAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The next round tries again: work not yet marked done is still due.
                    logger.LogError(e, "A round of the background job {Job} failed", Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
