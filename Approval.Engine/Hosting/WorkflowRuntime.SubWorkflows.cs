using System.Text.Json.Nodes;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.SubWorkflows;

namespace Approval.Engine.Hosting;

// Sub-workflows: a parent's activity suspends on a bookmark carrying a SubWorkflowRequest; once the parent is saved,
// the runtime starts the child as an instance of its own (stored, resumable by its own bookmarks like any other) that
// knows its parent, and resumes the parent's bookmark with the child's outcome when the parent may go on. Everything a
// link needs is in the two instances' JSON (ParentInstanceId, the parent's bookmark name), so no column stores it.
public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// How deep sub-workflows may nest. Definitions that call each other (or themselves) are not refused when saved, since
    /// a condition may end the recursion; a chain deeper than this faults the activity that would go deeper, and with it
    /// every waiting parent above, each incident naming its child.
    /// </summary>
    public const int MaxSubWorkflowDepth = 8;

    /// <summary>
    /// The sub-workflow definitions <paramref name="definition"/> names literally that have no published version (or
    /// not the version it pins) in the store: each a <see cref="DefinitionErrorCode.SubWorkflowDefinitionMissing"/> at
    /// its activity.
    /// </summary>
    public Task<IReadOnlyList<DefinitionError>> MissingSubWorkflowsAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default) =>
        SubWorkflowReferences.MissingAsync(definition, engine.Registry, async (id, version) => version is { } v
            ? await definitions.FindVersionAsync(id, v, cancellationToken) is not null
            : await definitions.FindPublishedAsync(id, cancellationToken) is not null);

    // After a run was saved: start the children it asked for, tell a waiting parent that this instance ended, cancel the
    // children of a cancelled instance. The run returned is the instance as stored at the end (a child that ended at
    // once has resumed it meanwhile), with the result of the run itself.
    private async Task<WorkflowRun> FollowSubWorkflowsAsync(WorkflowRun run, CancellationToken cancellationToken)
    {
        var (instance, result) = run;
        var followed = false;
        foreach (var bookmark in result.CreatedBookmarks)
        {
            if (SubWorkflowRequest.Of(bookmark) is { } request)
            {
                await StartChildAsync(instance, request, cancellationToken);
                followed = true;
            }
        }
        if (instance.Status == WorkflowStatus.Cancelled)
        {
            foreach (var bookmark in result.RemovedBookmarks)
            {
                if (SubWorkflowRequest.Of(bookmark) is { } request
                    && await instances.FindAsync(request.ChildInstanceId, cancellationToken) is { Status: not (WorkflowStatus.Finished or WorkflowStatus.Cancelled) })
                    await CancelAsync(request.ChildInstanceId, cancellationToken);
            }
        }
        if (instance is { ParentInstanceId: { } parentId, ResumesParent: true }
            && instance.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled)
            await ResumeParentAsync(parentId, SubWorkflowOutcome.Of(instance, waited: true), cancellationToken);
        if (!followed)
            return run;
        return new WorkflowRun(await instances.FindAsync(instance.Id, cancellationToken) ?? instance, result);
    }

    /// <summary>
    /// The child instance a parent's request asks for, linked to its parent and not yet run, for a host that runs the
    /// parent in a unit of work of its own and starts the child there; or, when it cannot be started (no such definition
    /// or version, nesting too deep), the outcome that resumes the parent's bookmark instead.
    /// </summary>
    public async Task<SubWorkflowStart> CreateChildAsync(WorkflowInstance parent, SubWorkflowRequest request, CancellationToken cancellationToken = default)
    {
        var stored = request.Version is { } version
            ? await definitions.FindVersionAsync(request.DefinitionId, version, cancellationToken)
            : await definitions.FindPublishedAsync(request.DefinitionId, cancellationToken);
        var problem = stored is null
            ? request.Version is null ? "has no published version" : $"has no version {request.Version}"
            : parent.SubWorkflowDepth >= MaxSubWorkflowDepth
                ? $"was not started: sub-workflows nest more than {MaxSubWorkflowDepth} deep (definitions that call each other without end?)"
                : null;
        if (problem is not null)
            return new SubWorkflowStart(null, null, new SubWorkflowOutcome(request.ChildInstanceId, WorkflowStatus.Faulted, [], problem, request.WaitForCompletion));

        var workflow = Compile(stored!);
        var child = engine.CreateInstance(workflow, request.ChildInstanceId, ChildInput(request.Input, stored!.Json), request.CorrelationId);
        child.DefinitionVersion = stored.Version;
        child.ParentInstanceId = parent.Id;
        child.ResumesParent = request.WaitForCompletion;
        child.SubWorkflowDepth = parent.SubWorkflowDepth + 1;
        return new SubWorkflowStart(workflow, child, null);
    }

    private async Task StartChildAsync(WorkflowInstance parent, SubWorkflowRequest request, CancellationToken cancellationToken)
    {
        var (workflow, child, refused) = await CreateChildAsync(parent, request, cancellationToken);
        if (refused is not null)
        {
            await ResumeParentAsync(parent.Id, refused, cancellationToken);
            return;
        }

        var result = await engine.StartAsync(workflow!, child!, cancellationToken);
        await instances.InsertAsync(child!, result, cancellationToken);
        ScheduleTimers(child!, result);
        var started = await FollowSubWorkflowsAsync(new WorkflowRun(child!, result), cancellationToken);
        // A parent that does not wait goes on now, seeing the child as far as it has run (Elsa's ExecuteWorkflow does so).
        if (!request.WaitForCompletion)
            await ResumeParentAsync(parent.Id, SubWorkflowOutcome.Of(started.Instance, waited: false), cancellationToken);
    }

    private async Task ResumeParentAsync(string parentId, SubWorkflowOutcome outcome, CancellationToken cancellationToken)
    {
        if (await instances.FindAsync(parentId, cancellationToken) is null)
            return;
        // A parent cancelled, or already resumed by this child, has no such bookmark any more: nothing to do.
        await ResumeByNameAsync(parentId, SubWorkflowRequest.BookmarkNameFor(outcome.ChildInstanceId), outcome.ToJson(), cancellationToken);
    }

    // The child's inputs under the names its definition declares (an export may write them in camelCase).
    private static Dictionary<string, JsonNode?> ChildInput(JsonObject given, string childJson)
    {
        var declared = (JsonNode.Parse(childJson)?["inputs"] as JsonArray ?? [])
            .Select(i => i is JsonObject o ? WorkflowDefinitionReader.Text(o, "name") : null)
            .OfType<string>().ToList();
        var input = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in given)
            input[declared.Find(d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase)) ?? name] = value?.DeepClone();
        return input;
    }
}

/// <summary>A child ready to start (its compiled workflow and instance), or the outcome that refused it.</summary>
public sealed record SubWorkflowStart(CompiledWorkflow? Workflow, WorkflowInstance? Child, SubWorkflowOutcome? Refused);
