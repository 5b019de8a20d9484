using Microsoft.AspNetCore.DataProtection;

namespace Planwerk.Infrastructure.Instances;

/// <summary>Makes sure the database holds a data protection key before the first request, one instance at a time:
/// instances that started together with an empty key table would otherwise each make a key of their own and, until
/// they next read the table (a day later), refuse each other's cookies. The first instance makes the key; the others
/// wait for its lock and then read the key it stored.</summary>
public sealed class SharedKeys(IDataProtectionProvider protection, JobLocks locks) : IHostedService
{
    public const string ApplicationName = "Planwerk";

    public Task StartAsync(CancellationToken cancellationToken) =>
        locks.RunExclusivelyAsync("data-protection-keys", _ =>
        {
            // Protecting anything reads the key ring, and makes and stores the first key if there is none.
            protection.CreateProtector("Planwerk.Instances.SharedKeys").Protect([1]);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
