namespace OpenGov.Web.Infrastructure.Errors;

/// <summary>
/// Marks endpoints outside <c>/api</c> whose errors are problem+json too (open-data downloads, calendars, plan exports):
/// machine-read URLs documented in the OpenAPI document. Added with <c>ApiDocumentation.WithProblemResponses</c>.
/// </summary>
public sealed class ProblemResponses
{
    public static readonly ProblemResponses Instance = new();
}
