using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;

namespace Approval.Benchmarks;

/// <summary>
/// The raw baseline of a submission: with no application, N writers each committing, one after another, a transaction that
/// inserts as many rows, of as many bytes in all, as one submission wrote, into a table with a primary key and one index,
/// in the same database file or server (on SQLite the file's write-ahead log and synchronous setting, as the application
/// leaves them). Its rate is what the database commits; the submissions' rate is measured against it.
/// </summary>
internal static class RawInsertLoop
{
    public static async Task<MixFigures> RunAsync(BenchDatabase database, SubmissionWrites writes, int workers, TimeSpan warmup, TimeSpan duration)
    {
        await using (var connection = TableRows.Open(database))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, "CREATE TABLE bench_raw (id TEXT PRIMARY KEY, submission TEXT NOT NULL, at TEXT NOT NULL, payload TEXT NOT NULL)");
            await ExecuteAsync(connection, "CREATE INDEX ix_bench_raw_submission ON bench_raw (submission, at)");
        }
        var payload = new string('x', writes.BytesPerRow);
        await RunOnceAsync(database, writes.RowsPerTransaction, payload, workers, warmup);
        return await RunOnceAsync(database, writes.RowsPerTransaction, payload, workers, duration);
    }

    private static async Task<MixFigures> RunOnceAsync(BenchDatabase database, int rows, string payload, int workers, TimeSpan duration)
    {
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var failures = new ConcurrentDictionary<string, int>();
        var perWorker = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var times = new List<double>(4096);
            await using var connection = TableRows.Open(database);
            await connection.OpenAsync();
            while (Stopwatch.GetTimestamp() < until)
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    await using var transaction = await connection.BeginTransactionAsync();
                    var submission = Guid.NewGuid().ToString("N");
                    var at = TimeProvider.System.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                    for (var row = 0; row < rows; row++)
                    {
                        await using var insert = connection.CreateCommand();
                        insert.Transaction = transaction;
                        insert.CommandText = "INSERT INTO bench_raw (id, submission, at, payload) VALUES (@id, @submission, @at, @payload)";
                        Add(insert, "@id", Guid.NewGuid().ToString("N"));
                        Add(insert, "@submission", submission);
                        Add(insert, "@at", at);
                        Add(insert, "@payload", payload);
                        await insert.ExecuteNonQueryAsync();
                    }
                    await transaction.CommitAsync();
                    times.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
                catch (DbException e)
                {
                    failures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                }
            }
            return times;
        })));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var sorted = perWorker.SelectMany(t => t).Order().ToArray();
        return new MixFigures("", sorted.Length, seconds, sorted, new Dictionary<string, int>(failures), "", "");
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
