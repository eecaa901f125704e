using Approval.Engine.Runtime;

namespace Approval.Workflows.Cases;

/// <summary>
/// The instances one step of a case ran — its process and the sub-workflows the process waits on — each kept as one
/// object with its runs folded into one result, so that the step's commit saves every instance once, guarded by the
/// revision it was loaded with, however many times the step ran it (a child that ends at once resumes its parent again).
/// </summary>
internal sealed class ProcessRuns(ICaseSession session)
{
    private readonly Dictionary<string, WorkflowInstance> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (WorkflowInstance Instance, RunResult Result, bool IsNew)> _ran = new(StringComparer.Ordinal);

    /// <summary>The instances run by the step, in the order they first ran.</summary>
    public IEnumerable<WorkflowInstance> Instances => _ran.Values.Select(r => r.Instance);

    public bool Contains(string instanceId) => _ran.ContainsKey(instanceId);

    /// <summary>An instance already in hand, so that a later run uses this very object and not a second copy.</summary>
    public void Know(WorkflowInstance instance) => _known.TryAdd(instance.Id, instance);

    /// <summary>The instance as the step holds it, loaded once.</summary>
    public async Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(instanceId, out var known))
            return known;
        var loaded = await session.FindInstanceAsync(instanceId, cancellationToken);
        if (loaded is not null)
            _known[instanceId] = loaded;
        return loaded;
    }

    public void Add(WorkflowInstance instance, RunResult result, bool isNew)
    {
        Know(instance);
        if (_ran.TryGetValue(instance.Id, out var earlier))
        {
            earlier.Result.Absorb(result);
            return;
        }
        var merged = new RunResult();
        merged.Absorb(result);
        _ran[instance.Id] = (instance, merged, isNew);
    }

    /// <summary>An instance the step ran, with everything its runs changed.</summary>
    public (WorkflowInstance Instance, RunResult Result) Of(string instanceId)
    {
        var (instance, result, _) = _ran[instanceId];
        return (instance, result);
    }

    /// <summary>Stages every instance run into the step's unit of work, once.</summary>
    public async Task StageAsync(CancellationToken cancellationToken)
    {
        foreach (var (instance, result, isNew) in _ran.Values)
            await session.StageInstanceAsync(instance, result, isNew, cancellationToken);
    }
}
