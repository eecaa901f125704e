using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Approval.Api.Persistence;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as the UTC <see cref="DateTime"/> of the same instant, so the column
/// compares and sorts by instant on every provider (SQLite: ISO-8601 text; PostgreSQL: timestamptz; SQL Server: datetime2).
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTimeOffset, DateTime>(
    value => value.UtcDateTime,
    stored => new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)));
