using System.Globalization;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Supervision;

namespace Approval.Workflows.Notifications;

/// <summary>
/// Who hears of a correction notice's or a complaint's step (issue 4), one notification per person per step:
/// a notice issued goes to the department's head(s) and the reviewers concerned (those who held the department's tasks on
/// the case; without any, every reviewer of the department); its answer to the supervisor who issued it; unanswered past
/// due, to the department's head(s) and the issuing supervisor, and escalated a working day later to the head(s) and every
/// supervisor. A complaint filed goes to every supervisor; transferred, to the department's head(s) and reviewers;
/// declined or resolved, to the complainant.
/// </summary>
public sealed class SupervisionNotices(IStaffDirectory staff, BusinessHours hours)
{
    public async Task<IReadOnlyList<Notification>> IssuedAsync(CorrectionNotice notice, Case? @case, CancellationToken cancellationToken = default)
    {
        var holders = @case?.Tasks.Where(t => t.DepartmentCode == notice.DepartmentCode && t.ClaimedBy is not null).Select(t => t.ClaimedBy!).ToList() ?? [];
        var reviewers = holders.Count > 0 ? holders : await staff.ReviewersOfAsync(notice.DepartmentCode, cancellationToken);
        var (kind, english) = Names(notice.Kind);
        return To([.. await staff.HeadsOfAsync(notice.DepartmentCode, cancellationToken), .. reviewers], NotificationKind.NoticeIssued, notice.CaseId, @case?.Number,
            $"{kind}：{notice.Subject}（{english}: {notice.Subject}）",
            $"监察人员 {notice.IssuedBy} 向 {notice.DepartmentCode} 发出{kind} #{notice.Id}{About(@case?.Number)}，请于 {Local(notice.DueAt)} 前答复：{notice.Body}"
            + $"（Supervisor {notice.IssuedBy} sent {notice.DepartmentCode} {english.ToLowerInvariant()} #{notice.Id}{AboutEnglish(@case?.Number)}; answer by {Local(notice.DueAt)}.）",
            notice.IssuedAt);
    }

    public async Task<IReadOnlyList<Notification>> AnsweredAsync(CorrectionNotice notice, string? caseNumber, CancellationToken cancellationToken = default)
    {
        var (kind, english) = Names(notice.Kind);
        var late = notice.AnsweredLate ? "（逾期答复 answered late）" : "";
        return To(await IssuerAsync(notice, cancellationToken), NotificationKind.NoticeAnswered, notice.CaseId, caseNumber,
            $"{notice.DepartmentCode} 已答复{kind} #{notice.Id}（{notice.DepartmentCode} answered {english.ToLowerInvariant()} #{notice.Id}）{late}",
            $"{notice.AnsweredBy} 答复：{notice.Answer}（{notice.AnsweredBy} answered: {notice.Answer}）",
            notice.AnsweredAt!.Value);
    }

    /// <summary>A notice the sweep turned Overdue or Escalated.</summary>
    public async Task<IReadOnlyList<Notification>> EscalatedAsync(CorrectionNotice notice, string? caseNumber, CancellationToken cancellationToken = default)
    {
        var escalated = notice.Status == NoticeStatus.Escalated;
        var supervisors = escalated ? await staff.SupervisorsAsync(cancellationToken) : await IssuerAsync(notice, cancellationToken);
        var (kind, english) = Names(notice.Kind);
        var (stage, stageEnglish) = escalated ? ("逾期未答复，已升级督办", "unanswered a working day past due: escalated") : ("已逾期未答复", "unanswered past due: overdue");
        return To([.. await staff.HeadsOfAsync(notice.DepartmentCode, cancellationToken), .. supervisors], NotificationKind.NoticeEscalated, notice.CaseId, caseNumber,
            $"{kind} #{notice.Id} {stage}（{english} #{notice.Id}: {stageEnglish}）",
            $"{notice.DepartmentCode} 未在 {Local(notice.DueAt)} 前答复{kind} #{notice.Id}「{notice.Subject}」{About(caseNumber)}。"
            + $"（{notice.DepartmentCode} did not answer {english.ToLowerInvariant()} #{notice.Id} \"{notice.Subject}\"{AboutEnglish(caseNumber)} by {Local(notice.DueAt)}.）",
            (escalated ? notice.EscalatedAt : notice.OverdueAt) ?? notice.DueAt);
    }

    public async Task<IReadOnlyList<Notification>> FiledAsync(Complaint complaint, string? caseNumber, CancellationToken cancellationToken = default) =>
        To(await staff.SupervisorsAsync(cancellationToken), NotificationKind.ComplaintFiled, complaint.CaseId, caseNumber,
            $"新投诉 #{complaint.Id}{About(caseNumber)}（New complaint #{complaint.Id}{AboutEnglish(caseNumber)}）",
            $"请于 {Local(complaint.DecideBy)} 前决定是否受理：{complaint.Body}（Decide by {Local(complaint.DecideBy)} whether to take it up.）",
            complaint.ReceivedAt);

    public async Task<IReadOnlyList<Notification>> TransferredAsync(Complaint complaint, string? caseNumber, CancellationToken cancellationToken = default)
    {
        var department = complaint.TransferredTo!;
        return To([.. await staff.HeadsOfAsync(department, cancellationToken), .. await staff.ReviewersOfAsync(department, cancellationToken)],
            NotificationKind.ComplaintTransferred, complaint.CaseId, caseNumber,
            $"投诉 #{complaint.Id} 转办 {department}{About(caseNumber)}（Complaint #{complaint.Id} transferred to {department}{AboutEnglish(caseNumber)}）",
            $"请于 {Local(complaint.TransferDueAt!.Value)} 前报告办理结果：{complaint.Body}（Report the result by {Local(complaint.TransferDueAt!.Value)}.）",
            complaint.DecidedAt ?? complaint.ReceivedAt);
    }

    /// <summary>The complainant hears the outcome: declined with the reason, or resolved.</summary>
    public IReadOnlyList<Notification> Decided(Complaint complaint, string? caseNumber, DateTimeOffset at)
    {
        var (title, body) = complaint.Status == ComplaintStatus.Declined
            ? ($"您的投诉 #{complaint.Id} 不予受理（Your complaint #{complaint.Id} was declined）", $"理由：{complaint.DeclineReason}（Reason: {complaint.DeclineReason}）")
            : ($"您的投诉 #{complaint.Id} 已办结（Your complaint #{complaint.Id} is resolved）", $"处理结果：{complaint.Outcome}（Outcome: {complaint.Outcome}）");
        return To([complaint.Complainant], NotificationKind.ComplaintDecided, complaint.CaseId, caseNumber, title, body, at);
    }

    // The supervisor who issued the notice; every supervisor for a notice issued before issuers were recorded.
    private async Task<IReadOnlyList<string>> IssuerAsync(CorrectionNotice notice, CancellationToken cancellationToken) =>
        notice.Issuer is { } issuer ? [issuer] : await staff.SupervisorsAsync(cancellationToken);

    private static List<Notification> To(IEnumerable<string> recipients, NotificationKind kind, string? caseId, string? caseNumber, string title, string body, DateTimeOffset at) =>
        [.. recipients.Distinct(StringComparer.Ordinal).Select(r => new Notification(r, kind, caseId, caseNumber, title, body, at))];

    private static (string Chinese, string English) Names(NoticeKind kind) => kind == NoticeKind.SupervisionRecommendation
        ? ("监察建议书", "Supervision recommendation")
        : ("督办通知", "Correction notice");

    private static string About(string? caseNumber) => caseNumber is null ? "" : $"（办件 {caseNumber}）";

    private static string AboutEnglish(string? caseNumber) => caseNumber is null ? "" : $" about case {caseNumber}";

    private string Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, hours.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
