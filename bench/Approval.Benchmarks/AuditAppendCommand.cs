using System.Diagnostics;
using System.Globalization;
using Approval.Api.Audit;
using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Benchmarks;

/// <summary>
/// The <c>audit-append</c> command: what one entry of the audit chain costs a save, alone — N appends one after another,
/// each in a transaction of its own (take the head row's lock, hash, insert, move the head, commit): the upper bound of
/// what the chain adds to a case step. On SQLite (a fresh file) by default, or a fresh PostgreSQL database.
/// </summary>
internal static class AuditAppendCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var appends = 200;
        var runs = 3;
        string? postgres = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--appends": appends = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = args[i + 1]; break;
                default: throw new ArgumentException($"unknown option {args[i]} (use --appends, --runs, --postgres)");
            }
        }
        await using var database = await BenchDatabase.CreateAsync(postgres, "audit");
        var services = new ServiceCollection().AddApprovalPersistence(new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build())
            .AddSingleton(TimeProvider.System).BuildServiceProvider();
        try
        {
            await services.MigrateApprovalDatabaseAsync();
            var chain = services.GetRequiredService<AuditChain>();
            var contexts = services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>();
            Console.WriteLine(Machine.Describe());
            Console.WriteLine($"Audit append on {database.Describe}: {appends} appends a run, {runs} runs after a warm-up of 20.");
            await AppendAsync(chain, contexts, "warm", 20);
            var medians = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                var milliseconds = await AppendAsync(chain, contexts, $"r{run}", appends);
                milliseconds.Sort();
                medians.Add(ResultTable.Median(milliseconds));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}: min {milliseconds[0]:N2} ms, median {ResultTable.Median(milliseconds):N2} ms, p95 {milliseconds[(int)(milliseconds.Count * 0.95)]:N2} ms, max {milliseconds[^1]:N2} ms"));
            }
            await using (var db = await contexts.CreateDbContextAsync())
            {
                // A fast append that lost entries is no figure: the chain holds every one, numbered without a gap.
                var (count, last) = (await db.AuditEntries.LongCountAsync(), await db.AuditEntries.MaxAsync(e => e.Sequence));
                if (count != 20 + (long)appends * runs || last != count)
                    throw new InvalidOperationException($"the chain holds {count} entries up to {last}, not {20 + appends * runs}");
            }
            medians.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median ms per append over the runs: min {medians[0]:N2}, median {ResultTable.Median(medians):N2}, max {medians[^1]:N2}"));
            return 0;
        }
        finally
        {
            await services.DisposeAsync();
        }
    }

    private static async Task<List<double>> AppendAsync(AuditChain chain, IDbContextFactory<ApprovalDbContext> contexts, string run, int count)
    {
        var milliseconds = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var watch = Stopwatch.StartNew();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await chain.AppendAsync(db, [new AuditChange("bench", "Bench", $"{run}-{i}", "{\"after\":{}}")], CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            milliseconds.Add(watch.Elapsed.TotalMilliseconds);
        }
        return milliseconds;
    }
}
