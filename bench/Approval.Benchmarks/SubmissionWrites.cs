using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Approval.Benchmarks;

/// <summary>Every table's row count and the database's size in bytes, read beside the running application.</summary>
internal sealed record TableRows(IReadOnlyDictionary<string, long> Rows, long Bytes)
{
    public static async Task<TableRows> CountAsync(BenchDatabase database)
    {
        await using var connection = Open(database);
        await connection.OpenAsync();
        var tables = await ReadAsync(connection, database.IsPostgres
            ? "SELECT CASE WHEN table_schema = 'public' THEN '\"' || table_name || '\"' ELSE '\"' || table_schema || '\".\"' || table_name || '\"' END FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')"
            : "SELECT '\"' || name || '\"' FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        var rows = new Dictionary<string, long>();
        foreach (var table in tables)
            rows[table.Replace("\"", "", StringComparison.Ordinal)] = Convert.ToInt64((await ReadAsync(connection, $"SELECT COUNT(*) FROM {table}"))[0], CultureInfo.InvariantCulture);
        // SQLite's page count is the file as this connection sees it, write-ahead log included.
        var bytes = database.IsPostgres
            ? long.Parse((await ReadAsync(connection, "SELECT pg_database_size(current_database())"))[0], CultureInfo.InvariantCulture)
            : long.Parse((await ReadAsync(connection, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"))[0], CultureInfo.InvariantCulture);
        return new TableRows(rows, bytes);
    }

    public static DbConnection Open(BenchDatabase database) => database.IsPostgres
        ? new NpgsqlConnection(database.ConnectionString)
        : new SqliteConnection(database.ConnectionString);

    private static async Task<List<string>> ReadAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        return values;
    }
}

/// <summary>What one submission wrote, on average over a run: rows in every table, and bytes of database growth.</summary>
internal sealed record SubmissionWrites(long Submissions, double RowsPerSubmission, double BytesPerSubmission, IReadOnlyList<(string Table, double PerSubmission)> Tables)
{
    public static SubmissionWrites Between(TableRows before, TableRows after, int submitted)
    {
        // Cases filed (not requests sent): a submission that failed wrote nothing, and the count is what the rows divide by.
        var cases = after.Rows.GetValueOrDefault("Cases") - before.Rows.GetValueOrDefault("Cases");
        if (cases <= 0)
            return new SubmissionWrites(0, 0, 0, []);
        var tables = after.Rows
            .Select(t => (Table: t.Key, PerSubmission: (t.Value - before.Rows.GetValueOrDefault(t.Key)) / (double)cases))
            .Where(t => t.PerSubmission > 0).OrderByDescending(t => t.PerSubmission).ToList();
        return new SubmissionWrites(cases, tables.Sum(t => t.PerSubmission), (after.Bytes - before.Bytes) / (double)cases, tables);
    }

    public int RowsPerTransaction => Math.Max(1, (int)Math.Round(RowsPerSubmission));

    public int BytesPerRow => Math.Max(16, (int)(BytesPerSubmission / RowsPerTransaction));

    public string Describe() => Submissions == 0
        ? "No case was filed: no raw baseline."
        : string.Create(CultureInfo.InvariantCulture,
            $"{Submissions:N0} cases filed; per case {RowsPerSubmission:N1} rows ({string.Join(", ", Tables.Select(t => $"{t.Table} {t.PerSubmission:0.##}"))}) and {BytesPerSubmission:N0} bytes of database growth.");
}
