using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OpenGov.Web.Api;

/// <summary>
/// The browsable API reference (/open-data/api) read from the same generated OpenAPI document as /openapi/v1.json, so the
/// page never disagrees with the document. Rendered on the server: no script, nothing loaded from elsewhere (CSP intact).
/// </summary>
public sealed class ApiReference(IServiceProvider services)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<IReadOnlyList<ApiOperationView>> OperationsAsync(CancellationToken ct)
    {
        var provider = services.GetKeyedService<IOpenApiDocumentProvider>(ApiDocumentation.DocumentName)
            ?? services.GetRequiredService<IOpenApiDocumentProvider>();
        var document = await provider.GetOpenApiDocumentAsync(ct);
        var operations = new List<ApiOperationView>();
        foreach (var (path, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
            foreach (var (method, op) in item.Operations ?? [])
            {
                var verb = method.Method.ToUpperInvariant();
                var parameters = (op.Parameters ?? []).Select(p => new ApiParameterView(p.Name ?? "", p.In?.ToString().ToLowerInvariant() ?? "",
                    p.Required, TypeName(p.Schema), p.Description)).ToList();
                var responses = (op.Responses ?? []).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new ApiResponseView(r.Key, r.Value.Description,
                    string.Join(", ", (r.Value.Content ?? new Dictionary<string, OpenApiMediaType>()).Keys),
                    r.Value.Content?.Values.FirstOrDefault()?.Schema is { } s ? TypeName(s) : null)).ToList();
                var example = op.Responses?.TryGetValue("200", out var ok) == true
                    ? ok.Content?.Values.Select(m => m.Example).FirstOrDefault(e => e is not null)?.ToJsonString(Indented) : null;
                var anchor = op.OperationId ?? (verb + path).Replace('/', '-').Replace('{', '-').Replace('}', '-');
                operations.Add(new ApiOperationView(anchor, verb, path, op.Summary, op.Description, parameters, responses, example));
            }
        return operations;
    }

    private static string TypeName(IOpenApiSchema? schema) => schema switch
    {
        null => "",
        OpenApiSchemaReference { Reference.Id: { } id } => id,
        { Type: { } t } when t.HasFlag(JsonSchemaType.Array) => $"{TypeName(schema.Items)}[]",
        { Type: { } t } => string.Join(" | ", Enum.GetValues<JsonSchemaType>().Where(f => t.HasFlag(f)).Select(f => f.ToString().ToLowerInvariant()))
            + (schema.Format is { } f2 ? $" ({f2})" : ""),
        _ => "object",
    };
}
