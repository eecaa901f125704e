using System.Text.Json;
using System.Text.Json.Serialization;
using Approval.Workflows.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Admin;

/// <summary>
/// One catalog item (审批事项) as an administrator edits it: limits, fee, departments as fields; the parallel reviews,
/// materials and form fields as the same JSON the API takes. Saved only when <see cref="ApprovalItem.Problems"/> finds
/// nothing, as <c>PUT /api/catalog/items/{code}</c> does; the guide shows it at once.
/// </summary>
public sealed class CatalogItemModel(ICatalog catalog) : PageModel
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

    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public int StatutoryLimitDays { get; set; }
    [BindProperty] public int PromisedLimitDays { get; set; }
    [BindProperty] public decimal Fee { get; set; }
    [BindProperty] public string? FeeBasis { get; set; }
    [BindProperty] public string LeadDepartmentCode { get; set; } = "";
    [BindProperty] public string ParallelReviews { get; set; } = "[]";
    [BindProperty] public string Materials { get; set; } = "[]";
    [BindProperty] public string FormFields { get; set; } = "[]";

    public ApprovalItem Item { get; private set; } = null!;
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        (Name, StatutoryLimitDays, PromisedLimitDays, Fee, FeeBasis, LeadDepartmentCode) =
            (Item.Name, Item.StatutoryLimitDays, Item.PromisedLimitDays, Item.Fee, Item.FeeBasis, Item.LeadDepartmentCode);
        ParallelReviews = JsonSerializer.Serialize(Item.ParallelReviews, Json);
        Materials = JsonSerializer.Serialize(Item.Materials, Json);
        FormFields = JsonSerializer.Serialize(Item.Form, Json);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var problems = new List<string>();
        var reviews = Read<List<ParallelReview>>(ParallelReviews, "parallelReviews", problems);
        var materials = Read<List<RequiredMaterial>>(Materials, "materials", problems);
        var form = Read<List<FormField>>(FormFields, "form", problems);
        if (string.IsNullOrWhiteSpace(Name))
            problems.Add("name: is required");
        if (Departments.All(d => d.Code != LeadDepartmentCode))
            problems.Add($"leadDepartmentCode: '{LeadDepartmentCode}' is not a department");
        foreach (var review in reviews ?? [])
        {
            if (Departments.All(d => d.Code != review.DepartmentCode))
                problems.Add($"parallelReviews: '{review.DepartmentCode}' is not a department");
        }
        if (problems.Count == 0)
        {
            var edited = Item with
            {
                Name = Name.Trim(), StatutoryLimitDays = StatutoryLimitDays, PromisedLimitDays = PromisedLimitDays, Fee = Fee,
                FeeBasis = string.IsNullOrWhiteSpace(FeeBasis) ? null : FeeBasis.Trim(), LeadDepartmentCode = LeadDepartmentCode,
                ParallelReviews = reviews!, Materials = materials!, Form = form!,
            };
            problems.AddRange(edited.Problems());
            if (problems.Count == 0)
            {
                await catalog.SaveItemAsync(edited, cancellationToken);
                return Redirect($"/admin/catalog/{Uri.EscapeDataString(Code)}?done=saved");
            }
        }
        Problems = problems;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private static T? Read<T>(string json, string field, List<string> problems) where T : class
    {
        try
        {
            if (JsonSerializer.Deserialize<T>(json, Json) is { } value)
                return value;
            problems.Add($"{field}: is required (a JSON list, [] for none)");
        }
        catch (JsonException e)
        {
            problems.Add($"{field}: not valid JSON: {e.Message}");
        }
        return null;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await catalog.FindItemAsync(Code, cancellationToken) is not { } item)
            return false;
        Item = item;
        Departments = await catalog.ListDepartmentsAsync(cancellationToken);
        return true;
    }
}
