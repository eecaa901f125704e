using Approval.Api.Contract;
using System.Net.Mail;
using Approval.Api.Persistence;
using Approval.Workflows.Notifications.Feedback;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Notifications.Feedback;

/// <summary>
/// How the caller hears of their cases: the inbox always; <c>byEmail</c> (to <c>email</c>) and/or <c>bySms</c> (to <c>phone</c>,
/// a mainland mobile number); <c>language</c> <c>zh-CN</c> (default) or <c>en</c>.
/// </summary>
public sealed record ContactProfile(string UserName, string? Email, string? Phone, bool ByInbox, bool ByEmail, bool BySms, string Language);

/// <summary>A change of the caller's profile; a field left out keeps its value.</summary>
public sealed record ContactProfileInput(string? Email, string? Phone, bool? ByEmail, bool? BySms, string? Language);

/// <summary>The applicant's contact profile: the e-mail address is the account's (Users.Email), the rest ContactPreferences.</summary>
internal sealed class ContactProfiles(IDbContextFactory<ApprovalDbContext> contexts, TimeProvider time)
{
    public async Task<ContactProfile> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var email = await db.Users.Where(u => u.UserName == userName).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        var saved = await db.ContactPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserName == userName, cancellationToken);
        return saved is null
            ? new ContactProfile(userName, email, null, true, true, false, NotificationCultures.Chinese)
            : new ContactProfile(userName, email, saved.Phone, true, saved.ByEmail, saved.BySms, saved.Culture);
    }

    /// <summary>Every field that is wrong in the change applied to <paramref name="current"/>, and why; empty when it may be saved.</summary>
    public static (ContactProfile Profile, IReadOnlyList<(string Field, ProblemText Reason)> Errors) Apply(ContactProfile current, ContactProfileInput input)
    {
        var errors = new List<(string, ProblemText)>();
        var email = input.Email is null ? current.Email : input.Email.Trim() is { Length: > 0 } given ? given : null;
        if (input.Email is { Length: > 0 } && (email is null || email.Length > 256 || !MailAddress.TryCreate(email, out var address) || address.Address != email))
            errors.Add(("email", ApiReasons.EmailAddressForm));
        var phone = current.Phone;
        if (input.Phone is not null)
        {
            phone = input.Phone.Trim().Length == 0 ? null : MainlandMobile.Normalize(input.Phone);
            if (input.Phone.Trim().Length > 0 && phone is null)
                errors.Add(("phone", ApiReasons.MobileNumberForm));
        }
        var language = input.Language is null ? current.Language : NotificationCultures.Normalize(input.Language);
        if (language is null)
            errors.Add(("language", ApiReasons.OneOf(string.Join(", ", NotificationCultures.All))));
        var byEmail = input.ByEmail ?? current.ByEmail;
        var bySms = input.BySms ?? current.BySms;
        if (bySms && phone is null && !errors.Any(e => e.Item1 == "phone"))
            errors.Add(("phone", ApiReasons.PhoneForSms));
        if (byEmail && input.ByEmail == true && email is null && !errors.Any(e => e.Item1 == "email"))
            errors.Add(("email", ApiReasons.EmailForEmail));
        return (new ContactProfile(current.UserName, email, phone, true, byEmail, bySms, language ?? current.Language), errors);
    }

    public async Task<ContactProfile> SaveAsync(ContactProfile profile, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Users.Where(u => u.UserName == profile.UserName).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, profile.Email), cancellationToken);
        var row = await db.ContactPreferences.AsTracking().SingleOrDefaultAsync(p => p.UserName == profile.UserName, cancellationToken);
        if (row is null)
        {
            row = new ContactPreferenceRecord { UserName = profile.UserName, Culture = profile.Language };
            db.ContactPreferences.Add(row);
        }
        (row.ByEmail, row.BySms, row.Phone, row.Culture, row.UpdatedAt) = (profile.ByEmail, profile.BySms, profile.Phone, profile.Language, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return profile;
    }
}
