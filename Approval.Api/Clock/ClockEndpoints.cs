using Approval.Api.Contract;
using Approval.Api.Endpoints;
using Approval.Api.Engine;
using Approval.Api.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Api.Clock;

/// <summary>Reads the application's clock; with the test clock enabled, administrators move it forward.</summary>
internal static class ClockEndpoints
{
    public static RouteGroupBuilder MapClockEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/clock");
        group.MapGet("/", (TimeProvider time, IServiceProvider services) =>
                TypedResults.Ok(new ClockView(time.GetUtcNow(), services.GetService<AdjustableClock>() is { } clock, services.GetService<AdjustableClock>()?.Offset)))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The application's current time, and whether the test clock is on.").WithDescription("The instant the application believes it is (its TimeProvider), in the service center's offset, and the test clock's offset from the system time when the test clock is on. Deadlines, warning levels and violations are all computed from this instant.").WithTags(UserGroups.SignedIn).WithName("GetClock");
        group.MapPost("/", MoveAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Test clock only (Approval:Clock:TestClock=true): sets or advances the application's clock, then runs what fell due.")
            .WithDescription("Body: { \"advanceBy\": \"5.00:00:00\" } or { \"set\": \"2026-12-01T09:30:00+08:00\" }. The clock only moves forward; its offset is kept in the database, so a restart resumes it. Refused (409) when the test clock is off.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).WithTags(UserGroups.Administration).WithName("MoveTestClock");
        return group;
    }

    private static async Task<Results<Ok<ClockMoved>, ProblemHttpResult>> MoveAsync(MoveClockRequest request, IServiceProvider services, DeadlineJobs deadlines,
        CancellationToken cancellationToken)
    {
        if (services.GetService<AdjustableClock>() is not { } clock)
            return TypedResults.Problem(Problems.Conflict("The test clock is off: set Approval:Clock:TestClock=true (refused in Production)."));
        if ((request.Set is null) == (request.AdvanceBy is null))
            return TypedResults.Problem(Problems.InvalidField("set", ApiReasons.SetOrAdvanceBy));
        try
        {
            if (request.AdvanceBy is { } by)
                clock.Advance(by);
            else
                clock.Set(request.Set!.Value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return TypedResults.Problem(Problems.InvalidField(request.Set is null ? "advanceBy" : "set", ApiReasons.ClockOnlyMovesForward));
        }
        // Kept before anything is written on the new time: a restart must not find records dated after its clock.
        await services.GetRequiredService<TestClockOffsets>().SaveAsync(clock.Offset, cancellationToken);
        // What Hangfire would have woken by now runs at once.
        var sweep = await deadlines.RunAsync(cancellationToken);
        return TypedResults.Ok(new ClockMoved(clock.GetUtcNow(), clock.Offset, sweep.DeemedAccepted, sweep.TerminatedForBrokenPromises, sweep.ClocksObserved));
    }
}

/// <summary>The application's clock.</summary>
public sealed record ClockView(DateTimeOffset Now, bool TestClock, TimeSpan? Offset);

/// <summary>Moves the test clock: exactly one of the two.</summary>
public sealed record MoveClockRequest(DateTimeOffset? Set, TimeSpan? AdvanceBy);

/// <summary>The clock after the move, and what fell due.</summary>
public sealed record ClockMoved(DateTimeOffset Now, TimeSpan Offset, int DeemedAccepted, int TerminatedForBrokenPromises, int ClocksObserved);
