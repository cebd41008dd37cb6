namespace OpenGov.Web.Api;

/// <summary>One operation of the OpenAPI document as the reference page shows it.</summary>
public sealed record ApiOperationView(string Anchor, string Method, string Path, string? Summary, string? Description,
    IReadOnlyList<ApiParameterView> Parameters, IReadOnlyList<ApiResponseView> Responses, string? Example);
