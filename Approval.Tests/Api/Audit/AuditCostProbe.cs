using System.Diagnostics;
using Approval.Api.Audit;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Approval.Tests.Api.MachineClients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Audit;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
/// <summary>
/// What the chain costs a case submission (Api README): 40 submissions one after another through HTTP, then 40 appends of
/// one entry alone (lock, hash, insert, head update, in a transaction of their own: an upper bound of what a submission adds).
/// </summary>
public class AuditCostProbe(DatabaseProvider provider)
{
    [Test]
    public async Task Measure()
    {
        if (Environment.GetEnvironmentVariable("APPROVAL_MEASURE") is null)
            Assert.Ignore("A measurement: set APPROVAL_MEASURE=1 to run it.");
        await using var factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T09:00:00");
        using var applicant = await factory.CreateClientAsync("applicant");
        await applicant.SubmitAsync(MachineClientTests.EnterpriseApplication);
        var submissions = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            var watch = Stopwatch.StartNew();
            await applicant.SubmitAsync(MachineClientTests.EnterpriseApplication);
            submissions.Add(watch.Elapsed.TotalMilliseconds);
        }
        var chain = factory.Services.GetRequiredService<AuditChain>();
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>();
        var appends = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var watch = Stopwatch.StartNew();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await chain.AppendAsync(db, [new AuditChange("probe", "Probe", $"p{i}", "{\"after\":{}}")], CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            appends.Add(watch.Elapsed.TotalMilliseconds);
        }
        static string Stats(List<double> xs) { xs.Sort(); return $"min {xs[0]:F1} median {xs[xs.Count / 2]:F1} max {xs[^1]:F1} ms"; }
        var verified = await factory.Services.GetRequiredService<AuditVerification>().VerifyAsync();
        Assert.That(verified.Intact, Is.True, verified.FirstBroken?.Reason);
        TestContext.Progress.WriteLine($"PROBE {provider}: submission {Stats(submissions)}; audit append alone {Stats(appends)}; load {File.ReadAllText("/proc/loadavg").Trim()}");
    }
}
