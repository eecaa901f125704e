using Approval.Tests.Persistence;

// Fixtures run in parallel, two at a time (the tests of one fixture one after another): CI's machine has two cores, and
// the PostgreSQL server takes its share of them too. A fixture owns everything it touches (its database, data folder,
// ports, clock), so fixtures need no order; the browser fixtures alone run by themselves (BrowserApp says why).
// Approval.Tests/README.md says the rules.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]

namespace Approval.Tests;

/// <summary>What the whole test run sets up once and tears down at its end (in the root namespace: it covers every test).</summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public async Task RemoveTemplates() => await MigratedTemplates.DisposeAsync();
}
