using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using OpenGov.SharedKernel.Caching;

namespace OpenGov.Web.Infrastructure.Caching;

/// <summary>
/// Writes a new version of every content area a save touches, in the save's own transaction (so another instance can never see
/// the version without the change), and tells this instance's <see cref="ContentVersions"/> once the change is committed.
/// Counters moved by ExecuteUpdate always come with a tracked insert of the same area (a support, a comment, a report).
/// </summary>
public sealed class ContentChangeInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public static readonly ContentChangeInterceptor Instance = new();

    // Versions written by a context and not yet committed (an explicit transaction may span several saves).
    private readonly ConditionalWeakTable<DbContext, Dictionary<string, long>> pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CommitIfNoTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        CommitIfNoTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetIfNoTransaction(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetIfNoTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    private void Stamp(DbContext? db)
    {
        if (db is null) return;
        var tags = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not ContentGeneration)
            .Select(e => ContentGeneration.TagOf(e.Metadata.ClrType))
            .OfType<string>().Distinct().ToList();
        if (tags.Count == 0) return;
        var written = pending.GetOrCreateValue(db);
        var set = db.Set<ContentGeneration>();
        foreach (var tag in tags)
        {
            var version = Random.Shared.NextInt64(1, long.MaxValue);
            var row = set.Local.FirstOrDefault(g => g.Tag == tag);
            if (row is null)
            {
                // A stub: UPDATE ... SET Version = @v WHERE Tag = @tag, no read first (the rows are seeded by the migration).
                row = new ContentGeneration(tag, version);
                set.Attach(row).Property(g => g.Version).IsModified = true;
            }
            else
            {
                row.Bump(version);
            }
            written[tag] = version;
        }
    }

    private void CommitIfNoTransaction(DbContext? db)
    {
        if (db is null || db.Database.CurrentTransaction is not null) return;
        Publish(db);
    }

    private void ForgetIfNoTransaction(DbContext? db)
    {
        if (db is null || db.Database.CurrentTransaction is not null) return;
        pending.Remove(db);
        DetachStubs(db);
    }

    private void Publish(DbContext db)
    {
        if (!pending.TryGetValue(db, out var written)) return;
        pending.Remove(db);
        if (written.Count > 0) db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?.GetService<ContentVersions>()?.Committed(written);
    }

    // A failed or rolled-back save leaves the stubs tracked: detach them so a retry on the same context re-stamps.
    private static void DetachStubs(DbContext db)
    {
        foreach (var e in db.ChangeTracker.Entries<ContentGeneration>().ToList()) e.State = EntityState.Detached;
    }

    // ---- explicit transactions ------------------------------------------------------------------
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db) Publish(db);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) Publish(db);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? db)
    {
        if (db is null) return;
        pending.Remove(db);
    }
}
