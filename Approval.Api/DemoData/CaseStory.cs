using Approval.Workflows.People;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.Process;

namespace Approval.Api.DemoData;

/// <summary>
/// What happens to one generated case, drawn from its own seed: which item and applicant, how the window answers
/// (accepts, refuses, asks for supplements, 容缺, stays silent), how each department reviews (on time, near the limit,
/// late, never), suspensions, an extension, the decision and delivery, a withdrawal. The story is played on the
/// simulator's clock step by step through the use cases; a step planned after the end has not happened yet, which leaves
/// the recent cases open in every status.
/// </summary>
internal sealed class CaseStory(CaseSimulator sim, CasePlan plan, Random random)
{
    private static readonly string[] Clerks = ["clerk", "clerk-2", "clerk-3", "clerk-4"];
    // Each clerk sits at a window of the service center (the demo user clerk at w01).
    private static string WindowOf(string clerk) => clerk == "clerk" ? "w01" : $"w0{clerk[^1]}";
    private static Actor Clerk(string clerk) => Named(Actor.Clerk(clerk, WindowOf(clerk)));

    // A demo user acts under their display name, as they would signed in ("李敏 (clerk)"); the history's extra staff
    // (clerk-2, tax-reviewer-2) have no account, hence no name but the account.
    private static readonly Dictionary<string, string> DemoNames =
        Identity.DemoUsers.All.ToDictionary(u => u.UserName, u => Actor.Of(u).Name, StringComparer.Ordinal);

    internal static string NameOf(string account) => DemoNames.GetValueOrDefault(account, account);

    private static Actor Named(Actor actor) => actor with { Name = NameOf(actor.UserName) };
    private static readonly string[] RefusalReasons =
    [
        "申请事项依法不需要取得行政许可 (no licence is needed for this)",
        "申请事项不属于本机关职权范围 (not within this authority's remit)",
        "申请人不具备申请资格 (the applicant is not eligible)",
        "尚未取得前置审批文件 (a prerequisite approval is missing)",
    ];

    private readonly Dictionary<string, TaskPlan> _tasks = new(StringComparer.Ordinal);
    private Actor _applicant = Actor.Applicant("", "");
    private string? _differingDepartment;
    private Verdict _differingVerdict;
    private bool _stuckTask;
    private int _round;

    private sealed class TaskPlan
    {
        public required string Reviewer { get; init; }
        public DateTimeOffset? ClaimAt { get; set; }
        public DateTimeOffset? AnswerAt { get; init; }
        public required Verdict Verdict { get; init; }
    }

    public async Task<SimulatedCase> RunAsync()
    {
        var item = await sim.ItemAsync(PickItem());
        var application = DemoApplications.For(item, random);
        _applicant = Actor.Applicant(application.Applicant.Name, application.Applicant.IdNumber);
        sim.Submit(plan, item, application);
        if (await WindowAsync(item))
            await ReviewAsync(item);
        return await sim.FinishAsync();
    }

    // Walk-in joint registrations and food licences are the bulk of a service center's work; construction permits the fewest.
    private string PickItem() => random.NextDouble() switch
    {
        < 0.35 => DemoCatalog.EnterpriseEstablishment.Code,
        < 0.60 => DemoCatalog.FoodBusinessLicense.Code,
        < 0.85 => DemoCatalog.IndividualBusiness.Code,
        _ => DemoCatalog.ConstructionPermit.Code,
    };

    /// <summary>The window's part; true when the case went on to review.</summary>
    private async Task<bool> WindowAsync(ApprovalItem item)
    {
        var id = sim.Case.Id;
        var clerk = Clerks[random.Next(Clerks.Length)];
        var r = random.NextDouble();
        if (r < 0.02)
        {
            // Nobody answers: the sweep accepts it by law once the 5 working days have passed (超时受理).
            await sim.AtAsync(sim.Clock.AcceptanceDeadline(sim.Case.ReceivedAt).AddMinutes(1));
            return sim.Case.Status == CaseStatus.InReview;
        }
        if (!await sim.AtAsync(Later(sim.Now, random.Next(0, 3))))
            return false;
        if (r < 0.06)
        {
            await sim.Window.RefuseAsync(id, Clerk(clerk), RefusalReasons[random.Next(RefusalReasons.Length)]);
            await RateAsync();
            return false;
        }
        if (r < 0.15)
        {
            var missing = item.Materials.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(m => m.Name).ToList();
            await sim.Window.RequestSupplementAsync(id, Clerk(clerk), missing);
            if (random.NextDouble() < 0.1)
            {
                // A second request on the unchanged application: refused by the rules and recorded (补正不一次告知).
                if (!await sim.AtAsync(Later(sim.Now, random.Next(0, 2))))
                    return false;
                await sim.Window.RequestSupplementAsync(id, Clerk(clerk), [item.Materials[^1].Name]);
            }
            if (random.NextDouble() < 0.08 || !await sim.AtAsync(Later(sim.Now, random.Next(1, 8))))
                return false;
            await sim.Applicants.SupplementAsync(id, _applicant, null);
            if (!await sim.AtAsync(Later(sim.Now, random.Next(0, 2))))
                return false;
        }
        else if (r < 0.20 && item.Kind != ItemKind.Immediate && item.Materials.Where(m => m.MayBeMissing).ToList() is { Count: > 0 } optional
            // A 警示/失信 applicant is refused 容缺 (the clerk sees why) and accepted the ordinary way below.
            && (await sim.Credit.AssessAsync(sim.Case.Applicant.IdNumber, sim.Now)).AllowsPromise)
        {
            var today = sim.Clock.Due.Hours.DateOf(sim.Now);
            var promisedBy = sim.Clock.Due.Calendar.AddWorkingDays(today, random.Next(2, Math.Max(3, Math.Min(8, item.PromisedLimitDays))));
            await sim.Window.AcceptWithMissingMaterialsAsync(id, Clerk(clerk), [optional[0].Code], promisedBy);
            return true;
        }
        // Fees are free by the catalog; a clerk now and then charges one anyway (违规收费).
        decimal? fee = random.NextDouble() < 0.003 ? item.Fee + 50 : null;
        await sim.Window.AcceptAsync(id, Clerk(clerk), fee);
        return true;
    }

    /// <summary>The departments' part, to delivery or until the story runs past the end.</summary>
    private async Task ReviewAsync(ApprovalItem item)
    {
        var id = sim.Case.Id;
        var lead = item.LeadDepartmentCode;
        var limit = Math.Max(1, item.PromisedLimitDays);
        DateTimeOffset? withdrawAt = random.NextDouble() < 0.015 ? Later(sim.Now, random.Next(1, limit + 1)) : null;
        DateTimeOffset? extendAt = item.Kind != ItemKind.Immediate && random.NextDouble() < 0.06 ? Later(sim.Now, Math.Max(1, limit * 2 / 3)) : null;
        DateTimeOffset? askSuspensionAt = item.Kind == ItemKind.Joint && random.NextDouble() < 0.05 ? Later(sim.Now, random.Next(1, 4)) : null;
        DateTimeOffset? materialsAt = sim.Case.Promise is { } promise && random.NextDouble() < 0.85
            ? Later(sim.Now, random.Next(0, Math.Max(1, sim.Clock.Due.Calendar.WorkingDaysBetween(sim.Clock.Due.Hours.DateOf(sim.Now), promise.PromisedBy))))
            : null;
        // 即办件 are decided on the spot; the others mostly within a day of the last opinion.
        var decisionDays = random.NextDouble() switch
        {
            < 0.02 => (int?)null, // the head never signs: the case runs past its limit (超期办结)
            < 0.05 => item.Kind == ItemKind.Immediate ? 1 : random.Next(limit / 2, limit + 6),
            _ => item.Kind == ItemKind.Immediate ? 0 : random.Next(0, 2),
        };
        _stuckTask = random.NextDouble() < 0.02;
        (_differingDepartment, _differingVerdict) = (null, random.NextDouble() switch
        {
            < 0.04 => Verdict.ApproveWithConditions,
            < 0.075 => Verdict.ReturnForSupplement,
            < 0.10 => Verdict.Refuse,
            _ => Verdict.Approve,
        });
        DateTimeOffset? resumeAt = null, decideAt = null, deliverAt = null, supplementAt = null;

        while (sim.Case.IsOpen)
        {
            var @case = sim.Case;
            var next = (At: DateTimeOffset.MaxValue, Act: (Func<Task>?)null);
            void Consider(DateTimeOffset? at, Func<Task> act)
            {
                if (at is { } t && t < next.At)
                    next = (t, act);
            }

            if (@case.Status is CaseStatus.InReview or CaseStatus.Suspended or CaseStatus.SupplementRequested)
                Consider(withdrawAt, () => sim.Applicants.WithdrawAsync(id, _applicant, "申请人主动撤回 (withdrawn by the applicant)"));
            if (@case.Status is CaseStatus.InReview or CaseStatus.Suspended && @case.ExtensionDays == 0 && (@case.DueAt is null || extendAt <= @case.DueAt))
                Consider(extendAt, async () => { await sim.Departments.ExtendAsync(id, Named(Actor.Head($"{lead}-head", lead)), "需组织现场踏勘，依法延长审查期限 (a site survey is needed)"); extendAt = null; });
            if (@case.Promise is not null)
                Consider(materialsAt, () => sim.StepAsync((c, clock) => c.ReceivePromisedMaterials(_applicant.Name, c.Promise!.MaterialCodes, clock)));
            switch (@case.Status)
            {
                case CaseStatus.Suspended:
                    resumeAt ??= Later(sim.Now, random.Next(2, 11));
                    Consider(resumeAt, async () => { await sim.Departments.ResumeClockAsync(id, Named(Actor.Reviewer($"{lead}-reviewer", lead))); resumeAt = null; _tasks.Clear(); });
                    break;
                case CaseStatus.InReview:
                    var open = @case.Tasks.Where(t => t.IsOpen).ToList();
                    foreach (var task in open)
                    {
                        var taskPlan = PlanOf(task);
                        if (task.ClaimedBy is null)
                            Consider(taskPlan.ClaimAt, async () => { await sim.Departments.ClaimAsync(id, task.Id, Named(Actor.Reviewer(taskPlan.Reviewer, task.DepartmentCode))); taskPlan.ClaimAt = null; });
                        else // by the reviewer who holds it: a plan made again after a pause may have named another
                            Consider(taskPlan.AnswerAt, () => sim.Departments.GiveOpinionAsync(id, task.Id, Named(Actor.Reviewer(task.ClaimedBy, task.DepartmentCode)), taskPlan.Verdict, ReasonOf(taskPlan.Verdict)));
                    }
                    // A head does not sign while 容缺 materials are still owed (and the promise sweep cannot terminate a decided case).
                    if (open.Count == 0 && @case.Promise is null && sim.Instance?.Bookmarks.Any(b => b.Name == "decision") == true)
                    {
                        decideAt ??= decisionDays is { } days ? Later(sim.Now, days) : null;
                        Consider(decideAt, async () => { await sim.Departments.DecideAsync(id, Named(Actor.Head($"{lead}-head", lead)), null, null); decideAt = null; });
                    }
                    if (sim.Instance?.Bookmarks.Any(b => b.ActivityType == ApprovalTypes.ClockSuspension) != true)
                        Consider(askSuspensionAt, async () =>
                        {
                            await sim.Departments.SuspendClockAsync(id, Named(Actor.Reviewer($"{lead}-reviewer", lead)), "组织专家评审，评审时间不计入审批期限 (expert review, Art. 45)", random.Next(3, 11));
                            askSuspensionAt = null;
                        });
                    break;
                case CaseStatus.SupplementRequested:
                    // Returned for supplements during review: most applicants answer within a week, a few never do.
                    supplementAt ??= random.NextDouble() < 0.9 ? Later(sim.Now, random.Next(1, 6)) : DateTimeOffset.MaxValue;
                    Consider(supplementAt, async () => { await sim.Applicants.SupplementAsync(id, _applicant, null); supplementAt = null; _tasks.Clear(); _round++; });
                    break;
                case CaseStatus.Decided:
                    deliverAt ??= Later(sim.Now, random.Next(0, 4));
                    Consider(deliverAt, async () =>
                    {
                        var clerk = Clerks[random.Next(Clerks.Length)];
                        await sim.Window.DeliverAsync(id, Clerk(clerk));
                        await RateAsync();
                    });
                    break;
            }
            var status = @case.Status;
            if (next.Act is null || !await sim.AtAsync(next.At))
                return;
            // A sweep may have ended or changed the case on the way (a broken 容缺 promise): plan again from what it is.
            if (sim.Case.Status == status)
                await next.Act();
        }
    }

    // About a third of applicants rate the service (满意度评价) within a few days of the result, most of them well.
    private async Task RateAsync()
    {
        if (random.NextDouble() >= 0.35 || !await sim.AtAsync(Later(sim.Now, random.Next(0, 4))))
            return;
        var level = random.NextDouble() switch
        {
            < 0.55 => Satisfaction.VerySatisfied,
            < 0.85 => Satisfaction.Satisfied,
            < 0.95 => Satisfaction.Fair,
            < 0.98 => Satisfaction.Dissatisfied,
            _ => Satisfaction.VeryDissatisfied,
        };
        await sim.Applicants.RateAsync(sim.Case.Id, _applicant, level, level < Satisfaction.Fair ? "等候时间过长 (waited too long)" : null);
    }

    private TaskPlan PlanOf(CaseTask task)
    {
        if (_tasks.TryGetValue(task.Id, out var known))
            return known;
        var limit = task.LimitDays;
        // Most departments answer well within their limit, some near it (提示, 黄牌), a few late (超时办理).
        var days = random.NextDouble() switch
        {
            < 0.86 => random.Next(0, Math.Max(1, limit * 6 / 10)),
            < 0.98 => random.Next(limit * 6 / 10, limit + 1),
            _ => random.Next(limit + 1, limit + 7),
        };
        var verdict = Verdict.Approve;
        if (_round == 0 && _differingVerdict != Verdict.Approve && (_differingDepartment ??= task.DepartmentCode) == task.DepartmentCode)
            verdict = _differingVerdict;
        var stuck = _stuckTask && _tasks.Count == 0;
        var answerAt = stuck ? (DateTimeOffset?)null : Later(sim.Now, days);
        var claimAt = Later(sim.Now, 0);
        var reviewer = random.Next(3) switch { 0 => $"{task.DepartmentCode}-reviewer", var n => $"{task.DepartmentCode}-reviewer-{n + 1}" };
        return _tasks[task.Id] = new TaskPlan { Reviewer = reviewer, ClaimAt = answerAt is { } a && a < claimAt ? a : claimAt, AnswerAt = answerAt, Verdict = verdict };
    }

    private static string? ReasonOf(Verdict verdict) => verdict switch
    {
        Verdict.ApproveWithConditions => "须在开业前完成消防设施检测 (fire equipment to be tested before opening)",
        Verdict.ReturnForSupplement => "请补充住所使用证明原件 (the original proof of premises is needed)",
        Verdict.Refuse => "经营场所不符合规划用途 (the premises are not zoned for this use)",
        _ => null,
    };

    /// <summary>
    /// A moment <paramref name="workingDays"/> working days after <paramref name="from"/>: within office hours of that day,
    /// or a little later the same day for 0.
    /// </summary>
    private DateTimeOffset Later(DateTimeOffset from, int workingDays)
    {
        if (workingDays == 0)
            return from.AddMinutes(random.Next(5, 60));
        var due = sim.Clock.Due;
        var day = due.Calendar.AddWorkingDays(due.Hours.DateOf(from), workingDays);
        return due.Hours.StartOf(day).AddHours(8.5).AddMinutes(random.Next(0, 9 * 60));
    }
}
