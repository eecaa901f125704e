using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Approval.Api.Contract;

/// <summary>
/// Every error an operation can answer is in its description, as a problem detail (RFC 7807) with the fields named:
/// a generated client then knows each 4xx and how to read it. The codes follow from how the pipeline treats the
/// operation, not from each endpoint remembering to say so: any input can be malformed (400) or too long for its
/// field (422), a route naming a record can miss (404), a non-anonymous operation can be refused (401, 403), a rate
/// limited one throttled (429), a body in another media type refused (415). Codes the handler itself declares (409 and the like) keep their own text.
/// </summary>
internal sealed class ProblemResponses : IOperationFilter
{
    public const string ContentType = "application/problem+json";

    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["400"] = "The request is malformed or a field is invalid: `errors` names each field and why.",
        ["401"] = "Not signed in, or the token or cookie is no longer valid.",
        ["403"] = "Signed in, but this user's role, department or window may not do this on this record.",
        ["404"] = "No such record, or none the caller may see.",
        ["409"] = "The record's state does not allow this now (already done, done by someone else, or changed meanwhile).",
        ["415"] = "The body is not in a media type the operation takes (send JSON as application/json): `errors` names `Content-Type`.",
        ["422"] = "Well-formed, but a value breaks a rule or is longer than its field takes: `errors` names each field.",
        ["429"] = "Too many requests from this address; try again after the time in `Retry-After`.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var parameters = operation.Parameters ?? [];
        operation.Responses ??= [];

        if (parameters.Count > 0 || operation.RequestBody is not null)
            Declare(operation, "400", context);
        // The fallback policy asks every operation that is not anonymous for a signed-in user.
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            Declare(operation, "401", context);
            Declare(operation, "403", context);
        }
        if (parameters.Any(p => p.In == ParameterLocation.Path))
            Declare(operation, "404", context);
        if (operation.RequestBody is not null || parameters.Any(p => p.Schema?.MaxLength is not null))
            Declare(operation, "422", context);
        // A body sent as anything but the media types the operation reads is refused before the handler.
        if (operation.RequestBody is not null)
            Declare(operation, "415", context);
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
            Declare(operation, "429", context);

        foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('4')).ToList())
            if (response is OpenApiResponse concrete)
                Describe(concrete, status, context);
    }

    private static void Declare(OpenApiOperation operation, string status, OperationFilterContext context)
    {
        if (!operation.Responses!.ContainsKey(status))
            operation.Responses[status] = new OpenApiResponse();
    }

    /// <summary>The problem schema under its content type, and a description when the endpoint gave none.</summary>
    private static void Describe(OpenApiResponse response, string status, OperationFilterContext context)
    {
        if (string.IsNullOrWhiteSpace(response.Description) || response.Description is "Bad Request" or "Unauthorized" or "Forbidden" or "Not Found" or "Conflict" or "Unprocessable Content" or "Unsupported Media Type" or "Too Many Requests")
            response.Description = Descriptions.GetValueOrDefault(status, "A problem detail saying what is wrong.");
        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        response.Content.Clear();
        response.Content[ContentType] = new OpenApiMediaType
        {
            Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository),
        };
    }
}

/// <summary>
/// The problem detail's schema shows the field errors every 400 and 422 carries (<c>errors: { field: [reasons] }</c>),
/// an extension member that <see cref="Microsoft.AspNetCore.Mvc.ProblemDetails"/> itself does not declare.
/// </summary>
internal sealed class ProblemDetailsSchema : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(Microsoft.AspNetCore.Mvc.ProblemDetails) || schema is not OpenApiSchema concrete)
            return;
        concrete.Description = "RFC 7807 problem details. `code` names the problem for a machine; `title` and `detail` say it in words (zh-CN, or English with Accept-Language: en); `errors` names each field at fault.";
        concrete.Properties ??= new Dictionary<string, IOpenApiSchema>();
        concrete.Properties[ProblemLanguage.CodeMember] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "A stable name of the problem to branch on: the domain's refusal code, or the API's own (InvalidRequest, NotFound, Conflict, TooLong, …). It does not change with the language.",
        };
        concrete.Required ??= new HashSet<string>();
        concrete.Required.Add(ProblemLanguage.CodeMember);
        concrete.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object | JsonSchemaType.Null,
            Description = "Each field at fault (JSON path of the request, or the parameter's name) and its reasons.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
    }
}
