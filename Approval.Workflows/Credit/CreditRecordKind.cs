namespace Approval.Workflows.Credit;

/// <summary>Whether a record speaks for the subject (守信) or against them (失信).</summary>
public enum CreditPolarity
{
    /// <summary>守信: an A-level taxpayer, an award.</summary>
    Good,
    /// <summary>失信: a dishonest-judgment debtor, a serious violation, a penalty, a broken promise.</summary>
    Bad,
}

/// <summary>What a credit record says (domain.md §7), as the provincial credit platforms classify them.</summary>
public enum CreditRecordKind
{
    /// <summary>A级纳税人: the tax bureau's top grade.</summary>
    ATaxpayer,
    /// <summary>表彰奖励: an award or commendation by a government body.</summary>
    Award,
    /// <summary>失信被执行人: a debtor who ignored a court's enforcement order.</summary>
    DishonestJudgmentDebtor,
    /// <summary>严重违法失信名单: on a serious-violation list.</summary>
    SeriousViolation,
    /// <summary>行政处罚: an administrative penalty decision.</summary>
    AdministrativePenalty,
    /// <summary>容缺/告知承诺失信: materials promised at acceptance never came (written by the product itself).</summary>
    BrokenPromise,
}

/// <summary>The standing derived from a subject's records at an instant (<see cref="CreditRules"/>).</summary>
public enum CreditStanding
{
    /// <summary>良好: no bad record counts.</summary>
    Good,
    /// <summary>一般: minor bad records, below the warning threshold.</summary>
    Fair,
    /// <summary>警示: enough bad records to be watched; a process may add a review step.</summary>
    Warned,
    /// <summary>失信: on a dishonesty list, or bad records past the dishonesty threshold.</summary>
    Dishonest,
}

public static class CreditRecordKinds
{
    public static CreditPolarity PolarityOf(this CreditRecordKind kind) =>
        kind is CreditRecordKind.ATaxpayer or CreditRecordKind.Award ? CreditPolarity.Good : CreditPolarity.Bad;
}
