using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

/// <summary>Hands out the configured provider's context as the <see cref="ApprovalDbContext"/> the store works with.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> contexts) : IDbContextFactory<ApprovalDbContext>
    where TContext : ApprovalDbContext
{
    public ApprovalDbContext CreateDbContext() => contexts.CreateDbContext();

    public async Task<ApprovalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await contexts.CreateDbContextAsync(cancellationToken);
}
