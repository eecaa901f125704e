using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Approval.Api.Contract;

/// <summary>
/// OpenAPI 3.0 gives <c>nullable</c> a meaning only beside a <c>type</c>; two kinds of schema Swashbuckle writes without
/// one are made to say what the API does:
/// <list type="bullet">
/// <item>a property holding a record that may be null (a case's decision before it is decided), <c>allOf: [$ref]</c>,
/// takes the type of the record it refers to (<c>object</c>, or <c>string</c> for an enum): "that record, or null";</item>
/// <item>a free JSON value that may be null (a workflow's input and variables, <c>JsonNode?</c>) came out as
/// <c>enum: [null]</c> — only null — and is any JSON value instead.</item>
/// </list>
/// </summary>
internal sealed class NullableSchemas : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        if (document.Components?.Schemas is not { } schemas)
            return;
        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
            Mend(schema, schemas, depth: 0);
    }

    private static void Mend(OpenApiSchema schema, IDictionary<string, IOpenApiSchema> schemas, int depth)
    {
        if (depth > 8)
            return;
        if (schema.AdditionalProperties is OpenApiSchema values)
        {
            if (OnlyNull(values))
                schema.AdditionalProperties = new OpenApiSchema();
            else
                Mend(values, schemas, depth + 1);
        }
        if (schema.Items is OpenApiSchema items)
            Mend(items, schemas, depth + 1);
        if (schema.Properties is null)
            return;
        foreach (var (name, property) in schema.Properties.ToList())
        {
            if (property is not OpenApiSchema inline)
                continue;
            if (OnlyNull(inline))
                schema.Properties[name] = new OpenApiSchema { Description = inline.Description };
            else if (inline.Type is null or JsonSchemaType.Null && inline.AllOf is [OpenApiSchemaReference reference]
                && reference.Reference.Id is { } id && schemas.TryGetValue(id, out var target) && target.Type is { } type)
                inline.Type = type | JsonSchemaType.Null;
            else
                Mend(inline, schemas, depth + 1);
        }
    }

    // A schema whose only type is null: OpenAPI.NET writes it for 3.0 as "enum: [null], nullable: true".
    private static bool OnlyNull(OpenApiSchema schema) =>
        schema.Type == JsonSchemaType.Null && schema.AllOf is null or [] && schema.Properties is null or { Count: 0 };
}
