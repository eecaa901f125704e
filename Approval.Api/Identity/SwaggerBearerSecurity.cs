using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Approval.Api.Identity;

/// <summary>
/// Swagger's "Authorize" button takes a bearer token (from <c>POST /api/auth/token</c>); every operation that is not
/// anonymous is marked as needing it (its 401 and 403 are described by <see cref="Contract.ProblemResponses"/>).
/// </summary>
internal sealed class SwaggerBearerSecurity : IOperationFilter
{
    private const string SchemeId = "Bearer";

    public static void Configure(SwaggerGenOptions options)
    {
        options.AddSecurityDefinition(SchemeId, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from POST /api/auth/token (demo users: see the README). Paste the token alone, without 'Bearer '.",
        });
        options.OperationFilter<SwaggerBearerSecurity>();
    }

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
            return;
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] });
    }
}
