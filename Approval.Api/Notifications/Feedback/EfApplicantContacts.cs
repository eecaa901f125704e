using Approval.Api.Persistence;
using Approval.Workflows.Notifications.Feedback;
using Approval.Workflows.People;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Notifications.Feedback;

/// <summary>
/// An applicant's accounts (Users with the applicant's resident ID or credit code) and how each wants to hear of their cases
/// (ContactPreferences). Without saved preferences: the inbox, an e-mail copy when the account has an address, in Chinese.
/// </summary>
internal sealed class EfApplicantContacts(IDbContextFactory<ApprovalDbContext> contexts) : IApplicantContacts
{
    public async Task<IReadOnlyList<ApplicantContact>> OfApplicantAsync(string idNumber, CancellationToken cancellationToken = default)
    {
        // Check characters may be an X typed either way; the rest are digits and capitals.
        string[] spellings = [idNumber, idNumber.ToUpperInvariant(), idNumber.ToLowerInvariant()];
        var role = nameof(Role.Applicant);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var accounts = await db.Users.Where(u => u.Role == role && u.ApplicantIdNumber != null && spellings.Contains(u.ApplicantIdNumber))
            .OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync(cancellationToken);
        if (accounts.Count == 0)
            return [];
        var preferences = await db.ContactPreferences.Where(p => accounts.Contains(p.UserName)).ToDictionaryAsync(p => p.UserName, cancellationToken);
        return [.. accounts.Select(name => preferences.TryGetValue(name, out var p)
            ? new ApplicantContact(name, p.Culture, p.ByEmail, p.BySms ? p.Phone : null)
            : new ApplicantContact(name, NotificationCultures.Chinese, ByEmail: true, SmsPhone: null))];
    }
}
