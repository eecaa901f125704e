using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

/// <summary>Hands out the configured provider's context as the <see cref="WorkflowDbContext"/> the store works with.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> contexts) : IDbContextFactory<WorkflowDbContext>
    where TContext : WorkflowDbContext
{
    public WorkflowDbContext CreateDbContext() => contexts.CreateDbContext();

    public async Task<WorkflowDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await contexts.CreateDbContextAsync(cancellationToken);
}
