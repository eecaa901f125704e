using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

/// <summary>
/// Which case an instance belongs to: a case's process runs under the case's id (<c>CaseProcess.StartAsync</c>), and a
/// sub-workflow of it knows its parent, so the root of the parent chain tells. A case is never deleted, so once an
/// instance is a case's it stays one and the answer cannot go stale before the engine acts.
/// </summary>
internal static class CaseOwnedInstances
{
    /// <summary>The id of the case whose process the instance runs, or a sub-workflow of; null for an instance of the runtime's alone.</summary>
    public static async Task<string?> CaseOfAsync(WorkflowInstance instance, WorkflowRuntime runtime, IDbContextFactory<ApprovalDbContext> contexts,
        CancellationToken cancellationToken)
    {
        var root = instance;
        for (var depth = 0; root.ParentInstanceId is { } parentId && depth <= WorkflowRuntime.MaxSubWorkflowDepth; depth++)
            root = await runtime.FindAsync(parentId, cancellationToken) ?? root;
        var rootId = root.Id;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Cases.AnyAsync(c => c.Id == rootId && c.WorkflowInstanceId == rootId, cancellationToken) ? rootId : null;
    }

    /// <inheritdoc cref="CaseOfAsync(WorkflowInstance, WorkflowRuntime, IDbContextFactory{ApprovalDbContext}, CancellationToken)"/>
    public static async Task<string?> CaseOfAsync(string instanceId, WorkflowRuntime runtime, IDbContextFactory<ApprovalDbContext> contexts,
        CancellationToken cancellationToken) =>
        await runtime.FindAsync(instanceId, cancellationToken) is { } instance ? await CaseOfAsync(instance, runtime, contexts, cancellationToken) : null;
}
