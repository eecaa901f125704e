using System.Text.Json.Nodes;
using Approval.Engine.Runtime;

namespace Approval.Workflows.Cases;

/// <summary>
/// A department's own system answers a case's process that waits for it (an <c>Elsa.HttpEndpoint</c> of the process, or of
/// a sub-workflow the process waits on): the answer is a step of the case like a person's — the case loaded, the instance
/// resumed, what the process waits for next mirrored onto the case, a timeline line naming the system, one commit guarded
/// by the case's and the instances' revisions. Who the system is has been checked by the host (a signed call or a machine
/// client of the callback's department).
/// </summary>
public sealed class DepartmentSystemAnswers(CaseCommands commands, CaseProcess process, CaseClock clock)
{
    /// <param name="caseId">The case whose process (or one of whose sub-workflows) waits.</param>
    /// <param name="instanceId">The instance the system answers, as it was told it.</param>
    /// <param name="waitsAt">Whether a bookmark is the callback the system answers.</param>
    /// <param name="system">Who answered, for the timeline.</param>
    /// <param name="path">The callback path, for the timeline.</param>
    /// <exception cref="CaseRuleException"><see cref="Refusals.RefusalCode.ProcessNotWaiting"/>: nothing waits there (answered before, or not asked yet).</exception>
    public Task<Case> AnswerAsync(string caseId, string instanceId, Func<Bookmark, bool> waitsAt, string system, string path, JsonNode? body,
        CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, async step =>
        {
            step.Case.NoteDepartmentSystemAnswer(system, path, clock);
            var (instance, result) = await process.ResumeAsync(step.Session, step.Case, step.Item,
                i => i.Id == instanceId ? i.Bookmarks.FirstOrDefault(waitsAt) : null, body, cancellationToken);
            step.Ran(instance, result);
        }, cancellationToken);
}
