using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Approval.Tests.Persistence;

/// <summary>
/// The application's PostgreSQL connections prepare their repeated statements and skip the session reset when they go
/// back to the pool (<see cref="PostgreSqlApprovalDbContext.WithDefaults"/>): the reset is not needed for what a
/// connection must never carry to its next borrower, an open transaction; and an operator's own setting wins.
/// </summary>
public class PostgreSqlConnectionDefaultsTests
{
    [Test]
    public void Prepared_statements_and_no_reset_are_defaults_the_configured_connection_string_overrides()
    {
        var defaults = new NpgsqlConnectionStringBuilder(PostgreSqlApprovalDbContext.WithDefaults("Host=db;Database=approval"));
        Assert.That((defaults.MaxAutoPrepare, defaults.NoResetOnClose), Is.EqualTo((64, true)));
        var chosen = new NpgsqlConnectionStringBuilder(PostgreSqlApprovalDbContext.WithDefaults("Host=db;Database=approval;max auto prepare=0;NoResetOnClose=false"));
        Assert.That((chosen.MaxAutoPrepare, chosen.NoResetOnClose), Is.EqualTo((0, false)));
    }

    [Test]
    public async Task A_connection_given_back_with_its_transaction_open_reaches_its_next_borrower_with_none()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        string connectionString;
        await using (var db = await database.NewNode().GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync())
            connectionString = db.Database.GetConnectionString()!;
        Assert.That(new NpgsqlConnectionStringBuilder(connectionString).NoResetOnClose, Is.True, "the application's own connection string");

        int backend;
        await using (var first = new NpgsqlConnection(connectionString))
        {
            await first.OpenAsync();
            backend = first.ProcessID;
            await first.BeginTransactionAsync();
            await using var begun = new NpgsqlCommand("SELECT pg_current_xact_id()", first);
            await begun.ExecuteScalarAsync();
        } // closed with the transaction neither committed nor rolled back

        await using var next = new NpgsqlConnection(connectionString);
        await next.OpenAsync();
        Assert.That(next.ProcessID, Is.EqualTo(backend), "the same server session, from the pool");
        await using var asked = new NpgsqlCommand("SELECT pg_current_xact_id_if_assigned()", next);
        Assert.That(await asked.ExecuteScalarAsync(), Is.EqualTo(DBNull.Value), "no transaction left open from the previous borrower");
    }
}
