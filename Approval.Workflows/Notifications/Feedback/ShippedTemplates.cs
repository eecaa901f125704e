namespace Approval.Workflows.Notifications.Feedback;

/// <summary>
/// The templates the product ships, in 简体中文 and English, for every kind applicants are told of. An administrator's saved
/// template replaces one; deleting it brings this one back.
/// </summary>
public static class ShippedTemplates
{
    private static readonly Dictionary<(NotificationKind, string), NotificationTemplate> All = Build();

    public static NotificationTemplate For(NotificationKind kind, string culture) =>
        All.TryGetValue((kind, culture), out var template) ? template : throw new ArgumentOutOfRangeException(nameof(kind), $"no shipped template for {kind} in {culture}");

    private static Dictionary<(NotificationKind, string), NotificationTemplate> Build()
    {
        var zh = NotificationCultures.Chinese;
        var en = NotificationCultures.English;
        NotificationTemplate[] templates =
        [
            new(NotificationKind.CaseReceived, zh, "您的申请已收到：{itemName}",
                "{applicantName}：您申请的「{itemName}」已于 {receivedAt} 收到，办件编号 {caseNumber}，查询码 {queryCode}（凭编号和查询码可在“办件查询”查看进度）。窗口将于 {answerBy} 前作出受理、补正或不予受理的答复。",
                "【政务服务】您的{itemName}申请已收到，办件编号{caseNumber}，查询码{queryCode}。"),
            new(NotificationKind.CaseReceived, en, "Application received: {itemName}",
                "Dear {applicantName}, your application for \"{itemName}\" was received at {receivedAt}. Case number {caseNumber}, query code {queryCode} (use both to follow it under \"Case status\"). The window will accept it, ask for supplements or refuse it by {answerBy}.",
                "[Gov Services] Application for {itemName} received. Case {caseNumber}, query code {queryCode}."),

            new(NotificationKind.SupplementRequested, zh, "请补正材料：办件 {caseNumber}",
                "{applicantName}：您申请的「{itemName}」（办件编号 {caseNumber}）需补正以下材料（一次告知）：{materials}。请于 {supplementBy} 前提交。{reason}",
                "【政务服务】办件{caseNumber}需补正：{materials}，请于{supplementBy}前提交。"),
            new(NotificationKind.SupplementRequested, en, "Supplements needed: case {caseNumber}",
                "Dear {applicantName}, your application for \"{itemName}\" (case {caseNumber}) needs these materials, all listed at once: {materials}. Please supply them by {supplementBy}. {reason}",
                "[Gov Services] Case {caseNumber} needs: {materials}. Supply by {supplementBy}."),

            new(NotificationKind.CaseAccepted, zh, "已受理：办件 {caseNumber}",
                "{applicantName}：您申请的「{itemName}」（办件编号 {caseNumber}）已于 {acceptedAt} 受理。法定办结期限 {legalDueDate}，承诺办结期限 {promisedDueDate}。",
                "【政务服务】办件{caseNumber}已受理，承诺{promisedDueDate}前办结（法定期限{legalDueDate}）。"),
            new(NotificationKind.CaseAccepted, en, "Accepted: case {caseNumber}",
                "Dear {applicantName}, your application for \"{itemName}\" (case {caseNumber}) was accepted at {acceptedAt}. The legal due date is {legalDueDate}; we promise a decision by {promisedDueDate}.",
                "[Gov Services] Case {caseNumber} accepted. Promised by {promisedDueDate} (legal limit {legalDueDate})."),

            new(NotificationKind.CaseRefused, zh, "不予受理：办件 {caseNumber}",
                "{applicantName}：您申请的「{itemName}」（办件编号 {caseNumber}）不予受理。理由：{reason}。{appealRoute}",
                "【政务服务】办件{caseNumber}不予受理，理由：{reason}。可于60日内申请行政复议或6个月内提起行政诉讼。"),
            new(NotificationKind.CaseRefused, en, "Not accepted: case {caseNumber}",
                "Dear {applicantName}, your application for \"{itemName}\" (case {caseNumber}) was not accepted. Reason: {reason}. {appealRoute}",
                "[Gov Services] Case {caseNumber} not accepted: {reason}. Appeal: reconsideration within 60 days or lawsuit within 6 months."),

            new(NotificationKind.ClockSuspended, zh, "特别程序（暂停计时）：办件 {caseNumber}",
                "{applicantName}：您的办件 {caseNumber}（{itemName}）进入特别程序，办理时限暂停计算。原因：{reason}。预计所需时间：{expectedDays}。特别程序所需时间不计入办理时限。",
                "【政务服务】办件{caseNumber}进入特别程序暂停计时：{reason}，预计{expectedDays}。"),
            new(NotificationKind.ClockSuspended, en, "Special procedure (clock stopped): case {caseNumber}",
                "Dear {applicantName}, case {caseNumber} ({itemName}) is in a special procedure and its clock is stopped. Reason: {reason}. Expected length: {expectedDays}. This time does not count against the limit.",
                "[Gov Services] Case {caseNumber} clock stopped: {reason}; expected {expectedDays}."),

            new(NotificationKind.ClockResumed, zh, "恢复计时：办件 {caseNumber}",
                "{applicantName}：您的办件 {caseNumber}（{itemName}）特别程序已结束，恢复计时，预计办结期限 {dueDate}。",
                "【政务服务】办件{caseNumber}恢复计时，办结期限{dueDate}。"),
            new(NotificationKind.ClockResumed, en, "Clock running again: case {caseNumber}",
                "Dear {applicantName}, the special procedure of case {caseNumber} ({itemName}) has ended and its clock runs again; it is due by {dueDate}.",
                "[Gov Services] Case {caseNumber} clock running again, due {dueDate}."),

            new(NotificationKind.CaseExtended, zh, "延期办理：办件 {caseNumber}",
                "{applicantName}：经负责人批准，您的办件 {caseNumber}（{itemName}）延长 {extensionDays} 个工作日，新的办结期限 {dueDate}。理由：{reason}。",
                "【政务服务】办件{caseNumber}延期{extensionDays}个工作日，新期限{dueDate}。理由：{reason}"),
            new(NotificationKind.CaseExtended, en, "Extended: case {caseNumber}",
                "Dear {applicantName}, with the head's approval case {caseNumber} ({itemName}) is extended by {extensionDays} working days; it is now due by {dueDate}. Reason: {reason}.",
                "[Gov Services] Case {caseNumber} extended {extensionDays} working days, due {dueDate}. Reason: {reason}"),

            new(NotificationKind.CaseDecided, zh, "审批决定：办件 {caseNumber} {verdict}",
                "{applicantName}：您申请的「{itemName}」（办件编号 {caseNumber}）已作出决定：{verdict}。{reason}{appealRoute}",
                "【政务服务】办件{caseNumber}已作出决定：{verdict}。"),
            new(NotificationKind.CaseDecided, en, "Decision on case {caseNumber}: {verdict}",
                "Dear {applicantName}, the decision on your application for \"{itemName}\" (case {caseNumber}): {verdict}. {reason}{appealRoute}",
                "[Gov Services] Case {caseNumber} decided: {verdict}."),

            new(NotificationKind.ResultReady, zh, "请领取办理结果：办件 {caseNumber}",
                "{applicantName}：您的办件 {caseNumber}（{itemName}）的办理结果「{resultName}」已可领取。领取地点及方式：{collectAt}。请于 {collectBy} 前领取。",
                "【政务服务】办件{caseNumber}的{resultName}可领取：{collectAt}，请于{collectBy}前领取。"),
            new(NotificationKind.ResultReady, en, "Ready to collect: case {caseNumber}",
                "Dear {applicantName}, the result of case {caseNumber} ({itemName}), \"{resultName}\", is ready. Where and how to collect it: {collectAt}. Please collect it by {collectBy}.",
                "[Gov Services] {resultName} of case {caseNumber} ready: {collectAt}. Collect by {collectBy}."),

            new(NotificationKind.PromisedMaterialsDueSoon, zh, "容缺材料即将到期：办件 {caseNumber}",
                "{applicantName}：您承诺补交的容缺材料（{materials}）须于 {promisedBy} 下班前交到窗口。逾期未补齐的，办件将终止办理。",
                "【政务服务】办件{caseNumber}容缺材料（{materials}）须于{promisedBy}前补交，逾期将终止办理。"),
            new(NotificationKind.PromisedMaterialsDueSoon, en, "Promised materials due soon: case {caseNumber}",
                "Dear {applicantName}, the materials you promised ({materials}) are due at the window by close of business on {promisedBy}. If they do not come, the case ends.",
                "[Gov Services] Case {caseNumber}: promised {materials} due by {promisedBy}, or the case ends."),

            new(NotificationKind.PromisedMaterialsOverdue, zh, "容缺材料逾期未补齐，办件终止：{caseNumber}",
                "{applicantName}：您承诺于 {promisedBy} 前补交的容缺材料（{materials}）未按期补齐，办件 {caseNumber}（{itemName}）已终止办理。",
                "【政务服务】办件{caseNumber}容缺材料（{materials}）逾期未补齐，已终止办理。"),
            new(NotificationKind.PromisedMaterialsOverdue, en, "Promised materials overdue, case ended: {caseNumber}",
                "Dear {applicantName}, the materials you promised by {promisedBy} ({materials}) did not come; case {caseNumber} ({itemName}) has ended.",
                "[Gov Services] Case {caseNumber} ended: promised {materials} overdue."),

            new(NotificationKind.CaseDelivered, zh, "已办结：办件 {caseNumber}",
                "{applicantName}：您的办件 {caseNumber}（{itemName}）已于 {deliveredAt} 办结，办理结果「{resultName}」已领取。欢迎对本次服务进行评价。",
                "【政务服务】办件{caseNumber}已办结出件，欢迎评价。"),
            new(NotificationKind.CaseDelivered, en, "Completed: case {caseNumber}",
                "Dear {applicantName}, case {caseNumber} ({itemName}) was completed at {deliveredAt} and its result \"{resultName}\" handed out. Please rate our service.",
                "[Gov Services] Case {caseNumber} completed. Please rate our service."),

            new(NotificationKind.CaseWithdrawn, zh, "已撤回：办件 {caseNumber}",
                "{applicantName}：您的办件 {caseNumber}（{itemName}）已按您的申请撤回，办理终结。{reason}",
                "【政务服务】办件{caseNumber}已撤回。"),
            new(NotificationKind.CaseWithdrawn, en, "Withdrawn: case {caseNumber}",
                "Dear {applicantName}, case {caseNumber} ({itemName}) was withdrawn at your request and has ended. {reason}",
                "[Gov Services] Case {caseNumber} withdrawn."),

            new(NotificationKind.CaseTerminated, zh, "办件终止：{caseNumber}",
                "{applicantName}：您的办件 {caseNumber}（{itemName}）已终止办理。理由：{reason}。",
                "【政务服务】办件{caseNumber}已终止办理：{reason}"),
            new(NotificationKind.CaseTerminated, en, "Case ended: {caseNumber}",
                "Dear {applicantName}, case {caseNumber} ({itemName}) has ended without a decision. Reason: {reason}.",
                "[Gov Services] Case {caseNumber} ended: {reason}"),

            new(NotificationKind.DecisionRevoked, zh, "许可决定已撤销：办件 {caseNumber}",
                "{applicantName}：经核查，您在办件 {caseNumber}（{itemName}）中作出的告知承诺与实际情况不符，原许可决定已依法撤销。核查结论：{finding}。{appealRoute}",
                "【政务服务】办件{caseNumber}告知承诺经核查不实，原许可决定已撤销。"),
            new(NotificationKind.DecisionRevoked, en, "Decision revoked: case {caseNumber}",
                "Dear {applicantName}, the check of the commitment you made in case {caseNumber} ({itemName}) found it false, and the decision granted has been revoked. Finding: {finding}. {appealRoute}",
                "[Gov Services] Case {caseNumber}: the commitment was found false and the decision revoked."),
        ];
        return templates.ToDictionary(t => (t.Kind, t.Culture));
    }
}
