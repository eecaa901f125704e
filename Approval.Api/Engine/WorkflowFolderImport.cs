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
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
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
            logger.LogInformation("Imported {Definition} version {Version} from {File}", saved.Stored!.DefinitionId, saved.Stored.Version, file);
        }
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
