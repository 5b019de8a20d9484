using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Infrastructure;

/// <summary>Any saved change to rows a feature's public pages show evicts the municipality's cached public pages, whichever
/// page or job saved it. It evicts once the change is committed (after the save, or after the transaction the save ran
/// in), so no request can cache the old state in between. Saves outside a request of a municipality (start-up, commands)
/// have no cached pages of their own to evict. Each feature names its rows (<see cref="Shows"/>).</summary>
public abstract class PublicPageEviction(IHttpContextAccessor accessor, IOutputCacheStore cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Whether the public pages show rows of this entity type.</summary>
    protected abstract bool Shows(Type entity);

    /// <summary>Contexts with a saved, not yet committed change that the public pages show.</summary>
    private readonly ConditionalWeakTable<DbContext, object> pending = [];

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Changes(context)) pending.AddOrUpdate(context, this);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && Changes(context)) pending.AddOrUpdate(context, this);
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null) await EvictAsync(context, cancellationToken);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null) EvictAsync(context, default).GetAwaiter().GetResult();
        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) await EvictAsync(context, cancellationToken);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context) EvictAsync(context, default).GetAwaiter().GetResult();
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context) pending.Remove(context);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) pending.Remove(context);
        return Task.CompletedTask;
    }

    private bool Changes(DbContext context) =>
        context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Shows(e.Entity.GetType()));

    private async Task EvictAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (!pending.Remove(context)) return;
        if (accessor.HttpContext?.Municipality() is { } municipality)
            await PublicPageCache.EvictMunicipalityAsync(cache, municipality.Slug, cancellationToken);
    }
}
