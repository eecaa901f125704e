using Approval.Benchmarks;

// dotnet run -c Release --project bench/Approval.Benchmarks -- inmemory | sqlite | http-load | supervision | sweep | stamp | credit-import | audit-append | pages | opinions | profile | bdn [BenchmarkDotNet arguments]
var command = args.Length > 0 ? args[0] : "inmemory";
switch (command)
{
    case "inmemory":
        return await InMemoryCommand.RunAsync(args[1..]);
    case "sqlite":
        return await SqliteCommand.RunAsync(args[1..]);
    case "http-load":
        return await HttpLoadCommand.RunAsync(args[1..]);
    case "supervision":
        return await SupervisionCommand.RunAsync(args[1..]);
    case "sweep":
        return await SweepCommand.RunAsync(args[1..]);
    case "pages":
        return await PagesCommand.RunAsync(args[1..]);
    case "credit-import":
        return await CreditImportCommand.RunAsync(args[1..]);
    case "audit-append":
        return await AuditAppendCommand.RunAsync(args[1..]);
    case "stamp":
        return await StampCommand.RunAsync(args[1..]);
    case "opinions":
        return await ParallelOpinionsCommand.RunAsync(args[1..]);
    case "profile":
        return await ProfileCommand.RunAsync(args[1..]);
    case "bdn":
        BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(ReferenceProcessBenchmarks).Assembly).Run(args[1..]);
        return 0;
    default:
        await Console.Error.WriteLineAsync($"unknown benchmark '{command}'; use inmemory, sqlite, http-load, supervision, sweep, stamp, credit-import, audit-append, pages, opinions, profile or bdn");
        return 1;
}
