using System.Diagnostics;
using System.Globalization;
using System.Text;
using Approval.Api.Credit;
using Approval.Api.Persistence;
using Approval.Workflows.Applicants;
using Approval.Workflows.Catalog;
using Approval.Workflows.Credit;
using Approval.Workflows.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Benchmarks;

/// <summary>
/// The <c>credit-import</c> command: a provincial platform's CSV export of N rows (10,000, the most one file may hold)
/// through <see cref="CreditImport"/>, as <c>POST /api/credit/imports</c> runs it: every row checked, each subject's
/// stored records read once (one query per distinct subject), all rows saved in one transaction. Each run imports a
/// new file of new subjects into the same store (which grows by N a run), after a warm-up run of 100 rows.
/// </summary>
internal static class CreditImportCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = CreditImport.MaxRows;
        var runs = 3;
        string? postgres = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--rows": rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = args[i + 1]; break;
                default: throw new ArgumentException($"unknown option {args[i]} (use --rows, --runs, --postgres)");
            }
        }
        await using var database = await BenchDatabase.CreateAsync(postgres, "credit");
        var services = new ServiceCollection().AddApprovalPersistence(new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build())
            .AddSingleton(TimeProvider.System).AddSingleton<ICreditRecords, EfCreditRecords>().AddSingleton<CreditImport>().BuildServiceProvider();
        try
        {
            await services.MigrateApprovalDatabaseAsync();
            var catalog = services.GetRequiredService<ICatalog>();
            foreach (var department in DemoCatalog.Departments)
                await catalog.SaveDepartmentAsync(department);
            var import = services.GetRequiredService<CreditImport>();
            var admin = new Actor("bench-admin", "bench-admin", Role.Administrator);

            Console.WriteLine(Machine.Describe());
            Console.WriteLine($"Credit import on {database.Describe}: {rows:N0} rows a file, {runs} runs after a warm-up run of 100 rows.");
            await ImportAsync(import, admin, Csv(0, 100));
            var seconds = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                var csv = Csv(run * 1_000_000, rows);
                var watch = Stopwatch.StartNew();
                await ImportAsync(import, admin, csv);
                seconds.Add(watch.Elapsed.TotalSeconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: {watch.Elapsed.TotalSeconds:N2} s ({rows / watch.Elapsed.TotalSeconds:N0} rows/s)"));
            }
            seconds.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"seconds per {rows:N0}-row file: min {seconds[0]:N2}, median {ResultTable.Median(seconds):N2}, max {seconds[^1]:N2}"));
            return 0;
        }
        finally
        {
            await services.DisposeAsync();
        }
    }

    private static async Task ImportAsync(CreditImport import, Actor admin, string csv)
    {
        var report = await import.ImportAsync(admin, csv, CancellationToken.None);
        // A fast refusal is no figure: every row must have been saved.
        if (!report.Saved || report.Imported != report.Rows)
            throw new InvalidOperationException($"the import saved {report.Imported} of {report.Rows} rows: {string.Join("; ", report.Rejected.Take(3).Select(r => $"line {r.Line}: {string.Join(", ", r.Errors.Select(e => $"{e.Field} {e.Reason}"))}"))}");
    }

    /// <summary>N rows of distinct people (valid resident IDs), the kinds in turn, a third with an expiry, as a platform exports them.</summary>
    private static string Csv(int first, int count)
    {
        string[] kinds = ["行政处罚", "A级纳税人", "失信被执行人", "表彰奖励", "承诺失信", "严重违法失信名单"];
        var csv = new StringBuilder("主体代码,主体名称,记录类型,认定部门,决定文书号,事由,生效日期,截止日期\n");
        for (var i = 0; i < count; i++)
        {
            var n = first + i;
            var first17 = string.Create(CultureInfo.InvariantCulture, $"4453021980{n % 12 + 1:00}{n / 12 % 28 + 1:00}{n / 336 % 1000:000}");
            var id = first17 + ResidentIdNumber.CheckDigitOf(first17);
            csv.Append(CultureInfo.InvariantCulture, $"{id},测试{n},{kinds[n % kinds.Length]},市场监督管理局,云市监〔2026〕{n}号,导入测试记录 {n},2026-01-{n % 28 + 1:00},{(n % 3 == 0 ? "2027-12-31" : "")}\n");
        }
        return csv.ToString();
    }
}
