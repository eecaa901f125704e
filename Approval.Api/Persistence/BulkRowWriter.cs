using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Approval.Api.Persistence;

/// <summary>
/// Inserts many rows of the model's record types in one transaction with one prepared INSERT per table, its columns,
/// names and value conversions read from the EF Core model — the same columns and values SaveChanges writes, without
/// change tracking or reading generated keys back (what makes SaveChanges slow for millions of rows). Any provider.
/// </summary>
internal sealed class BulkRowWriter(ApprovalDbContext db) : IAsyncDisposable
{
    private readonly Dictionary<Type, TableInsert> _inserts = [];
    private DbTransaction? _transaction;

    /// <summary>Opens the connection; on SQLite with a large page cache for the indexes and WAL syncs at checkpoints only.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // This connection only: a bulk load whose last batches a power cut may lose (NORMAL keeps the file consistent).
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144; PRAGMA synchronous = NORMAL;", cancellationToken);
        }
    }

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        _transaction = await db.Database.GetDbConnection().BeginTransactionAsync(cancellationToken);
        foreach (var insert in _inserts.Values)
            insert.Command.Transaction = _transaction;
    }

    public void Insert<T>(IEnumerable<T> rows) where T : class
    {
        if (!_inserts.TryGetValue(typeof(T), out var insert))
            _inserts[typeof(T)] = insert = TableInsert.Create(db, typeof(T), _transaction);
        foreach (var row in rows)
            insert.Execute(row);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _transaction!.CommitAsync(cancellationToken);
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var insert in _inserts.Values)
            await insert.Command.DisposeAsync();
        if (_transaction is not null)
            await _transaction.DisposeAsync();
        await db.Database.CloseConnectionAsync();
    }

    private sealed class TableInsert(DbCommand command, TableInsert.Column[] columns)
    {
        public DbCommand Command => command;

        public sealed record Column(DbParameter Parameter, IProperty Property, ValueConverter? Converter);

        public static TableInsert Create(ApprovalDbContext db, Type type, DbTransaction? transaction)
        {
            var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not a record type of the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            // Keys the database generates (identity, autoincrement) are left to it, as SaveChanges does.
            var properties = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd)).ToList();
            var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            var columns = new Column[properties.Count];
            for (var i = 0; i < properties.Count; i++)
            {
                var mapping = (RelationalTypeMapping)properties[i].GetTypeMapping();
                var parameter = mapping.CreateParameter(command, $"@p{i}", null, properties[i].IsNullable);
                if (!command.Parameters.Contains(parameter))
                    command.Parameters.Add(parameter);
                columns[i] = new Column(parameter, properties[i], mapping.Converter);
            }
            command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
                $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
            command.Prepare();
            return new TableInsert(command, columns);
        }

        public void Execute(object row)
        {
            foreach (var column in columns)
            {
                var value = column.Property.GetGetter().GetClrValueUsingContainingEntity(row);
                column.Parameter.Value = (column.Converter is { } converter && value is not null ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
        }
    }
}
