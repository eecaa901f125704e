using System.Globalization;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;

namespace Approval.Workflows.Notifications.Feedback;

/// <summary>
/// Result feedback (结果反馈): what the applicant is told of the steps of their case. The lines a step added to the case's
/// timeline say what happened; each line that concerns the applicant becomes one notification per account of theirs,
/// from the kind's template in their language, keyed by the line (<see cref="Notification.EventKey"/>) so that one event
/// is never told twice. The rows are saved by the step's own commit. An applicant with no account (a walk-in at the window)
/// is told by SMS to the mobile number on the application, in Chinese.
/// </summary>
public sealed class ApplicantNotices(IApplicantContacts contacts, INotificationTemplates templates, CaseClock clock, FeedbackOptions options)
{
    /// <summary>The notifications of the case's timeline lines from <paramref name="fromLine"/> on.</summary>
    public async Task<IReadOnlyList<Notification>> ForLinesAsync(Case @case, ApprovalItem item, int fromLine, CancellationToken cancellationToken = default)
    {
        var told = new List<(int Line, NotificationKind Kind, CaseEvent Event)>();
        for (var line = fromLine; line < @case.Timeline.Count; line++)
            told.AddRange(KindsOf(@case, @case.Timeline[line]).Select(kind => (line, kind, @case.Timeline[line])));
        if (told.Count == 0)
            return [];
        var people = await contacts.OfApplicantAsync(@case.Applicant.IdNumber, cancellationToken);
        if (people.Count == 0 && ApplicantContact.WalkIn(@case) is { } walkIn)
            people = [walkIn];
        var notifications = new List<Notification>();
        foreach (var person in people)
        {
            foreach (var (line, kind, @event) in told)
            {
                var template = await templates.FindAsync(kind, person.Culture, cancellationToken);
                var values = new FeedbackValues(@case, item, @event, clock, options, NotificationCultures.IsEnglish(person.Culture)).For(kind);
                notifications.Add(new Notification(person.UserName, kind, @case.Id, @case.Number,
                    TemplatePlaceholders.Fill(template.Title, values), TemplatePlaceholders.Fill(template.Body, values), @event.At)
                {
                    EventKey = $"{@case.Id}:{line}:{kind}",
                    ByEmail = person.ByEmail,
                    Sms = person.SmsPhone is { } phone ? new SmsCopy(phone, TemplatePlaceholders.Fill(template.Sms, values)) : null,
                });
            }
        }
        return notifications;
    }

    // What a timeline line tells the applicant; most lines (tasks, opinions, warnings) are the administration's own business.
    private static IEnumerable<NotificationKind> KindsOf(Case @case, CaseEvent line)
    {
        switch (line.Action)
        {
            case CaseAction.Submitted:
                yield return NotificationKind.CaseReceived;
                break;
            case CaseAction.SupplementRequested:
                yield return NotificationKind.SupplementRequested;
                break;
            case CaseAction.Accepted or CaseAction.DeemedAccepted:
                yield return NotificationKind.CaseAccepted;
                break;
            case CaseAction.Refused:
                yield return NotificationKind.CaseRefused;
                break;
            case CaseAction.ClockSuspended:
                yield return NotificationKind.ClockSuspended;
                break;
            case CaseAction.ClockResumed:
                yield return NotificationKind.ClockResumed;
                break;
            case CaseAction.Extended:
                yield return NotificationKind.CaseExtended;
                break;
            // 退回补正 is told by the supplement request line that follows it.
            case CaseAction.Decided when line.Detail != nameof(Verdict.ReturnForSupplement):
                yield return NotificationKind.CaseDecided;
                // With 容缺 materials still owed the result waits for them (容缺后补).
                if (@case.Status == CaseStatus.Decided && @case.Promise is null)
                    yield return NotificationKind.ResultReady;
                break;
            // The last promised materials of a decided case (only those can be received once it is decided): its result can be collected now.
            case CaseAction.Supplemented when @case.Status == CaseStatus.Decided && @case.Promise is null:
                yield return NotificationKind.ResultReady;
                break;
            case CaseAction.PromiseReminded:
                yield return NotificationKind.PromisedMaterialsDueSoon;
                break;
            case CaseAction.Terminated:
                yield return @case.Promise is not null && line.Actor == "system" ? NotificationKind.PromisedMaterialsOverdue : NotificationKind.CaseTerminated;
                break;
            case CaseAction.Delivered:
                yield return NotificationKind.CaseDelivered;
                break;
            case CaseAction.Withdrawn:
                yield return NotificationKind.CaseWithdrawn;
                break;
            case CaseAction.DecisionRevoked:
                yield return NotificationKind.DecisionRevoked;
                break;
        }
    }
}

/// <summary>The values a line's templates are filled with, in the reader's language: dates in Beijing time.</summary>
internal sealed class FeedbackValues(Case @case, ApprovalItem item, CaseEvent line, CaseClock clock, FeedbackOptions options, bool english)
{
    private const string AppealChinese = "如不服本决定，可在收到本决定之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。";
    private const string AppealEnglish = "If you disagree, you may apply for administrative reconsideration (行政复议) within 60 days of receiving this decision, or bring an administrative lawsuit (行政诉讼) within 6 months.";

    public Dictionary<string, string> For(NotificationKind kind)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["caseNumber"] = @case.Number,
            ["queryCode"] = @case.QueryCode,
            ["itemName"] = item.Name,
            ["applicantName"] = @case.Applicant.Name,
        };
        foreach (var (name, value) in Own(kind))
            values[name] = value;
        return values;
    }

    private IEnumerable<(string, string)> Own(NotificationKind kind)
    {
        switch (kind)
        {
            case NotificationKind.CaseReceived:
                yield return ("receivedAt", Instant(line.At));
                yield return ("answerBy", Instant(clock.AcceptanceDeadline(line.At)));
                break;
            case NotificationKind.SupplementRequested:
                var request = @case.SupplementRequests.Count > 0 ? @case.SupplementRequests[^1] : null;
                yield return ("materials", string.Join(english ? "; " : "；", request?.MissingMaterials ?? [line.Detail ?? ""]));
                yield return ("supplementBy", Date(clock.Due.Calendar.AddWorkingDays(clock.Due.Hours.DateOf(line.At), options.SupplementDays)));
                yield return ("reason", line.Reason is null ? "" : english ? "(Returned during review.)" : "（审查中退回补正）");
                break;
            case NotificationKind.CaseAccepted:
                var accepted = @case.AcceptedAt ?? line.At;
                yield return ("acceptedAt", Instant(accepted));
                yield return ("legalDueDate", DueDate(clock.Due.DueAt(accepted, item.StatutoryLimitDays + @case.ExtensionDays, @case.Suspensions)));
                yield return ("promisedDueDate", DueDate(@case.DueAt));
                break;
            case NotificationKind.CaseRefused:
                yield return ("reason", line.Reason ?? "");
                yield return ("appealRoute", english ? AppealEnglish : AppealChinese);
                break;
            case NotificationKind.ClockSuspended:
                yield return ("reason", line.Reason ?? "");
                yield return ("expectedDays", @case.ExpectedSuspension is { } expected
                    ? english ? $"{expected.ExpectedDays} working days" : $"{expected.ExpectedDays} 个工作日"
                    : english ? "to be told" : "另行告知");
                break;
            case NotificationKind.ClockResumed:
                yield return ("dueDate", DueDate(@case.DueAt));
                break;
            case NotificationKind.CaseExtended:
                yield return ("reason", line.Reason ?? "");
                yield return ("extensionDays", @case.ExtensionDays.ToString(CultureInfo.InvariantCulture));
                yield return ("dueDate", DueDate(@case.DueAt));
                break;
            case NotificationKind.CaseDecided:
                var decision = @case.Decision;
                var refused = decision?.Verdict == Verdict.Refuse;
                yield return ("verdict", VerdictText(decision?.Verdict));
                var reasons = decision is null ? [] : decision.Reasons.Where(r => r.Verdict != Verdict.Approve && r.Reason is not null).Select(r => r.Reason!)
                    .Prepend(decision.Reason).Where(r => !string.IsNullOrWhiteSpace(r)).Distinct().ToList();
                yield return ("reason", reasons.Count == 0 ? "" : (english ? "Reasons: " : "理由：") + string.Join(english ? "; " : "；", reasons) + (english ? ". " : "。"));
                yield return ("appealRoute", refused ? english ? AppealEnglish : AppealChinese : "");
                break;
            case NotificationKind.ResultReady:
                yield return ("resultName", item.Result.Name);
                yield return ("collectAt", english ? options.CollectAtEnglish : options.CollectAt);
                yield return ("collectBy", DueDate(clock.Due.DueAt(@case.Decision?.At ?? line.At, clock.Rules.DeliveryDays)));
                break;
            case NotificationKind.PromisedMaterialsDueSoon or NotificationKind.PromisedMaterialsOverdue:
                yield return ("materials", string.Join(english ? ", " : "、", (@case.Promise?.MaterialCodes ?? []).Select(c => item.Materials.FirstOrDefault(m => m.Code == c)?.Name ?? c)));
                yield return ("promisedBy", @case.Promise is { } promise ? Date(promise.PromisedBy) : "");
                break;
            case NotificationKind.CaseDelivered:
                yield return ("deliveredAt", Instant(line.At));
                yield return ("resultName", item.Result.Name);
                break;
            case NotificationKind.CaseWithdrawn or NotificationKind.CaseTerminated:
                yield return ("reason", line.Reason ?? "");
                break;
            // Revoking a grant is an administrative act of its own: the applicant is told the finding and how to appeal it.
            case NotificationKind.DecisionRevoked:
                yield return ("finding", line.Detail ?? "");
                yield return ("appealRoute", english ? AppealEnglish : AppealChinese);
                break;
        }
    }

    private string VerdictText(Verdict? verdict) => (verdict, english) switch
    {
        (Verdict.Approve, false) => "准予许可",
        (Verdict.Approve, true) => "approved",
        (Verdict.ApproveWithConditions, false) => "附条件准予许可",
        (Verdict.ApproveWithConditions, true) => "approved with conditions",
        (Verdict.Refuse, false) => "不予许可",
        (Verdict.Refuse, true) => "refused",
        _ => "",
    };

    private string Instant(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, clock.Due.Hours.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string DueDate(DateTimeOffset? due) => due is { } at ? Date(clock.Due.Hours.DateOf(at)) : english ? "to be told" : "另行告知";
}
