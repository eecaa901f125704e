using System.Security.Claims;
using Approval.Api.Contract;
using Approval.Api.Identity;
using Approval.Workflows.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Api.Endpoints;

/// <summary>The catalog (审批事项目录库) and its public guide (办事指南).</summary>
internal static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/catalog");
        group.MapGet("/items", async (ICatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.ListItemsAsync(ct)))
            .AllowAnonymous().WithSummary("Lists the approval items (the public guide of each).").WithDescription("The approval-item catalog (审批事项目录库): each item's code, name, kind (即办件, 承诺件, 联办件, 上报件), lead and co-departments, statutory and promised limits in working days, fee and materials — what the public guide (办事指南) shows.").WithTags(UserGroups.Public).WithName("ListItems");
        group.MapGet("/items/{code}", GetAsync).AllowAnonymous()
            .WithSummary("One item's guide (办事指南): legal basis, limits, fee, materials, conditions, form, result.")
            .ProducesProblem(StatusCodes.Status404NotFound).WithDescription("The public guide (办事指南) of one item: legal basis (设定依据), statutory and promised limits, fee and its basis (most items are free: Art. 58), required materials (original or copy, count, whether it may be missing under 容缺), acceptance conditions, the form and the result issued.").WithTags(UserGroups.Public).WithName("GetItem");
        group.MapPut("/items/{code}", SaveAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Adds an item, or publishes the body as its next version at once (?note= kept with it); refused with the fields at fault.")
            .WithDescription("To edit and look before publishing, use the draft (PUT …/draft, then POST …/draft/publish). Running cases keep the version they were submitted under.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).WithTags(UserGroups.Administration).WithName("SaveItem");
        group.MapGet("/departments", async (ICatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.ListDepartmentsAsync(ct)))
            .AllowAnonymous().WithSummary("Lists the departments.").WithDescription("Codes and names of the departments that review and decide (工商, 税务, 环保, 消防, 卫生…); items and staff refer to them by code.").WithTags(UserGroups.Public).WithName("ListDepartments");
        group.MapPut("/departments/{code}", SaveDepartmentAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Adds a department or renames one: { name }. Items and staff refer to it by its code, which does not change.")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithDescription("Body: { name }. The code stays, so items, staff and recorded cases keep pointing to the department.").WithTags(UserGroups.Administration).WithName("SaveDepartment");
        group.MapItemVersionEndpoints();
        return group;
    }

    private static async Task<Results<Ok<Department>, ProblemHttpResult>> SaveDepartmentAsync(string code, DepartmentRequest? request, ICatalog catalog, CancellationToken cancellationToken)
    {
        if (DepartmentInput.Read(code, request?.Name, out var problem) is not { } department)
            return TypedResults.Problem(Problems.InvalidField(problem!.Field, problem.Reason));
        await catalog.SaveDepartmentAsync(department, cancellationToken);
        return TypedResults.Ok(department);
    }

    private static async Task<Results<Ok<ApprovalItem>, ProblemHttpResult>> GetAsync(string code, ICatalog catalog, CancellationToken cancellationToken) =>
        await catalog.FindItemAsync(code, cancellationToken) is { } item
            ? TypedResults.Ok(item)
            : TypedResults.Problem(Problems.NotFound($"No item {code} in the catalog."));

    private static async Task<Results<Ok<ApprovalItem>, ProblemHttpResult>> SaveAsync(string code, ApprovalItem item, ItemPublishing publishing, ClaimsPrincipal principal,
        CancellationToken cancellationToken, [Microsoft.AspNetCore.Mvc.FromQuery] string? note = null)
    {
        if (item.Code != code)
            return TypedResults.Problem(Problems.InvalidField("code", ApiReasons.BodyCodeDiffers(item.Code, code)));
        var edit = await publishing.PublishAsync(item, CasesEndpoints.Acting(principal).Name, note, cancellationToken);
        return edit.Saved is { } published ? TypedResults.Ok(published.Item) : TypedResults.Problem(ItemVersionEndpoints.ProblemOf(edit));
    }
}

/// <summary>A department's name, for <c>PUT /api/catalog/departments/{code}</c>.</summary>
public sealed record DepartmentRequest(string? Name);

/// <summary>The checks on a department an administrator enters: a short code of lower-case letters, digits and hyphens, and a name.</summary>
public static class DepartmentInput
{
    public const int MaxCodeLength = 32;

    public static Department? Read(string? code, string? name, out FieldError? problem)
    {
        problem = null;
        code = code?.Trim();
        name = name?.Trim();
        if (string.IsNullOrEmpty(code) || code.Length > MaxCodeLength || !code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            problem = new FieldError("code", $"1 to {MaxCodeLength} lower-case letters, digits or hyphens (e.g. samr)");
        else if (string.IsNullOrEmpty(name))
            problem = new FieldError("name", "is required (e.g. 市场监督管理局)");
        else if (name.Length > Approval.Workflows.Inputs.TextLimits.Name)
            problem = new FieldError("name", $"at most {Approval.Workflows.Inputs.TextLimits.Name} characters");
        return problem is null ? new Department(code!, name!) : null;
    }
}
