using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Data;

namespace Planwerk.Infrastructure.Instances;

/// <summary>What lets several instances run on one PostgreSQL behind a load balancer without sticky sessions
/// (docs/scaling.md): data protection keys in the database, cache evictions sent to every instance, background
/// rounds once across instances. A single instance on SQLite gets the keys in its database file and nothing else.</summary>
public static class Instances
{
    /// <summary>Call after the output cache is added: it wraps the cache's store.</summary>
    public static IServiceCollection AddPlanwerkInstances(this IServiceCollection services, IConfiguration configuration)
    {
        // A fixed name, not the default (the content root path), so instances installed in different folders share keys.
        services.AddDataProtection().SetApplicationName(SharedKeys.ApplicationName).PersistKeysToDbContext<PlanwerkDbContext>();
        services.AddSingleton<JobLocks>();
        services.AddHostedService<SharedKeys>();
        if (Database.Provider(configuration) != DatabaseProvider.Postgres) return services;

        var original = services.LastOrDefault(d => d.ServiceType == typeof(IOutputCacheStore))
            ?? throw new InvalidOperationException("AddPlanwerkInstances wraps the output cache's store: add the output cache first.");
        services.Remove(original);
        services.AddSingleton(sp => new LocalOutputCache(Create(original, sp)));
        var connectionString = configuration.GetConnectionString("Planwerk")!;
        services.AddSingleton<IOutputCacheStore>(sp => new SharedEvictionCacheStore(
            sp.GetRequiredService<LocalOutputCache>(), connectionString, sp.GetRequiredService<ILogger<SharedEvictionCacheStore>>()));
        services.AddSingleton<CacheEvictionListener>();
        services.AddHostedService(sp => sp.GetRequiredService<CacheEvictionListener>());
        return services;
    }

    private static IOutputCacheStore Create(ServiceDescriptor descriptor, IServiceProvider services) => (IOutputCacheStore)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
