using System.Diagnostics;
using System.Globalization;
using Approval.Api.Identity;
using Approval.Api.Persistence;
using Approval.Workflows.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Benchmarks;

/// <summary>
/// The <c>stamp</c> command: what the security-stamp check adds to each signed-in request — one primary-key read of the
/// user's stamp (<see cref="EfUserStore.FindSecurityStampAsync"/>), as <see cref="SecurityStampCheck"/> does, over a
/// Users table of 1,000 accounts, one caller after another.
/// </summary>
internal static class StampCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var reads = 5_000;
        var runs = 5;
        string? postgres = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--reads": reads = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = args[i + 1]; break;
                default: throw new ArgumentException($"unknown option {args[i]} (use --reads, --runs, --postgres)");
            }
        }
        await using var database = await BenchDatabase.CreateAsync(postgres, "stamp");
        var services = new ServiceCollection().AddApprovalPersistence(new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build())
            .AddSingleton<EfUserStore>().BuildServiceProvider();
        try
        {
            await services.MigrateApprovalDatabaseAsync();
            var users = services.GetRequiredService<EfUserStore>();
            var ids = Enumerable.Range(0, 1_000).Select(i => $"bench-{i}").ToList();
            await users.SaveAsync(ids.Select(id => new UserAccount(new User(id, id, id, Role.DepartmentReviewer) { DepartmentCode = "samr" }, "-")));

            Console.WriteLine(Machine.Describe());
            Console.WriteLine($"Security-stamp read on {database.Describe}: {reads:N0} reads a run, one after another, {runs} runs after a warm-up run.");
            var random = new Random(1);
            var perRead = new List<double>();
            for (var run = 0; run <= runs; run++)
            {
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < reads; i++)
                {
                    if (await users.FindSecurityStampAsync(ids[random.Next(ids.Count)]) is null)
                        throw new InvalidOperationException("a stored user has no stamp");
                }
                if (run > 0)
                    perRead.Add(watch.Elapsed.TotalMicroseconds / reads);
            }
            perRead.Sort();
            Console.WriteLine($"µs per read: min {perRead[0]:N0}, median {ResultTable.Median(perRead):N0}, max {perRead[^1]:N0} (runs: {string.Join(" ", perRead.Select(p => p.ToString("N0", CultureInfo.InvariantCulture)))})");
            return 0;
        }
        finally
        {
            await services.DisposeAsync();
        }
    }
}
