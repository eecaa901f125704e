using Approval.Tests.Persistence;

namespace Approval.Tests;

/// <summary>What the whole test run sets up once and tears down at its end (in the root namespace: it covers every test).</summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public async Task RemoveTemplates() => await MigratedTemplates.DisposeAsync();
}
