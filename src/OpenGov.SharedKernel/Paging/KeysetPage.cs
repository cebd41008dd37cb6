namespace OpenGov.SharedKernel.Paging;

/// <summary>A page of a keyset-paginated list: <see cref="NextCursor"/> is opaque to the client and null on the last page.</summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, string? NextCursor);
