using Approval.Workflows.Cases;

namespace Approval.Workflows.Seal;

/// <summary>
/// Seals a decided case's documents (the decision, and the licence when granted) once the decision is saved. Without it
/// (a generated history) no document is made; one asked for later is sealed then.
/// </summary>
public interface IDecisionSeal
{
    Task SealAsync(Case decided, CancellationToken cancellationToken = default);
}
