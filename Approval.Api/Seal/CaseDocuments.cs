using Approval.Workflows.Cases;

namespace Approval.Api.Seal;

/// <summary>The sealed documents of a case as the pages list them (the API's <c>GET /api/cases/{id}/documents</c>).</summary>
public sealed class CaseDocuments
{
    private readonly DecisionSeal _seal;

    internal CaseDocuments(DecisionSeal seal) => _seal = seal;

    /// <summary>The documents of the case's decision, sealed now if they were not yet; none before a decision (nor while they cannot be sealed: the page still shows).</summary>
    public async Task<IReadOnlyList<SealedDocumentView>> OfAsync(Case @case, CancellationToken cancellationToken = default) =>
        [.. (await _seal.TryEnsureAsync(@case, cancellationToken)).Select(SealedDocumentView.For)];
}
