using Approval.Api.Contract;
using System.Security.Claims;
using Approval.Api.Identity;
using Approval.Workflows.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Api.Endpoints;

/// <summary>
/// An item's versions (事项版本): the draft an administrator edits, its publication as the next version, the versions
/// published, what differs between two, and an older one put back in force. Cases keep the version they were submitted under.
/// </summary>
internal static class ItemVersionEndpoints
{
    public static RouteGroupBuilder MapItemVersionEndpoints(this RouteGroupBuilder catalog)
    {
        catalog.MapGet("/items/{code}/versions", ListAsync).RequireAuthorization(Policies.Oversight)
            .WithSummary("Every published version of an item, newest first: who published it, when, with what note, and which is in force.")
            .ProducesProblem(StatusCodes.Status404NotFound).WithDescription("For administrators and supervisors: a supervisor checks which limit and fee a case was submitted under.").WithTags(UserGroups.Administration, UserGroups.Supervision).WithName("ListItemVersions");
        catalog.MapGet("/items/{code}/versions/{version:int}", GetAsync).RequireAuthorization(Policies.Oversight)
            .WithSummary("One published version of an item, as the cases submitted under it read it.")
            .ProducesProblem(StatusCodes.Status404NotFound).WithDescription("The version's limits, materials, fee, departments and form, exactly as published.").WithTags(UserGroups.Administration, UserGroups.Supervision).WithName("GetItemVersion");
        catalog.MapGet("/items/{code}/differences", DifferencesAsync).RequireAuthorization(Policies.Oversight)
            .WithSummary("What differs between two versions of an item (from, to; by default the version in force and the one before it).")
            .ProducesProblem(StatusCodes.Status404NotFound).WithDescription("Each difference names the field (its JSON name) with the value before and after.").WithTags(UserGroups.Administration, UserGroups.Supervision).WithName("GetItemDifferences");
        catalog.MapGet("/items/{code}/draft", GetDraftAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("The draft being edited for an item (not in force), and what it changes from the version in force.")
            .ProducesProblem(StatusCodes.Status404NotFound).WithDescription("404 when there is no draft: edit the item (PUT …/draft) to start one from the version in force.").WithTags(UserGroups.Administration).WithName("GetItemDraft");
        catalog.MapPut("/items/{code}/draft", SaveDraftAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Saves the draft of an item: limits, materials, fees, departments, form fields. Nothing changes for anyone until it is published.")
            .WithDescription("Checked as a version would be: a field at fault answers 400 naming it (errors.promisedLimitDays, errors.leadDepartmentCode…).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithTags(UserGroups.Administration).WithName("SaveItemDraft");
        catalog.MapDelete("/items/{code}/draft", async (string code, ICatalog items, CancellationToken ct) =>
            {
                await items.DiscardDraftAsync(code, ct);
                return TypedResults.NoContent();
            }).RequireAuthorization(Policies.Administrator)
            .WithSummary("Drops the draft of an item; the version in force stays.").WithDescription("Nothing is published or lost: the versions stay as they were. 404 when the item has no draft.").WithTags(UserGroups.Administration).WithName("CancelItemDraft");
        catalog.MapPost("/items/{code}/draft/publish", PublishDraftAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("发布新版本: publishes the draft as the item's next version, in force for new cases at once; body { note } (optional).")
            .WithDescription("Running cases keep the version they were submitted under: their limits, materials and fee do not change.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags(UserGroups.Administration).WithName("PublishItemDraft");
        catalog.MapPost("/items/{code}/versions/{version:int}/roll-back", RollBackAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Puts an older version of an item back in force: it is published again as the next version; body { note } (optional).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("Nothing is rewritten: the older content becomes a new version with its own number, note and publisher.").WithTags(UserGroups.Administration).WithName("RollBackItem");
        return catalog;
    }

    private static async Task<Results<Ok<IReadOnlyList<ItemVersionView>>, ProblemHttpResult>> ListAsync(string code, ICatalog catalog, CancellationToken cancellationToken)
    {
        var versions = await catalog.ListItemVersionsAsync(code, cancellationToken);
        if (versions.Count == 0)
            return TypedResults.Problem(Problems.NotFound($"No item {code} in the catalog."));
        var inForce = versions.Max(v => v.Version);
        return TypedResults.Ok<IReadOnlyList<ItemVersionView>>([.. versions.Select(v => ItemVersionView.From(v, inForce))]);
    }

    private static async Task<Results<Ok<ApprovalItem>, ProblemHttpResult>> GetAsync(string code, int version, ICatalog catalog, CancellationToken cancellationToken) =>
        await catalog.FindItemAsync(code, version, cancellationToken) is { } item
            ? TypedResults.Ok(item)
            : TypedResults.Problem(Problems.NotFound($"No version {version} of {code}."));

    private static async Task<Results<Ok<ItemComparison>, ProblemHttpResult>> DifferencesAsync(string code, ICatalog catalog, CancellationToken cancellationToken,
        [FromQuery(Name = "from")] int? fromVersion = null, [FromQuery(Name = "to")] int? toVersion = null)
    {
        if (await catalog.FindItemAsync(code, cancellationToken) is not { } current)
            return TypedResults.Problem(Problems.NotFound($"No item {code} in the catalog."));
        var later = toVersion ?? current.Version;
        var earlier = fromVersion ?? Math.Max(1, later - 1);
        if (await catalog.FindItemAsync(code, earlier, cancellationToken) is not { } a)
            return TypedResults.Problem(Problems.NotFound($"from: no version {earlier} of {code}."));
        if (await catalog.FindItemAsync(code, later, cancellationToken) is not { } b)
            return TypedResults.Problem(Problems.NotFound($"to: no version {later} of {code}."));
        return TypedResults.Ok(new ItemComparison(code, earlier, later, ItemDifferences.Between(a, b)));
    }

    private static async Task<Results<Ok<DraftView>, ProblemHttpResult>> GetDraftAsync(string code, ICatalog catalog, CancellationToken cancellationToken)
    {
        if (await catalog.FindItemAsync(code, cancellationToken) is not { } current)
            return TypedResults.Problem(Problems.NotFound($"No item {code} in the catalog."));
        return await catalog.FindDraftAsync(code, cancellationToken) is { } draft
            ? TypedResults.Ok(new DraftView(draft.Item, draft.BasedOnVersion, current.Version, draft.SavedAt, draft.SavedBy, ItemDifferences.Between(current, draft.Item)))
            : TypedResults.Problem(Problems.NotFound($"{code} has no draft."));
    }

    private static async Task<Results<Ok<ItemDraft>, ProblemHttpResult>> SaveDraftAsync(string code, ApprovalItem item, ItemPublishing publishing, ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        if (item.Code != code)
            return TypedResults.Problem(Problems.InvalidField("code", ApiReasons.BodyCodeDiffers(item.Code, code)));
        var edit = await publishing.SaveDraftAsync(item, CasesEndpoints.Acting(principal).Name, cancellationToken);
        return edit.Saved is { } draft ? TypedResults.Ok(draft) : TypedResults.Problem(ProblemOf(edit));
    }

    private static async Task<Results<Created<ItemVersionView>, ProblemHttpResult>> PublishDraftAsync(string code, PublicationRequest? request, ItemPublishing publishing,
        ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        Created(await publishing.PublishDraftAsync(code, CasesEndpoints.Acting(principal).Name, request?.Note, cancellationToken));

    private static async Task<Results<Created<ItemVersionView>, ProblemHttpResult>> RollBackAsync(string code, int version, PublicationRequest? request,
        ItemPublishing publishing, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        Created(await publishing.RollBackAsync(code, version, CasesEndpoints.Acting(principal).Name, request?.Note, cancellationToken));

    private static Results<Created<ItemVersionView>, ProblemHttpResult> Created(CatalogEdit<ItemVersion> edit) =>
        edit.Saved is { } v
            ? TypedResults.Created($"/api/catalog/items/{Uri.EscapeDataString(v.ItemCode)}/versions/{v.Version}", ItemVersionView.From(v, v.Version))
            : TypedResults.Problem(ProblemOf(edit));

    /// <summary>An edit refused: 400 with the fields, 404 for no such item or version, 409 (the field named too) for not now.</summary>
    internal static ProblemDetails ProblemOf<T>(CatalogEdit<T> edit) where T : class => edit.Outcome switch
    {
        CatalogEditOutcome.Missing => Problems.NotFound(edit.Problems[0].Reason),
        CatalogEditOutcome.Conflict => WithErrors(Problems.Conflict($"Not possible now: {edit.Problems[0].Field}: {edit.Problems[0].Reason}."), edit.Problems),
        _ => Problems.InvalidFields(edit.Problems.Select(p => (p.Field, p.Reason))),
    };

    private static ProblemDetails WithErrors(ProblemDetails problem, IReadOnlyList<FieldError> errors)
    {
        problem.Extensions["errors"] = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray());
        return problem;
    }
}

/// <summary>What an administrator says of a publication or a roll back: the note kept with the version.</summary>
public sealed record PublicationRequest([property: System.ComponentModel.DataAnnotations.MaxLength(Approval.Workflows.Inputs.TextLimits.Reason)] string? Note);

/// <summary>A published version without its content: number, who and when, the note, the version it rolled back to, whether in force.</summary>
public sealed record ItemVersionView(string ItemCode, int Version, string Name, DateTimeOffset? PublishedAt, string? PublishedBy, string? Note, int? RolledBackFrom, bool InForce)
{
    public static ItemVersionView From(ItemVersion v, int inForce) =>
        new(v.ItemCode, v.Version, v.Item.Name, v.PublishedAt, v.PublishedBy, v.Note, v.RolledBackFrom, v.Version == inForce);
}

/// <summary>Two versions of an item and what differs between them.</summary>
public sealed record ItemComparison(string ItemCode, int From, int To, IReadOnlyList<ItemDifference> Differences);

/// <summary>An item's draft, the version it began from and the one in force now, and what it changes from the one in force.</summary>
public sealed record DraftView(ApprovalItem Item, int BasedOnVersion, int InForceVersion, DateTimeOffset SavedAt, string SavedBy, IReadOnlyList<ItemDifference> Changes);
