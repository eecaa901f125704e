using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Approval.Api.MachineClients;

/// <summary>
/// OpenAPI has one operation per path and method, so the client-credentials grant (a form) is described on the password
/// sign-in's operation <c>IssueToken</c>, as its second request body: same answer (<c>TokenResponse</c>), same problems.
/// </summary>
internal sealed class ClientCredentialsGrantDocument : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId != "IssueToken" || operation.RequestBody is not OpenApiRequestBody body)
            return;
        body.Content ??= new Dictionary<string, OpenApiMediaType>();
        body.Content[MachineClientEndpoints.FormContentType] = new OpenApiMediaType
        {
            Schema = context.SchemaGenerator.GenerateSchema(typeof(ClientCredentialsForm), context.SchemaRepository),
        };
        operation.Description = (operation.Description is { Length: > 0 } text ? text + " " : "")
            + "A department system signs in with its client credential instead (OAuth2 client credentials, RFC 6749 §4.4): a form "
            + "grant_type=client_credentials&client_id=…&client_secret=… (or the id and secret by HTTP Basic authentication); it gets a short-lived "
            + "token (Approval:Auth:ClientTokenLifetime) as a reviewer of its department. A wrong or revoked client answers 401 with error invalid_client.";
    }
}
