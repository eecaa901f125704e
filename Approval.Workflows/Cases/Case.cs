using System.Text.Json.Nodes;
using Approval.Workflows.Calendar;
using Approval.Workflows.Catalog;
using Approval.Workflows.Inputs;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Cases;

/// <summary>Who applies: a citizen by resident ID, or an organisation by unified social credit code.</summary>
public sealed record Applicant(ApplicantKind Kind, string IdNumber, string Name, string? Phone = null);

/// <summary>A citizen (自然人) or an organisation (法人).</summary>
public enum ApplicantKind
{
    Person,
    Organisation,
}

/// <summary>A request for missing materials, told all at once (一次告知).</summary>
public sealed record SupplementRequest(DateTimeOffset At, string Clerk, IReadOnlyList<string> MissingMaterials, int ApplicationRevision);

/// <summary>The lead department's decision.</summary>
public sealed record CaseDecision(Verdict Verdict, string? Reason, IReadOnlyList<Opinion> Reasons, string Signer, DateTimeOffset At);

/// <summary>A rule of the case's lifecycle was broken by a request: nothing changed, the reason says why.</summary>
public sealed class CaseRuleException(Refusal refusal) : Exception(refusal.Text), IRefused
{
    public Refusal Refusal { get; } = refusal;
}

/// <summary>
/// A case (办件): one application of one item, from submission to delivery. Every change goes through a method
/// that checks the lifecycle and the law, and appends to the timeline; nothing is ever removed.
/// </summary>
public sealed partial class Case
{
    private readonly List<CaseEvent> _timeline = [];
    private readonly List<SupplementRequest> _supplementRequests = [];
    private readonly List<ClockSuspension> _suspensions = [];
    private readonly List<Violation> _violations = [];
    private readonly List<CaseTask> _tasks = [];

    private Case() { }

    public string Id { get; private set; } = "";
    /// <summary>办件编号: unique and printable.</summary>
    public string Number { get; private set; } = "";
    /// <summary>An unguessable code for looking up status without logging in.</summary>
    public string QueryCode { get; private set; } = "";
    public string ItemCode { get; private set; } = "";
    /// <summary>The item's version the case was submitted under: its limits, materials and fee for the whole case.</summary>
    public int ItemVersion { get; private set; } = 1;
    public ItemKind ItemKind { get; private set; }
    public string LeadDepartmentCode { get; private set; } = "";
    public int PromisedLimitDays { get; private set; }
    public Applicant Applicant { get; private set; } = null!;
    public JsonObject Form { get; private set; } = [];
    public CaseStatus Status { get; private set; }
    /// <summary>When the application (as it now stands) was received.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    /// <summary>Accepted by law (Art. 32) because the window did not answer in time.</summary>
    public bool DeemedAccepted { get; private set; }
    /// <summary>When the case's decision is due; null while the clock is stopped or before acceptance.</summary>
    public DateTimeOffset? DueAt { get; private set; }
    public int ExtensionDays { get; private set; }
    /// <summary>Bumped whenever the applicant changes the application.</summary>
    public int ApplicationRevision { get; private set; }
    public string? WorkflowInstanceId { get; private set; }
    public CaseDecision? Decision { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>受理窗口: the window whose clerk accepted or refused the application; null before, or when accepted by law (Art. 32) with no answer.</summary>
    public string? AcceptingWindowCode { get; private set; }
    /// <summary>出件窗口: the window whose clerk handed out the result.</summary>
    public string? DeliveringWindowCode { get; private set; }
    /// <summary>The department whose special procedure stopped the clock now; null when the process stopped it, or it runs.</summary>
    public string? SuspendingDepartmentCode { get; private set; }

    public IReadOnlyList<CaseEvent> Timeline => _timeline;
    public IReadOnlyList<SupplementRequest> SupplementRequests => _supplementRequests;
    public IReadOnlyList<ClockSuspension> Suspensions => _suspensions;
    public IReadOnlyList<Violation> Violations => _violations;
    public IReadOnlyList<CaseTask> Tasks => _tasks;

    /// <summary>The statuses of a case still in hand (not yet refused, delivered, withdrawn or terminated); supervision counts these.</summary>
    public static IReadOnlyList<CaseStatus> OpenStatuses { get; } =
        [CaseStatus.Submitted, CaseStatus.SupplementRequested, CaseStatus.InReview, CaseStatus.Suspended, CaseStatus.Decided];

    public bool IsOpen => OpenStatuses.Contains(Status);

    /// <summary>A new application (网上申报 or registered at the window).</summary>
    public static Case Submit(string id, string number, string queryCode, ApprovalItem item, Applicant applicant, JsonObject form, string actor, DateTimeOffset now, CaseRules rules)
    {
        var @case = new Case
        {
            Id = id,
            Number = number,
            QueryCode = queryCode,
            ItemCode = item.Code,
            ItemVersion = Math.Max(1, item.Version),
            ItemKind = item.Kind,
            LeadDepartmentCode = item.LeadDepartmentCode,
            PromisedLimitDays = item.PromisedLimitDays,
            Applicant = applicant,
            Form = (JsonObject)form.DeepClone(),
            Status = CaseStatus.Submitted,
            ReceivedAt = now,
            Warnings = item.Warnings,
            WindowStep = new WindowStep(WindowStepKind.Acceptance, now, rules.AcceptanceWindowDays),
        };
        @case.Record(now, actor, CaseAction.Submitted);
        return @case;
    }

    /// <summary>
    /// 受理 at the clerk's <paramref name="window"/>. Late (after the window of Art. 32) it still accepts, counted from the
    /// day received, and records the breach against the window.
    /// </summary>
    public void Accept(string clerk, CaseClock clock, string? window = null)
    {
        Require(Status == CaseStatus.Submitted, Refusal.Of(RefusalCode.OnlySubmittedAccepted, $"only a submitted application can be accepted"));
        var now = clock.Now;
        if (now > clock.AcceptanceDeadline(ReceivedAt))
        {
            AcceptAsDeemed(clerk, clock, "the window accepted after its 5 working days had passed", window);
            return;
        }
        AcceptedAt = now;
        AcceptingWindowCode = window;
        Status = CaseStatus.InReview;
        WindowStep = null;
        Record(now, clerk, CaseAction.Accepted, window: window);
        RecomputeDue(clock);
    }

    /// <summary>不予受理: with the reason and the applicant's rights of appeal (Art. 38).</summary>
    public void Refuse(string clerk, string reason, CaseClock clock, string? window = null)
    {
        TextLimits.Check("reason", reason, TextLimits.Reason);
        Require(Status is CaseStatus.Submitted or CaseStatus.SupplementRequested, Refusal.Of(RefusalCode.RefuseOnlyNotYetAccepted, $"only an application not yet accepted can be refused"));
        Require(!string.IsNullOrWhiteSpace(reason), Refusal.Of(RefusalCode.RefusalStatesReason, $"a refusal states its reason (Art. 38)"));
        Status = CaseStatus.Refused;
        ClosedAt = clock.Now;
        AcceptingWindowCode = window;
        WindowStep = null;
        Record(clock.Now, clerk, CaseAction.Refused, reason, clock.Rules.AppealRights, window);
        if (!clock.Rules.EmptyReasons.States(reason))
            RecordViolation(new Violation(ViolationKind.RefusalWithoutReason, clock.Now, LeadDepartmentCode, clerk, $"refused at the window with the reason \"{reason}\", which states none") { WindowCode = window });
    }

    /// <summary>
    /// 补正: tells the applicant every missing material at once. A second request on an unchanged application is
    /// refused and recorded as a violation; a request after the window of Art. 32 counts the case as accepted.
    /// </summary>
    public SupplementOutcome RequestSupplement(string clerk, IReadOnlyList<string> missingMaterials, CaseClock clock, string? window = null)
    {
        TextLimits.Check("missingMaterials", missingMaterials, TextLimits.Name);
        Require(Status is CaseStatus.Submitted or CaseStatus.SupplementRequested, Refusal.Of(RefusalCode.SupplementOnlyNotYetAccepted, $"supplements are asked of an application not yet accepted"));
        Require(missingMaterials.Count > 0 && missingMaterials.All(m => !string.IsNullOrWhiteSpace(m)), Refusal.Of(RefusalCode.SupplementListsMaterials, $"a supplement request lists every missing material"));
        var now = clock.Now;
        if (_supplementRequests.Any(r => r.ApplicationRevision == ApplicationRevision))
        {
            RecordViolation(new Violation(ViolationKind.RepeatedSupplementRequest, now, LeadDepartmentCode, clerk,
                $"a second supplement request ({string.Join("、", missingMaterials)}) on an application unchanged since the first") { WindowCode = window });
            return SupplementOutcome.RefusedAsRepeated;
        }
        if (now > clock.AcceptanceDeadline(ReceivedAt))
        {
            AcceptAsDeemed(clerk, clock, "supplements were asked for after the 5 working days of Art. 32", window);
            return SupplementOutcome.DeemedAccepted;
        }
        _supplementRequests.Add(new SupplementRequest(now, clerk, [.. missingMaterials], ApplicationRevision));
        Status = CaseStatus.SupplementRequested;
        WindowStep = null; // the applicant's turn: the window's clock starts anew when the supplements come
        Record(now, clerk, CaseAction.SupplementRequested, null, string.Join("、", missingMaterials), window);
        return SupplementOutcome.Requested;
    }

    /// <summary>
    /// The applicant supplies what was asked. Before acceptance the application is received anew; during review
    /// (returned for supplements) the clock restarts and the departments review again.
    /// </summary>
    public void Supplement(string applicant, JsonObject? form, CaseClock clock)
    {
        FormLimits.Check("form", form);
        Require(Status == CaseStatus.SupplementRequested, Refusal.Of(RefusalCode.SupplementOnlyWhenRequested, $"only a case waiting for supplements can be supplemented"));
        if (form is not null)
            Form = (JsonObject)form.DeepClone();
        ApplicationRevision++;
        Record(clock.Now, applicant, CaseAction.Supplemented);
        if (IsInReviewPhase)
        {
            var open = _suspensions.FindLastIndex(s => s.Until is null);
            if (open >= 0)
                _suspensions[open] = _suspensions[open] with { Until = clock.Now };
            Decision = null;
            Status = CaseStatus.InReview;
            RecomputeDue(clock);
            return;
        }
        ReceivedAt = clock.Now;
        Status = CaseStatus.Submitted;
        WindowStep = new WindowStep(WindowStepKind.Acceptance, ReceivedAt, clock.Rules.AcceptanceWindowDays);
    }

    /// <summary>Whether the case was accepted (a supplement now returns it to review, not to the window).</summary>
    public bool IsInReviewPhase => AcceptedAt is not null;

    /// <summary>Art. 32: no answer within the window means accepted on the day received. True when it applied now.</summary>
    public bool DeemAcceptedIfUnanswered(CaseClock clock)
    {
        if (Status != CaseStatus.Submitted || clock.Now < clock.AcceptanceDeadline(ReceivedAt))
            return false;
        AcceptAsDeemed("system", clock, "no answer within 5 working days of receipt");
        return true;
    }

    // The window is the clerk's who answered late; none when nobody answered (the sweep applies Art. 32).
    private void AcceptAsDeemed(string actor, CaseClock clock, string why, string? window = null)
    {
        var now = clock.Now;
        AcceptedAt = ReceivedAt;
        AcceptingWindowCode = window;
        DeemedAccepted = true;
        Status = CaseStatus.InReview;
        WindowStep = null;
        Record(now, actor, CaseAction.DeemedAccepted, why, window: window);
        // Silence is the window's breach as a whole; a clerk answering late is that clerk's, and their window's.
        var silent = actor == "system";
        RecordViolation(new Violation(silent ? ViolationKind.AcceptedBySilence : ViolationKind.LateAcceptance, now, LeadDepartmentCode, silent ? null : actor,
            $"received {ReceivedAt:O}; acceptance due {clock.AcceptanceDeadline(ReceivedAt):O}; {why}") { WindowCode = window });
        RecomputeDue(clock);
    }

    /// <summary>Links the case to the workflow instance that runs its process.</summary>
    public void AttachProcess(string workflowInstanceId) => WorkflowInstanceId = workflowInstanceId;

    /// <summary>特别程序: stops the case's clock, with the reason told to the applicant (Art. 45).</summary>
    /// <param name="departmentCode">The department that asked for it, which alone restarts the clock; null when the process stopped it.</param>
    public void SuspendClock(string actor, string reason, int? expectedDays, CaseClock clock, string? departmentCode = null)
    {
        TextLimits.Check("reason", reason, TextLimits.Reason);
        Require(Status == CaseStatus.InReview, Refusal.Of(RefusalCode.SuspendOnlyInReview, $"only a case in review can be suspended"));
        Require(!string.IsNullOrWhiteSpace(reason), Refusal.Of(RefusalCode.SuspensionStatesReason, $"a suspension states its reason (Art. 45)"));
        _suspensions.Add(new ClockSuspension(clock.Now, null));
        Status = CaseStatus.Suspended;
        SuspendingDepartmentCode = departmentCode;
        ExpectedSuspension = expectedDays is > 0 and var expected ? new ExpectedSuspension(clock.Now, expected) : null;
        Record(clock.Now, actor, CaseAction.ClockSuspended, reason, expectedDays is { } days ? $"expected {days} working days" : null);
        if (!clock.Rules.EmptyReasons.States(reason))
            RecordViolation(new Violation(ViolationKind.SuspensionWithoutReason, clock.Now, LeadDepartmentCode, actor == "system" ? null : actor,
                $"clock stopped with the reason \"{reason}\", which states none"));
        RecomputeDue(clock);
    }

    /// <summary>Restarts the case's clock; the suspended days do not count.</summary>
    public void ResumeClock(string actor, CaseClock clock)
    {
        Require(Status == CaseStatus.Suspended, Refusal.Of(RefusalCode.ResumeOnlySuspended, $"only a suspended case can resume"));
        var open = _suspensions.FindLastIndex(s => s.Until is null);
        _suspensions[open] = _suspensions[open] with { Until = clock.Now };
        Status = CaseStatus.InReview;
        ExpectedSuspension = null;
        SuspendingDepartmentCode = null;
        Record(clock.Now, actor, CaseAction.ClockResumed);
        RecomputeDue(clock);
    }

    /// <summary>延期 (Art. 42), approved by the head and asked for before the limit passes.</summary>
    public void Extend(string head, string reason, CaseClock clock)
    {
        TextLimits.Check("reason", reason, TextLimits.Reason);
        Require(Status is CaseStatus.InReview or CaseStatus.Suspended, Refusal.Of(RefusalCode.ExtendOnlyInReview, $"only a case in review can be extended"));
        Require(ExtensionDays == 0, Refusal.Of(RefusalCode.ExtendedOnce, $"a case is extended once"));
        Require(!string.IsNullOrWhiteSpace(reason), Refusal.Of(RefusalCode.ExtensionStatesReason, $"an extension states the reason told to the applicant (Art. 42)"));
        if (DueAt is { } due && clock.Now > due)
        {
            RecordViolation(new Violation(ViolationKind.LateExtension, clock.Now, LeadDepartmentCode, head, $"extension asked at {clock.Now:O}, after the limit {due:O}"));
            throw new CaseRuleException(Refusal.Of(RefusalCode.ExtensionTooLate, $"the limit has passed: an extension asked for now counts as overdue and is not granted"));
        }
        ExtensionDays = ItemKind == ItemKind.Joint ? clock.Rules.JointExtensionDays : clock.Rules.ExtensionDays;
        Record(clock.Now, head, CaseAction.Extended, reason, $"+{ExtensionDays} working days");
        RecomputeDue(clock);
    }

    /// <summary>准予 / 不予许可 by the lead department.</summary>
    public void Decide(CaseDecision decision, CaseClock clock)
    {
        TextLimits.Check("reason", decision.Reason, TextLimits.Reason);
        Require(Status == CaseStatus.InReview, Refusal.Of(RefusalCode.DecideOnlyInReview, $"only a case in review can be decided"));
        // A refusal's reason is the head's own or a department's refusal; milder opinions (conditions, supplements) are not one.
        var refusalReasons = decision.Reasons.Where(r => r.Verdict == Verdict.Refuse).Select(r => r.Reason).Append(decision.Reason).ToList();
        Require(decision.Verdict != Verdict.Refuse || refusalReasons.Any(r => !string.IsNullOrWhiteSpace(r)), Refusal.Of(RefusalCode.RefusalStatesReason, $"a refusal states its reason (Art. 38)"));
        Decision = decision;
        Status = CaseStatus.Decided;
        Record(decision.At, decision.Signer, CaseAction.Decided, decision.Reason, decision.Verdict.ToString());
        if (decision.Verdict == Verdict.Refuse && !refusalReasons.Any(clock.Rules.EmptyReasons.States))
            RecordViolation(new Violation(ViolationKind.RefusalWithoutReason, decision.At, LeadDepartmentCode, decision.Signer,
                $"不予许可 signed with the reasons \"{string.Join("；", refusalReasons.Where(r => !string.IsNullOrWhiteSpace(r)))}\", which state none"));
        if (decision.Verdict == Verdict.ReturnForSupplement)
            ReturnForSupplement(decision, clock);
        else
            WindowStep = new WindowStep(WindowStepKind.Delivery, decision.At, clock.Rules.DeliveryDays);
        StartCommitmentVerification(decision, clock);
    }

    // 退回补正 during review: the applicant is told every department's request at once; the clock stops meanwhile.
    private void ReturnForSupplement(CaseDecision decision, CaseClock clock)
    {
        var asked = decision.Reasons.Where(r => r.Verdict == Verdict.ReturnForSupplement && r.Reason is not null).Select(r => $"{r.DepartmentCode}: {r.Reason}").ToList();
        if (asked.Count == 0 && decision.Reason is { } reason)
            asked.Add(reason);
        _supplementRequests.Add(new SupplementRequest(decision.At, decision.Signer, asked, ApplicationRevision));
        _suspensions.Add(new ClockSuspension(decision.At, null));
        RecomputeDue(clock);
        Status = CaseStatus.SupplementRequested;
        Record(decision.At, decision.Signer, CaseAction.SupplementRequested, "退回补正 (returned for supplements)", string.Join("；", asked));
    }

    /// <summary>办结/出件: the result is handed out at the clerk's <paramref name="window"/>.</summary>
    public void Deliver(string clerk, CaseClock clock, string? window = null)
    {
        Require(Status == CaseStatus.Decided, Refusal.Of(RefusalCode.DeliverOnlyDecided, $"only a decided case can be delivered"));
        Require(Promise is null, Refusal.Of(RefusalCode.DeliverAfterPromisedMaterials, $"the result is handed out once the promised materials (容缺) are in"));
        Status = CaseStatus.Delivered;
        ClosedAt = clock.Now;
        DeliveringWindowCode = window;
        WindowStep = null;
        Record(clock.Now, clerk, CaseAction.Delivered, window: window);
    }

    /// <summary>撤回 by the applicant, while the case is open and undecided.</summary>
    public void Withdraw(string applicant, string? reason, CaseClock clock)
    {
        TextLimits.Check("reason", reason, TextLimits.Reason);
        Require(Status is CaseStatus.Submitted or CaseStatus.SupplementRequested or CaseStatus.InReview or CaseStatus.Suspended,
            Refusal.Of(RefusalCode.WithdrawOnlyOpen, $"a decided or closed case cannot be withdrawn"));
        Status = CaseStatus.Withdrawn;
        ClosedAt = clock.Now;
        WindowStep = null;
        foreach (var task in _tasks.Where(t => t.IsOpen))
            task.Cancel(clock.Now);
        Record(clock.Now, applicant, CaseAction.Withdrawn, reason);
    }

    // The case's due instant, and its open tasks': a stopped clock stops theirs too (Art. 45 time counts for no one).
    private void RecomputeDue(CaseClock clock)
    {
        DueAt = AcceptedAt is { } accepted ? clock.Due.DueAt(accepted, PromisedLimitDays + ExtensionDays, _suspensions) : null;
        foreach (var task in _tasks.Where(t => t.IsOpen))
            task.Reschedule(clock.Due.DueAt(task.OpenedAt, task.LimitDays, [.. _suspensions.Where(s => s.Until is null || s.Until > task.OpenedAt)]));
    }

    private void RecordViolation(Violation violation)
    {
        _violations.Add(violation);
        Record(violation.At, "system", CaseAction.ViolationRecorded, violation.Kind.ToString(), violation.Evidence, violation.WindowCode);
    }

    private void Record(DateTimeOffset at, string actor, CaseAction action, string? reason = null, string? detail = null, string? window = null) =>
        _timeline.Add(new CaseEvent(at, actor, action, reason, detail) { WindowCode = window });

    private static void Require(bool condition, Refusal rule)
    {
        if (!condition)
            throw new CaseRuleException(rule);
    }
}

/// <summary>What a supplement request came to.</summary>
public enum SupplementOutcome
{
    /// <summary>The applicant was told every missing material.</summary>
    Requested,
    /// <summary>Too late: the case counts as accepted on the day it was received (Art. 32).</summary>
    DeemedAccepted,
    /// <summary>A second request on an unchanged application: refused and recorded as a violation.</summary>
    RefusedAsRepeated,
}
