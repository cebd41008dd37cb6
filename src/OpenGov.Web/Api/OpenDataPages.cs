using OpenGov.SharedKernel.Paging;

namespace OpenGov.Web.Api;

/// <summary>Streams every page of a keyset query, for the full dumps (never loaded at once).</summary>
public static class OpenDataPages
{
    public const int MaxLimit = 100;

    public static async IAsyncEnumerable<T> AllAsync<T>(Func<string?, Task<KeysetPage<T>>> page)
    {
        string? cursor = null;
        do
        {
            var p = await page(cursor);
            foreach (var item in p.Items) yield return item;
            cursor = p.NextCursor;
        } while (cursor is not null);
    }
}
