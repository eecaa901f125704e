namespace Approval.Api.Supervision;

/// <summary>The supervision part of the deadline sweep: unanswered notices escalate, undecided complaints breach — once each.</summary>
public sealed class SupervisionDeadlines
{
    private readonly CorrectionNoticeDesk _notices;
    private readonly ComplaintDesk _complaints;

    internal SupervisionDeadlines(CorrectionNoticeDesk notices, ComplaintDesk complaints) => (_notices, _complaints) = (notices, complaints);

    /// <summary>Notices that turned Overdue or Escalated, and complaints whose breach was recorded.</summary>
    public async Task<(int NoticesEscalated, int ComplaintsBreached)> SweepAsync(CancellationToken cancellationToken) =>
        (await _notices.SweepAsync(cancellationToken), await _complaints.SweepAsync(cancellationToken));
}
