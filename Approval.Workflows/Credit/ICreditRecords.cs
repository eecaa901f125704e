namespace Approval.Workflows.Credit;

/// <summary>The credit-record store (诚信记录信息库): records never deleted, every change kept. EF Core in Approval.Api.</summary>
public interface ICreditRecords
{
    /// <summary>Every record of the subject, revoked and repaired ones too.</summary>
    Task<IReadOnlyList<CreditRecord>> OfSubjectAsync(string subjectId, CancellationToken cancellationToken = default);

    Task<CreditRecord?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The changes of a record, oldest first.</summary>
    Task<IReadOnlyList<CreditRecordChange>> ChangesAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the changes in one transaction: all or none (an import's rows, or one step). A change of a record someone
    /// else changed since it was read (its last change is not <see cref="CreditRecordChange.Before"/>'s) fails with
    /// <see cref="CreditRuleException"/>; an entered record whose id exists fails too.
    /// </summary>
    Task SaveAsync(IReadOnlyList<CreditRecordChange> changes, CancellationToken cancellationToken = default);
}
