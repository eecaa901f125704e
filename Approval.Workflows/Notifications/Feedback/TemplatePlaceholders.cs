using System.Text.RegularExpressions;

namespace Approval.Workflows.Notifications.Feedback;

/// <summary>
/// The values a template of each kind may name as <c>{placeholder}</c>, how a saved template is checked (an unknown name is
/// refused, with the field it is in) and how a template is filled. Every kind knows the case's number, query code, item and
/// applicant; the rest are the step's own.
/// </summary>
public static partial class TemplatePlaceholders
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 2000;
    public const int MaxSmsLength = 500;

    private static readonly string[] Common = ["caseNumber", "queryCode", "itemName", "applicantName"];

    private static readonly Dictionary<NotificationKind, string[]> Own = new()
    {
        [NotificationKind.CaseReceived] = ["receivedAt", "answerBy"],
        [NotificationKind.SupplementRequested] = ["materials", "supplementBy", "reason"],
        [NotificationKind.CaseAccepted] = ["acceptedAt", "legalDueDate", "promisedDueDate"],
        [NotificationKind.CaseRefused] = ["reason", "appealRoute"],
        [NotificationKind.ClockSuspended] = ["reason", "expectedDays"],
        [NotificationKind.ClockResumed] = ["dueDate"],
        [NotificationKind.CaseExtended] = ["reason", "extensionDays", "dueDate"],
        [NotificationKind.CaseDecided] = ["verdict", "reason", "appealRoute"],
        [NotificationKind.ResultReady] = ["resultName", "collectAt", "collectBy"],
        [NotificationKind.PromisedMaterialsDueSoon] = ["materials", "promisedBy"],
        [NotificationKind.PromisedMaterialsOverdue] = ["materials", "promisedBy"],
        [NotificationKind.CaseDelivered] = ["deliveredAt", "resultName"],
        [NotificationKind.CaseWithdrawn] = ["reason"],
        [NotificationKind.CaseTerminated] = ["reason"],
        [NotificationKind.DecisionRevoked] = ["finding", "appealRoute"],
    };

    /// <summary>The kinds applicants are told of, in the order of a case's life.</summary>
    public static IReadOnlyList<NotificationKind> Kinds { get; } = [.. Own.Keys];

    public static bool IsApplicantKind(NotificationKind kind) => Own.ContainsKey(kind);

    /// <summary>The names a template of the kind may use.</summary>
    public static IReadOnlyList<string> Of(NotificationKind kind) => [.. Common, .. Own[kind]];

    /// <summary>What is wrong with a template, by field (<c>title</c>, <c>body</c>, <c>sms</c>); empty when it may be saved.</summary>
    public static IReadOnlyList<(string Field, string Reason)> Check(NotificationKind kind, string? title, string? body, string? sms)
    {
        var errors = new List<(string, string)>();
        var allowed = Of(kind);
        foreach (var (field, text, max) in new[] { ("title", title, MaxTitleLength), ("body", body, MaxBodyLength), ("sms", sms, MaxSmsLength) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add((field, "is required"));
                continue;
            }
            if (text.Length > max)
                errors.Add((field, $"is at most {max} characters"));
            var unknown = Names(text).Where(n => !allowed.Contains(n, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
                errors.Add((field, $"unknown placeholder {string.Join(", ", unknown.Select(u => "{" + u + "}"))}; a {kind} template may use {string.Join(", ", allowed.Select(a => "{" + a + "}"))}"));
        }
        return errors;
    }

    /// <summary>The text with each placeholder replaced by its value (an unknown or missing one by nothing).</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.GetValueOrDefault(m.Groups[1].Value, ""));

    private static IEnumerable<string> Names(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
