using Approval.Api.Endpoints;
using Approval.Workflows.Catalog;
using Approval.Workflows.People;

namespace Approval.Api.Identity;

/// <summary>
/// A reviewer declares their own absence and the colleague who acts on their tasks meanwhile (代理人), or ends it, on the
/// workbench's absence page: the rules are <see cref="StaffAdministration"/>'s, as for <c>PUT /api/me/absence</c>.
/// </summary>
public sealed class AbsenceDesk(EfAbsences absences, StaffAdministration staff)
{
    /// <summary>Sets the absence; answers the field in error and why, or null once it is saved.</summary>
    public async Task<FieldError?> SetAsync(User me, string? substitute, DateTimeOffset? from, DateTimeOffset? until, CancellationToken cancellationToken) =>
        (await staff.SetAbsenceAsync(me.UserName, new AbsenceRequest(substitute, from, until), cancellationToken)).Problem;

    public Task<Absence?> FindAsync(User me, CancellationToken cancellationToken) => absences.FindAsync(me.UserName, cancellationToken);

    public Task ClearAsync(User me, CancellationToken cancellationToken) => absences.ClearAsync(me.UserName, cancellationToken);
}
