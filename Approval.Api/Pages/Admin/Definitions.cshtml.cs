using Approval.Engine.Definitions;
using Approval.Engine.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Admin;

/// <summary>
/// 业务规则流程库: every process definition with the version in force, and the upload of an Elsa 3 JSON export. A refused
/// upload stays in the form, drawn with the validator's errors at the activities they name, to be fixed in place.
/// </summary>
public sealed class DefinitionsModel(IWorkflowDefinitionStore store, WorkflowRuntime runtime) : PageModel
{
    public const int MaxJsonLength = 1_000_000;

    [BindProperty]
    public string? Json { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool Publish { get; set; } = true;

    public IReadOnlyList<DefinitionLine> Definitions { get; private set; } = [];
    public IReadOnlyList<DefinitionError> Errors { get; private set; } = [];
    public FlowchartDiagram? Diagram { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > MaxJsonLength)
                return await RefuseAsync("Admin.Definitions.TooLarge", cancellationToken);
            using var reader = new StreamReader(Upload.OpenReadStream());
            Json = await reader.ReadToEndAsync(cancellationToken);
        }
        if (string.IsNullOrWhiteSpace(Json))
            return await RefuseAsync("Admin.Definitions.Empty", cancellationToken);
        if (Json.Length > MaxJsonLength)
            return await RefuseAsync("Admin.Definitions.TooLarge", cancellationToken);

        var saved = await runtime.SaveDefinitionAsync(Json, Upload?.FileName ?? "upload", Publish, cancellationToken);
        if (saved.Stored is { } stored)
            return Redirect(DefinitionVersionModel.PathOf(stored.DefinitionId, stored.Version) + (Publish ? "?done=published" : "?done=uploaded"));
        Errors = saved.Errors;
        Diagram = FlowchartDiagram.Of(Json, saved.Errors);
        return await RefuseAsync("Admin.Definitions.Refused", cancellationToken);
    }

    private async Task<IActionResult> RefuseAsync(string problem, CancellationToken cancellationToken)
    {
        Problem = problem;
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(cancellationToken);
        Definitions = [.. all.GroupBy(d => d.DefinitionId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(DefinitionLine.Of)];
    }
}

/// <summary>A definition in the list: its newest version and the one new instances start on.</summary>
public sealed record DefinitionLine(string DefinitionId, string Name, int Latest, int? InForce, int Versions)
{
    public static DefinitionLine Of(IEnumerable<StoredDefinition> versions)
    {
        var list = versions.OrderByDescending(v => v.Version).ToList();
        return new(list[0].DefinitionId, list[0].Name, list[0].Version, list.FirstOrDefault(v => v.IsPublished)?.Version, list.Count);
    }
}
