using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;

namespace OpenGov.Web.Infrastructure.Caching;

/// <summary>
/// This instance's view of the content areas. Each area has a local epoch that is part of every cached page's key: a change
/// (committed here, or seen in the ContentGenerations table by the poller) moves the epoch, so the next request misses and
/// renders fresh content; entries stored by a request that started before the change sit under the old key and are never
/// served. Evicting the area's tag only frees their memory.
/// </summary>
public sealed class ContentVersions(IOutputCacheStore store)
{
    private readonly ConcurrentDictionary<string, long> epochs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> seen = new(StringComparer.Ordinal);

    /// <summary>The part of a cache key that changes whenever one of <paramref name="tags"/> changes.</summary>
    public string KeyOf(IReadOnlyList<string> tags)
        => string.Join('.', tags.Select(t => epochs.GetValueOrDefault(t).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A change committed by this instance: the next request renders fresh content.</summary>
    public void Committed(IReadOnlyDictionary<string, long> written)
    {
        foreach (var (tag, version) in written)
        {
            seen[tag] = version; // the poller need not evict again for our own write
            Move(tag);
        }
    }

    /// <summary>The database's versions, read by the poller: areas changed by another instance move their epoch.</summary>
    public void Observed(IEnumerable<(string Tag, long Version)> rows, bool first)
    {
        foreach (var (tag, version) in rows)
        {
            var known = seen.TryGetValue(tag, out var before);
            seen[tag] = version;
            if (!first && (!known || before != version)) Move(tag);
        }
    }

    private void Move(string tag)
    {
        epochs.AddOrUpdate(tag, 1, (_, e) => e + 1);
        _ = store.EvictByTagAsync(tag, CancellationToken.None).AsTask();
    }
}
