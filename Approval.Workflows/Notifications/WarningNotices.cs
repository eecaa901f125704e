using Approval.Workflows.Cases;
using Approval.Workflows.Supervision;

namespace Approval.Workflows.Notifications;

/// <summary>
/// Who hears of a warning level that rose (issue 4): a task's rise goes to whoever holds it or, unclaimed, to every
/// reviewer of its department, and at red to the department's head(s) as well; the case turning red goes to its lead
/// department's head(s) and every supervisor; a window step's (受理, 办结) goes to the window clerks, and at red
/// (a result not handed out in time) to the lead department's head(s) and every supervisor too. One notification per
/// person per rise.
/// </summary>
public sealed class WarningNotices(IStaffDirectory staff)
{
    public async Task<IReadOnlyList<Notification>> ForAsync(Case @case, IReadOnlyList<WarningRise> rises, CancellationToken cancellationToken = default)
    {
        var notifications = new List<Notification>();
        foreach (var rise in rises)
        {
            var recipients = await RecipientsAsync(rise, cancellationToken);
            var (title, body) = Text(@case, rise);
            notifications.AddRange(recipients.Distinct(StringComparer.Ordinal)
                .Select(r => new Notification(r, NotificationKind.WarningRaised, @case.Id, @case.Number, title, body, rise.At)));
        }
        return notifications;
    }

    private async Task<IReadOnlyList<string>> RecipientsAsync(WarningRise rise, CancellationToken cancellationToken)
    {
        var red = rise.Level == WarningLevel.Red;
        if (rise.SuspensionOverrun)
            return [.. await staff.ReviewersOfAsync(rise.DepartmentCode, cancellationToken), .. await staff.HeadsOfAsync(rise.DepartmentCode, cancellationToken)];
        if (rise.Step is not null)
            return red
                ? [.. await staff.ClerksAsync(cancellationToken), .. await staff.HeadsOfAsync(rise.DepartmentCode, cancellationToken), .. await staff.SupervisorsAsync(cancellationToken)]
                : await staff.ClerksAsync(cancellationToken);
        if (rise.IsCase)
            return red ? [.. await staff.HeadsOfAsync(rise.DepartmentCode, cancellationToken), .. await staff.SupervisorsAsync(cancellationToken)] : [];
        var concerned = rise.Holder is { } holder ? [holder] : await staff.ReviewersOfAsync(rise.DepartmentCode, cancellationToken);
        return red ? [.. concerned, .. await staff.HeadsOfAsync(rise.DepartmentCode, cancellationToken)] : concerned;
    }

    private static (string Title, string Body) Text(Case @case, WarningRise rise)
    {
        var (chinese, english) = Names(rise.Level);
        if (rise.SuspensionOverrun)
            return ($"办件 {@case.Number} 特别程序超出预计时间（Case {@case.Number}: special procedure overrunning）",
                $"办件 {@case.Number}（事项 {@case.ItemCode}）的特别程序已超出告知申请人的预计时间，计时仍暂停：请恢复计时，或将延长情况告知申请人。"
                + $"（The special procedure of case {@case.Number}, item {@case.ItemCode}, has run past the length told to the applicant and its clock is still stopped: resume it, or tell the applicant why it takes longer.）");
        if (rise.Step is { } step)
        {
            var (stepChinese, stepEnglish) = step == WindowStepKind.Acceptance ? ("受理", "acceptance") : ("办结出件", "delivery");
            return ($"办件 {@case.Number} {stepChinese}环节 {chinese}（Case {@case.Number}, {stepEnglish} step: {english}）",
                $"办件 {@case.Number}（事项 {@case.ItemCode}）的{stepChinese}环节{Meaning(rise.Level).Chinese}。"
                + $"（The {stepEnglish} step of case {@case.Number}, item {@case.ItemCode}: {Meaning(rise.Level).English}.）");
        }
        return rise.IsCase
            ? ($"办件 {@case.Number} {chinese}（Case {@case.Number}: {english}）",
               $"办件 {@case.Number}（事项 {@case.ItemCode}，牵头部门 {rise.DepartmentCode}）{Meaning(rise.Level).Chinese}。"
               + $"（Case {@case.Number}, item {@case.ItemCode}, lead department {rise.DepartmentCode}: {Meaning(rise.Level).English}.）")
            : ($"{rise.DepartmentCode} 审查任务 {chinese}：办件 {@case.Number}（{rise.DepartmentCode} review task {english}: case {@case.Number}）",
               $"{rise.DepartmentCode} 对办件 {@case.Number} 的审查任务 {rise.TaskId} {Meaning(rise.Level).Chinese}。"
               + $"（The {rise.DepartmentCode} review task {rise.TaskId} of case {@case.Number}: {Meaning(rise.Level).English}.）");
    }

    private static (string Chinese, string English) Names(WarningLevel level) => level switch
    {
        WarningLevel.Prompt => ("提示", "prompt"),
        WarningLevel.Yellow => ("黄牌预警", "yellow card"),
        WarningLevel.Red => ("红牌超时", "red card, overdue"),
        _ => ("正常", "normal"),
    };

    private static (string Chinese, string English) Meaning(WarningLevel level) => level switch
    {
        WarningLevel.Prompt => ("距黄牌还有一个工作日，请及时办理", "one working day before a yellow card; please act on it"),
        WarningLevel.Yellow => ("已用去大部分办理时限或有环节超时，已亮黄牌", "most of its limit is used or a step is overdue: a yellow card"),
        WarningLevel.Red => ("已超过办理时限，已亮红牌并记录违规", "past its limit: a red card, and a violation is recorded"),
        _ => ("正常", "normal"),
    };
}
