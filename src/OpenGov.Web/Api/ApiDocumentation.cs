using OpenGov.Web.Infrastructure.Errors;

namespace OpenGov.Web.Api;

/// <summary>
/// The OpenAPI document (/openapi/v1.json, Microsoft.AspNetCore.OpenApi) and what every operation shares: the problem+json
/// answers 400/404/429 (<see cref="WithProblemResponses"/> on each group, which also makes the errors problem+json at run
/// time through <see cref="ApiProblems"/>) and an example on every response (<see cref="ApiExamples"/>, a document transformer).
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentName = "v1";

    public static readonly int[] ProblemStatuses = [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests];

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) => services.AddOpenApi(DocumentName, o =>
    {
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OpenGov open data API";
            document.Info.Description = "Read-only open data of the national OGP action plan: co-creation cycles, proposals with their reasoned " +
                "responses, commitment sheets, adopted plans and their progress, traceability, events, meetings and news. " +
                "Lists are keyset-paged (pass nextCursor as ?cursor=, limit 1..100). Errors are RFC 9457 application/problem+json. " +
                "Licence: ODbL 1.0.";
            return Task.CompletedTask;
        });
        o.AddDocumentTransformer((document, _, _) =>
        {
            ApiExamples.Fill(document);
            return Task.CompletedTask;
        });
    });

    /// <summary>400, 404 and 429 answered as problem+json, documented with the ProblemDetails schema.</summary>
    public static TBuilder WithProblemResponses<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(ProblemResponses.Instance);
        foreach (var status in ProblemStatuses)
            builder.ProducesProblem(status);
        return builder;
    }
}
