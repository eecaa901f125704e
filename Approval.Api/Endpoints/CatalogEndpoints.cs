using Approval.Api.Identity;
using Approval.Workflows.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Api.Endpoints;

/// <summary>The catalog (审批事项目录库) and its public guide (办事指南).</summary>
internal static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/catalog").WithTags("Catalog");
        group.MapGet("/items", async (ICatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.ListItemsAsync(ct)))
            .AllowAnonymous().WithSummary("Lists the approval items (the public guide of each).").WithName("ListItems");
        group.MapGet("/items/{code}", GetAsync).AllowAnonymous()
            .WithSummary("One item's guide (办事指南): legal basis, limits, fee, materials, conditions, form, result.")
            .ProducesProblem(StatusCodes.Status404NotFound).WithName("GetItem");
        group.MapPut("/items/{code}", SaveAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Adds or replaces an item; refused with the reasons when it is not valid catalog data.")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithName("SaveItem");
        group.MapGet("/departments", async (ICatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.ListDepartmentsAsync(ct)))
            .AllowAnonymous().WithSummary("Lists the departments.").WithName("ListDepartments");
        return group;
    }

    private static async Task<Results<Ok<ApprovalItem>, ProblemHttpResult>> GetAsync(string code, ICatalog catalog, CancellationToken cancellationToken) =>
        await catalog.FindItemAsync(code, cancellationToken) is { } item
            ? TypedResults.Ok(item)
            : TypedResults.Problem(Problems.NotFound($"No item {code} in the catalog."));

    private static async Task<Results<Ok<ApprovalItem>, ProblemHttpResult>> SaveAsync(string code, ApprovalItem item, ICatalog catalog, CancellationToken cancellationToken)
    {
        if (item.Code != code)
            return TypedResults.Problem(Problems.InvalidField("code", $"the body's code '{item.Code}' differs from the path's '{code}'"));
        var problems = item.Problems().ToList();
        if (problems.Count > 0)
            return TypedResults.Problem(Problems.InvalidFields(problems.Select(p => ("item", p))));
        await catalog.SaveItemAsync(item, cancellationToken);
        return TypedResults.Ok(item);
    }
}
