using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Approval.Api.Supervision;

/// <summary>Swagger shows that a list's 200 is JSON or, for <c>format=csv</c> / <c>Accept: text/csv</c>, a CSV file.</summary>
internal sealed class SwaggerCsvExport : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<CsvExport>().Any()
            || operation.Responses?.GetValueOrDefault("200") is not OpenApiResponse ok)
            return;
        ok.Content ??= new Dictionary<string, OpenApiMediaType>();
        ok.Content[CsvFile<object>.ContentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
    }
}
