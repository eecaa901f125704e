namespace Approval.Engine.Activities;

/// <summary>
/// Something an activity asks its host to write with the run's save (an e-mail for the host's outbox), never to do
/// itself while the step runs. The store writes it in the same transaction as the instance's new state: a run that loses
/// the optimistic-concurrency race is run again and writes it once, a run never saved (it faulted, it was cancelled)
/// writes none. The engine only carries it (<see cref="ActivityContext.Stage"/>, <c>RunResult.StagedEffects</c>); what
/// it means is the host's, which subclasses this record.
/// </summary>
public abstract record StagedEffect;
