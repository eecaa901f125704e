using Approval.Workflows.Catalog;
using Approval.Workflows.People;

namespace Approval.Api.Identity;

/// <summary>
/// A reviewer declares their own absence and the colleague who acts on their tasks meanwhile (代理人), or ends it: the
/// same rules for <c>PUT /api/me/absence</c> and the workbench's absence page.
/// </summary>
public sealed class AbsenceDesk(EfAbsences absences, DepartmentColleagues colleagues)
{
    /// <summary>Sets the absence; answers the field in error and why, or null once it is saved.</summary>
    public async Task<FieldError?> SetAsync(User me, string? substitute, DateTimeOffset? from, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(substitute))
            return new FieldError("substitute", "name the colleague who acts meanwhile");
        var colleague = await colleagues.FindAsync(me, substitute, cancellationToken);
        if (colleague is null || colleague.UserName == me.UserName)
            return new FieldError("substitute", $"'{substitute}' is not another reviewer of {me.DepartmentCode}");
        if (from is not { } start || until is not { } end || end <= start)
            return new FieldError("until", "give from and until, until after from");
        await absences.SetAsync(new Absence(me.UserName, colleague.UserName, start, end), cancellationToken);
        return null;
    }

    public Task<Absence?> FindAsync(User me, CancellationToken cancellationToken) => absences.FindAsync(me.UserName, cancellationToken);

    public Task ClearAsync(User me, CancellationToken cancellationToken) => absences.ClearAsync(me.UserName, cancellationToken);
}
