using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Approval.Workflows.Cases;
using Approval.Workflows.Inputs;

namespace Approval.Api.Endpoints;

/// <summary>
/// A case as the API shows it to the people allowed to read it. <c>provisionalDeadlines</c> names the running deadlines
/// (受理/办结, "case", a task's department) counted through a year the State Council has not yet published. <c>itemVersion</c>
/// is the item's version the case was submitted under: its limits, materials and fee for the whole case.
/// </summary>
public sealed record CaseView(
    string Id,
    string Number,
    string? QueryCode,
    string ItemCode,
    string Status,
    string Level,
    ApplicantView Applicant,
    JsonObject Form,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? AcceptedAt,
    bool DeemedAccepted,
    DateTimeOffset? DueAt,
    int ExtensionDays,
    IReadOnlyList<TaskView> Tasks,
    DecisionView? Decision,
    PromiseView? Promise,
    IReadOnlyList<SupplementRequestView> SupplementRequests,
    IReadOnlyList<ViolationView> Violations,
    IReadOnlyList<Approval.Workflows.Attachments.Attachment> Attachments,
    string? AcceptingWindowCode = null,
    string? DeliveringWindowCode = null,
    RatingView? Rating = null,
    IReadOnlyList<string>? ProvisionalDeadlines = null,
    int ItemVersion = 1,
    CommitmentView? Commitment = null)
{
    /// <summary>
    /// The case as <paramref name="viewer"/> may read it: the query code for the applicant and the window only; an
    /// applicant reads their case, not the staff's disciplinary record (<see cref="ApplicantDisclosure"/>): no violations.
    /// </summary>
    public static CaseView For(Case c, Approval.Workflows.People.User viewer)
    {
        var view = From(c, CaseReading.SeesQueryCode(viewer));
        return viewer.Role == Approval.Workflows.People.Role.Applicant ? view with { Violations = [] } : view;
    }

    /// <summary>The view of a case; the query code is shown to the applicant and the window only.</summary>
    private static CaseView From(Case c, bool showQueryCode) => new(
        c.Id, c.Number, showQueryCode ? c.QueryCode : null, c.ItemCode, c.Status.ToString(), c.Level.ToString(),
        new ApplicantView(c.Applicant.Kind.ToString(), c.Applicant.IdNumber, c.Applicant.Name, c.Applicant.Phone),
        c.Form, c.ReceivedAt, c.AcceptedAt, c.DeemedAccepted, c.DueAt, c.ExtensionDays,
        [.. c.Tasks.Select(TaskView.From)],
        c.Decision is { } d ? new DecisionView(d.Verdict.ToString(), d.Reason, [.. d.Reasons.Select(OpinionView.From)], d.Signer, d.At) : null,
        c.Promise is { } p ? new PromiseView(p.MaterialCodes, p.PromisedBy) : null,
        [.. c.SupplementRequests.Select(r => new SupplementRequestView(r.At, r.Clerk, r.MissingMaterials))],
        [.. c.Violations.Select(v => new ViolationView(v.Kind.ToString(), v.At, v.DepartmentCode, v.Person, v.Evidence, v.CalendarDoubt))],
        c.Attachments,
        c.AcceptingWindowCode,
        c.DeliveringWindowCode,
        c.Rating is { } r ? new RatingView((int)r.Level, r.Level.Chinese(), r.Comment, r.At) : null,
        c.ProvisionalDeadlines,
        c.ItemVersion,
        c.Commitment is { } commitment ? CommitmentView.From(commitment) : null);
}

/// <summary>The applicant's rating (满意度): score 1–5 and its name, 非常不满意 … 非常满意.</summary>
public sealed record RatingView(int Score, string Name, string? Comment, DateTimeOffset At);

public sealed record PromiseView(IReadOnlyList<string> MaterialCodes, DateOnly PromisedBy);

/// <summary>
/// 告知承诺: the statement, the conditions and materials it covers, when the verification is due (set at an approving
/// decision) and, once done, what it found (kept, or false: the decision revoked).
/// </summary>
public sealed record CommitmentView(string Statement, IReadOnlyList<string> Conditions, IReadOnlyList<string> MaterialCodes, DateTimeOffset At,
    DateTimeOffset? VerificationDueAt, CommitmentVerificationView? Verification)
{
    public static CommitmentView From(NotificationCommitment c) => new(c.Statement, c.Conditions, c.MaterialCodes, c.At, c.VerificationDueAt,
        c.Verification is { } v ? new CommitmentVerificationView(v.Kept, v.Finding, v.By, v.At) : null);
}

public sealed record CommitmentVerificationView(bool Kept, string Finding, string By, DateTimeOffset At);

public sealed record ApplicantView(string Kind, string IdNumber, string Name, string? Phone);

public sealed record TaskView(string Id, string DepartmentCode, string Status, string Level, DateTimeOffset OpenedAt, DateTimeOffset? DueAt, string? ClaimedBy, OpinionView? Opinion)
{
    public static TaskView From(CaseTask t) => new(t.Id, t.DepartmentCode, t.Status.ToString(), t.Level.ToString(), t.OpenedAt, t.DueAt, t.ClaimedBy, t.Opinion is { } o ? OpinionView.From(o) : null);
}

public sealed record OpinionView(string DepartmentCode, string Verdict, string? Reason, string? Reviewer)
{
    public static OpinionView From(Opinion o) => new(o.DepartmentCode, o.Verdict.ToString(), o.Reason, o.Reviewer);
}

public sealed record DecisionView(string Verdict, string? Reason, IReadOnlyList<OpinionView> Reasons, string Signer, DateTimeOffset At);

public sealed record SupplementRequestView(DateTimeOffset At, string Clerk, IReadOnlyList<string> MissingMaterials);

/// <summary>A recorded violation; <c>calendarDoubt</c> says why a calendar change put it in doubt, for the supervisors' review.</summary>
public sealed record ViolationView(string Kind, DateTimeOffset At, string? DepartmentCode, string? Person, string Evidence, string? CalendarDoubt = null);

public sealed record TimelineEntryView(DateTimeOffset At, string Actor, string Action, string? Reason, string? Detail, string? WindowCode = null)
{
    /// <summary>The case's timeline as <paramref name="viewer"/> may read it: an applicant the steps they are told of (<see cref="ApplicantDisclosure"/>).</summary>
    public static IReadOnlyList<TimelineEntryView> For(Case c, Approval.Workflows.People.User viewer) =>
        viewer.Role != Approval.Workflows.People.Role.Applicant
            ? [.. c.Timeline.Select(e => new TimelineEntryView(e.At, e.Actor, e.Action.ToString(), e.Reason, e.Detail, e.WindowCode))]
            : [.. c.Timeline.Where(e => e.Action.IsToldToApplicant())
                .Select(e => new TimelineEntryView(e.At, e.Actor, e.Action.ToString(), e.Action.ReasonIsToldToApplicant() ? e.Reason : null, e.Detail, e.WindowCode))];
}

/// <summary>An application: the item, the applicant, the item's form filled in.</summary>
/// <param name="ItemCode">事项编码, e.g. QY-SL-001.</param>
/// <param name="Applicant">Who applies: kind Person (resident ID) or Organisation (unified social credit code).</param>
/// <param name="Form">The item's form fields by name.</param>
public sealed record SubmitRequest([property: MaxLength(TextLimits.Code)] string? ItemCode, ApplicantRequest? Applicant, JsonObject? Form);

public sealed record ApplicantRequest([property: MaxLength(TextLimits.Code)] string? Kind, [property: MaxLength(TextLimits.Code)] string? IdNumber, [property: MaxLength(TextLimits.Name)] string? Name, [property: MaxLength(TextLimits.Name)] string? Phone);

/// <summary>Acceptance; with missing materials and a promised date it is 容缺受理.</summary>
/// <summary>受理; with missingMaterials and promisedBy, 容缺受理; with commitment, 告知承诺 (one of the two).</summary>
public sealed record AcceptRequest([property: MaxLength(TextLimits.ListItems)] IReadOnlyList<string>? MissingMaterials, DateOnly? PromisedBy, decimal? FeeCharged = null,
    CommitmentRequest? Commitment = null);

/// <summary>告知承诺: the applicant's signed statement that they meet the conditions the item publishes.</summary>
public sealed record CommitmentRequest([property: MaxLength(TextLimits.Reason)] string? Statement);

/// <summary>事后核查: whether the commitment was found kept, and what the verification found.</summary>
public sealed record CommitmentVerificationRequest(bool? Kept, [property: MaxLength(TextLimits.Reason)] string? Finding);

/// <summary>A reason, where a step needs one (refusal, suspension, extension, withdrawal).</summary>
public sealed record ReasonRequest([property: MaxLength(TextLimits.Reason)] string? Reason);

/// <summary>满意度评价: 1 非常不满意 … 5 非常满意, and an optional comment.</summary>
public sealed record RatingRequest(int? Score, [property: MaxLength(ServiceRating.MaxCommentLength)] string? Comment);

/// <summary>The materials promised at 容缺受理 that the window received.</summary>
public sealed record PromisedMaterialsRequest([property: MaxLength(TextLimits.ListItems)] IReadOnlyList<string>? MaterialCodes);

/// <summary>Every missing material, told at once.</summary>
public sealed record SupplementRequestBody([property: MaxLength(TextLimits.ListItems)] IReadOnlyList<string>? MissingMaterials);

/// <summary>The applicant's supplemented form (null keeps it).</summary>
public sealed record SupplementBody(JsonObject? Form);

/// <summary>A clock suspension: the reason told to the applicant, and how long it is expected to take.</summary>
public sealed record SuspendRequest([property: MaxLength(TextLimits.Reason)] string? Reason, int? ExpectedDays);

/// <summary>A department's opinion: Approve, ApproveWithConditions, ReturnForSupplement or Refuse (with a reason).</summary>
public sealed record OpinionRequest([property: MaxLength(TextLimits.Code)] string? Verdict, [property: MaxLength(TextLimits.Reason)] string? Reason);

/// <summary>The lead's decision; verdict defaults to the merged opinions and may not be milder.</summary>
public sealed record DecisionRequest([property: MaxLength(TextLimits.Code)] string? Verdict, [property: MaxLength(TextLimits.Reason)] string? Reason);
