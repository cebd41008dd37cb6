using OpenGov.SharedKernel.Paging;

namespace OpenGov.Web.Api;

/// <summary>The API's page shape (the modules' keyset pages, as JSON: items and nextCursor).</summary>
public sealed record PageDto<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class PageDto
{
    public static PageDto<T> From<T>(KeysetPage<T> page) => new(page.Items, page.NextCursor);
}
