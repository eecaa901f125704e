using System.Text.Json.Nodes;
using Approval.Workflows.Calendar;
using Approval.Workflows.Catalog;

namespace Approval.Workflows.Cases;

/// <summary>Everything a case holds, as plain data: what a store saves and loads.</summary>
public sealed record CaseState
{
    public required string Id { get; init; }
    public required string Number { get; init; }
    public required string QueryCode { get; init; }
    public required string ItemCode { get; init; }
    /// <summary>The item's version the case runs under; 1 in a case saved before versions were kept (its item's version 1).</summary>
    public int ItemVersion { get; init; } = 1;
    public ItemKind ItemKind { get; init; }
    public required string LeadDepartmentCode { get; init; }
    public int PromisedLimitDays { get; init; }
    public required Applicant Applicant { get; init; }
    public JsonObject Form { get; init; } = [];
    public CaseStatus Status { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public bool DeemedAccepted { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public int ExtensionDays { get; init; }
    public int ApplicationRevision { get; init; }
    public string? WorkflowInstanceId { get; init; }
    public CaseDecision? Decision { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public MaterialPromise? Promise { get; init; }
    public NotificationCommitment? Commitment { get; init; }
    public string? AcceptingWindowCode { get; init; }
    public string? DeliveringWindowCode { get; init; }
    public ServiceRating? Rating { get; init; }
    public Supervision.WarningLevel Level { get; init; }
    public WarningRules Warnings { get; init; } = new();
    public WindowStep? WindowStep { get; init; }
    public ExpectedSuspension? ExpectedSuspension { get; init; }
    public string? SuspendingDepartmentCode { get; init; }
    public List<string> ProvisionalDeadlines { get; init; } = [];
    public List<CaseEvent> Timeline { get; init; } = [];
    public List<SupplementRequest> SupplementRequests { get; init; } = [];
    public List<ClockSuspension> Suspensions { get; init; } = [];
    public List<Violation> Violations { get; init; } = [];
    public List<CaseTaskState> Tasks { get; init; } = [];
    public List<Attachments.Attachment> Attachments { get; init; } = [];
}

/// <summary>A task as plain data.</summary>
public sealed record CaseTaskState(
    string Id, string DepartmentCode, string BookmarkId, int LimitDays, DateTimeOffset OpenedAt, DateTimeOffset? DueAt,
    TaskStatus Status, string? ClaimedBy, Opinion? Opinion, DateTimeOffset? ClosedAt, Supervision.WarningLevel Level = Supervision.WarningLevel.Green, string? DelegatedBy = null, string? ActivityId = null,
    int? Iteration = null);

public sealed partial class Case
{
    /// <summary>The case as plain data.</summary>
    public CaseState ToState() => new()
    {
        Id = Id, Number = Number, QueryCode = QueryCode, ItemCode = ItemCode, ItemVersion = ItemVersion, ItemKind = ItemKind,
        LeadDepartmentCode = LeadDepartmentCode, PromisedLimitDays = PromisedLimitDays, Applicant = Applicant,
        Form = (JsonObject)Form.DeepClone(), Status = Status, ReceivedAt = ReceivedAt, AcceptedAt = AcceptedAt,
        DeemedAccepted = DeemedAccepted, DueAt = DueAt, ExtensionDays = ExtensionDays, ApplicationRevision = ApplicationRevision,
        WorkflowInstanceId = WorkflowInstanceId, Decision = Decision, ClosedAt = ClosedAt, Promise = Promise, Commitment = Commitment, Level = Level, Warnings = Warnings, WindowStep = WindowStep, ExpectedSuspension = ExpectedSuspension,
        SuspendingDepartmentCode = SuspendingDepartmentCode,
        ProvisionalDeadlines = [.. ProvisionalDeadlines],
        AcceptingWindowCode = AcceptingWindowCode, DeliveringWindowCode = DeliveringWindowCode, Rating = Rating,
        Timeline = [.. _timeline], SupplementRequests = [.. _supplementRequests], Suspensions = [.. _suspensions],
        Violations = [.. _violations],
        Attachments = [.. _attachments],
        Tasks = [.. _tasks.Select(t => new CaseTaskState(t.Id, t.DepartmentCode, t.BookmarkId, t.LimitDays, t.OpenedAt, t.DueAt, t.Status, t.ClaimedBy, t.Opinion, t.ClosedAt, t.Level, t.DelegatedBy, t.ActivityId, t.Iteration))],
    };

    /// <summary>A case from its plain data.</summary>
    public static Case FromState(CaseState state)
    {
        var @case = new Case
        {
            Id = state.Id, Number = state.Number, QueryCode = state.QueryCode, ItemCode = state.ItemCode, ItemVersion = Math.Max(1, state.ItemVersion), ItemKind = state.ItemKind,
            LeadDepartmentCode = state.LeadDepartmentCode, PromisedLimitDays = state.PromisedLimitDays, Applicant = state.Applicant,
            Form = (JsonObject)state.Form.DeepClone(), Status = state.Status, ReceivedAt = state.ReceivedAt, AcceptedAt = state.AcceptedAt,
            DeemedAccepted = state.DeemedAccepted, DueAt = state.DueAt, ExtensionDays = state.ExtensionDays,
            ApplicationRevision = state.ApplicationRevision, WorkflowInstanceId = state.WorkflowInstanceId, Decision = state.Decision,
            ClosedAt = state.ClosedAt,
            Promise = state.Promise,
            Commitment = state.Commitment,
            Level = state.Level,
            Warnings = state.Warnings,
            WindowStep = state.WindowStep,
            ExpectedSuspension = state.ExpectedSuspension,
            SuspendingDepartmentCode = state.SuspendingDepartmentCode,
            ProvisionalDeadlines = state.ProvisionalDeadlines ?? [],
            AcceptingWindowCode = state.AcceptingWindowCode,
            DeliveringWindowCode = state.DeliveringWindowCode,
            Rating = state.Rating,
        };
        @case._timeline.AddRange(state.Timeline);
        @case._supplementRequests.AddRange(state.SupplementRequests);
        @case._suspensions.AddRange(state.Suspensions);
        @case._violations.AddRange(state.Violations);
        @case._attachments.AddRange(state.Attachments);
        @case._tasks.AddRange(state.Tasks.Select(CaseTask.FromState));
        return @case;
    }
}
