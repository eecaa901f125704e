using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Api.Engine;
using Approval.Tests.Engine;
using Approval.Workflows.People;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Api;

/// <summary>Timers are Hangfire delayed jobs, but the database decides: a lost job store loses no timer.</summary>
public class TimerJobTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));

    private sealed class ClockedFactory(FakeTimeProvider clock) : ApprovalApiFactoryBase
    {
        protected override void Configure(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);
    }

    private static string DelayDefinition => Flow.Definition(
        Flow.Activities(Flow.Start(), Flow.Activity("wait", "Elsa.Delay", ("timeSpan", "01:00:00")), Flow.Write("after", "after")),
        Flow.Connections(Flow.Connect("start", "wait"), Flow.Connect("wait", "after")))
        .Replace("\"definitionId\":\"test\"", "\"definitionId\":\"delay-test\"", StringComparison.Ordinal);

    [Test]
    public async Task A_delay_schedules_a_hangfire_job_and_the_reconciliation_fires_it_once_when_due()
    {
        await using var factory = new ClockedFactory(_clock);
        using var client = await factory.CreateClientAsync(Role.Administrator);
        var upload = await client.PostAsync(new Uri("/api/workflow-definitions", UriKind.Relative), new StringContent(DelayDefinition, Encoding.UTF8, "application/json"));
        Assert.That((int)upload.StatusCode, Is.EqualTo(201));
        var started = await (await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "delay-test" })).Content.ReadFromJsonAsync<JsonObject>();
        var id = started!["id"]!.GetValue<string>();

        var scheduled = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 100);
        Assert.That(scheduled.Select(j => j.Value.Job.Args[0]), Does.Contain(id), "a delayed job wakes the instance");

        var jobs = factory.Services.GetRequiredService<WorkflowTimerJobs>();
        await jobs.ReconcileAsync(CancellationToken.None);
        Assert.That(await Status(client, id), Is.EqualTo("Suspended"), "not due yet");

        _clock.Advance(TimeSpan.FromHours(1));
        await jobs.ReconcileAsync(CancellationToken.None);
        await jobs.FireAsync(id, CancellationToken.None); // the delayed job arriving late has nothing left to do
        Assert.That(await Status(client, id), Is.EqualTo("Finished"));
    }

    // Hangfire's AddHangfire hands out the process-wide JobStorage.Current and JobActivator.Current of when they are first
    // asked for: the last application to configure Hangfire would get every application's jobs (fixtures run in parallel).
    [Test]
    public async Task Two_applications_in_one_process_each_keep_their_own_job_storage_and_run_their_jobs_in_their_own_services()
    {
        await using var first = new ClockedFactory(_clock);
        await using var second = new ClockedFactory(new FakeTimeProvider(_clock.GetUtcNow().AddDays(1)));
        _ = first.Services.GetRequiredService<IGlobalConfiguration>();
        _ = second.Services.GetRequiredService<IGlobalConfiguration>(); // configured last: the process-wide statics are its own

        Assert.That(first.Services.GetRequiredService<JobStorage>(), Is.Not.SameAs(second.Services.GetRequiredService<JobStorage>()));
        var activator = first.Services.GetRequiredService<JobActivator>();
        using var scope = activator.BeginScope((JobActivatorContext)null!);
        Assert.That(scope.Resolve(typeof(TimeProvider)), Is.SameAs(_clock), "the first application's jobs run in its own services");
    }

    // Hangfire's log provider is process-wide too, the last configured application's: once that one is disposed, the other
    // must still make its Hangfire objects (a background job client here) instead of failing on a disposed logger factory.
    [Test]
    public async Task An_application_makes_its_background_job_client_after_another_in_the_process_is_disposed()
    {
        await using var first = new ClockedFactory(_clock);
        _ = first.Services.GetRequiredService<IGlobalConfiguration>();
        await using (var second = new ClockedFactory(new FakeTimeProvider(_clock.GetUtcNow().AddDays(1))))
            _ = second.Services.GetRequiredService<IGlobalConfiguration>(); // configured last, then disposed

        var client = new BackgroundJobClient(first.Services.GetRequiredService<JobStorage>());
        Assert.That(client.Create(() => Console.WriteLine(), new Hangfire.States.ScheduledState(TimeSpan.FromDays(1))), Is.Not.Null.And.Not.Empty);
    }

    private static async Task<string> Status(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{id}"))!["status"]!.GetValue<string>();
}
