namespace OpenGov.Web.Api;

/// <summary>A documented answer of an operation: status, description, media types and the schema's name.</summary>
public sealed record ApiResponseView(string Status, string? Description, string ContentTypes, string? Schema);
