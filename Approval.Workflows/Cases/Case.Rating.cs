using Approval.Workflows.Refusals;

namespace Approval.Workflows.Cases;

public sealed partial class Case
{
    /// <summary>The applicant's rating of the service (满意度); null until rated.</summary>
    public ServiceRating? Rating { get; private set; }

    /// <summary>
    /// 满意度评价: the applicant rates the service once the case is over for them — delivered (办结) or refused at the
    /// window (不予受理) — and only once, so a rating cannot be traded for another.
    /// </summary>
    public void Rate(string applicant, Satisfaction level, string? comment, CaseClock clock)
    {
        Require(Enum.IsDefined(level), Refusal.Of(RefusalCode.RatingOneToFive, $"a rating is 1 (非常不满意) to 5 (非常满意)"));
        Require(Rating is null, Refusal.Of(RefusalCode.RatedOnce, $"the case has already been rated; a rating is given once"));
        Require(Status is CaseStatus.Delivered or CaseStatus.Refused, Refusal.Of(RefusalCode.RateOnlyDeliveredOrRefused, $"a case is rated once its result is delivered or it is refused"));
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        Require(trimmed is null || trimmed.Length <= ServiceRating.MaxCommentLength, Refusal.Of(RefusalCode.RatingCommentTooLong, $"a comment is at most {ServiceRating.MaxCommentLength} characters"));
        Rating = new ServiceRating(level, trimmed, applicant, clock.Now);
        Record(clock.Now, applicant, CaseAction.Rated, trimmed, $"{(int)level} {level.Chinese()}");
    }
}
