using Approval.Engine.Runtime;

namespace Approval.Benchmarks;

/// <summary>
/// Drives instances of the reference process through the engine the way a host would: start one, then
/// complete each department's review with one <see cref="WorkflowEngine.ResumeAsync"/> call per bookmark.
/// Checks every outcome, so a benchmark of a broken engine fails instead of reporting a fast number.
/// </summary>
internal sealed class ReferenceProcessDriver(WorkflowEngine engine, CompiledWorkflow workflow)
{
    // Reused between instances so the driver itself allocates nothing per instance.
    private readonly string[] _bookmarkIds = new string[ReferenceProcess.Departments];

    /// <summary>Creates and starts an instance; it comes back suspended on one bookmark per department.</summary>
    public async ValueTask<WorkflowInstance> StartAsync()
    {
        var instance = engine.CreateInstance(workflow);
        var result = await engine.StartAsync(workflow, instance);
        if (result.Status != WorkflowStatus.Suspended || instance.Bookmarks.Count != ReferenceProcess.Departments)
            throw new InvalidOperationException($"Start left the instance {result.Status} with {instance.Bookmarks.Count} bookmarks.");
        return instance;
    }

    /// <summary>Resumes every department's bookmark, one call each; the last one runs the join and the end.</summary>
    public async ValueTask ResumeAllAsync(WorkflowInstance instance)
    {
        // Resuming removes bookmarks from the instance: take the ids first.
        for (var i = 0; i < _bookmarkIds.Length; i++)
            _bookmarkIds[i] = instance.Bookmarks[i].Id;
        foreach (var bookmarkId in _bookmarkIds)
        {
            var result = await engine.ResumeAsync(workflow, instance, bookmarkId, ReferenceProcess.ReviewResult);
            if (result.Outcome != RunOutcome.Ran)
                throw new InvalidOperationException($"Resuming bookmark {bookmarkId} answered {result.Outcome}.");
        }
        if (instance.Status != WorkflowStatus.Finished)
            throw new InvalidOperationException($"After every review the instance is {instance.Status}, not Finished.");
    }

    /// <summary>One complete instance: start, six resumes, finished.</summary>
    public async ValueTask RunOneAsync() => await ResumeAllAsync(await StartAsync());
}
