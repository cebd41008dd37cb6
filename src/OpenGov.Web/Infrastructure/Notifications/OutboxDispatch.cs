using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Infrastructure.Jobs;
using System.Data.Common;
using System.Runtime.CompilerServices;

namespace OpenGov.Web.Infrastructure.Notifications;

/// <summary>The Hangfire job that delivers the outbox until nothing is due. Not retried by Hangfire: rows carry their own
/// retry schedule, and the next minute's run (or the next enqueue) picks them up.</summary>
public sealed class OutboxDispatch(OutboxDelivery delivery, OutboxSignal signal)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task DrainAsync(CancellationToken ct)
    {
        signal.Started();
        await delivery.DeliverAllDueAsync(JobScheduler.Instance, ct);
    }
}

/// <summary>Enqueues a dispatch when mail was committed, so a confirmation mail leaves in seconds rather than at the
/// next minute. At most one pending dispatch per instance (a lost one is forgotten after 30 s).</summary>
public sealed class OutboxSignal(IServiceProvider services, TimeProvider clock, Microsoft.Extensions.Options.IOptions<NotificationOptions> options)
{
    private long _pendingSince;

    public void Started() => Interlocked.Exchange(ref _pendingSince, 0);

    public void MailCommitted()
    {
        if (!options.Value.WorkerEnabled) return;
        var now = clock.GetUtcNow().UtcTicks;
        var pending = Interlocked.Read(ref _pendingSince);
        if (pending != 0 && now - pending < TimeSpan.FromSeconds(30).Ticks) return;
        if (Interlocked.CompareExchange(ref _pendingSince, now, pending) != pending) return;
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<OutboxDispatch>(d => d.DrainAsync(CancellationToken.None));
    }
}

/// <summary>Notices outbox rows being saved and signals once they are committed (at SaveChanges, or at the commit of the
/// caller's transaction).</summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Waiting = [];

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SignalIfCommitted(eventData.Context, committing: false);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SignalIfCommitted(eventData.Context, committing: false);
        return result;
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SignalIfCommitted(eventData.Context, committing: true);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => SignalIfCommitted(eventData.Context, committing: true);

    private static void Mark(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
            Waiting.AddOrUpdate(context, true);
    }

    /// <summary>After SaveChanges inside the caller's transaction, waits for its commit (the transaction is still current
    /// while the commit is reported).</summary>
    private void SignalIfCommitted(DbContext? context, bool committing)
    {
        if (context is null || (!committing && context.Database.CurrentTransaction is not null) || !Waiting.Remove(context)) return;
        signal.MailCommitted();
    }
}
