using Approval.Api.Persistence;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Supervision;

/// <summary>What became of a supervisor's verdict.</summary>
internal enum ReviewOutcome
{
    Reviewed,
    NotFound,
    AlreadyReviewed,
}

/// <summary>
/// Supervisors confirm or dismiss recorded violations: the review columns of the Violations row change, once, and
/// nothing is deleted.
/// </summary>
/// <remarks>
/// The verdict is written to the row only, not to the case document (its JSON, its violations and its timeline):
/// that document belongs to the case's units of work (<see cref="EfCaseSession"/>), which write it whole under its
/// revision together with the workflow instance. Writing it from here would race the departments and the deadline
/// sweep on the same case (a supervisor's review would make their step fail with a conflict), and supervisors change
/// no case. The case session only appends violation rows past those already saved, so it never overwrites a review.
/// </remarks>
internal sealed class ViolationReviews(IDbContextFactory<ApprovalDbContext> contexts)
{
    public async Task<ReviewOutcome> ReviewAsync(long violationId, ViolationVerdict verdict, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = nameof(ViolationReview.Open);
        // One conditional UPDATE: of two supervisors reviewing at once, exactly one changes the row.
        var changed = await db.Violations.Where(v => v.Id == violationId && v.Review == open).ExecuteUpdateAsync(set => set
            .SetProperty(v => v.Review, verdict.Review.ToString())
            .SetProperty(v => v.ReviewedBy, verdict.Reviewer)
            .SetProperty(v => v.ReviewedAt, verdict.At)
            .SetProperty(v => v.ReviewReason, verdict.Reason), cancellationToken);
        if (changed == 1)
            return ReviewOutcome.Reviewed;
        return await db.Violations.AnyAsync(v => v.Id == violationId, cancellationToken) ? ReviewOutcome.AlreadyReviewed : ReviewOutcome.NotFound;
    }
}
