using System.Collections.Concurrent;
using System.Diagnostics;
using Approval.Api.Persistence;
using Approval.Engine.Hosting;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.DemoData;

/// <summary>How the generation is cut up: cases per transaction, and how many simulate at once.</summary>
internal sealed record DemoHistorySettings(int BatchSize, int Workers);

/// <summary>What was written: cases by status and by warning level, and how long it took.</summary>
internal sealed record DemoHistoryResult(int Cases, IReadOnlyDictionary<CaseStatus, int> ByStatus, IReadOnlyDictionary<WarningLevel, int> ByLevel, TimeSpan Elapsed);

/// <summary>
/// Generates the demo history of a <see cref="DemoHistoryPlan"/>: batches of cases are simulated in parallel (one
/// <see cref="CaseSimulator"/> per worker, mapping each case to its rows as it goes) and written in order, one
/// transaction per batch, while the next batches are simulated.
/// </summary>
internal sealed class DemoHistoryGenerator(IDbContextFactory<ApprovalDbContext> contexts, ICatalog catalog, IWorkflowDefinitionStore definitions,
    DueInstantCalculator due, CaseRules rules)
{
    private sealed record SimulatedBatch(CaseRowBatch Rows, int[] ByStatus, int[] ByLevel);

    public async Task<DemoHistoryResult> GenerateAsync(DemoHistoryPlan plan, DemoHistorySettings settings, Action<int> progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var fixedCatalog = new FixedCatalog(await catalog.ListItemsAsync(cancellationToken), await catalog.ListDepartmentsAsync(cancellationToken));
        var stored = (await definitions.ListAsync(cancellationToken)).OrderBy(d => d.DefinitionId, StringComparer.Ordinal).ThenBy(d => d.Version).ToList();
        var idle = new ConcurrentBag<CaseSimulator>();
        async Task<CaseSimulator> RentAsync()
        {
            if (idle.TryTake(out var simulator))
                return simulator;
            // Each worker its own definitions store and compiled workflows: nothing shared is written while simulating.
            var store = new InMemoryWorkflowStore();
            foreach (var definition in stored)
            {
                await store.AddAsync(definition with { IsPublished = false }, cancellationToken);
                if (definition.IsPublished)
                    await store.PublishAsync(definition.DefinitionId, definition.Version, cancellationToken);
            }
            return new CaseSimulator(fixedCatalog, store, due, rules, plan.End, new GeneratedCreditRecords(plan.FirstDay, plan.End));
        }

        async Task<SimulatedBatch> SimulateAsync(int first, int count)
        {
            var simulator = await RentAsync();
            try
            {
                var batch = new SimulatedBatch(new CaseRowBatch(), new int[Enum.GetValues<CaseStatus>().Length], new int[Enum.GetValues<WarningLevel>().Length]);
                for (var index = first; index < first + count; index++)
                {
                    var casePlan = plan.Plan(index);
                    var simulated = await new CaseStory(simulator, casePlan, new Random(casePlan.Seed)).RunAsync();
                    batch.Rows.Add(simulated.Case, simulated.Revision, simulated.Instance, simulated.InstanceRevision, simulated.Log, due, plan.End);
                    batch.ByStatus[(int)simulated.Case.Status]++;
                    batch.ByLevel[(int)simulated.Case.Level]++;
                }
                return batch;
            }
            finally
            {
                idle.Add(simulator);
            }
        }

        var byStatus = new int[Enum.GetValues<CaseStatus>().Length];
        var byLevel = new int[Enum.GetValues<WarningLevel>().Length];
        var pending = new Queue<Task<SimulatedBatch>>();
        var planned = 0;
        var written = 0;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var writer = new BulkRowWriter(db);
        await writer.OpenAsync(cancellationToken);
        while (written < plan.Cases)
        {
            // Keep every worker busy, and one batch ahead for the writer.
            while (planned < plan.Cases && pending.Count < settings.Workers + 1)
            {
                var (first, count) = (planned, Math.Min(settings.BatchSize, plan.Cases - planned));
                pending.Enqueue(Task.Run(() => SimulateAsync(first, count), cancellationToken));
                planned += count;
            }
            var batch = await pending.Dequeue();
            await writer.BeginAsync(cancellationToken);
            batch.Rows.WriteTo(writer);
            await writer.CommitAsync(cancellationToken);
            written += batch.Rows.Count;
            for (var i = 0; i < byStatus.Length; i++)
                byStatus[i] += batch.ByStatus[i];
            for (var i = 0; i < byLevel.Length; i++)
                byLevel[i] += batch.ByLevel[i];
            progress(written);
        }
        return new DemoHistoryResult(written,
            Enum.GetValues<CaseStatus>().ToDictionary(s => s, s => byStatus[(int)s]),
            Enum.GetValues<WarningLevel>().ToDictionary(l => l, l => byLevel[(int)l]),
            started.Elapsed);
    }
}
