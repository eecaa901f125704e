using Approval.Engine.Definitions;
using Approval.Engine.Hosting;

namespace Approval.Api.Engine;

/// <summary>
/// Loads the process definitions of the <c>workflows/</c> folder at start-up: a file whose JSON differs from the
/// latest stored version of its definition becomes a new published version. Running instances keep theirs.
/// </summary>
internal sealed class WorkflowFolderImport(WorkflowRuntime runtime, IWorkflowDefinitionStore definitions,
    IConfiguration configuration, IHostEnvironment environment, ILogger<WorkflowFolderImport> logger)
{
    public async Task ImportAsync(CancellationToken cancellationToken)
    {
        var folder = WorkflowsFolder();
        if (folder is null)
        {
            logger.LogWarning("No workflows folder found; no process definitions were imported.");
            return;
        }
        var reader = runtime.Engine.CreateReader();
        // A parent may sort before the sub-workflows it runs: a file refused only because a child is not stored yet is
        // tried again after the others, as long as a pass stores something.
        var pending = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        var refused = new Dictionary<string, IReadOnlyList<DefinitionError>>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var waiting = new List<string>();
            foreach (var file in pending)
            {
                var json = await File.ReadAllTextAsync(file, cancellationToken);
                var read = reader.Read(json, Path.GetFileName(file));
                if (!read.Succeeded)
                {
                    logger.LogError("Workflow definition {File} was refused: {Errors}", file, string.Join("; ", read.Errors));
                    continue;
                }
                var latest = await definitions.FindLatestAsync(read.Definition!.DefinitionId, cancellationToken);
                if (latest is not null && latest.Json == json)
                    continue;
                var saved = await runtime.SaveDefinitionAsync(json, Path.GetFileName(file), publish: true, cancellationToken);
                if (saved.Stored is { } stored)
                {
                    logger.LogInformation("Imported {Definition} version {Version} from {File}", stored.DefinitionId, stored.Version, file);
                    refused.Remove(file);
                    continue;
                }
                refused[file] = saved.Errors;
                if (saved.Errors.All(e => e.Code == DefinitionErrorCode.SubWorkflowDefinitionMissing))
                    waiting.Add(file);
            }
            pending = waiting.Count < pending.Count ? waiting : [];
        }
        foreach (var (file, errors) in refused)
            logger.LogError("Workflow definition {File} was refused: {Errors}", file, string.Join("; ", errors));
    }

    private string? WorkflowsFolder()
    {
        if (configuration["Approval:WorkflowsDirectory"] is { Length: > 0 } configured)
            return Directory.Exists(configured) ? configured : null;
        // The build copies the repository's top-level workflows/ folder next to the application.
        foreach (var root in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
        {
            var candidate = Path.Combine(root, "workflows");
            if (Directory.Exists(candidate))
                return Path.GetFullPath(candidate);
        }
        return null;
    }
}
