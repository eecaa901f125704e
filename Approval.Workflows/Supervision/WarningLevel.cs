namespace Approval.Workflows.Supervision;

/// <summary>How close a clock is to its limit (domain.md §6), from normal to overdue; a later value is more severe.</summary>
public enum WarningLevel
{
    /// <summary>正常: nothing to say yet.</summary>
    Green = 0,
    /// <summary>提示: a card is one working day away.</summary>
    Prompt = 1,
    /// <summary>黄牌预警: 90% of the limit is used, or one of the clock's steps is overdue.</summary>
    Yellow = 2,
    /// <summary>红牌 (超时): past the limit.</summary>
    Red = 3,
}
