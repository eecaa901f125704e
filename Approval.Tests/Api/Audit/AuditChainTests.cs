using System.Net;
using Approval.Api.Audit;
using Approval.Api.Identity;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Approval.Tests.Api.MachineClients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Approval.Tests.Api.Cases.CaseHttp;

namespace Approval.Tests.Api.Audit;

/// <summary>
/// The tamper-evident record (#11), on SQLite and PostgreSQL: every timeline line and every administrative change is
/// an entry of one hash chain written in its own transaction; an entry edited, deleted or moved directly in the
/// database, or a signed head cut off, is named by the verification (API and <c>audit verify</c>) at the first broken
/// entry; two nodes appending at once leave one chain.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class AuditChainTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;
    private CaseApiFactory Factory => _factory!;

    [SetUp]
    public async Task Start() => _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T09:00:00");

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    /// <summary>A submitted and accepted 企业设立登记, and a window opened by the administrator: a chain of a few dozen entries.</summary>
    private async Task<string> SomeHistoryAsync()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        using var admin = await Factory.CreateClientAsync("admin");
        var (id, number, _) = await applicant.SubmitAsync(MachineClientTests.EnterpriseApplication);
        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        var window = await admin.PutJsonAsync("/api/admin/windows/w09", new { name = "综合受理 9 号窗口" });
        Assert.That(window.Status, Is.EqualTo(HttpStatusCode.OK), window.Text);
        return number;
    }

    private async Task<Reply> VerificationAsync()
    {
        using var supervisor = await Factory.CreateClientAsync("supervisor");
        var verification = await supervisor.GetJsonAsync("/api/audit/verification");
        Assert.That(verification.Status, Is.EqualTo(HttpStatusCode.OK), verification.Text);
        return verification;
    }

    private async Task<ApprovalDbContext> DatabaseAsync() =>
        await Factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();

    private async Task<List<AuditEntryRecord>> EntriesAsync()
    {
        await using var db = await DatabaseAsync();
        return await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
    }

    private async Task TamperAsync(params string[] statements)
    {
        await using var db = await DatabaseAsync();
        foreach (var statement in statements)
            await db.Database.ExecuteSqlRawAsync(statement);
    }

    private static void AssertBrokenAt(Reply verification, long sequence, string kind)
    {
        Assert.That(verification.Body!["intact"]!.GetValue<bool>(), Is.False, verification.Text);
        Assert.That(verification.Body["firstBroken"]!["sequence"]!.GetValue<long>(), Is.EqualTo(sequence), verification.Text);
        Assert.That(verification.Body["firstBroken"]!["kind"]!.GetValue<string>(), Is.EqualTo(kind), verification.Text);
    }

    [Test]
    public async Task Every_timeline_line_and_administrative_change_is_an_entry_of_one_intact_chain()
    {
        var number = await SomeHistoryAsync();

        var entries = await EntriesAsync();
        await using (var db = await DatabaseAsync())
        {
            var lines = await db.CaseEvents.CountAsync();
            Assert.That(entries.Count(e => e.Kind.StartsWith("CaseEvent.", StringComparison.Ordinal)), Is.EqualTo(lines), "one entry per timeline line");
            var head = await db.AuditHead.SingleAsync();
            Assert.That((head.Sequence, head.Hash), Is.EqualTo((entries[^1].Sequence, entries[^1].Hash)));
        }
        Assert.That(entries.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, entries.Count).Select(i => (long)i)));
        var accepted = entries.Single(e => e.Kind == "CaseEvent.Accepted");
        Assert.That(accepted.Subject, Is.EqualTo(number));
        Assert.That(accepted.Actor, Does.Contain("clerk"), "the timeline's actor");
        var window = entries.Single(e => e.Kind == "ServiceWindows.Added" && e.Subject == "w09");
        Assert.That(window.Actor, Is.EqualTo("admin"), "the signed-in administrator");
        Assert.That(window.Payload, Does.Contain("\"Name\":\"综合受理 9 号窗口\""));
        Assert.That(entries.Select(e => e.Algorithm).Distinct(), Is.EqualTo(new[] { AuditHash.Sha256 }));

        var verification = await VerificationAsync();
        Assert.That(verification.Body!["intact"]!.GetValue<bool>(), Is.True, verification.Text);
        Assert.That(verification.Body["entriesChecked"]!.GetValue<long>(), Is.EqualTo(entries.Count));
    }

    [Test]
    public async Task A_password_changed_a_window_closed_and_a_client_revoked_are_entries_too()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        using var head = await Factory.CreateClientAsync("samr-head");
        var created = await admin.PutJsonAsync("/api/admin/windows/w31", new { name = "临时窗口" });
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.OK), created.Text);
        await admin.IssueClientAsync("samr-audit", "市场监管局审计测试系统", "samr");
        var before = (await EntriesAsync()).Count;

        var password = await head.PostJsonAsync("/api/auth/password", new { currentPassword = DemoUsers.Password, newPassword = "Audited@2027" });
        var closed = await admin.PostJsonAsync("/api/admin/windows/w31/close");
        var revoked = await admin.PostJsonAsync("/api/admin/clients/samr-audit/revoke");

        Assert.That((password.Status, closed.Status, revoked.Status), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.OK, HttpStatusCode.OK)),
            $"{password.Text} {closed.Text} {revoked.Text}");
        var added = (await EntriesAsync()).Skip(before).ToList();
        Assert.Multiple(() =>
        {
            var users = added.Where(e => e.Kind.StartsWith("Users.", StringComparison.Ordinal)).Select(e => e.Payload).ToList();
            Assert.That(users, Has.Some.Contains("PasswordHash"), "the password's change");
            Assert.That(users.Where(p => p.Contains("PasswordHash", StringComparison.Ordinal)), Has.All.Contains("***"), "its hash redacted");
            Assert.That(users, Has.None.Contains(DemoUsers.Password), "never the password");
            Assert.That(added.Where(e => e.Kind.StartsWith("ServiceWindows.", StringComparison.Ordinal) && e.Subject == "w31").Select(e => e.Payload),
                Has.Some.Contains("IsOpen"));
            Assert.That(added.Where(e => e.Kind.StartsWith("MachineClients.", StringComparison.Ordinal) && e.Subject == "samr-audit").Select(e => e.Payload),
                Has.Some.Contains("RevokedAt"));
        });
        var verification = await VerificationAsync();
        Assert.That(verification.Body!["intact"]!.GetValue<bool>(), Is.True, verification.Text);
    }

    [Test]
    public async Task An_entry_whose_payload_was_edited_is_named_as_a_hash_mismatch()
    {
        await SomeHistoryAsync();
        await TamperAsync("""UPDATE "AuditEntries" SET "Payload" = '[]' WHERE "Sequence" = 3""");

        AssertBrokenAt(await VerificationAsync(), 3, "HashMismatch");
    }

    [Test]
    public async Task A_deleted_entry_is_named_as_a_gap()
    {
        await SomeHistoryAsync();
        await TamperAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" = 4""");

        AssertBrokenAt(await VerificationAsync(), 4, "Gap");
    }

    [Test]
    public async Task The_last_entry_deleted_is_named_as_a_gap_at_the_end()
    {
        await SomeHistoryAsync();
        var last = (await EntriesAsync())[^1].Sequence;
        await TamperAsync($"""DELETE FROM "AuditEntries" WHERE "Sequence" = {last}""");

        AssertBrokenAt(await VerificationAsync(), last, "Gap");
    }

    [Test]
    public async Task Two_entries_swapped_are_named_out_of_order_at_the_first()
    {
        await SomeHistoryAsync();
        await TamperAsync(
            """UPDATE "AuditEntries" SET "Sequence" = -5 WHERE "Sequence" = 5""",
            """UPDATE "AuditEntries" SET "Sequence" = 5 WHERE "Sequence" = 6""",
            """UPDATE "AuditEntries" SET "Sequence" = 6 WHERE "Sequence" = -5""");

        AssertBrokenAt(await VerificationAsync(), 5, "OutOfOrder");
    }

    [Test]
    public async Task A_chain_cut_back_behind_its_signed_head_is_named_even_with_its_head_row_rewritten()
    {
        await SomeHistoryAsync();
        var signed = await Factory.Services.GetRequiredService<AuditHeadSigning>().SignAsync(CancellationToken.None);
        Assert.That(signed, Is.Not.Null);
        var intact = await VerificationAsync();
        Assert.That(intact.Body!["intact"]!.GetValue<bool>(), Is.True, intact.Text);
        Assert.That(intact.Body["signedHead"]!["sequence"]!.GetValue<long>(), Is.EqualTo(signed!.Sequence));
        Assert.That(intact.Body["signedHead"]!["signedAt"]!.GetValue<string>(), Does.EndWith("+08:00"));

        // The last entry removed and the head row moved back onto the one before: the chain alone looks whole.
        var entries = await EntriesAsync();
        var (last, before) = (entries[^1], entries[^2]);
        await TamperAsync(
            $"""DELETE FROM "AuditEntries" WHERE "Sequence" = {last.Sequence}""",
            $"""UPDATE "AuditHead" SET "Sequence" = {before.Sequence}, "Hash" = '{before.Hash}'""");

        AssertBrokenAt(await VerificationAsync(), last.Sequence, "SignedHeadMismatch");
    }

    [Test]
    public async Task The_signing_job_run_again_with_nothing_new_signs_nothing()
    {
        await SomeHistoryAsync();
        var signing = Factory.Services.GetRequiredService<AuditHeadSigning>();
        var first = await signing.SignAsync(CancellationToken.None);
        var again = await signing.SignAsync(CancellationToken.None);

        await using var db = await DatabaseAsync();
        Assert.That(await db.SignedAuditHeads.CountAsync(), Is.EqualTo(1));
        Assert.That(again!.Id, Is.EqualTo(first!.Id));
    }

    [Test]
    public async Task Audit_verify_on_the_command_line_says_intact_or_names_the_first_broken_entry()
    {
        await SomeHistoryAsync();
        var (exit, output) = await VerifyCommandAsync();
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("intact"));

        await TamperAsync("""UPDATE "AuditEntries" SET "Actor" = 'someone-else' WHERE "Sequence" = 2""");
        (exit, output) = await VerifyCommandAsync();
        Assert.That(exit, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("BROKEN at entry 2: HashMismatch"));
    }

    [Test]
    public async Task Audit_with_anything_but_verify_is_refused_with_exit_code_2_and_the_usage()
    {
        var (exit, output) = await VerifyCommandAsync("check");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Does.Contain("usage: audit verify"));
    }

    private async Task<(int Exit, string Output)> VerifyCommandAsync(string verb = "verify")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AuditVerifyCommand.RunAsync(Factory.Services, [verb], output, error, CancellationToken.None);
        return (exit, output + error.ToString());
    }

    [Test]
    public async Task Two_nodes_submitting_at_once_leave_one_chain_without_gaps_or_duplicates()
    {
        await using var other = Factory.AnotherNode();
        var applicants = new[] { await Factory.CreateClientAsync("applicant"), await other.CreateClientAsync("applicant") };
        try
        {
            var submissions = Enumerable.Range(0, 16).Select(i => applicants[i % 2].SubmitAsync(MachineClientTests.EnterpriseApplication));
            await Task.WhenAll(submissions);
        }
        finally
        {
            foreach (var applicant in applicants)
                applicant.Dispose();
        }

        var entries = await EntriesAsync();
        Assert.That(entries.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, entries.Count).Select(i => (long)i)));
        Assert.That(entries.Count(e => e.Kind == "CaseEvent.Submitted"), Is.EqualTo(16));
        var verification = await VerificationAsync();
        Assert.That(verification.Body!["intact"]!.GetValue<bool>(), Is.True, verification.Text);
    }
}
