using Approval.Engine.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Admin;

/// <summary>One stored version of a process definition: its diagram, its JSON, the definition's other versions, and publish / roll back.</summary>
public sealed class DefinitionVersionModel(IWorkflowDefinitionStore store, WorkflowRuntime runtime) : PageModel
{
    public static string PathOf(string definitionId, int version) => $"/admin/definitions/{Uri.EscapeDataString(definitionId)}/versions/{version}";

    [BindProperty(SupportsGet = true)]
    public string DefinitionId { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public int Version { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public StoredDefinition Stored { get; private set; } = null!;
    public IReadOnlyList<StoredDefinition> Versions { get; private set; } = [];
    public int? InForce { get; private set; }
    public FlowchartDiagram? Diagram { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>Publish: only a version newer than the one in force (the runtime's rule); an older one is rolled back to.</summary>
    public bool CanPublish => !Stored.IsPublished && (InForce is null || Version > InForce);
    public bool CanRollBack => InForce is { } inForce && Version != inForce && (Stored.IsPublished || Version < inForce);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken) =>
        await ActAsync(async () => (await runtime.PublishAsync(DefinitionId, Version, cancellationToken)).Version, "published", cancellationToken);

    public async Task<IActionResult> OnPostRollBackAsync(CancellationToken cancellationToken) =>
        await ActAsync(async () => (await runtime.RollBackAsync(DefinitionId, Version, cancellationToken)).Version, "rolledBack", cancellationToken);

    private async Task<IActionResult> ActAsync(Func<Task<int>> act, string done, CancellationToken cancellationToken)
    {
        try
        {
            return Redirect($"{PathOf(DefinitionId, await act())}?done={done}");
        }
        catch (Exception e) when (e is DefinitionVersionException or WorkflowNotFoundException or Approval.Engine.Definitions.InvalidDefinitionException)
        {
            Problem = e.Message;
            if (!await LoadAsync(cancellationToken))
                return NotFound();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await store.FindVersionAsync(DefinitionId, Version, cancellationToken) is not { } stored)
            return false;
        Stored = stored;
        Versions = [.. (await store.ListAsync(cancellationToken)).Where(d => d.DefinitionId == DefinitionId).OrderByDescending(d => d.Version)];
        InForce = Versions.FirstOrDefault(v => v.IsPublished)?.Version;
        Diagram = FlowchartDiagram.Of(stored.Json, []);
        return true;
    }
}
