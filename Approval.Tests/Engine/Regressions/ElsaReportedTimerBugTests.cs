using Approval.Engine.Runtime;
using static Approval.Tests.Engine.Flow;

namespace Approval.Tests.Engine.Regressions;

/// <summary>
/// Timer bugs Elsa's users reported (delays in joins and loops, timers firing twice), replayed from the step tables
/// in README.md beside this file. Simultaneous timers write in the README's delivery order: due time, then the
/// order the bookmarks were created in.
/// </summary>
public class ElsaReportedTimerBugTests
{
    private const WorkflowStatus Suspended = WorkflowStatus.Suspended;
    private const WorkflowStatus Finished = WorkflowStatus.Finished;

    // ---- #6763, Delay variant ----

    [Test]
    [Description("elsa-core #6763, Delay variant: the late branch of the WaitAll join waits on a Delay")]
    public async Task Wait_all_join_remembers_an_early_arrival_while_the_other_branch_waits_on_a_delay()
    {
        var run = StepTable.Load("issue-6763-waitall-branch-resumed-by-delay.json");

        await run.Start();
        run.Expect(["start", "discharge done"], ["Delay delay-weighing due t=5s"], Suspended);

        await run.AdvanceTo(4);
        run.Expect([], ["Delay delay-weighing due t=5s"], Suspended);

        await run.AdvanceTo(5);
        run.Expect(["weighing done", "after join"], [], Finished);
    }

    // ---- #6774: WaitAny must cancel a looping branch completely ----

    [Test]
    [Description("elsa-core #6774: WaitAny cancels the nested looping flowchart with its Delay")]
    public async Task Wait_any_join_cancels_a_looping_nested_flowchart_and_its_delay()
    {
        var run = StepTable.Load("issue-6774-waitany-cancels-looping-branch.json");

        await run.Start();
        run.Expect(["log 1"], ["Event Stop", "Delay loop-delay due t=5s"], Suspended);

        await run.AdvanceTo(5);
        run.Expect(["tick"], ["Event Stop", "Delay loop-delay due t=10s"], Suspended);

        await run.Publish("Stop");
        run.Expect(["log 2", "after join"], [], Finished);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Instance.Executions, Is.Empty, "no LOOP-branch activity is left running");
            Assert.That(run.Instance.Scopes, Is.Empty, "the nested flowchart is gone");
        }

        await run.AdvanceTo(20);
        run.Expect([], [], Finished);
    }

    // ---- #6921: WaitAny after several loops runs its successors once ----

    [Test]
    [Description("elsa-core #6921: cancelling the other looping branches does not run the WaitAny join again")]
    public async Task Wait_any_join_after_several_loops_runs_what_follows_it_once()
    {
        var run = StepTable.Load("issue-6921-waitany-after-loops-runs-once.json");

        await run.Start();
        run.Expect(["start"], ["Delay loop-1-delay due t=5s", "Delay loop-2-delay due t=5s", "Event Finish"], Suspended);

        await run.AdvanceTo(5);
        run.Expect(["tick 1", "tick 2"], ["Event Finish", "Delay loop-1-delay due t=10s", "Delay loop-2-delay due t=10s"], Suspended);

        await run.Publish("Finish");
        run.Expect(["loop 3 done", "after join", "end"], [], Finished);

        await run.AdvanceTo(20);
        run.Expect([], [], Finished);
        Assert.That(run.Written("after join"), Is.EqualTo(1));
    }

    // ---- #6816 (and #6419): parallel looping delays of the same duration ----

    [Test]
    [Description("elsa-core #6816, related #6419: two looping Delays of the same duration both fire every period")]
    public async Task Parallel_looping_delays_of_the_same_duration_each_fire_once_per_period_until_end_cancels_them()
    {
        var run = StepTable.Load("issue-6816-parallel-looping-delays-same-duration.json");

        await run.Start();
        run.Expect(["start"], ["Delay delay-a due t=5s", "Delay delay-b due t=5s", "Event Stop"], Suspended);

        await run.AdvanceTo(5);
        run.Expect(["A tick", "B tick"], ["Event Stop", "Delay delay-a due t=10s", "Delay delay-b due t=10s"], Suspended);

        await run.AdvanceTo(10);
        run.Expect(["A tick", "B tick"], ["Event Stop", "Delay delay-a due t=15s", "Delay delay-b due t=15s"], Suspended);

        await run.Publish("Stop");
        run.Expect([], [], Finished);

        await run.AdvanceTo(30);
        run.Expect([], [], Finished);
        Assert.That(run.Harness.Lines, Is.EqualTo(new[] { "start", "A tick", "B tick", "A tick", "B tick" }), "one tick per branch per period");
    }

    // ---- #7138: two delay chains into a WaitAll join ----

    [Test]
    [Description("elsa-core #7138: parallel chains of short Delays meet in a WaitAll join; the last Delay fires on time")]
    public async Task Wait_all_join_after_two_delay_chains_runs_when_the_last_delay_falls_due()
    {
        var run = StepTable.Load("issue-7138-parallel-delay-chains-waitall.json");

        await run.Start();
        run.Expect(["start"], ["Delay delay-a1 due t=1s", "Delay delay-b1 due t=3s"], Suspended);

        await run.AdvanceTo(1);
        run.Expect(["A1"], ["Delay delay-b1 due t=3s", "Delay delay-a2 due t=3s"], Suspended);
        var unchanged = run.Instance.Bookmarks.Select(b => b.Id).ToList();

        await run.AdvanceTo(2);
        run.Expect([], ["Delay delay-b1 due t=3s", "Delay delay-a2 due t=3s"], Suspended);
        Assert.That(run.Instance.Bookmarks.Select(b => b.Id), Is.EquivalentTo(unchanged), "the same bookmarks, untouched");

        await run.AdvanceTo(3);
        run.Expect(["B1", "A2"], ["Delay delay-b2 due t=7s"], Suspended); // both due at t=3: B1's bookmark is older

        await run.AdvanceTo(6);
        run.Expect([], ["Delay delay-b2 due t=7s"], Suspended);

        await run.AdvanceTo(7);
        run.Expect(["B2", "joined"], [], Finished);
    }

    // ---- #7247 (and #5499, #5228): every due time resumes its bookmark exactly once ----

    [Test]
    [Description("elsa-core #7247, related #5499 and #5228: an in-flow Timer and a Delay each fire once; a duplicate tick does nothing")]
    public async Task Timer_and_delay_fire_once_and_a_duplicate_delivery_of_a_fired_timer_changes_nothing()
    {
        var run = StepTable.Load("issue-7247-timer-and-delay-fire-once.json");

        await run.Start();
        run.Expect(["start"], ["Timer timer due t=5s"], Suspended);
        var timer = run.TimerId("timer");

        await run.AdvanceTo(4);
        run.Expect([], ["Timer timer due t=5s"], Suspended);

        await run.AdvanceTo(5);
        run.Expect(["timer fired"], ["Delay delay due t=10s"], Suspended);

        await run.Redeliver(timer);
        run.Expect([], ["Delay delay due t=10s"], Suspended);

        await run.AdvanceTo(10);
        run.Expect(["delay fired"], [], Finished);

        await run.AdvanceTo(70);
        run.Expect([], [], Finished);
        Assert.That(run.Written("timer fired"), Is.EqualTo(1), "an in-flow Timer does not repeat");
    }

    // ---- The README's delivery rule for "advance to t=N s" ----

    [Test]
    [Description("Regressions/README.md, Conventions: deliver due timers in due-time order (what reconciliation after downtime does)")]
    public async Task Timers_overdue_together_fire_in_due_time_order_not_creation_order()
    {
        // P waits 10 s from t=0 (due t=10); Q is reached at t=1 and waits 2 s (due t=3): Q is due first but created later.
        var run = StepTable.For(Definition(
            Activities(Start(), Delay("p", "00:00:10"), Write("p-line", "P"), Event("go", "Go"), Delay("q", "00:00:02"), Write("q-line", "Q")),
            Connections(Connect("start", "p"), Connect("p", "p-line"), Connect("start", "go"), Connect("go", "q"), Connect("q", "q-line"))));

        await run.Start();
        run.Expect([], ["Delay p due t=10s", "Event Go"], Suspended);

        await run.AdvanceTo(1);
        await run.Publish("Go");
        run.Expect([], ["Delay p due t=10s", "Delay q due t=3s"], Suspended);

        await run.AdvanceTo(20);
        run.Expect(["Q", "P"], [], Finished);
    }
}
