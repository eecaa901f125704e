using System.Text.Json.Nodes;
using Approval.Engine.Expressions;
using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using Approval.Engine.SubWorkflows;
using Approval.Workflows.Catalog;
using Approval.Workflows.Credit;
using Approval.Workflows.Process;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Cases;

/// <summary>
/// Runs a case's process in the engine and mirrors what the process waits for onto the case: a department review
/// opens a task with its own clock, a clock suspension stops the case's clock, a cancelled review closes its task.
/// Every step is staged into the caller's unit of work, so the case and the instance are saved together.
/// </summary>
/// <remarks>
/// A process that calls a sub-workflow (<c>Elsa.ExecuteWorkflow</c> waiting for completion, a definition as an activity) runs
/// its child in the same unit of work: the child is started in the step that asked for it, its department reviews are the
/// case's tasks, and a step that answers one of them resumes the child and, when the child ends, the process waiting for it
/// — all saved by the step's one commit, each instance once, guarded by its revision. A child the process does not wait for
/// (<c>Elsa.DispatchWorkflow</c>, <c>waitForCompletion</c> false) would run detached from the case, so it is still refused
/// (<see cref="RefusalCode.ProcessWaitsOutsideCase"/>).
/// </remarks>
public sealed class CaseProcess(WorkflowRuntime runtime, CaseClock clock, CreditStandings credit)
{
    /// <summary>
    /// Starts the item's process for an accepted case; the instance id is the case id. The process reads the applicant's
    /// credit standing at this instant as <c>input.applicant.credit</c> (<see cref="CreditAssessment.ToProcessInput"/>),
    /// and the case's timeline keeps it.
    /// </summary>
    public Task<(WorkflowInstance Instance, RunResult Result)> StartAsync(ICaseSession session, Case @case, ApprovalItem item, CancellationToken cancellationToken) =>
        StartAsync(session, @case, item, null, cancellationToken);

    /// <param name="assessed">The standing the step already assessed at this instant (容缺受理), not read again; null: read now.</param>
    public async Task<(WorkflowInstance Instance, RunResult Result)> StartAsync(ICaseSession session, Case @case, ApprovalItem item, CreditAssessment? assessed,
        CancellationToken cancellationToken)
    {
        var published = await runtime.PublishedAsync(item.ProcessDefinitionId, cancellationToken);
        var standing = assessed ?? await credit.AssessAsync(@case.Applicant.IdNumber, clock.Now, cancellationToken);
        @case.NoteCreditStanding(standing);
        var input = new Dictionary<string, JsonNode?>
        {
            ["form"] = @case.Form.DeepClone(),
            ["itemCode"] = item.Code,
            ["applicant"] = new JsonObject
            {
                ["kind"] = @case.Applicant.Kind.ToString(), ["idNumber"] = @case.Applicant.IdNumber, ["name"] = @case.Applicant.Name,
                ["credit"] = standing.ToProcessInput(),
            },
        };
        var instance = runtime.Engine.CreateInstance(published.Workflow, @case.Id, input, correlationId: @case.Number);
        instance.DefinitionVersion = published.Version;
        var result = await runtime.Engine.StartAsync(published.Workflow, instance, cancellationToken);
        @case.AttachProcess(instance.Id);
        var runs = new ProcessRuns(session);
        runs.Add(instance, result, isNew: true);
        await FollowAsync(runs, @case, item, instance, result, cancellationToken);
        await runs.StageAsync(cancellationToken);
        return runs.Of(instance.Id);
    }

    /// <summary>
    /// Resumes one bookmark of the case's process, or of a sub-workflow it waits on, with an input. Returns the run of the
    /// case's process when the step reached it (a child that ended let it go on), else the run of the child.
    /// </summary>
    public async Task<(WorkflowInstance Instance, RunResult Result)> ResumeAsync(ICaseSession session, Case @case, ApprovalItem item,
        Func<WorkflowInstance, Bookmark?> bookmarkOf, JsonNode? input, CancellationToken cancellationToken)
    {
        var root = await InstanceOfAsync(session, @case, cancellationToken);
        var runs = new ProcessRuns(session);
        runs.Know(root);
        var (instance, bookmark) = await WaitingAtAsync(runs, root, bookmarkOf, cancellationToken)
            ?? throw new CaseRuleException(Refusal.Of(RefusalCode.ProcessNotWaiting, $"the case's process is not waiting for that step"));
        var workflow = await runtime.WorkflowOfAsync(instance, cancellationToken);
        var result = await runtime.Engine.ResumeAsync(workflow, instance, bookmark.Id, input, cancellationToken);
        if (result.Outcome != RunOutcome.Ran)
            throw new CaseRuleException(Refusal.Of(RefusalCode.ProcessCouldNotStep, $"the case's process could not take the step ({result.Outcome}, process {instance.Status})"));
        runs.Add(instance, result, isNew: false);
        await FollowAsync(runs, @case, item, instance, result, cancellationToken);
        // A child's fault reaches the process waiting for it, whose activity faults in turn: the step is refused either way.
        if (runs.Instances.FirstOrDefault(i => i.Status == WorkflowStatus.Faulted) is { } faulted)
            throw new CaseRuleException(Refusal.Of(RefusalCode.ProcessRefusedStep, $"the process refused the step: {faulted.OpenIncidents.Last().Message}"));
        await runs.StageAsync(cancellationToken);
        return runs.Of(runs.Contains(root.Id) ? root.Id : instance.Id);
    }

    // The instance and bookmark a step answers: the case's process, or one of the sub-workflows it waits on (depth first).
    private static async Task<(WorkflowInstance Instance, Bookmark Bookmark)?> WaitingAtAsync(ProcessRuns runs, WorkflowInstance instance,
        Func<WorkflowInstance, Bookmark?> bookmarkOf, CancellationToken cancellationToken)
    {
        if (bookmarkOf(instance) is { } bookmark)
            return (instance, bookmark);
        foreach (var waiting in instance.Bookmarks.ToList())
        {
            if (SubWorkflowRequest.Of(waiting) is not { } request || await runs.FindAsync(request.ChildInstanceId, cancellationToken) is not { } child)
                continue;
            if (await WaitingAtAsync(runs, child, bookmarkOf, cancellationToken) is { } found)
                return found;
        }
        return null;
    }

    /// <summary>A correction: runs a completed step of the case's process again.</summary>
    public async Task<(WorkflowInstance Instance, RunResult Result)> ReopenAsync(ICaseSession session, Case @case, ApprovalItem item, string activityId, int? iteration,
        string reason, CancellationToken cancellationToken)
    {
        var instance = await InstanceOfAsync(session, @case, cancellationToken);
        var workflow = await runtime.WorkflowOfAsync(instance, cancellationToken);
        RunResult result;
        try
        {
            result = await runtime.Engine.ReopenAsync(workflow, instance, activityId, reason, iteration, cancellationToken);
        }
        catch (WorkflowCorrectionException ex)
        {
            throw new CaseRuleException(Refusal.Of(RefusalCode.ProcessRefusedStep, $"{ex.Message}"));
        }
        var runs = new ProcessRuns(session);
        runs.Add(instance, result, isNew: false);
        await FollowAsync(runs, @case, item, instance, result, cancellationToken);
        await runs.StageAsync(cancellationToken);
        return runs.Of(instance.Id);
    }

    /// <summary>The id of the process's decision step (its <c>Approval.Decision</c> activity).</summary>
    public async Task<string> DecisionActivityAsync(ICaseSession session, Case @case, CancellationToken cancellationToken)
    {
        var instance = await InstanceOfAsync(session, @case, cancellationToken);
        var workflow = await runtime.WorkflowOfAsync(instance, cancellationToken);
        return workflow.Definition.ActivitiesById.Values.FirstOrDefault(a => a.Type == ApprovalTypes.Decision)?.Id
            ?? throw new CaseRuleException(Refusal.Of(RefusalCode.NoDecisionStep, $"the case's process has no decision step"));
    }

    /// <summary>Cancels the case's process (withdrawal, termination).</summary>
    public async Task CancelAsync(ICaseSession session, Case @case, CancellationToken cancellationToken)
    {
        if (@case.WorkflowInstanceId is null)
            return;
        var instance = await InstanceOfAsync(session, @case, cancellationToken);
        // A process that has run to its end (a decided case's) has nothing left to stop.
        if (instance.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled)
            return;
        var result = runtime.Engine.Cancel(instance);
        // The sub-workflows it waited on are cancelled with it, in the same commit (FollowAsync).
        var runs = new ProcessRuns(session);
        runs.Add(instance, result, isNew: false);
        await FollowAsync(runs, @case, null, instance, result, cancellationToken);
        await runs.StageAsync(cancellationToken);
    }

    /// <summary>The instance running the case's process.</summary>
    public static async Task<WorkflowInstance> InstanceOfAsync(ICaseSession session, Case @case, CancellationToken cancellationToken) =>
        @case.WorkflowInstanceId is { } id
            ? await session.FindInstanceAsync(id, cancellationToken) ?? throw new CaseRuleException(Refusal.Of(RefusalCode.ProcessMissing, $"the case's process {id} is missing"))
            : throw new CaseRuleException(Refusal.Of(RefusalCode.NotYetAccepted, $"the case has no process yet: it has not been accepted"));

    /// <summary>Wake-ups for the timers of a run, once its unit of work is committed.</summary>
    public void AfterCommit(WorkflowInstance instance, RunResult result) => runtime.ScheduleTimersOf(instance, result);

    /// <summary>
    /// Mirrors one run and follows what it asks of the case's unit of work: the children it calls are started (and mirrored
    /// in turn), a child that ended resumes the process waiting for it, a cancelled instance cancels the children it waited on.
    /// </summary>
    private async Task FollowAsync(ProcessRuns runs, Case @case, ApprovalItem? item, WorkflowInstance instance, RunResult result, CancellationToken cancellationToken)
    {
        if (item is not null)
            Mirror(@case, item, instance, result);
        foreach (var bookmark in result.CreatedBookmarks.ToList())
        {
            if (SubWorkflowRequest.Of(bookmark) is { } request)
                await StartChildAsync(runs, @case, item, instance, request, bookmark.ActivityId, cancellationToken);
        }
        if (instance.Status == WorkflowStatus.Cancelled)
        {
            foreach (var bookmark in result.RemovedBookmarks.ToList())
            {
                if (SubWorkflowRequest.Of(bookmark) is not { } request || await runs.FindAsync(request.ChildInstanceId, cancellationToken) is not { } child
                    || child.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled)
                    continue;
                var cancelled = runtime.Engine.Cancel(child);
                runs.Add(child, cancelled, isNew: false);
                await FollowAsync(runs, @case, item, child, cancelled, cancellationToken);
            }
        }
        if (instance is { ParentInstanceId: { } parentId, ResumesParent: true }
            && instance.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled
            && await runs.FindAsync(parentId, cancellationToken) is { } parent)
            await ResumeParentAsync(runs, @case, item, parent, SubWorkflowOutcome.Of(instance, waited: true), cancellationToken);
    }

    private async Task StartChildAsync(ProcessRuns runs, Case @case, ApprovalItem? item, WorkflowInstance parent, SubWorkflowRequest request,
        string activityId, CancellationToken cancellationToken)
    {
        // A child the process does not wait for would go on detached from the case, its reviews nobody's tasks.
        if (!request.WaitForCompletion)
            throw new CaseRuleException(Refusal.Of(RefusalCode.ProcessWaitsOutsideCase,
                $"the item's process starts sub-workflow {request.DefinitionId} ({activityId}) without waiting for its end, which a case's process cannot run: ask an administrator to publish a process that waits for it"));
        var (workflow, child, refused) = await runtime.CreateChildAsync(parent, request, cancellationToken);
        if (refused is not null)
        {
            await ResumeParentAsync(runs, @case, item, parent, refused, cancellationToken);
            return;
        }
        var result = await runtime.Engine.StartAsync(workflow!, child!, cancellationToken);
        runs.Add(child!, result, isNew: true);
        await FollowAsync(runs, @case, item, child!, result, cancellationToken);
    }

    private async Task ResumeParentAsync(ProcessRuns runs, Case @case, ApprovalItem? item, WorkflowInstance parent, SubWorkflowOutcome outcome,
        CancellationToken cancellationToken)
    {
        var workflow = await runtime.WorkflowOfAsync(parent, cancellationToken);
        if (await runs.FindAsync(outcome.ChildInstanceId, cancellationToken) is { Status: WorkflowStatus.Finished } child)
            TakeOpinionsOf(child, parent);
        // A parent cancelled, or already resumed by this child, has no such bookmark any more: nothing to do.
        var result = await runtime.Engine.ResumeByNameAsync(workflow, parent, SubWorkflowRequest.BookmarkNameFor(outcome.ChildInstanceId), outcome.ToJson(), cancellationToken);
        if (result.Outcome != RunOutcome.Ran)
            return;
        runs.Add(parent, result, isNew: false);
        await FollowAsync(runs, @case, item, parent, result, cancellationToken);
    }

    // A department's own procedure gives that department's opinion: the process's decision weighs it with the others' (the
    // merged opinions are the decision's floor), so the child's opinions join the process's before it goes on.
    private static void TakeOpinionsOf(WorkflowInstance child, WorkflowInstance parent)
    {
        if (child.Variables.GetValueOrDefault(ApprovalTypes.OpinionsVariable) is not JsonObject { Count: > 0 } given)
            return;
        var opinions = parent.Variables.GetValueOrDefault(ApprovalTypes.OpinionsVariable) is JsonObject held ? (JsonObject)held.DeepClone() : [];
        foreach (var (department, opinion) in given)
            opinions[department] = opinion?.DeepClone();
        parent.Variables[ApprovalTypes.OpinionsVariable] = opinions;
    }

    private void Mirror(Case @case, ApprovalItem item, WorkflowInstance instance, RunResult result)
    {
        foreach (var bookmark in result.RemovedBookmarks)
        {
            if (bookmark.ActivityType == ApprovalTypes.DepartmentReview)
                @case.CancelTaskOfBookmark(bookmark.Id, clock);
        }
        foreach (var bookmark in result.CreatedBookmarks)
        {
            // The department reviews of a sub-workflow are the case's tasks like the process's own: answering one resumes
            // the child (ResumeAsync finds it), and the child's end lets the process go on. A department system's callback
            // (Elsa.HttpEndpoint) waits with nothing to mirror: its call resumes the process through the case.
            if (bookmark.ActivityType != ApprovalTypes.DepartmentReview)
                continue;
            var department = Values.AsString(bookmark.Payload?["department"]) ?? item.LeadDepartmentCode;
            var limit = Values.AsInt64(bookmark.Payload?["limitDays"]) is { } days ? (int)days
                : item.ParallelReviews.FirstOrDefault(r => r.DepartmentCode == department)?.LimitDays ?? item.PromisedLimitDays;
            var task = @case.OpenTask(bookmark.Id, department, bookmark.Id, limit, clock);
            task.ActivityId = bookmark.ActivityId;
            task.Iteration = bookmark.Iteration;
        }
        // The case's clock is stopped while the process waits in a special procedure (Art. 45).
        var suspended = instance.Bookmarks.FirstOrDefault(b => b.ActivityType == ApprovalTypes.ClockSuspension);
        if (suspended is not null && @case.Status == CaseStatus.InReview)
            @case.SuspendClock("system", Values.AsString(suspended.Payload?["reason"]) ?? "特别程序", (int?)Values.AsInt64(suspended.Payload?["expectedDays"]), clock);
        else if (suspended is null && @case.Status == CaseStatus.Suspended && result.RemovedBookmarks.Any(b => b.ActivityType == ApprovalTypes.ClockSuspension))
            @case.ResumeClock("system", clock);
    }
}
