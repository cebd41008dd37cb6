namespace OpenGov.Web.Api;

/// <summary>An idea of the trail; <c>responseState</c> and <c>responsePublishedAt</c> are null until its reasoned response is published.</summary>
public sealed record TraceIdeaDto(Guid Id, string Title, string Url, string? ResponseState, DateTime? ResponsePublishedAt);
