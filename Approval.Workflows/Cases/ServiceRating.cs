namespace Approval.Workflows.Cases;

/// <summary>满意度: the applicant's rating of the service, on the five steps of the usual evaluation form (评价器).</summary>
public enum Satisfaction
{
    /// <summary>非常不满意.</summary>
    VeryDissatisfied = 1,
    /// <summary>不满意.</summary>
    Dissatisfied = 2,
    /// <summary>基本满意.</summary>
    Fair = 3,
    /// <summary>满意.</summary>
    Satisfied = 4,
    /// <summary>非常满意.</summary>
    VerySatisfied = 5,
}

/// <summary>The applicant's rating of a delivered or refused case, given once.</summary>
public sealed record ServiceRating(Satisfaction Level, string? Comment, string Applicant, DateTimeOffset At)
{
    /// <summary>The longest comment kept.</summary>
    public const int MaxCommentLength = 500;

    /// <summary>满意 or 非常满意: what the satisfaction rate counts (基本满意 is not satisfied).</summary>
    public bool IsSatisfied => Level >= Satisfaction.Satisfied;
}

public static class SatisfactionNames
{
    /// <summary>The level as the evaluation form says it: 非常满意 … 非常不满意.</summary>
    public static string Chinese(this Satisfaction level) => level switch
    {
        Satisfaction.VerySatisfied => "非常满意",
        Satisfaction.Satisfied => "满意",
        Satisfaction.Fair => "基本满意",
        Satisfaction.Dissatisfied => "不满意",
        _ => "非常不满意",
    };
}
