namespace Approval.Workflows.Cases;

/// <summary>补正已交: the supplements came back at <paramref name="At"/>, for the window that asked for them (null if none was named).</summary>
public sealed record ReturnedSupplements(DateTimeOffset At, string? Window);

public sealed partial class Case
{
    /// <summary>
    /// 补正已交: an application back with the supplements a window asked for, waiting for the window's answer again; null in
    /// any other state. It goes back to the window that asked last (a second request, on the changed application, may come
    /// from another window). Kept as columns so the window's list is one index range, not a read of every waiting
    /// application's timeline.
    /// </summary>
    public ReturnedSupplements? SupplementsReturned
    {
        get
        {
            // Submitted again after a supplement request is only reached through the applicant's supplements, before acceptance.
            if (Status != CaseStatus.Submitted || _supplementRequests.Count == 0)
                return null;
            // The application is received anew when the supplements come.
            var asked = _timeline.FindLastIndex(e => e.Action == CaseAction.SupplementRequested);
            return new ReturnedSupplements(ReceivedAt, asked >= 0 ? _timeline[asked].WindowCode : null);
        }
    }

    /// <summary>
    /// 待决定: since when the case waits at the lead department's decision — in review with no department's task open (the
    /// last one closed then); null in any other state. Tasks open in the step that closes the last one, so "no open task"
    /// while in review is the process waiting at the decision.
    /// </summary>
    public DateTimeOffset? AwaitingDecisionSince =>
        Status != CaseStatus.InReview || _tasks.Any(t => t.IsOpen)
            ? null
            : _tasks.Select(t => t.ClosedAt).Max() ?? AcceptedAt ?? ReceivedAt;
}
