using System.Text.RegularExpressions;

namespace Approval.Workflows.Notifications.Feedback;

/// <summary>
/// How one applicant's account hears of their cases: always the in-app inbox; an e-mail copy and/or an SMS to a mainland
/// mobile number as they chose; in their language.
/// </summary>
public sealed record ApplicantContact(string UserName, string Culture, bool ByEmail, string? SmsPhone)
{
    /// <summary>The recipient of a walk-in applicant's notifications: no account reads them; their SMS copies are what they hear.</summary>
    public static string WalkInRecipient(string caseNumber) => "walk-in:" + caseNumber;

    /// <summary>
    /// An applicant without an account (registered at the window, 窗口收件) has only the phone on their application: SMS to it
    /// when it is a mainland mobile number, in Chinese; null when there is none, so they are told nothing.
    /// </summary>
    public static ApplicantContact? WalkIn(Cases.Case @case) =>
        MainlandMobile.Normalize(@case.Applicant.Phone) is { } phone ? new ApplicantContact(WalkInRecipient(@case.Number), NotificationCultures.Chinese, ByEmail: false, phone) : null;
}

/// <summary>The accounts of an applicant (by resident ID or credit code) with their preferred channels.</summary>
public interface IApplicantContacts
{
    Task<IReadOnlyList<ApplicantContact>> OfApplicantAsync(string idNumber, CancellationToken cancellationToken = default);
}

/// <summary>A mainland China mobile number (中国大陆手机号): 11 digits from 13–19, with or without +86.</summary>
public static partial class MainlandMobile
{
    /// <summary>The 11 digits, or null when it is not a mainland mobile number.</summary>
    public static string? Normalize(string? phone)
    {
        if (phone is null)
            return null;
        var digits = phone.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.StartsWith("+86", StringComparison.Ordinal))
            digits = digits[3..];
        return Pattern().IsMatch(digits) ? digits : null;
    }

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Pattern();
}
