namespace Approval.Workflows.Notifications.Feedback;

/// <summary>What result feedback tells applicants besides the case itself (<c>Approval:Feedback</c>).</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Approval:Feedback";

    /// <summary>The working days a supplement request gives the applicant (told in the request; the case waits meanwhile).</summary>
    public int SupplementDays { get; set; } = 10;

    /// <summary>Where and how a result is collected, in Chinese.</summary>
    public string CollectAt { get; set; } = "请本人携带身份证件（或授权委托书）到政务服务中心综合出件窗口领取，工作日 9:00–17:30";

    /// <summary>Where and how a result is collected, in English.</summary>
    public string CollectAtEnglish { get; set; } = "at the service center's result window, in person with your ID (or a signed proxy), working days 9:00–17:30";
}
