using Approval.Workflows.Catalog;
using Approval.Workflows.Credit;
using Approval.Workflows.Inputs;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Cases;

/// <summary>容缺受理: materials accepted as missing under the applicant's written promise, and the date they are due.</summary>
public sealed record MaterialPromise(IReadOnlyList<string> MaterialCodes, DateOnly PromisedBy, DateTimeOffset At);

public sealed partial class Case
{
    /// <summary>
    /// 容缺受理: accepts with non-key materials missing, under a credit promise. Only materials the catalog marks as
    /// allowed to be missing; the promised date may not go past the promised limit; an applicant whose standing at this
    /// instant the rules exclude (a bad record, an earlier broken promise: <see cref="CreditAssessment.AllowsPromise"/>) is
    /// refused, naming the record.
    /// </summary>
    public void AcceptWithMissingMaterials(string clerk, ApprovalItem item, IReadOnlyList<string> materialCodes, DateOnly promisedBy,
        CreditAssessment credit, CaseClock clock, string? window = null)
    {
        TextLimits.Check("missingMaterials", materialCodes, TextLimits.Code);
        Require(Status == CaseStatus.Submitted, Refusal.Of(RefusalCode.OnlySubmittedAccepted, $"only a submitted application can be accepted"));
        Require(credit.AllowsPromise, credit.PromiseRefusal());
        Require(materialCodes.Count > 0, Refusal.Of(RefusalCode.NameMissingMaterials, $"name the materials accepted as missing"));
        foreach (var code in materialCodes)
        {
            var material = item.Materials.FirstOrDefault(m => m.Code == code);
            Require(material is not null, Refusal.Of(RefusalCode.NotAMaterialOfItem, $"'{code}' is not a material of {item.Name}"));
            Require(material!.MayBeMissing, Refusal.Of(RefusalCode.KeyMaterialMayNotBeMissing, $"{material.Name} is a key material: it may not be missing at acceptance"));
        }
        var latest = clock.Due.Calendar.AddWorkingDays(clock.Due.Hours.DateOf(clock.Now), item.PromisedLimitDays);
        Require(promisedBy <= latest, Refusal.Of(RefusalCode.PromisedDateAfterLimit, $"the promised date may not be later than the promised limit ({latest:yyyy-MM-dd})"));
        Require(promisedBy >= clock.Due.Hours.DateOf(clock.Now), Refusal.Of(RefusalCode.PromisedDatePassed, $"the promised date has passed"));

        Accept(clerk, clock, window);
        NoteCreditStanding(credit);
        Promise = new MaterialPromise([.. materialCodes], promisedBy, clock.Now);
        Record(clock.Now, clerk, CaseAction.AcceptedWithMissingMaterials, null, $"{string.Join("、", materialCodes)} promised by {promisedBy:yyyy-MM-dd}", window);
    }

    /// <summary>The timeline keeps the standing the acceptance used, once: the case keeps it whatever the records say later.</summary>
    public void NoteCreditStanding(CreditAssessment credit)
    {
        if (_timeline.Any(e => e.Action == CaseAction.CreditStandingUsed))
            return;
        Record(credit.At, "system", CaseAction.CreditStandingUsed, credit.Standing.ToString(), credit.Describe());
    }

    /// <summary>
    /// Supervision's look at an acceptance under a promise: when the applicant's standing as of the acceptance (the records
    /// the store knew then) excluded it, the case gets a <see cref="ViolationKind.PromiseDespiteCredit"/> violation of the
    /// lead department and the clerk who accepted it, once. True when it was recorded now.
    /// </summary>
    public bool FlagPromiseDespiteCredit(CreditAssessment atAcceptance, DateTimeOffset now)
    {
        var accepted = _timeline.LastOrDefault(e => e.Action is CaseAction.AcceptedWithMissingMaterials or CaseAction.AcceptedUnderCommitment);
        if (accepted is null || atAcceptance.AllowsPromise || _violations.Any(v => v.Kind == ViolationKind.PromiseDespiteCredit))
            return false;
        RecordViolation(new Violation(ViolationKind.PromiseDespiteCredit, now, LeadDepartmentCode, accepted.Actor,
            $"accepted under a promise at {accepted.At:O}, when the applicant's standing was {atAcceptance.Describe()}") { WindowCode = accepted.WindowCode });
        return true;
    }

    /// <summary>The materials still owed under a 容缺 promise; null when none.</summary>
    public MaterialPromise? Promise { get; private set; }

    /// <summary>The applicant delivers promised materials; the promise is kept once all are in.</summary>
    public void ReceivePromisedMaterials(string actor, IReadOnlyList<string> materialCodes, CaseClock clock, string? window = null)
    {
        TextLimits.Check("materialCodes", materialCodes, TextLimits.Code);
        Require(Promise is not null && IsOpen, Refusal.Of(RefusalCode.NoMaterialsOwed, $"no materials are owed on this case"));
        Require(materialCodes.Count > 0, Refusal.Of(RefusalCode.NameMaterialsReceived, $"name the materials received"));
        var notOwed = materialCodes.Except(Promise!.MaterialCodes, StringComparer.Ordinal).ToList();
        Require(notOwed.Count == 0, Refusal.Of(RefusalCode.NotOwedUnderPromise, $"not owed under the promise: {string.Join("、", notOwed)} (owed: {string.Join("、", Promise.MaterialCodes)})"));
        var remaining = Promise.MaterialCodes.Except(materialCodes, StringComparer.Ordinal).ToList();
        Record(clock.Now, actor, CaseAction.Supplemented, null, string.Join("、", materialCodes), window);
        Promise = remaining.Count == 0 ? null : Promise with { MaterialCodes = remaining };
    }

    /// <summary>Whether the promised materials are overdue at close of business of the promised day.</summary>
    public bool PromiseBroken(CaseClock clock) => PromiseDueAt(clock.Due) is { } due && clock.Now >= due;

    /// <summary>容缺: the instant the open case's promise breaks (the close of the promised day), which the deadline sweep watches; null otherwise.</summary>
    public DateTimeOffset? PromiseDueAt(Calendar.DueInstantCalculator due) => Promise is { } promise && IsOpen ? due.Hours.CloseOf(promise.PromisedBy) : null;

    /// <summary>告知承诺: supervision watches the commitment (the applicant's standing, its verification) while the case is open or awaits the check.</summary>
    public bool CommitmentWatched => Commitment is not null && (IsOpen || AwaitsCommitmentVerification);

    /// <summary>
    /// 容缺: when the applicant is reminded of the materials they owe — the close of business of the working day before the
    /// promised day — while the case is open and they were not reminded of this promise yet; null otherwise.
    /// </summary>
    public DateTimeOffset? PromiseReminderAt(Calendar.DueInstantCalculator due)
    {
        if (Promise is not { } promise || !IsOpen || _timeline.Any(e => e.Action == CaseAction.PromiseReminded && e.At >= promise.At))
            return null;
        var dayBefore = promise.PromisedBy.AddDays(-1);
        while (!due.Calendar.IsWorkingDay(dayBefore))
            dayBefore = dayBefore.AddDays(-1);
        return due.Hours.CloseOf(dayBefore);
    }

    /// <summary>Records the reminder of the promised materials when it is due and not yet broken; true when it did.</summary>
    public bool RemindPromiseDue(CaseClock clock)
    {
        if (PromiseReminderAt(clock.Due) is not { } at || clock.Now < at || PromiseBroken(clock))
            return false;
        Record(clock.Now, "system", CaseAction.PromiseReminded, null, $"{string.Join("、", Promise!.MaterialCodes)} due by {Promise.PromisedBy:yyyy-MM-dd}");
        return true;
    }

    /// <summary>终止: the case ends without a decision (e.g. the promised materials never came).</summary>
    public void Terminate(string actor, string reason, CaseClock clock)
    {
        Require(IsOpen && Status != CaseStatus.Decided, Refusal.Of(RefusalCode.TerminateOnlyOpenUndecided, $"only an open, undecided case can be terminated"));
        Require(!string.IsNullOrWhiteSpace(reason), Refusal.Of(RefusalCode.TerminationStatesReason, $"a termination states its reason"));
        End(actor, reason, clock);
    }

    /// <summary>
    /// 容缺: the promised materials did not come by close of business of the promised day. The case ends — decided or
    /// not, since a result is only handed out once the materials are in (容缺后补, see <see cref="Deliver"/>).
    /// </summary>
    public void TerminateForBrokenPromise(CaseClock clock)
    {
        Require(PromiseBroken(clock), Refusal.Of(RefusalCode.PromiseNotOverdue, $"the promised materials are not overdue"));
        End("system", $"容缺材料未在承诺期限（{Promise!.PromisedBy:yyyy-MM-dd}）内补齐 (promised materials not delivered in time)", clock);
    }

    private void End(string actor, string reason, CaseClock clock)
    {
        Status = CaseStatus.Terminated;
        WindowStep = null;
        ClosedAt = clock.Now;
        foreach (var task in _tasks.Where(t => t.IsOpen))
            task.Cancel(clock.Now);
        Record(clock.Now, actor, CaseAction.Terminated, reason);
    }
}
