using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace OpenGov.Web.Api;

/// <summary>
/// Gives every JSON response of the document an example built from its schema (ids, ISO dates, one item per list), and
/// every problem response a problem with its status, so each operation shows what it answers without hand-kept samples
/// that drift from the DTOs.
/// </summary>
public static class ApiExamples
{
    private const int MaxDepth = 6;

    public static void Fill(OpenApiDocument document)
    {
        foreach (var (_, path) in document.Paths)
            foreach (var (_, operation) in path.Operations ?? [])
                foreach (var (status, response) in operation.Responses ?? [])
                    foreach (var (contentType, media) in response.Content ?? new Dictionary<string, OpenApiMediaType>())
                    {
                        if (media.Example is not null || media.Schema is null) continue;
                        if (contentType.StartsWith(Infrastructure.Errors.ApiProblems.ContentType, StringComparison.Ordinal))
                            media.Example = Problem(status);
                        else if (contentType.Contains("json", StringComparison.Ordinal))
                            media.Example = Of(document, media.Schema, 0, "text");
                    }
    }

    private static JsonNode Problem(string status) => new JsonObject
    {
        ["type"] = status switch
        {
            "400" => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            "404" => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            "429" => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
            _ => "about:blank",
        },
        ["title"] = status switch { "400" => "Bad Request", "404" => "Not Found", "429" => "Too many requests. Wait a minute before retrying.", _ => "Error" },
        ["status"] = int.TryParse(status, out var s) ? s : 500,
    };

    /// <summary>A value matching the schema; references resolved through the document's components.</summary>
    public static JsonNode? Of(OpenApiDocument document, IOpenApiSchema schema, int depth, string name)
    {
        if (schema is OpenApiSchemaReference { Reference.Id: { } id }
            && document.Components?.Schemas?.TryGetValue(id, out var target) == true) schema = target;
        if (depth > MaxDepth) return null;
        if (schema.Enum is { Count: > 0 } values) return values[0]?.DeepClone();
        foreach (var alternative in (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []))
            if (Of(document, alternative, depth + 1, name) is { } value) return value;
        var type = schema.Type ?? (schema.Properties is { Count: > 0 } ? JsonSchemaType.Object : JsonSchemaType.Null);
        if (type.HasFlag(JsonSchemaType.Object))
        {
            var obj = new JsonObject();
            foreach (var property in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
                obj[property.Key] = Of(document, property.Value, depth + 1, property.Key);
            return obj;
        }
        if (type.HasFlag(JsonSchemaType.Array))
            return schema.Items is { } items && Of(document, items, depth + 1, name) is { } item ? new JsonArray(item) : new JsonArray();
        if (type.HasFlag(JsonSchemaType.Integer)) return 1;
        if (type.HasFlag(JsonSchemaType.Number)) return 42.5;
        if (type.HasFlag(JsonSchemaType.Boolean)) return true;
        if (type.HasFlag(JsonSchemaType.String)) return schema.Format switch
        {
            "uuid" => "3f2b8c1e-6d4a-4b7e-9a51-0c8d2e7f4a10",
            "date-time" => "2026-11-26T10:00:00Z",
            "date" => "2026-11-26",
            "uri" => "https://example.org/",
            "binary" => null,
            // A path-like sample for links, else the property's own name, so the example reads as what it holds.
            _ when name.EndsWith("url", StringComparison.OrdinalIgnoreCase) => "/" + name[..^3].ToLowerInvariant(),
            _ => name,
        };
        return null;
    }
}
