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
        Mirror(@case, item, instance, result);
        await session.StageInstanceAsync(instance, result, isNew: true, cancellationToken);
        return (instance, result);
    }

    /// <summary>Resumes one bookmark of the case's process with an input.</summary>
    public async Task<(WorkflowInstance Instance, RunResult Result)> ResumeAsync(ICaseSession session, Case @case, ApprovalItem item,
        Func<WorkflowInstance, Bookmark?> bookmarkOf, JsonNode? input, CancellationToken cancellationToken)
    {
        var instance = await InstanceOfAsync(session, @case, cancellationToken);
        var bookmark = bookmarkOf(instance) ?? throw new CaseRuleException(Refusal.Of(RefusalCode.ProcessNotWaiting, $"the case's process is not waiting for that step"));
        var workflow = await runtime.WorkflowOfAsync(instance, cancellationToken);
        var result = await runtime.Engine.ResumeAsync(workflow, instance, bookmark.Id, input, cancellationToken);
        if (result.Outcome != RunOutcome.Ran)
            throw new CaseRuleException(Refusal.Of(RefusalCode.ProcessCouldNotStep, $"the case's process could not take the step ({result.Outcome}, process {instance.Status})"));
        if (instance.Status == WorkflowStatus.Faulted)
            throw new CaseRuleException(Refusal.Of(RefusalCode.ProcessRefusedStep, $"the process refused the step: {instance.OpenIncidents.Last().Message}"));
        Mirror(@case, item, instance, result);
        await session.StageInstanceAsync(instance, result, isNew: false, cancellationToken);
        return (instance, result);
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
        Mirror(@case, item, instance, result);
        await session.StageInstanceAsync(instance, result, isNew: false, cancellationToken);
        return (instance, result);
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
        await session.StageInstanceAsync(instance, result, isNew: false, cancellationToken);
    }

    /// <summary>The instance running the case's process.</summary>
    public static async Task<WorkflowInstance> InstanceOfAsync(ICaseSession session, Case @case, CancellationToken cancellationToken) =>
        @case.WorkflowInstanceId is { } id
            ? await session.FindInstanceAsync(id, cancellationToken) ?? throw new CaseRuleException(Refusal.Of(RefusalCode.ProcessMissing, $"the case's process {id} is missing"))
            : throw new CaseRuleException(Refusal.Of(RefusalCode.NotYetAccepted, $"the case has no process yet: it has not been accepted"));

    /// <summary>Wake-ups for the timers of a run, once its unit of work is committed.</summary>
    public void AfterCommit(WorkflowInstance instance, RunResult result) => runtime.ScheduleTimersOf(instance, result);

    private const string ElsaHttpEndpoint = "Elsa.HttpEndpoint";

    private void Mirror(Case @case, ApprovalItem item, WorkflowInstance instance, RunResult result)
    {
        foreach (var bookmark in result.RemovedBookmarks)
        {
            if (bookmark.ActivityType == ApprovalTypes.DepartmentReview)
                @case.CancelTaskOfBookmark(bookmark.Id, clock);
        }
        foreach (var bookmark in result.CreatedBookmarks)
        {
            // A sub-workflow is started, and a department system's callback resumes, through the runtime alone, outside the
            // case's unit of work: in a case's process either would wait for ever, so the step is refused and nothing saved.
            if (SubWorkflowRequest.Of(bookmark) is not null || bookmark.ActivityType == ElsaHttpEndpoint)
                throw new CaseRuleException(Refusal.Of(RefusalCode.ProcessWaitsOutsideCase,
                    $"the item's process waits on {bookmark.ActivityType} ({bookmark.ActivityId}), which a case's process cannot run yet: ask an administrator to publish a process without it"));
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
