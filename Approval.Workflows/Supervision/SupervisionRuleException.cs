namespace Approval.Workflows.Supervision;

/// <summary>A notice or complaint step that its lifecycle does not allow now; the message is the rule.</summary>
public sealed class SupervisionRuleException(string message) : Exception(message)
{
    internal static void Require(bool condition, string rule)
    {
        if (!condition)
            throw new SupervisionRuleException(rule);
    }
}
