using Approval.Api.Persistence;
using Approval.Workflows.People;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Credit;

/// <summary>
/// Who sees a subject's credit records and standing: the applicant their own; a reviewer (or head) the applicant of an
/// open task they hold; supervisors and administrators everyone's; nobody else any (their answer is 404, as if there
/// were none, so an ID cannot be probed).
/// </summary>
public sealed class CreditVisibility(IDbContextFactory<ApprovalDbContext> contexts)
{
    public async Task<bool> MaySeeAsync(User user, string subjectId, CancellationToken cancellationToken)
    {
        switch (user.Role)
        {
            case Role.Supervisor or Role.Administrator:
                return true;
            case Role.Applicant:
                return string.Equals(user.ApplicantIdNumber, subjectId, StringComparison.OrdinalIgnoreCase);
            case Role.DepartmentReviewer or Role.DepartmentHead:
                await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
                {
                    var open = Approval.Workflows.Cases.TaskStatus.Open.ToString();
                    return await (from task in db.CaseTasks
                                  join @case in db.Cases on task.CaseId equals @case.Id
                                  where task.ClaimedBy == user.UserName && task.Status == open && @case.ApplicantIdNumber == subjectId
                                  select task.Id).AnyAsync(cancellationToken);
                }
            default:
                return false;
        }
    }
}
