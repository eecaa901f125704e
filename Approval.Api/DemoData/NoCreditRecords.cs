using Approval.Workflows.Credit;

namespace Approval.Api.DemoData;

/// <summary>
/// The credit store of a generated history: empty, so every simulated applicant is in good standing (良好) and a
/// promise they break in the past writes nothing (<see cref="HistorySession.RecordCredit"/>). The demo's applicants in
/// each standing are the live demo data's (<c>DemoCreditRecords</c>), not the generator's.
/// </summary>
internal sealed class NoCreditRecords : ICreditRecords
{
    public Task<IReadOnlyList<CreditRecord>> OfSubjectAsync(string subjectId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CreditRecord>>([]);

    public Task<CreditRecord?> FindAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult<CreditRecord?>(null);

    public Task<IReadOnlyList<CreditRecordChange>> ChangesAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CreditRecordChange>>([]);

    public Task SaveAsync(IReadOnlyList<CreditRecordChange> changes, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("A generated history writes no credit records.");
}
