using System.Globalization;
using Approval.Api.Cli;
using Approval.Api.Engine;
using Approval.Api.Persistence;
using Approval.Api.Supervision;
using Approval.Workflows.Calendar;
using Approval.Workflows.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.DemoData;

/// <summary>
/// <c>seed-demo --cases N --days D [--seed S] [--batch N] [--workers N] [--snapshots true|false] [--seal true|false]</c>: fills
/// the configured database with a generated history of N cases received over the last D days, seals the delivered ones'
/// decisions when asked (<see cref="HistorySeal"/>), then builds the performance snapshots of those days. Bad arguments, an incomplete catalog or a seed already used on this database exit with 2.
/// </summary>
internal static class SeedDemoCommand
{
    public const string Name = "seed-demo";
    public const string Usage = "usage: seed-demo --cases N (1–10,000,000) --days D (1–3,650) [--seed S (default 1)] [--batch N (100–50,000, default 2,000)] " +
        "[--workers N (1–64, default the number of cores)] [--snapshots true|false (default true)] " +
        "[--seal true|false (default false): seal the delivered cases' decisions]";

    /// <summary>What the command line asked for.</summary>
    internal sealed record Arguments(int Cases, int Days, int Seed, int Batch, int Workers, bool Snapshots, bool Seal = false);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (Parse(args, out var problem) is not { } arguments)
        {
            error.WriteLine($"seed-demo: {problem}");
            error.WriteLine(Usage);
            return 2;
        }
        var due = services.GetRequiredService<DueInstantCalculator>();
        var end = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var catalog = services.GetRequiredService<ICatalog>();
        var codes = (await catalog.ListItemsAsync(cancellationToken)).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        if (DemoCatalog.Items.Where(i => !codes.Contains(i.Code)).Select(i => $"{i.Code} {i.Name}").ToList() is { Count: > 0 } missing)
        {
            error.WriteLine($"seed-demo: the catalog lacks the demo items the history is made of: {string.Join(", ", missing)} (start once with Approval:Demo:SeedCatalog=true)");
            return 2;
        }
        // The process definitions as the application imports them at start-up.
        await services.GetRequiredService<WorkflowFolderImport>().ImportAsync(cancellationToken);

        DemoHistoryPlan plan;
        var contexts = services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            try
            {
                var from = due.Hours.StartOf(due.Hours.DateOf(end).AddDays(-arguments.Days));
                var taken = await db.Cases.Where(c => c.ReceivedAt >= from).Select(c => c.Number).ToListAsync(cancellationToken);
                plan = new DemoHistoryPlan(arguments.Cases, arguments.Days, arguments.Seed, end, due, taken.ToHashSet(StringComparer.Ordinal));
                // The first case's id tells whether this seed was used here already.
                var firstId = plan.Plan(0).CaseId;
                if (await db.Cases.AnyAsync(c => c.Id == firstId, cancellationToken))
                {
                    error.WriteLine($"seed-demo: this database already holds the history of --seed {arguments.Seed}; use another seed or an empty database");
                    return 2;
                }
            }
            catch (Exception ex) when (ex is ArgumentException or CalendarYearMissingException)
            {
                error.WriteLine($"seed-demo: {ex.Message}");
                return 2;
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generating {arguments.Cases:N0} cases received from {plan.FirstDay:yyyy-MM-dd} to {plan.LastDay:yyyy-MM-dd} (seed {arguments.Seed}, {arguments.Batch:N0} per transaction, {arguments.Workers} workers)…"));
        var progress = ConsoleProgress.For(output, arguments.Cases, "cases");
        var result = await services.GetRequiredService<DemoHistoryGenerator>().GenerateAsync(plan, new DemoHistorySettings(arguments.Batch, arguments.Workers), progress.Report, cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {result.Cases:N0} cases in {result.Elapsed.TotalSeconds:N1} s ({result.Cases / Math.Max(result.Elapsed.TotalSeconds, 0.001):N0} cases/s)."));
        output.WriteLine("  by status: " + string.Join(", ", result.ByStatus.Where(s => s.Value > 0).Select(s => $"{s.Key} {s.Value:N0}")));
        output.WriteLine("  by level:  " + string.Join(", ", result.ByLevel.Select(l => $"{l.Key} {l.Value:N0}")));
        var credit = await SaveCreditRecordsAsync(services, contexts, plan, cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  credit: {credit.Values.Sum():N0} records of the applicants ({string.Join(", ", credit.Select(c => $"{c.Key} {c.Value:N0}"))}); the others in good standing"));
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            await PlannerStatistics.RefreshAsync(db, cancellationToken);
        if (arguments.Seal)
        {
            var sealing = services.GetRequiredService<HistorySeal>();
            var delivered = await sealing.DeliveredSinceAsync(due.Hours.StartOf(plan.FirstDay), cancellationToken);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Sealing the decisions of {delivered.Count:N0} delivered cases…"));
            var sealedProgress = ConsoleProgress.For(output, Math.Max(delivered.Count, 1), "cases");
            var sealedCases = await sealing.SealAsync(delivered, sealedProgress.Report, cancellationToken);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Sealed {sealedCases.Documents:N0} documents of {sealedCases.Cases:N0} cases in {sealedCases.Elapsed.TotalSeconds:N1} s ({sealedCases.Elapsed.TotalMilliseconds / Math.Max(sealedCases.Cases, 1):N1} ms per case)."));
        }
        if (arguments.Snapshots)
        {
            output.WriteLine($"Building the performance snapshots of {plan.FirstDay:yyyy-MM-dd} to {plan.LastDay:yyyy-MM-dd}…");
            var snapshots = System.Diagnostics.Stopwatch.StartNew();
            var days = await services.GetRequiredService<PerformanceSnapshotBuilder>().RebuildAsync(plan.FirstDay, plan.LastDay, cancellationToken);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Built {days} days of snapshots (and their months and years) in {snapshots.Elapsed.TotalSeconds:N1} s."));
        }
        return 0;
    }

    // The records the history's applicants had (GeneratedCreditRecords), into the real store, so that it says what the
    // cases' timelines used; a record already there (a second seed over the same days) is left as it is.
    private static async Task<Dictionary<Approval.Workflows.Credit.CreditRecordKind, int>> SaveCreditRecordsAsync(IServiceProvider services,
        IDbContextFactory<ApprovalDbContext> contexts, DemoHistoryPlan plan, CancellationToken cancellationToken)
    {
        var generated = new GeneratedCreditRecords(plan.FirstDay, plan.End);
        var store = services.GetRequiredService<Approval.Workflows.Credit.ICreditRecords>();
        List<string> subjects;
        HashSet<string> stored;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            subjects = await db.Cases.Select(c => c.ApplicantIdNumber).Distinct().ToListAsync(cancellationToken);
            stored = [.. await db.CreditRecords.Where(r => r.Id.StartsWith("gen-")).Select(r => r.Id).ToListAsync(cancellationToken)];
        }
        var changes = generated.ForSubjects(subjects.Order(StringComparer.Ordinal)).Where(c => !stored.Contains(c.RecordId)).ToList();
        foreach (var batch in changes.Chunk(5_000))
            await store.SaveAsync(batch, cancellationToken);
        return changes.GroupBy(c => c.After.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
    }

    internal static Arguments? Parse(string[] args, out string? problem)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            // Configuration given on the command line (--Approval:DataDirectory /tmp/x) is the host's, not ours.
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains(':', StringComparison.Ordinal))
                continue;
            if (args[i] is not ("--cases" or "--days" or "--seed" or "--batch" or "--workers" or "--snapshots" or "--seal"))
            {
                problem = $"unknown argument '{args[i]}'";
                return null;
            }
            if (i + 1 >= args.Length)
            {
                problem = $"{args[i]} needs a value";
                return null;
            }
            values[args[i]] = args[i + 1];
        }
        string? wrong = null;
        int? Number(string name, int min, int max, int? fallback)
        {
            if (!values.TryGetValue(name, out var text))
            {
                wrong ??= fallback is null ? $"{name} is required" : null;
                return fallback;
            }
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                wrong ??= $"{name} must be a whole number from {min:N0} to {max:N0}, not '{text}'";
                return null;
            }
            return value;
        }
        var cases = Number("--cases", 1, 10_000_000, null);
        var days = Number("--days", 1, 3_650, null);
        var seed = Number("--seed", 0, int.MaxValue, 1);
        var batch = Number("--batch", 100, 50_000, 2_000);
        var workers = Number("--workers", 1, 64, Environment.ProcessorCount);
        var snapshots = true;
        if (values.TryGetValue("--snapshots", out var text) && !bool.TryParse(text, out snapshots))
            wrong ??= $"--snapshots must be true or false, not '{text}'";
        var seal = false;
        if (values.TryGetValue("--seal", out var sealText) && !bool.TryParse(sealText, out seal))
            wrong ??= $"--seal must be true or false, not '{sealText}'";
        problem = wrong;
        return wrong is null ? new Arguments(cases!.Value, days!.Value, seed!.Value, batch!.Value, workers!.Value, snapshots, seal) : null;
    }
}
