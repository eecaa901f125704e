using System.Text.Json;
using System.Text.Json.Serialization;
using Approval.Api.Identity;
using Approval.Workflows.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Admin;

/// <summary>
/// One catalog item (审批事项) as an administrator edits it: limits, fee, departments as fields; the parallel reviews,
/// materials and form fields as the same JSON the API takes. An edit is saved as the item's draft (checked as
/// <see cref="ItemPublishing"/> checks it, like <c>PUT /api/catalog/items/{code}/draft</c>), its changes shown against the
/// version in force, and published as the next version with a note; the versions are listed, two compared, an older one
/// rolled back to. Running cases keep the version they were submitted under.
/// </summary>
public sealed class CatalogItemModel(ICatalog catalog, ItemPublishing publishing) : PageModel
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The versions compared (<c>?from=1&amp;to=2</c>).</summary>
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }

    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public int StatutoryLimitDays { get; set; }
    [BindProperty] public int PromisedLimitDays { get; set; }
    [BindProperty] public decimal Fee { get; set; }
    [BindProperty] public string? FeeBasis { get; set; }
    [BindProperty] public string LeadDepartmentCode { get; set; } = "";
    [BindProperty] public string ParallelReviews { get; set; } = "[]";
    [BindProperty] public string Materials { get; set; } = "[]";
    [BindProperty] public string FormFields { get; set; } = "[]";

    /// <summary>The version in force.</summary>
    public ApprovalItem Item { get; private set; } = null!;
    public ItemDraft? Draft { get; private set; }
    public IReadOnlyList<ItemDifference> DraftChanges { get; private set; } = [];
    public IReadOnlyList<ItemVersion> Versions { get; private set; } = [];
    public IReadOnlyList<ItemDifference>? Compared { get; private set; }
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public IReadOnlyList<FieldError> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var shown = Draft?.Item ?? Item;
        (Name, StatutoryLimitDays, PromisedLimitDays, Fee, FeeBasis, LeadDepartmentCode) =
            (shown.Name, shown.StatutoryLimitDays, shown.PromisedLimitDays, shown.Fee, shown.FeeBasis, shown.LeadDepartmentCode);
        ParallelReviews = JsonSerializer.Serialize(shown.ParallelReviews, Json);
        Materials = JsonSerializer.Serialize(shown.Materials, Json);
        FormFields = JsonSerializer.Serialize(shown.Form, Json);
        if (From is { } from && To is { } to)
        {
            var (a, b) = (Versions.FirstOrDefault(v => v.Version == from), Versions.FirstOrDefault(v => v.Version == to));
            Compared = a is null || b is null ? null : ItemDifferences.Between(a.Item, b.Item);
        }
        return Page();
    }

    /// <summary>Saves the edit as the item's draft: nothing is in force until it is published.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var problems = new List<FieldError>();
        var reviews = Read<List<ParallelReview>>(ParallelReviews, "parallelReviews", problems);
        var materials = Read<List<RequiredMaterial>>(Materials, "materials", problems);
        var form = Read<List<FormField>>(FormFields, "form", problems);
        if (problems.Count == 0)
        {
            var edited = (Draft?.Item ?? Item) with
            {
                Name = (Name ?? "").Trim(), StatutoryLimitDays = StatutoryLimitDays, PromisedLimitDays = PromisedLimitDays, Fee = Fee,
                FeeBasis = string.IsNullOrWhiteSpace(FeeBasis) ? null : FeeBasis.Trim(), LeadDepartmentCode = LeadDepartmentCode,
                ParallelReviews = reviews!, Materials = materials!, Form = form!,
            };
            var saved = await publishing.SaveDraftAsync(edited, Who, cancellationToken);
            if (saved.Outcome == CatalogEditOutcome.Saved)
                return Redirect($"/admin/catalog/{Uri.EscapeDataString(Code)}?done=draft");
            problems.AddRange(saved.Problems);
        }
        return Refused(problems);
    }

    /// <summary>发布新版本: the draft becomes the next version, with the note.</summary>
    public async Task<IActionResult> OnPostPublishAsync(string? note, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var published = await publishing.PublishDraftAsync(Code, Who, note, cancellationToken);
        return published.Saved is not null ? Redirect($"/admin/catalog/{Uri.EscapeDataString(Code)}?done=published") : await RefusedAsync(published.Problems, cancellationToken);
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken cancellationToken)
    {
        await catalog.DiscardDraftAsync(Code, cancellationToken);
        return Redirect($"/admin/catalog/{Uri.EscapeDataString(Code)}?done=discarded");
    }

    /// <summary>Puts an older version back in force as the next version.</summary>
    public async Task<IActionResult> OnPostRollBackAsync(int version, string? note, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var rolled = await publishing.RollBackAsync(Code, version, Who, note, cancellationToken);
        return rolled.Saved is not null ? Redirect($"/admin/catalog/{Uri.EscapeDataString(Code)}?done=rolled-back") : await RefusedAsync(rolled.Problems, cancellationToken);
    }

    private string Who => User.ToUser()?.UserName ?? "";

    private async Task<IActionResult> RefusedAsync(IReadOnlyList<FieldError> problems, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var shown = Draft?.Item ?? Item;
        (Name, StatutoryLimitDays, PromisedLimitDays, Fee, FeeBasis, LeadDepartmentCode) =
            (shown.Name, shown.StatutoryLimitDays, shown.PromisedLimitDays, shown.Fee, shown.FeeBasis, shown.LeadDepartmentCode);
        ParallelReviews = JsonSerializer.Serialize(shown.ParallelReviews, Json);
        Materials = JsonSerializer.Serialize(shown.Materials, Json);
        FormFields = JsonSerializer.Serialize(shown.Form, Json);
        return Refused(problems);
    }

    private PageResult Refused(IReadOnlyList<FieldError> problems)
    {
        Problems = problems;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private static T? Read<T>(string json, string field, List<FieldError> problems) where T : class
    {
        try
        {
            if (JsonSerializer.Deserialize<T>(json, Json) is { } value)
                return value;
            problems.Add(new FieldError(field, "is required (a JSON list, [] for none)"));
        }
        catch (JsonException e)
        {
            problems.Add(new FieldError(field, $"not valid JSON: {e.Message}"));
        }
        return null;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await catalog.FindItemAsync(Code, cancellationToken) is not { } item)
            return false;
        Item = item;
        Draft = await catalog.FindDraftAsync(Code, cancellationToken);
        DraftChanges = Draft is null ? [] : ItemDifferences.Between(item, Draft.Item);
        Versions = await catalog.ListItemVersionsAsync(Code, cancellationToken);
        Departments = await catalog.ListDepartmentsAsync(cancellationToken);
        return true;
    }
}
