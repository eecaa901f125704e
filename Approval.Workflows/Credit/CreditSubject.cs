using System.Diagnostics.CodeAnalysis;
using Approval.Workflows.Applicants;
using Approval.Workflows.Cases;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Credit;

/// <summary>Whom a credit record is about: a citizen by resident ID or an organisation by unified social credit code, check characters verified.</summary>
public sealed record CreditSubject(string Id, ApplicantKind Kind)
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out CreditSubject? subject, out Refusal? reason)
    {
        subject = null;
        if (ResidentIdNumber.TryParse(text, out var resident, out var residentReason))
        {
            subject = new CreditSubject(resident.Value, ApplicantKind.Person);
            reason = null;
            return true;
        }
        if (UnifiedSocialCreditCode.TryParse(text, out var code, out var codeReason))
        {
            subject = new CreditSubject(code.Value, ApplicantKind.Organisation);
            reason = null;
            return true;
        }
        // A text of digits (an X last) was meant as a resident ID; anything else as a credit code.
        var value = text?.Trim().ToUpperInvariant() ?? "";
        var looksResident = value.Length > 0 && value[..^1].All(char.IsAsciiDigit) && (char.IsAsciiDigit(value[^1]) || value[^1] == 'X');
        reason = looksResident ? residentReason : codeReason;
        return false;
    }

    public override string ToString() => Id;
}
