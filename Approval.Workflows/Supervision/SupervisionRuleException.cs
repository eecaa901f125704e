using Approval.Workflows.Refusals;

namespace Approval.Workflows.Supervision;

/// <summary>A notice or complaint step that its lifecycle does not allow now; the refusal is the rule.</summary>
public sealed class SupervisionRuleException(Refusal refusal) : Exception(refusal.Text), IRefused
{
    public Refusal Refusal { get; } = refusal;

    internal static void Require(bool condition, Refusal rule)
    {
        if (!condition)
            throw new SupervisionRuleException(rule);
    }
}
