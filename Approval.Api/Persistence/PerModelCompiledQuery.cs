using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Approval.Api.Persistence;

/// <summary>
/// An EF Core compiled query (<see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(Expression{Func{TContext, TParam1, CancellationToken, TResult}})"/>)
/// compiled once for each model it meets. A compiled query serves only the model it first ran with, and one process may
/// hold contexts of several providers (the tests run SQLite and PostgreSQL side by side); the application itself has one.
/// For a hot read of fixed shape: it skips EF Core's per-execution query cache lookup (hashing the expression tree).
/// </summary>
internal sealed class PerModelCompiledQuery<TArgument, TResult>(Expression<Func<ApprovalDbContext, TArgument, CancellationToken, TResult>> query)
{
    private readonly ConcurrentDictionary<IModel, Func<ApprovalDbContext, TArgument, CancellationToken, Task<TResult>>> _compiled = new();

    public Task<TResult> RunAsync(ApprovalDbContext db, TArgument argument, CancellationToken cancellationToken) =>
        _compiled.GetOrAdd(db.Model, static (_, query) => EF.CompileAsyncQuery(query), query)(db, argument, cancellationToken);
}
