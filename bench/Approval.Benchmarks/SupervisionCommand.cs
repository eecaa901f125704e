using System.Diagnostics;
using System.Globalization;
using Approval.Api.Persistence;
using Approval.Api.Supervision;
using Approval.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Approval.Benchmarks;

/// <summary>
/// The <c>supervision</c> command: the supervisors' reads (<see cref="SupervisionReads"/>) against a database filled by
/// <c>seed-demo</c>, each repeated after a warm-up, with p50/p95/p99 per read and the 50 ms target.
/// </summary>
internal static class SupervisionCommand
{
    // Issue #16: every supervisor and work-list read under 50 ms p95 at a million cases. A CSV export is a download, not a
    // page read: issue #9 asks that it start within a second, so its first 200 lines are held to that.
    private const double TargetMilliseconds = 50;
    private const double ExportTargetMilliseconds = 1000;
    private const int GoalCases = 1_000_000;

    private static double TargetOf(string read) => read.Contains("format=csv", StringComparison.Ordinal) ? ExportTargetMilliseconds : TargetMilliseconds;

    public static async Task<int> RunAsync(string[] args)
    {
        string? dataDirectory = null;
        var iterations = 50;
        var warmup = 3;
        var snapshotDays = 0;
        var showSql = false;
        var which = "all";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--data-directory": dataDirectory = args[i + 1]; break;
                case "--iterations": iterations = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--snapshot-days": snapshotDays = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--show-sql": showSql = bool.Parse(args[i + 1]); break;
                case "--reads": which = args[i + 1]; break;
                default: throw new ArgumentException($"unknown option {args[i]} (use --data-directory, --iterations, --warmup, --snapshot-days, --show-sql, --reads)");
            }
        }
        if (dataDirectory is null || !File.Exists(Path.Combine(dataDirectory, "approval.db")))
        {
            await Console.Error.WriteLineAsync("usage: supervision --data-directory DIR (holding approval.db, filled by seed-demo) [--iterations 50] [--warmup 3] [--snapshot-days 0] [--show-sql false] [--reads all|supervision|worklists]");
            return 2;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Approval:DataDirectory"] = dataDirectory }).Build();
        var collection = new ServiceCollection().AddApprovalPersistence(configuration);
        if (showSql)
            collection.AddLogging(logging => logging.AddSimpleConsole().AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning));
        await using var services = collection.BuildServiceProvider();
        var contexts = services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>();
        // The schema as the application would have it (a benchmark on an older file gets the newer indexes).
        var migrating = Stopwatch.StartNew();
        await services.MigrateApprovalDatabaseAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Migrated (and refreshed the planner's statistics) in {migrating.Elapsed.TotalSeconds:N1} s."));
        var hours = new BusinessHours();
        var due = new DueInstantCalculator(WorkingDayCalendar.Official, hours);

        await using (var db = await contexts.CreateDbContextAsync())
        {
            var last = await db.Cases.MaxAsync(c => c.ReceivedAt);
            var today = hours.DateOf(last);
            Console.WriteLine(Machine.Describe());
            var (cases, tasks, violations, snapshots) = (await db.Cases.CountAsync(), await db.CaseTasks.CountAsync(), await db.Violations.CountAsync(), await db.PerformanceSnapshots.CountAsync());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Database {Path.Combine(dataDirectory, "approval.db")}: {cases:N0} cases, {tasks:N0} tasks, {violations:N0} violations, {snapshots:N0} snapshot rows; last received {today:yyyy-MM-dd}."));
            if (snapshotDays > 0)
            {
                // What seed-demo does at the end (and the nightly job for one day), for the last days, timed.
                var watch = Stopwatch.StartNew();
                var days = await new PerformanceSnapshotBuilder(contexts, hours, due, TimeProvider.System).RebuildAsync(today.AddDays(1 - snapshotDays), today, default);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Built the performance snapshots of the last {days} days in {watch.Elapsed.TotalSeconds:N1} s ({watch.Elapsed.TotalSeconds / days:N1} s a day)."));
            }
            // The supervisors' reads, then every role's work lists (Approval.Api/WorkLists).
            IReadOnlyList<(string Name, Func<Task<int>> Read)> reads =
            [
                .. which is "all" or "supervision" ? new SupervisionReads(contexts, hours).All(today) : [],
                .. which is "all" or "worklists" ? await new WorkListReads(contexts, hours).AllAsync(today) : [],
            ];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{reads.Count} reads, each {warmup} times to warm up, then {iterations} times, one after another; milliseconds per read."));
            Console.WriteLine();
            var width = reads.Max(r => r.Name.Length);
            Console.WriteLine($"{"read".PadRight(width)} | {"rows",5} | {"p50",8} | {"p95",8} | {"p99",8} | {"max",8} | p95 under (ms)");
            Console.WriteLine($"{new string('-', width)}-|-------|----------|----------|----------|----------|-------------");
            var misses = new List<string>();
            foreach (var (name, read) in reads)
            {
                var rows = 0;
                for (var w = 0; w < warmup; w++)
                    rows = await read();
                var times = new double[iterations];
                for (var i = 0; i < iterations; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    rows = await read();
                    times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
                Array.Sort(times);
                var p95 = Percentile(times, 95);
                var target = TargetOf(name);
                if (p95 >= target)
                    misses.Add(name);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name.PadRight(width)} | {rows,5} | {Percentile(times, 50),8:N1} | {p95,8:N1} | {Percentile(times, 99),8:N1} | {times[^1],8:N1} | {target,5:N0}: {(p95 < target ? "yes" : "NO")}"));
            }
            Console.WriteLine();
            // Exit 1 is a goal missed, whatever the size: the reads grow with the history, so a miss on fewer cases is a miss at
            // a million too. Meeting the goals on fewer cases is said as such, not as the issue's goal met.
            if (misses.Count > 0)
            {
                Console.WriteLine($"{misses.Count} read(s) missed their goal: {string.Join("; ", misses)}.");
                return 1;
            }
            Console.WriteLine(cases >= GoalCases
                ? "Every read met its goal."
                : string.Create(CultureInfo.InvariantCulture, $"Every read met its goal on {cases:N0} cases; the goal is stated at {GoalCases:N0} (issue #16), so this says nothing of it."));
            return 0;
        }
    }

    // Nearest rank, as the domain's 90th percentile of working days is.
    private static double Percentile(double[] sorted, int percent) => sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];
}
