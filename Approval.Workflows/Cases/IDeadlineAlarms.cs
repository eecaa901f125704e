namespace Approval.Workflows.Cases;

/// <summary>
/// Asks to be woken when a case's next deadline comes (acceptance window, warning threshold). The database stays
/// the source of truth: a lost alarm is caught by the recurring sweep, a repeated one finds nothing to do.
/// </summary>
public interface IDeadlineAlarms
{
    void Arm(string caseId, DateTimeOffset at);
}
